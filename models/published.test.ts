/**
 * The models against published observations and label facts. These tests do not tune anything:
 * where a model disagrees with an observation, the test states the disagreement and its reason.
 */
import { PRESETS, runScenario } from '../src/registry';
import { describe, expect, it } from 'vitest';
import { decompose } from '../src/engine/modal';
import { prepareIndividual, type SimulationResult } from '../src/engine/run';
import type { Scenario } from '../src/engine/scenario';
import { DEFAULT_IV_MODEL, MODELS } from './index';

function run(s: Scenario): SimulationResult {
  const r = runScenario(s);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.result;
}

function peak(r: SimulationResult, analyte = r.parent): { cmax: number; tmax: number } {
  const c = r.plasma[analyte]!;
  let k = 0;
  for (let i = 1; i < c.length; i++) if (c[i]! > c[k]!) k = i;
  return { cmax: c[k]!, tmax: r.tMin[k]! };
}

/** AUC by the trapezoidal rule, ng min/mL. */
function auc(t: Float64Array, c: Float64Array): number {
  let s = 0;
  for (let k = 1; k < t.length; k++) s += ((t[k]! - t[k - 1]!) * (c[k]! + c[k - 1]!)) / 2;
  return s;
}

const nasal = (devices: number, endH = 24): Scenario => ({
  ...PRESETS['esk-84']!,
  regimen: {
    kind: 'intranasal',
    devices,
    deviceMg: 28,
    spacingMin: 5,
    schedule: { kind: 'single' },
  },
  options: { endH, stepMin: 1 },
});

describe('intranasal esketamine (Perez-Ruixo 2021) against the label and the paper', () => {
  it.each([1, 2, 3])(
    'peaks 20-40 min after the last of %i device(s) (label, section 12.3)',
    (devices) => {
      const { tmax } = peak(run(nasal(devices)));
      const afterLast = tmax - (devices - 1) * 5;
      expect(afterLast).toBeGreaterThanOrEqual(20);
      expect(afterLast).toBeLessThanOrEqual(40);
    },
  );

  it('absolute bioavailability at 56 and 84 mg is within 1.5 points of the abstract (54 %, 51 %) and near the label (about 48 %)', () => {
    // AUC(0-14 d) after the nasal dose over AUC after the same dose as an IV bolus, same model.
    const F = (devices: number) => {
      const r = run(nasal(devices, 24 * 14));
      const iv = run({
        ...nasal(devices, 24 * 14),
        regimen: {
          kind: 'iv',
          doseMgPerKg: (28 * devices) / 70,
          infusionMin: 0,
          schedule: { kind: 'single' },
        },
      });
      return auc(r.tMin, r.plasma.esketamine!) / auc(iv.tMin, iv.plasma.esketamine!);
    };
    const f56 = F(2);
    const f84 = F(3);
    expect(Math.abs(f56 - 0.54)).toBeLessThan(0.015);
    expect(Math.abs(f84 - 0.51)).toBeLessThan(0.015);
    // The label's 48 % is a separate, non-model estimate: the model sits 3 points above it.
    expect(f84 - 0.48).toBeGreaterThan(0);
    expect(f84 - 0.48).toBeLessThan(0.05);
  });

  it('has a terminal half-life within the label range of 7-12 h', () => {
    const model = MODELS.perezruixo2021!;
    const ind = prepareIndividual(model, PRESETS['esk-84']!);
    const dec = decompose(ind.system.A)!;
    // The slowest esketamine mode: the disposition block is central, peripherals and liver.
    const esketamineStates = ['central', 'peripheral1', 'peripheral2', 'liver'].map((id) =>
      ind.system.stateIds.indexOf(id),
    );
    let slowest = 0;
    dec.lambda.forEach((l, m) => {
      const touches = esketamineStates.some((i) => Math.abs(dec.V.data[i * dec.V.n + m]!) > 1e-12);
      const upstreamOnly = ind.system.stateIds.every(
        (id, i) => !['nasal', 'gut'].includes(id) || Math.abs(dec.V.data[i * dec.V.n + m]!) < 1e-12,
      );
      if (touches && upstreamOnly && l < 0 && (slowest === 0 || l > slowest)) slowest = l;
    });
    const halfLifeH = Math.LN2 / -slowest / 60;
    expect(halfLifeH).toBeGreaterThanOrEqual(7);
    expect(halfLifeH).toBeLessThanOrEqual(12);
  });

  it('declines fast over the first 2-4 h: at 4 h below half of Cmax (label: biphasic decline)', () => {
    const r = run(nasal(3));
    const { cmax } = peak(r);
    expect(r.plasma.esketamine![240]! / cmax).toBeLessThan(0.5);
  });

  it('scales exposure roughly with dose from 28 to 84 mg, less than proportionally (later devices absorb less)', () => {
    const a28 = auc(run(nasal(1)).tMin, run(nasal(1)).plasma.esketamine!);
    const a84 = auc(run(nasal(3)).tMin, run(nasal(3)).plasma.esketamine!);
    expect(a84 / a28).toBeGreaterThan(2.2);
    expect(a84 / a28).toBeLessThan(3);
  });
});

