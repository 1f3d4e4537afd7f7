/**
 * A model's prediction next to published observations, for the validation view: the standard
 * protocol's curve (IV 0.5 mg/kg over 40 min, or 84 mg nasal) and one comparison per observation.
 * Nothing here adjusts the model; disagreements are reported with their explanation.
 */
import { ivScenarioFor, nasalScenarioFor, routeScenarioFor } from './presets';
import { modelIn, type Registry } from './registry';
import { dosingLengthMin } from './regimen';
import { prepareIndividual, runScenario, type SimulationResult } from './run';
import { systemicClearanceLPerH } from './systemic';
import { SCENARIO_VERSION, type Regimen, type Scenario } from './scenario';
import { DEFAULT_PATIENT } from './defaultPatient';
import { aucNgHPerMl, firstPeakIndex, halfLifeH } from './curve';

/** A published observation or label fact a model is compared against (never fitted to). */
export interface Observation {
  id: string;
  label: string;
  /** observed value, or [low, high] for a range */
  value: number | readonly [number, number];
  unit: string;
  source: string;
  /** sampling or measurement caveat that matters for the comparison */
  note: string;
  /** a published interval around a single value (e.g. a 95 % CI); agreement means inside it */
  interval?: readonly [number, number];
}

/** What a route model's figure an observation is compared with. */
export type RouteMeasure = 'bioavailability' | 'tmax' | 'metabolite-ratio';

/** A route's protocol (the dose its source gave) and the source's summary figures. */
export interface RouteValidationDef {
  protocol: { name: string; regimen: Regimen };
  observations: readonly (Observation & { measure: RouteMeasure })[];
}

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

function run(registry: Registry, s: Scenario): SimulationResult {
  const r = runScenario(registry, s);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.result;
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

/** A model's validation: its run of the protocol, and its comparisons or why it has none. */
function validation(
  modelId: string,
  scenario: Scenario,
  result: SimulationResult,
  comparisons: Comparison[],
  none: string | null = null,
): Validation {
  return { modelId, scenario, result, comparisons, none };
}

export function validateModel(registry: Registry, modelId: string): Validation | { error: string } {
  const model = modelIn(registry, modelId);
  const observed = registry.observations;
  if (!model) return { error: `Unknown model "${modelId}"` };
  if (model.route === 'iv') {
    const scenario: Scenario = {
      ...ivScenarioFor(model.id, 0.5),
      name: 'IV ketamine 0.5 mg/kg over 40 min',
      options: { endH: 8, stepMin: 1 },
    };
    if (model.population.paediatric) {
      const child = { ...scenario, patient: { ...scenario.patient, weightKg: 25, ageYears: 8 } };
      return validation(
        modelId,
        scenario,
        run(registry, child),
        [],
        'The observations included here are from adults; this paediatric model is shown for a 25 kg, 8-year-old child without a comparison.',
      );
    }
    const result = run(registry, scenario);
    const c = result.plasma.ketamine!;
    const peak = c[firstPeakIndex(c)]!;
    const typical = prepareIndividual(model, scenario);
    const cl = systemicClearanceLPerH(typical.system, typical.system.structure, model.parent);
    return validation(modelId, scenario, result, [
      compare(observed.iv[0]!, peak),
      compare(observed.iv[1]!, peak),
      compare(observed.iv[2]!, cl),
    ]);
  }
  if (model.route !== 'intranasal') return validateRoute(registry, modelId);
  const scenario: Scenario = {
    ...nasalScenarioFor(model.id, 3),
    name: 'Esketamine 84 mg (3 devices, 5 min apart)',
    options: { endH: 48, stepMin: 1 },
  };
  const result = run(registry, scenario);
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
  const long = run(registry, { ...scenario, options: { endH: 24 * 14, stepMin: 1 } });
  const iv = run(registry, ivScenario);
  const f =
    (100 * aucNgHPerMl(long.tMin, long.plasma.esketamine!)) /
    aucNgHPerMl(iv.tMin, iv.plasma.esketamine!);
  return validation(modelId, scenario, result, [
    compare(observed.intranasal[0]!, tmaxAfterLast),
    compare(observed.intranasal[1]!, f),
    compare(observed.intranasal[2]!, halfLifeH(result.tMin, c, 24 * 60, 48 * 60)),
    compare(observed.intranasal[3]!, halfLifeH(result.tMin, nor, 24 * 60, 48 * 60)),
  ]);
}

/**
 * A route model against its source's summary figures: bioavailability (systemic dose / dose), the
 * parent's time to peak after the protocol's dose, and the metabolite/parent AUC ratio over 96 h
 * (concentrations as the engine reports them, the metabolite in parent-mass units).
 */
function validateRoute(registry: Registry, modelId: string): Validation {
  const def = registry.observations.routes[modelId];
  const model = registry.models[modelId]!;
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    name: def?.protocol.name ?? model.shortName,
    patient: { ...DEFAULT_PATIENT },
    model: modelId,
    regimen: def?.protocol.regimen ?? routeScenarioFor(modelId, model.route).regimen,
    options: { endH: 24, stepMin: 0.5 },
  };
  const result = run(registry, scenario);
  if (!def)
    return validation(
      modelId,
      scenario,
      result,
      [],
      'No published summary figures are recorded for this route model.',
    );
  const long = run(registry, { ...scenario, options: { endH: 96, stepMin: 1 } });
  const parent = result.plasma[model.parent]!;
  const measures: Record<RouteMeasure, () => number> = {
    bioavailability: () => (100 * result.systemicDoseMg) / result.totalDoseMg,
    tmax: () => result.tMin[firstPeakIndex(parent)]!,
    'metabolite-ratio': () =>
      aucNgHPerMl(long.tMin, long.plasma[model.metabolite!]!) /
      aucNgHPerMl(long.tMin, long.plasma[model.parent]!),
  };
  return validation(
    modelId,
    scenario,
    result,
    def.observations.map((o) => compare(o, measures[o.measure]())),
  );
}
