import { PRESETS, ivScenario, nasalScenario, runScenario, validateScenario } from '../registry';
import { describe, expect, it } from 'vitest';
import { withCourse } from './presets';
import { type Scenario } from './scenario';

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
    ['a wrong version', { ...good, version: 2 }, 'Unsupported scenario version 2'],
    ['a missing version', { ...good, version: undefined }, 'Unsupported scenario version nothing'],
    [
      'Japanese but not Asian',
      withPatient(good, { japanese: true, asian: false }),
      'A Japanese patient is also Asian',
    ],
    ['4 devices', withRegimen(nasal, { devices: 4 }), 'regimen.devices must be between 1 and 3'],
    ['2.5 devices', withRegimen(nasal, { devices: 2.5 }), 'whole number of devices'],
    ['nasal devices with an IV model', { ...nasal, model: 'kamp2020' }, 'describes IV dosing only'],
    [
      'a 56 mg device (the model is defined per 28 mg device)',
      withRegimen(nasal, { deviceMg: 56 }),
      'regimen.deviceMg must be 28 mg, got 56',
    ],
    ['a 14 mg device', withRegimen(nasal, { deviceMg: 14 }), 'for a larger dose use more devices'],
    [
      'an unknown regimen kind',
      { ...good, regimen: { kind: 'oral' } },
      'regimen.kind must be "iv" or "intranasal", got "oral"',
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
