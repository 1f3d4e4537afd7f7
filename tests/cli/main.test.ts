import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/args';
import { toCsv, toJson, type JsonOutput } from '../../src/engine/columns';
import { applyOverrides, runCli, type CliIo } from '../../src/cli/main';
import { MODELS } from '../../models/index';
import { PRESETS } from '../../src/engine/presets';
import { validateScenario, type Scenario } from '../../src/engine/scenario';
import { simulate } from './helpers';

/** A file system of named texts; any other path fails as Node does. */
function files(contents: Record<string, string>): CliIo {
  return {
    readTextFile(path) {
      const text = contents[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
  };
}

const preset = (name: string): Scenario => structuredClone(PRESETS[name]!);

describe('applyOverrides', () => {
  it('replaces the model and the weight, and leaves the base scenario unchanged', () => {
    const before = structuredClone(PRESETS['iv-0.5']);
    const out = applyOverrides(PRESETS['iv-0.5'], { model: 'domino', weightKg: 82.5 }) as Scenario;
    expect(out.model).toBe('domino');
    expect(out.patient).toEqual({ ...before!.patient, weightKg: 82.5 });
    expect(out.regimen).toEqual(before!.regimen);
    expect(PRESETS['iv-0.5']).toEqual(before);
  });

  it('takes endH and stepMin from the flags, else the scenario, else 24 h and 1 min', () => {
    const course = PRESETS['iv-course']!;
    const opts = (base: unknown, o: { endH?: number; stepMin?: number }) =>
      (applyOverrides(base, o) as Scenario).options;
    expect(opts(course, {})).toEqual(course.options);
    expect(opts(course, { endH: 2 })).toEqual({ endH: 2, stepMin: course.options.stepMin });
    expect(opts(course, { stepMin: 0.5 })).toEqual({ endH: course.options.endH, stepMin: 0.5 });
    const { options: _dropped, ...noOptions } = preset('esk-28');
    expect(opts(noOptions, {})).toEqual({ endH: 24, stepMin: 1 });
    expect(opts(noOptions, { endH: 3, stepMin: 2 })).toEqual({ endH: 3, stepMin: 2 });
  });

  it('leaves invalid parts for validation to report, never fixing them', () => {
    const bad = { ...preset('esk-28'), options: { endH: 'long' }, patient: 'someone' };
    const out = applyOverrides(bad, { weightKg: 70 }) as Record<string, unknown>;
    expect(out.patient).toBe('someone');
    expect(out.options).toEqual({ endH: 'long', stepMin: 1 });
    expect(applyOverrides([1, 2], { weightKg: 70 })).toEqual([1, 2]);
    expect(applyOverrides(null, { model: 'domino' })).toBeNull();
  });
});

describe('runCli', () => {
  it('--preset: the CSV of the engine run, warnings on stderr', () => {
    const out = runCli(['--preset', 'esk-56'], files({}));
    const r = simulate(PRESETS['esk-56']);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe(toCsv(r));
    expect(out.stderr).toEqual(r.warnings.map((w) => `warning: ${w.message}`));
    expect(out.stdout).not.toContain('warning');
  });

  it('applies the overrides before the run (JSON)', () => {
    const argv = ['--preset', 'iv-1.0', '--model', 'clements', '--weight-kg', '55'];
    const out = runCli(
      [...argv, '--end-h', '2', '--step-min', '0.25', '--format', 'json'],
      files({}),
    );
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.stdout) as JsonOutput;
    const expected: Scenario = {
      ...preset('iv-1.0'),
      model: 'clements',
      patient: { ...preset('iv-1.0').patient, weightKg: 55 },
      options: { endH: 2, stepMin: 0.25 },
    };
    expect(json.scenario).toEqual(expected);
    expect(out.stdout).toBe(toJson(simulate(expected)));
    expect(json.columns.time_min).toHaveLength(2 * 60 * 4 + 1);
    expect(json.totalDoseMg).toBeCloseTo(55, 9);
  });

  it('--scenario: runs a valid file with its own options', () => {
    const scenario = { ...preset('esk-28'), options: { endH: 3, stepMin: 2 } };
    const out = runCli(['--scenario', 's.json'], files({ 's.json': JSON.stringify(scenario) }));
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe(toCsv(simulate(scenario)));
    expect(out.stdout.trimEnd().split('\n')).toHaveLength(1 + 3 * 30 + 1);
  });

  it('reads a file that starts with a byte-order mark', () => {
    const scenario = preset('esk-28');
    const out = runCli(
      ['--scenario', 's.json'],
      files({ 's.json': '\uFEFF' + JSON.stringify(scenario) }),
    );
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe(toCsv(simulate(scenario)));
  });

  const failures: [string, string[], Record<string, string>, RegExp][] = [
    [
      'an unreadable file',
      ['--scenario', 'gone.json'],
      {},
      /cannot read scenario file gone\.json: ENOENT/,
    ],
    [
      'invalid JSON',
      ['--scenario', 'b.json'],
      { 'b.json': '{"version": 1,' },
      /b\.json is not valid JSON: /,
    ],
    ['an empty file', ['--scenario', 'e.json'], { 'e.json': '' }, /e\.json is not valid JSON/],
    [
      'JSON that is not a scenario',
      ['--scenario', 'n.json'],
      { 'n.json': '42' },
      /invalid scenario: A scenario must be an object, got 42/,
    ],
    [
      'a weight out of range',
      ['--preset', 'iv-0.5', '--weight-kg', '900'],
      {},
      /invalid scenario: patient\.weightKg must be between 2 and 250 kg, got 900/,
    ],
    [
      'a negative end time',
      ['--preset', 'iv-0.5', '--end-h', '-1'],
      {},
      /invalid scenario: options\.endH must be between/,
    ],
    [
      'too many points',
      ['--preset', 'iv-0.5', '--end-h', '4000', '--step-min', '0.05'],
      {},
      /more than 1000000 points/,
    ],
    [
      'an IV model for nasal devices',
      ['--preset', 'esk-84', '--model', 'kamp2020'],
      {},
      /Model kamp2020 describes IV dosing only/,
    ],
  ];

  it.each(failures)('%s: exit 2 and one "error: " line', (_what, argv, texts, pattern) => {
    const out = runCli(argv, files(texts));
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toHaveLength(1);
    expect(out.stderr[0]).toMatch(/^error: /);
    expect(out.stderr[0]).toMatch(pattern);
    expect(out.stderr[0]).not.toMatch(/[\r\n]|\s{2}at /);
  });

  it('joins every validation problem with "; " on the one line', () => {
    const scenario = {
      ...preset('iv-0.5'),
      patient: { ...preset('iv-0.5').patient, weightKg: 900, ageYears: -1 },
      regimen: { kind: 'iv', doseMgPerKg: 5, infusionMin: 40, schedule: { kind: 'single' } },
    };
    const v = validateScenario(scenario);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems.length).toBeGreaterThanOrEqual(3);
    const out = runCli(['--scenario', 'x.json'], files({ 'x.json': JSON.stringify(scenario) }));
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toEqual([
      `error: invalid scenario: ${v.problems.map((p) => p.message).join('; ')}`,
    ]);
  });

  it('--help prints the usage and exits 0', () => {
    const out = runCli(['--help'], files({}));
    expect(out).toEqual({ exitCode: 0, stdout: USAGE, stderr: [] });
    for (const flag of [
      '--preset',
      '--scenario',
      '--model',
      '--weight-kg',
      '--end-h',
      '--step-min',
      '--format',
      '--list-presets',
      '--list-models',
    ]) {
      expect(USAGE).toContain(flag);
    }
  });

  it.each([
    ['--list-presets', Object.keys(PRESETS), Object.values(PRESETS).map((p) => p.name!)],
    ['--list-models', Object.keys(MODELS), Object.values(MODELS).map((m) => m.name)],
  ])('%s: one line per item, its id then its description', (flag, ids, descriptions) => {
    const out = runCli([flag], files({}));
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toEqual([]);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(ids.length);
    lines.forEach((line, i) => {
      expect(line.split(/\s+/)[0]).toBe(ids[i]);
      expect(line.endsWith(descriptions[i]!)).toBe(true);
    });
  });
});
