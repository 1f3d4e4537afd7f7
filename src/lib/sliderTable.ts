/**
 * A slider's table: the engine's curves for every value a slider can take, asked for in one batch
 * when the slider is taken hold of (pointer down or keyboard focus), so that each step of the drag
 * is drawn in the frame of the input, whatever the slider changes (weight, age, spacing, devices:
 * changes that, unlike dose and infusion time, have no exact shortcut; see preview.ts).
 *
 * A table entry is not an approximation: it is the engine's answer for exactly that scenario,
 * computed in the worker like any other, only earlier. Entries are found by the scenario's whole
 * content (every field, keys in a fixed order), so an entry can only ever stand for the scenario
 * it was computed for; a change the table does not cover simply goes to the engine as before.
 */
import type { RunOutcome, SimulationResult } from '../engine/run';
import type { Scenario } from '../engine/scenario';

/** What a slider offers: its range, step and current value. */
export interface SliderRange {
  min: number;
  max: number;
  step: number;
  value: number;
}

/**
 * Most numbers one table may hold (8 bytes each, so 16 MB): a 24 h curve of 1441 points is about
 * 7,000 numbers with its metabolite, effect site and occupancy, so a whole 111-value weight slider
 * fits many times over; a 26-week course fits only the values near the current one.
 */
export const TABLE_BUDGET_NUMBERS = 2_000_000;
/** Most values in one table, whatever the budget allows. */
export const MAX_TABLE_VALUES = 400;
/**
 * Most numbers per batch sent to the worker (about 14 curves of 24 h, a few ms of work): a step
 * the table does not have yet waits at most one chunk for the engine, not the whole table.
 */
export const CHUNK_NUMBERS = 100_000;

/** Decimal places of a number as written (0.05 -> 2, 40 -> 0). */
function decimals(x: number): number {
  const text = String(x);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The values a range input with this min, max and step can take (min, min + step, ... up to max,
 * written to the step's precision, as the browser reports them), all of them when there are at
 * most `maxCount`, else the `maxCount` nearest to the current value. A range that is not a finite
 * ascending interval with a positive step is a bug.
 */
export function sliderValues(range: SliderRange, maxCount: number): number[] {
  const { min, max, step, value } = range;
  if (![min, max, step, value].every(Number.isFinite) || !(step > 0) || !(max >= min))
    throw new RangeError(`Not a slider range: ${JSON.stringify(range)}`);
  const places = Math.max(decimals(min), decimals(step));
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  const at = (k: number) => Number((min + k * step).toFixed(places));
  const n = Math.max(1, Math.min(count, Math.floor(maxCount)));
  const nearest = Math.round((Math.min(max, Math.max(min, value)) - min) / step);
  const first = Math.min(Math.max(0, nearest - Math.floor(n / 2)), count - n);
  return Array.from({ length: n }, (_, k) => at(first + k));
}

/** How many numbers one result of this scenario holds: time, three curves and occupancy. */
export function numbersPerResult(s: Scenario): number {
  return 5 * (Math.floor((s.options.endH * 60) / s.options.stepMin + 1e-9) + 2);
}

/** A scenario's content as text with every object's keys sorted: equal scenarios, equal text. */
export function scenarioKey(s: Scenario): string {
  return JSON.stringify(s, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Values in the order the table asks for them: nearest the current value first. */
export function nearestFirst(values: readonly number[], current: number): number[] {
  return [...values].sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
}

/**
 * The latest table: the engine's result per scenario. It is filled batch by batch (begin, then
 * add per chunk), so the values nearest the slider's are ready first.
 */
export class SliderTable {
  #entries = new Map<string, SimulationResult>();
  #asked = new Set<string>();
  #batch = 0;

  /** The engine's result for exactly this scenario, if the table has it. */
  get(s: Scenario): SimulationResult | undefined {
    return this.#entries.get(scenarioKey(s));
  }

  /** Whether these scenarios are the ones already held or asked for (no new batch needed). */
  covers(scenarios: readonly Scenario[]): boolean {
    return scenarios.every((s) => this.#asked.has(scenarioKey(s)));
  }

  /** Starts a new table for these scenarios (the old one is dropped); returns the batch's id. */
  begin(scenarios: readonly Scenario[]): number {
    this.#entries = new Map();
    this.#asked = new Set(scenarios.map(scenarioKey));
    return ++this.#batch;
  }

  /** Whether `batch` is still the table being filled. */
  current(batch: number): boolean {
    return batch === this.#batch;
  }

  /**
   * Adds a chunk's answers to table `batch` (ignored when a newer table has begun); failed runs
   * are left out, so those values go to the engine, which says what is wrong.
   */
  add(batch: number, scenarios: readonly Scenario[], outcomes: readonly RunOutcome[]): void {
    if (outcomes.length !== scenarios.length)
      throw new Error(`A table of ${scenarios.length} scenarios got ${outcomes.length} answers`);
    if (!this.current(batch)) return;
    scenarios.forEach((s, k) => {
      const o = outcomes[k]!;
      if (o.ok) this.#entries.set(scenarioKey(s), o.result);
    });
  }

  /** Forgets everything (the scenarios were replaced, or a batch failed). */
  clear(): void {
    this.#entries = new Map();
    this.#asked = new Set();
    this.#batch++;
  }

  get size(): number {
    return this.#entries.size;
  }
}
