/**
 * A model's prediction next to published observations, for the validation view: the standard
 * protocol's curve (IV 0.5 mg/kg over 40 min, or 84 mg nasal) and one comparison per observation.
 * Nothing here adjusts the model; disagreements are reported with their explanation.
 */
import { findModel } from '../../models/index';
import { IV_OBSERVATIONS, NASAL_OBSERVATIONS, type Observation } from '../../models/observations';
import { PRESETS } from './presets';
import { dosingLengthMin } from './regimen';
import { prepareIndividual, runScenario, type SimulationResult } from './run';
import { systemicClearanceLPerH } from './systemic';
import type { Scenario } from './scenario';
import { firstPeakIndex } from './summary';

export interface Comparison {
  observation: Observation;
  /** the model's value in the observation's unit */
  model: number;
  /**
   * whether the model's value falls in the observed range, in the published interval of a single
   * value, or (without one) within 10 % of it
   */
  agrees: boolean;
  /**
   * (model - observed) / observed, %; for a range, from the nearer end (0 inside the range)
   */
  deviationPercent: number;
}

export interface Validation {
  modelId: string;
  scenario: Scenario;
  result: SimulationResult;
  comparisons: Comparison[];
  /** why a model has no comparisons (e.g. paediatric), else null */
  none: string | null;
}

function run(s: Scenario): SimulationResult {
  const r = runScenario(s);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.result;
}

function auc(t: Float64Array, c: Float64Array): number {
  let s = 0;
  for (let k = 1; k < t.length; k++) s += ((t[k]! - t[k - 1]!) * (c[k]! + c[k - 1]!)) / 2;
  return s;
}

/** Apparent terminal half-life from the log-linear decline between two times, h. */
function halfLifeH(t: Float64Array, c: Float64Array, t1Min: number, t2Min: number): number {
  const i1 = t.indexOf(t1Min);
  const i2 = t.indexOf(t2Min);
  return (Math.LN2 * (t2Min - t1Min)) / Math.log(c[i1]! / c[i2]!) / 60;
}

export function compare(observation: Observation, model: number): Comparison {
  const v = observation.value;
  const iv = observation.interval;
  const agrees =
    typeof v === 'number'
      ? iv
        ? model >= iv[0] && model <= iv[1]
        : Math.abs(model - v) <= 0.1 * v
      : model >= v[0] && model <= v[1];
  const deviationPercent =
    typeof v === 'number'
      ? (100 * (model - v)) / v
      : model < v[0]
        ? (100 * (model - v[0])) / v[0]
        : model > v[1]
          ? (100 * (model - v[1])) / v[1]
          : 0;
  return { observation, model, agrees, deviationPercent };
}

export function validateModel(modelId: string): Validation | { error: string } {
  const model = findModel(modelId);
  if (!model) return { error: `Unknown model "${modelId}"` };
  if (model.route === 'iv') {
    const scenario: Scenario = {
      ...PRESETS['iv-0.5']!,
      model: model.id,
      options: { endH: 8, stepMin: 1 },
    };
    if (model.population.paediatric) {
      return {
        modelId,
        scenario,
        result: run({ ...scenario, patient: { ...scenario.patient, weightKg: 25, ageYears: 8 } }),
        comparisons: [],
        none: 'The observations included here are from adults; this paediatric model is shown for a 25 kg, 8-year-old child without a comparison.',
      };
    }
    const result = run(scenario);
    const c = result.plasma.ketamine!;
    const peak = c[firstPeakIndex(c)]!;
    const typical = prepareIndividual(model, scenario);
    const cl = systemicClearanceLPerH(typical.system, typical.system.structure, model.parent);
    return {
      modelId,
      scenario,
      result,
      comparisons: [
        compare(IV_OBSERVATIONS[0]!, peak),
        compare(IV_OBSERVATIONS[1]!, peak),
        compare(IV_OBSERVATIONS[2]!, cl),
      ],
      none: null,
    };
  }
  const scenario: Scenario = {
    ...PRESETS['esk-84']!,
    model: model.id,
    options: { endH: 48, stepMin: 1 },
  };
  const result = run(scenario);
  const c = result.plasma.esketamine!;
  const nor = result.plasma.noresketamine!;
  // The label's Tmax counts from the last device of the session.
  const tmaxAfterLast = result.tMin[firstPeakIndex(c)]! - dosingLengthMin(scenario.regimen);
  const ivScenario: Scenario = {
    ...scenario,
    options: { endH: 24 * 14, stepMin: 1 },
    regimen: {
      kind: 'iv',
      doseMgPerKg: 84 / scenario.patient.weightKg,
      infusionMin: 0,
      schedule: { kind: 'single' },
    },
  };
  const long = run({ ...scenario, options: { endH: 24 * 14, stepMin: 1 } });
  const iv = run(ivScenario);
  const f = (100 * auc(long.tMin, long.plasma.esketamine!)) / auc(iv.tMin, iv.plasma.esketamine!);
  return {
    modelId,
    scenario,
    result,
    comparisons: [
      compare(NASAL_OBSERVATIONS[0]!, tmaxAfterLast),
      compare(NASAL_OBSERVATIONS[1]!, f),
      compare(NASAL_OBSERVATIONS[2]!, halfLifeH(result.tMin, c, 24 * 60, 48 * 60)),
      compare(NASAL_OBSERVATIONS[3]!, halfLifeH(result.tMin, nor, 24 * 60, 48 * 60)),
    ],
    none: null,
  };
}
