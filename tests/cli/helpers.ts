/** Shared helpers of the CLI tests. */
import { runScenario } from '../../src/registry';
import { expect } from 'vitest';
import { type SimulationResult } from '../../src/engine/run';

/** Runs a scenario through the engine and fails the test when it is refused. */
export function simulate(scenario: unknown): SimulationResult {
  const outcome = runScenario(scenario);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('; '));
  return outcome.result;
}

export interface ParsedCsv {
  header: string[];
  rows: number[][];
}

/** Parses the CLI's CSV strictly: "\n" line ends, a final "\n", no blank lines, numeric cells. */
export function parseCsv(text: string): ParsedCsv {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    expect(cells).toHaveLength(header.length);
    return cells.map((c) => {
      expect(c).toMatch(/^-?\d+(\.\d+)?$/);
      return Number(c);
    });
  });
  return { header, rows };
}

/** One column of a parsed CSV by name. */
export function column(csv: ParsedCsv, name: string): number[] {
  const j = csv.header.indexOf(name);
  expect(j, `column ${name} in ${csv.header.join(',')}`).toBeGreaterThanOrEqual(0);
  return csv.rows.map((r) => r[j]!);
}

/**
 * Expects printed values to equal the engine's to the printed precision: at 6 significant digits
 * the rounding error is at most 5e-6 of the value.
 */
export function expectCloseColumns(
  actual: readonly number[],
  expected: ArrayLike<number>,
  relTol = 5.0001e-6,
): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    if (Math.abs(a - e) > relTol * Math.abs(e) + 1e-300) {
      expect.fail(`row ${i}: printed ${a}, engine ${e}`);
    }
  }
}

/** Index of the largest value (the first, on ties). */
export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