describe('the default IV model: Herd 2007 at adult size', () => {
  const model = MODELS[DEFAULT_IV_MODEL]!;
  // As printed in the Herd 2007 abstract: value per 70 kg, unit, between-subject variability (%).
  const printed: [string, number, string, number][] = [
    ['V1', 38.7, 'L', 64],
    ['V2', 102, 'L', 51.7],
    ['CL', 90, 'L/h', 38.1],
    ['Q', 215, 'L/h', 19],
  ];
  it.each(printed)(
    '%s is %s %s with BSV %s %% (read as CV: omega^2 = ln(1 + CV^2)), verified',
    (key, value, unit, cv) => {
      const p = model.parameters[key]!;
      expect(p.value).toBe(value);
      expect(p.unit).toBe(unit);
      expect(p.evidence).toBe('verified');
      expect(p.source).toBe('herd2007, abstract');
      expect(p.iiv!.variance).toBeCloseTo(Math.log(1 + (cv / 100) ** 2), 15);
    },
  );

  it('has no unverified parameter, so the first screen shows no data-quality warning for it', () => {
    const ketamine = Object.entries(model.parameters).filter(
      ([k]) => !['VnC', 'CLn', 'VnP', 'Qn'].includes(k),
    );
    expect(
      ketamine.every(([, p]) => p.evidence === 'verified' || p.evidence === 'assumption'),
    ).toBe(true);
    const r = run(PRESETS['iv-0.5']!);
    expect(r.modelId).toBe('herd-adult');
    expect(r.warnings.map((w) => w.code)).not.toContain('unverified-parameters');
  });
});

describe('IV racemic ketamine against the observed peak', () => {
  it('the default model peaks above the 185 ng/mL observed after 0.5 mg/kg over 40 min (shown, not tuned)', () => {
    // Observed: 185 ng/mL (Zarate 2006, tabulated in Zanos 2018, Table 1; site not stated). The
    // default was fitted in children sampled from 14 min after a quick injection; the gap (+37 %)
    // is shown in the app's validation view, not tuned away.
    const { cmax, tmax } = peak(run(PRESETS['iv-0.5']!));
    expect(tmax).toBe(40);
    expect(cmax).toBeGreaterThan(185);
    expect(cmax / 185).toBeLessThan(1.6);
  });

  it('peaks at the end of the 40 min infusion with every IV model', () => {
    for (const id of ['herd-adult', 'kamp2020', 'domino', 'clements', 'hijazi']) {
      expect(peak(run({ ...PRESETS['iv-0.5']!, model: id })).tmax).toBe(40);
    }
  });

  it('doubling the dose doubles every concentration (linear kinetics, 1e-12)', () => {
    const a = run(PRESETS['iv-0.5']!);
    const b = run(PRESETS['iv-1.0']!);
    a.plasma.ketamine!.forEach((v, k) =>
      expect(Math.abs(2 * v - b.plasma.ketamine![k]!)).toBeLessThan(1e-12 * 600),
    );
  });
});

describe('covariates', () => {
  const at = (patient: Partial<Scenario['patient']>, s: Scenario = PRESETS['esk-84']!) =>
    run({ ...s, patient: { ...s.patient, ...patient } });

  it('weight does not change esketamine (no weight covariate in Perez-Ruixo 2021)', () => {
    expect(peak(at({ weightKg: 50 })).cmax).toBe(peak(at({ weightKg: 120 })).cmax);
  });

  it('Asian patients have higher esketamine exposure (kel x 0.36) and Japanese higher still (FRn x 1.34)', () => {
    const base = auc(at({}).tMin, at({}).plasma.esketamine!);
    const asian = auc(at({ asian: true }).tMin, at({ asian: true }).plasma.esketamine!);
    const japanese = auc(
      at({ asian: true, japanese: true }).tMin,
      at({ asian: true, japanese: true }).plasma.esketamine!,
    );
    expect(asian).toBeGreaterThan(base);
    expect(japanese).toBeGreaterThan(asian);
  });

  it('age above 60 lowers hepatic blood flow and raises exposure; below 60 it changes nothing', () => {
    const a40 = auc(at({ ageYears: 40 }).tMin, at({ ageYears: 40 }).plasma.esketamine!);
    const a55 = auc(at({ ageYears: 55 }).tMin, at({ ageYears: 55 }).plasma.esketamine!);
    const a75 = auc(at({ ageYears: 75 }).tMin, at({ ageYears: 75 }).plasma.esketamine!);
    expect(a55).toBe(a40);
    expect(a75).toBeGreaterThan(a40 * 1.02);
  });

  it('a per-kg IV dose gives a weight-independent curve with Domino (volumes and clearances per kg)', () => {
    const s = { ...PRESETS['iv-0.5']!, model: 'domino' };
    const a = at({ weightKg: 60 }, s).plasma.ketamine!;
    const b = at({ weightKg: 95 }, s).plasma.ketamine!;
    a.forEach((v, k) => expect(Math.abs(v - b[k]!)).toBeLessThan(1e-9 * 2000));
  });

  it('with Kamp 2020 (clearance ~ weight^0.75, an assumption) a heavier patient keeps a per-kg dose longer', () => {
    const light = at({ weightKg: 60 }, PRESETS['iv-0.5']!).plasma.ketamine!;
    const heavy = at({ weightKg: 100 }, PRESETS['iv-0.5']!).plasma.ketamine!;
    expect(heavy[240]!).toBeGreaterThan(light[240]!);
  });
});
