import { DOSE_PRESETS } from '../cli/presets';
import { PRESETS, ivScenario, nasalScenario, runScenario, validateScenario } from '../registry';
import { describe, expect, it } from 'vitest';
import { routeScenarioFor, withCourse } from './presets';
import { type Regimen, type Scenario } from './scenario';

const good = PRESETS['iv-0.5']!;
const nasal = PRESETS['esk-84']!;

/** A scenario with some regimen fields replaced, by any value (validation refuses the bad ones). */
const withRegimen = (s: Scenario, fields: Record<string, unknown>) => ({
  ...s,
  regimen: { ...s.regimen, ...fields },
});
/** A scenario with some patient fields replaced, by any value. */
const withPatient = (s: Scenario, fields: Record<string, unknown>) => ({
  ...s,
  patient: { ...s.patient, ...fields },
});

function problemsOf(input: unknown): string[] {
  const v = validateScenario(input);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('scenario validation', () => {
  it('accepts every preset', () => {
    for (const [name, s] of Object.entries(PRESETS)) expect(problemsOf(s), name).toEqual([]);
  });

  it.each([
    [
      'a negative dose',
      withRegimen(good, { doseMgPerKg: -0.5 }),
      'regimen.doseMgPerKg must be between 0.05 and 2 mg/kg, got -0.5',
    ],
    [
      'a dose of NaN',
      withRegimen(good, { doseMgPerKg: Number.NaN }),
      'regimen.doseMgPerKg must be a number (mg/kg), got NaN',
    ],
    [
      'a dose as text',
      withRegimen(good, { doseMgPerKg: '0.5' }),
      'must be a number (mg/kg), got "0.5"',
    ],
    [
      'weight 0 kg',
      withPatient(good, { weightKg: 0 }),
      'patient.weightKg must be between 2 and 250 kg, got 0',
    ],
    ['weight 900 kg', withPatient(good, { weightKg: 900 }), 'got 900'],
    [
      'an unknown model',
      { ...good, model: 'smith1999' },
      'Unknown model "smith1999"; known models: herd-adult, kamp2020',
    ],
    ['a wrong version', { ...good, version: 7 }, 'Unsupported scenario version 7'],
    ['a missing version', { ...good, version: undefined }, 'Unsupported scenario version nothing'],
    [
      'Japanese but not Asian',
      withPatient(good, { japanese: true, asian: false }),
      'A Japanese patient is also Asian',
    ],
    ['4 devices', withRegimen(nasal, { devices: 4 }), 'regimen.devices must be between 1 and 3'],
    ['2.5 devices', withRegimen(nasal, { devices: 2.5 }), 'whole number of devices'],
    [
      'nasal devices with an IV model',
      { ...nasal, model: 'kamp2020' },
      'Model kamp2020 describes IV dosing; for esketamine nasal device dosing choose a model of that route',
    ],
    [
      'a 56 mg device (the model is defined per 28 mg device)',
      withRegimen(nasal, { deviceMg: 56 }),
      'regimen.deviceMg must be 28 mg, got 56',
    ],
    ['a 14 mg device', withRegimen(nasal, { deviceMg: 14 }), 'for a larger dose use more devices'],
    [
      'an unknown regimen kind',
      { ...good, regimen: { kind: 'rectal' } },
      'regimen.kind must be one of "iv", "intranasal", "nasal-spray", "intramuscular", "oral", "sublingual", got "rectal"',
    ],
    [
      'course days out of order',
      withRegimen(good, { schedule: { kind: 'course', sessionDays: [0, 4, 2] } }),
      'increasing order',
    ],
    [
      'too many output points',
      { ...good, options: { endH: 4000, stepMin: 0.1 } },
      'use a larger step',
    ],
    [
      'a misspelled field',
      withPatient(good, { weight: 70 }),
      'Unknown field "weight" in patient; expected weightKg',
    ],
    ['an unknown top-level field', { ...good, dose: 3 }, 'Unknown field "dose"; expected version'],
    [
      'a vanishing infusion',
      withRegimen(good, { infusionMin: 5e-324 }),
      'must be 0 (a bolus) or at least 0.5 min',
    ],
    ['a prototype name as model', { ...good, model: 'valueOf' }, 'Unknown model "valueOf"'],
    ['a string', 'hello', 'A scenario must be an object, got "hello"'],
    ['null', null, 'got null'],
  ])('refuses %s with a clear message', (_name, input, message) => {
    const problems = problemsOf(input);
    expect(problems.join('\n')).toContain(message);
  });

  it('lists every problem, not just the first', () => {
    const problems = problemsOf({
      ...good,
      patient: { ...good.patient, weightKg: 0, ageYears: -3 },
      regimen: { ...good.regimen, doseMgPerKg: 5 },
    });
    expect(problems.length).toBe(3);
  });

  it('never clamps: an out-of-range dose is refused, not changed', () => {
    const r = runScenario(withRegimen(good, { doseMgPerKg: 2.5 }));
    expect(r.ok).toBe(false);
  });
});

describe('dose flags', () => {
  const warningsAt = (doseMgPerKg: number) => {
    const r = runScenario(withRegimen(good, { doseMgPerKg }));
    if (!r.ok) throw new Error('expected a valid scenario');
    return r.result.warnings.map((w) => w.code);
  };

  it.each([
    [0.05, 'dose-below-protocol'],
    [0.45, 'dose-below-protocol'],
    [1.5, 'dose-above-protocol'],
    [2.0, 'dose-above-protocol'],
  ])('flags %s mg/kg as %s', (dose, code) => {
    expect(warningsAt(dose)).toContain(code);
  });

  it.each([0.5, 0.75, 1.0])('does not flag %s mg/kg (inside 0.5-1.0)', (dose) => {
    const codes = warningsAt(dose);
    expect(codes).not.toContain('dose-below-protocol');
    expect(codes).not.toContain('dose-above-protocol');
  });

  it('says that above the range is toward anaesthesia', () => {
    const r = runScenario(withRegimen(good, { doseMgPerKg: 1.5 }));
    if (!r.ok) throw new Error('expected a valid scenario');
    expect(r.result.warnings.map((w) => w.message).join(' ')).toContain('anaesthetic range');
  });

  it('warns when the patient is outside the population the model was built on', () => {
    const r = runScenario(withPatient(nasal, { ageYears: 90 }));
    if (!r.ok) throw new Error('expected a valid scenario');
    const w = r.result.warnings.find((x) => x.code === 'outside-population');
    expect(w?.message).toContain('Age 90 years is outside the 18-86 years');
  });
});

describe('one scenario factory', () => {
  it("the CLI's course presets are the app's courses (the IV course was 336 h in the CLI, 360 h in the app)", () => {
    const unnamed = (s: Scenario) => {
      const { name: _name, ...rest } = s;
      return rest;
    };
    expect(unnamed(PRESETS['iv-course']!)).toEqual(withCourse(ivScenario(0.5), true));
    expect(unnamed(PRESETS['esk-course']!)).toEqual(withCourse(nasalScenario(3), true));
    expect(PRESETS['iv-course']!.options.endH).toBe((11 + 4) * 24);
    expect(unnamed(PRESETS['iv-0.5']!)).toEqual(ivScenario(0.5));
  });
});

describe('the engine is handed its models', () => {
  it('knows only the models of the registry it is given', async () => {
    const { REGISTRY } = await import('../registry');
    const { validateScenario: validateWith } = await import('./scenario');
    const { runScenario: runWith } = await import('./run');
    const onlyNasal = { ...REGISTRY, models: { perezruixo2021: REGISTRY.models.perezruixo2021! } };
    const iv = PRESETS['iv-0.5']!;
    const v = validateWith(onlyNasal, iv);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0]!.message).toMatch(/known models: perezruixo2021$/);
    expect(runWith(REGISTRY, iv).ok).toBe(true);
  });
});

