import { PRESETS, validateScenario } from '../../src/registry';
import { DOSE_PRESETS } from '../../src/cli/presets';
import { describe, expect, it } from 'vitest';
import { SWITCHES, USAGE, VALUE_FLAGS } from '../../src/cli/args';
import { toCsv, toJson, type JsonOutput } from '../../src/engine/columns';
import { applyOverrides, runCli, type CliIo } from '../../src/cli/main';
import { DEFAULT_IV_MODEL, DEFAULT_MODELS, DEFAULT_NASAL_MODEL, MODELS } from '../../models/index';
import { type Scenario } from '../../src/engine/scenario';
import { parseCsv, simulate } from './helpers';

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
      /Model kamp2020 describes IV dosing; for esketamine nasal device dosing choose a model of that route/,
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
    for (const flag of [...VALUE_FLAGS, ...SWITCHES]) expect(USAGE).toContain(flag);
  });

  it.each([
    [
      '--list-presets',
      [...Object.keys(PRESETS), ...DOSE_PRESETS.map((p) => p.pattern)],
      [
        ...Object.values(PRESETS).map((p) => p.name!),
        ...DOSE_PRESETS.map((p) => `${p.description} (${p.range[0]}-${p.range[1]} ${p.unit})`),
      ],
    ],
    [
      '--list-models',
      Object.keys(MODELS),
      Object.values(MODELS).map(
        (m) =>
          `${m.name}; sampling: ${m.population.sampling}` +
          (m.id === DEFAULT_IV_MODEL
            ? ' (default IV model)'
            : m.id === DEFAULT_NASAL_MODEL
              ? ' (default nasal model)'
              : m.id === DEFAULT_MODELS.oral
                ? ' (default oral model)'
                : m.id === DEFAULT_MODELS.sublingual
                  ? ' (default sublingual or buccal model)'
                  : m.id === DEFAULT_MODELS.intramuscular
                    ? ' (default intramuscular model)'
                    : m.id === DEFAULT_MODELS['nasal-spray']
                      ? ' (default racemic nasal spray model)'
                      : ''),
      ),
    ],
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

  it('--list-models marks exactly one default IV and one default nasal model', () => {
    const out = runCli(['--list-models'], files({})).stdout;
    expect(out.match(/\(default IV model\)/g)).toHaveLength(1);
    expect(out.match(/\(default nasal model\)/g)).toHaveLength(1);
    expect(out).toMatch(/^herd-adult .*sampling: not stated \(default IV model\)$/m);
  });
});

describe('route presets named by a dose', () => {
  it.each([
    ['im-0.5', 'intramuscular', 'ketamine_ng_per_ml'],
    ['sl-25', 'sublingual', 'ketamine_ng_per_ml'],
    ['film-50', 'sublingual', 'noresketamine_ng_per_ml'],
    ['oral-50', 'oral', 'esketamine_ng_per_ml'],
    ['esk-oral-84', 'oral', 'noresketamine_ng_per_ml'],
    ['in-racemic-30', 'nasal-spray', 'norketamine_ng_per_ml'],
  ])('--preset %s runs a %s scenario', (name, kind, column) => {
    const out = runCli(['--preset', name, '--format', 'json'], files({}));
    expect(out.exitCode, out.stderr.join('\n')).toBe(0);
    const json = JSON.parse(out.stdout) as JsonOutput;
    expect(json.scenario.regimen.kind).toBe(kind);
    expect(Object.keys(json.columns)).toContain(column);
  });

  it.each([
    ['sl-abc', /preset sl-abc: after "sl-" give a dose in mg, e\.g\. sl-25/],
    ['oral-1000', /preset oral-1000: the dose must be from 1 to 500 mg, got 1000/],
    ['im-20', /preset im-20: the dose must be from 0\.05 to 10 mg\/kg, got 20/],
    ['rectal-10', /unknown preset "rectal-10"; presets: iv-0\.5, .*sl-<mg>, film-<mg>/],
    ['film-0', /preset film-0: the dose must be from 1 to 500 mg, got 0/],
  ])('--preset %s: exit 2 with a message saying why', (name, pattern) => {
    const out = runCli(['--preset', name], files({}));
    expect(out.exitCode).toBe(2);
    expect(out.stderr.join('\n')).toMatch(pattern);
  });
});

describe('--population', () => {
  it('adds _p5 to _p95 columns for every concentration column, ordered at every time, reproducible by seed', () => {
    const argv = ['--preset', 'iv-0.5', '--population', '200', '--seed', '7', '--step-min', '10'];
    const a = runCli(argv, files({}));
    expect(a.exitCode).toBe(0);
    const { header, rows } = parseCsv(a.stdout);
    // The default IV model has no metabolite; its parent and effect site get percentiles.
    expect(header).not.toContain('norketamine_ng_per_ml_p5');
    const base = ['ketamine_ng_per_ml', 'ketamine_effect_site_ng_per_ml'];
    for (const b of base)
      for (const p of [5, 25, 50, 75, 95]) expect(header).toContain(`${b}_p${p}`);
    const col = (name: string) => rows.map((r) => r[header.indexOf(name)]!);
    const p5 = col('ketamine_ng_per_ml_p5');
    const p50 = col('ketamine_ng_per_ml_p50');
    const p95 = col('ketamine_ng_per_ml_p95');
    p5.forEach((v, i) => {
      expect(v).toBeLessThanOrEqual(p50[i]!);
      expect(p50[i]!).toBeLessThanOrEqual(p95[i]!);
    });
    // The default IV model's published variability gives a wide band at the end of the infusion.
    const i40 = col('time_min').indexOf(40);
    expect(p95[i40]! / p5[i40]!).toBeGreaterThan(1.5);
    expect(runCli(argv, files({})).stdout).toBe(a.stdout);
    expect(runCli([...argv.slice(0, 5), '8', '--step-min', '10'], files({})).stdout).not.toBe(
      a.stdout,
    );
  });

  it('gives the metabolite its percentiles too, where the model has one (nasal esketamine)', () => {
    const out = runCli(['--preset', 'esk-84', '--population', '50', '--step-min', '30'], files({}));
    expect(out.exitCode).toBe(0);
    const { header } = parseCsv(out.stdout);
    for (const p of [5, 25, 50, 75, 95]) expect(header).toContain(`noresketamine_ng_per_ml_p${p}`);
  });

  it('refuses a model without published variability, and bad counts or seeds, with one clear line', () => {
    const noVar = runCli(
      ['--preset', 'iv-0.5', '--model', 'domino', '--population', '100'],
      files({}),
    );
    expect(noVar.exitCode).toBe(2);
    expect(noVar.stderr).toEqual([
      expect.stringMatching(
        /^error: --population: model domino has no published between-patient variability for ketamine/,
      ),
    ]);
    for (const [argv, message] of [
      [
        ['--preset', 'iv-0.5', '--population', '1'],
        /nPatients must be a whole number from 2 to 20000/,
      ],
      [['--preset', 'iv-0.5', '--population', '2.5'], /--population must be a whole number/],
      [
        ['--preset', 'iv-0.5', '--population', '10', '--seed', '-1'],
        /--seed must be a whole number/,
      ],
      [['--preset', 'iv-0.5', '--seed', '3'], /--seed needs --population/],
    ] as const) {
      const out = runCli(argv, files({}));
      expect(out.exitCode).toBe(2);
      expect(out.stderr.join(' ')).toMatch(message);
    }
  });
});