describe('route regimens (scenario version 2)', () => {
  const route = (kind: Regimen['kind'], model: string) => routeScenarioFor(model, kind);
  const sl = route('sublingual', 'rolan2014-sl');
  const oral = route('oral', 'perezruixo2021-oral');
  const spray = route('nasal-spray', 'racemic-nasal-2022');
  const im = route('intramuscular', 'im-racemic');

  it('accepts every route default and every dose preset at both ends of its range', () => {
    for (const s of [sl, oral, spray, im]) expect(problemsOf(s)).toEqual([]);
    for (const p of DOSE_PRESETS)
      for (const d of p.range) expect(problemsOf(p.build(d)), `${p.pattern} ${d}`).toEqual([]);
  });

  it.each([
    [
      'an IM dose of 20 mg/kg',
      withRegimen(im, { doseMgPerKg: 20 }),
      'regimen.doseMgPerKg must be between 0.05 and 10 mg/kg, got 20',
    ],
    [
      'an oral dose of 0 mg',
      withRegimen(oral, { doseMg: 0 }),
      'regimen.doseMg must be between 1 and 500 mg, got 0',
    ],
    [
      'an oral dose as text',
      withRegimen(oral, { doseMg: '50' }),
      'regimen.doseMg must be a number (mg), got "50"',
    ],
    [
      'a hold of 45 min',
      withRegimen(sl, { holdMin: 45 }),
      'regimen.holdMin must be between 0 and 30 min, got 45',
    ],
    [
      'a sublingual dose without holdMin',
      { ...sl, regimen: { kind: 'sublingual', doseMg: 25, schedule: { kind: 'single' } } },
      'regimen.holdMin must be a number (min), got nothing',
    ],
    [
      '2.5 sprays',
      withRegimen(spray, { sprays: 2.5 }),
      'regimen.sprays must be a whole number of sprays, got 2.5',
    ],
    [
      '80 mg per spray',
      withRegimen(spray, { mgPerSpray: 80 }),
      'regimen.mgPerSpray must be between 1 and 50 mg per spray, got 80',
    ],
    [
      'a device count on a spray',
      withRegimen(spray, { devices: 2 }),
      'Unknown field "devices" in regimen',
    ],
    [
      'an unknown kind',
      withRegimen(oral, { kind: 'rectal' }),
      'regimen.kind must be one of "iv", "intranasal", "nasal-spray", "intramuscular", "oral", "sublingual", got "rectal"',
    ],
    [
      'an oral dose with an IV model',
      { ...oral, model: 'herd-adult' },
      'Model herd-adult describes IV dosing; for oral dosing choose a model of that route',
    ],
    [
      'a sublingual dose with the oral model',
      { ...sl, model: 'perezruixo2021-oral' },
      'Model perezruixo2021-oral describes oral dosing; for sublingual or buccal dosing choose a model of that route',
    ],
    [
      'a route regimen in a version 1 scenario',
      { ...oral, version: 1 },
      'regimen.kind "oral" needs scenario version 2: version 1 has only "iv" and "intranasal"',
    ],
    [
      'version 3',
      { ...oral, version: 3 },
      'Unsupported scenario version 3: this engine reads versions 1 and 2',
    ],
  ])('refuses %s with a clear message', (_what, input, message) => {
    expect(problemsOf(input).join('\n')).toContain(message);
  });

  it('reads a version 1 scenario as it was, and returns it as version 2', () => {
    const v = validateScenario({ ...good, version: 1 });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.scenario).toEqual({ ...good, version: 2 });
  });

  it('accepts IV dosing with any model (each has a central compartment)', () => {
    expect(problemsOf({ ...good, model: 'rolan2014-sl' })).toEqual([]);
  });

  it('warns when a nasal spray session is outside the doses studied, and when a hold time is given', () => {
    const low = runScenario(withRegimen(spray, { mgPerSpray: 4, sprays: 1 }));
    expect(low.ok && low.result.warnings.map((w) => w.message).join(' ')).toContain(
      '4 mg per session is outside the 10-50 mg the study gave',
    );
    const inside = runScenario(spray);
    expect(
      inside.ok && inside.result.warnings.some((w) => w.code === 'outside-studied-doses'),
    ).toBe(false);
    const held = runScenario(sl);
    expect(held.ok && held.result.warnings.map((w) => w.message).join(' ')).toContain(
      'The holding time is not modelled',
    );
  });
});
