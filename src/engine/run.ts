/**
 * Runs a validated scenario: builds the individual's system, turns the regimen into inputs, solves
 * exactly on the output grid, and returns columns of concentrations with warnings and a summary.
 */
import type { Registry } from './registry';
import { buildSystem, rangeCaveat, type BuiltSystem, type ModelDefinition } from './model';
import { occupancyColumn } from './occupancy';
import { administrations, totalDoseMg } from './regimen';
import { LIMITS, validateScenario, type Problem, type Scenario } from './scenario';
import { simulateLinear, type Plan } from './simulate';
import type { ModalDecomposition } from './modal';
import { systemicDoseMg } from './systemic';
import type { Analyte, IndividualParameters, RandomEffects, StateInput } from './types';
import { NG_PER_ML_PER_MG_PER_L } from './units';

export interface Warning {
  code:
    | 'outside-population'
    | 'paediatric-model'
    | 'dose-below-protocol'
    | 'dose-above-protocol'
    | 'fraction-capped'
    | 'outside-studied-doses'
    | 'unverified-parameters'
    | 'no-variability';
  message: string;
}

export interface SimulationResult {
  scenario: Scenario;
  modelId: string;
  parent: Analyte;
  metabolite: Analyte | null;
  /** output times, min from the first dose */
  tMin: Float64Array;
  /** plasma concentrations, ng/mL, by analyte (parent, and metabolite when the model has one) */
  plasma: Partial<Record<Analyte, Float64Array>>;
  /** effect-site concentration of the parent, ng/mL */
  effectSite: Float64Array;
  /** estimated NMDA receptor occupancy, fraction 0-1 */
  occupancy: Float64Array;
  /** total dose given, mg */
  totalDoseMg: number;
  /**
   * systemic dose, mg: the part of the dose that reaches the circulation unchanged (F x D), after
   * every loss on the way, first pass through the gut wall and liver included (src/engine/systemic.ts)
   */
  systemicDoseMg: number;
  /**
   * amount that enters the model's first compartments, mg, before first-pass loss in the liver
   * (for a nasal dose: the nasal part plus the swallowed part that escapes the gut wall)
   */
  preFirstPassDoseMg: number;
  warnings: Warning[];
}

export type RunOutcome =
  { ok: true; result: SimulationResult } | { ok: false; problems: Problem[] };

/** Regular output grid 0, step, 2 step, ... up to endMin (endMin itself always included), min. */
export function outputGrid(endMin: number, stepMin: number): Float64Array {
  const n = Math.floor(endMin / stepMin + 1e-9);
  const onGrid = Math.abs(n * stepMin - endMin) < 1e-9;
  const out = new Float64Array(n + (onGrid ? 1 : 2));
  for (let k = 0; k <= n; k++) out[k] = k * stepMin;
  if (!onGrid) out[n + 1] = endMin;
  return out;
}

/** Amount that enters the system through a list of inputs, mg. */
export function inputAmountMg(inputs: readonly StateInput[]): number {
  let s = 0;
  for (const i of inputs)
    s += i.kind === 'bolus' ? i.amountMg : i.rateMgPerMin * (i.endMin - i.startMin);
  return s;
}

/** Warnings about the patient and regimen that do not depend on random effects. */
export function scenarioWarnings(model: ModelDefinition, scenario: Scenario): Warning[] {
  const w: Warning[] = [];
  const { patient, regimen } = scenario;
  const pop = model.population;
  const assumed = rangeCaveat(pop.rangesEvidence);
  if (patient.weightKg < pop.weightKg[0] || patient.weightKg > pop.weightKg[1]) {
    w.push({
      code: 'outside-population',
      message: `Weight ${patient.weightKg} kg is outside the ${pop.weightKg[0]}-${pop.weightKg[1]} kg of the people ${model.shortName} was built on${assumed}: the result is an extrapolation.`,
    });
  }
  if (patient.ageYears < pop.ageYears[0] || patient.ageYears > pop.ageYears[1]) {
    w.push({
      code: 'outside-population',
      message: `Age ${patient.ageYears} years is outside the ${pop.ageYears[0]}-${pop.ageYears[1]} years of the people ${model.shortName} was built on${assumed}: the result is an extrapolation.`,
    });
  }
  if (pop.paediatric) {
    w.push({
      code: 'paediatric-model',
      message: `${model.shortName} is a paediatric model, built on children.`,
    });
  }
  if (regimen.kind === 'iv' && model.drug === 'racemic-ketamine') {
    const [lo, hi] = LIMITS.ivProtocolMgPerKg;
    if (regimen.doseMgPerKg < lo) {
      w.push({
        code: 'dose-below-protocol',
        message: `${regimen.doseMgPerKg} mg/kg is below the ${lo}-${hi} mg/kg range used for depression.`,
      });
    } else if (regimen.doseMgPerKg > hi) {
      w.push({
        code: 'dose-above-protocol',
        message: `${regimen.doseMgPerKg} mg/kg is above the ${lo}-${hi} mg/kg range used for depression, toward the anaesthetic range (1-2 mg/kg IV induces general anaesthesia; Zanos et al. 2018, Table 1).`,
      });
    }
  }
  for (const message of model.doseWarnings?.(administrations(regimen, patient.weightKg)) ?? [])
    w.push({ code: 'outside-studied-doses', message });
  const unverified = Object.values(model.parameters).filter((p) => p.evidence === 'unverified');
  if (unverified.length > 0) {
    w.push({
      code: 'unverified-parameters',
      message: `${unverified.length} parameter(s) of ${model.shortName} could not be checked against the primary source: ${unverified
        .map((p) => p.symbol)
        .join(', ')}.`,
    });
  }
  return w;
}

/** One individual's system and inputs; N names its parameters (any names by default). */
export interface IndividualRun<N extends string = string> {
  system: BuiltSystem;
  inputs: StateInput[];
  params: IndividualParameters<N>;
  /**
   * the checked modal decomposition of system.A (checkedModal), when already made; null when it
   * has none (the dense stepper runs); absent: the solver makes and checks it itself
   */
  modal?: ModalDecomposition | null;
}

/** The system and inputs for one individual (eta = random effects, empty for the typical person). */
export function prepareIndividual<P extends string, D extends string = never>(
  model: ModelDefinition<P, D>,
  scenario: Scenario,
  eta: RandomEffects<P> = {},
  options: { trackElimination?: boolean } = {},
): IndividualRun<P | D> {
  const params = model.individualize(eta, scenario.patient);
  const system = buildSystem(model, params, options);
  return { system, inputs: individualInputs(model, scenario, params), params };
}

/** How the scenario's regimen enters the states of an individual with these parameters. */
export function individualInputs<P extends string, D extends string = never>(
  model: ModelDefinition<P, D>,
  scenario: Scenario,
  params: IndividualParameters<P | D>,
): StateInput[] {
  const inputs: StateInput[] = [];
  for (const a of administrations(scenario.regimen, scenario.patient.weightKg))
    inputs.push(...model.administer(a, params));
  return inputs;
}

/** Index of the central compartment of an analyte. */
function centralIndex(system: BuiltSystem, analyte: Analyte): number {
  return system.structure.compartments.findIndex(
    (c) => c.analyte === analyte && c.kind === 'central',
  );
}

/**
 * Simulates one individual on a grid and returns concentration columns, ng/mL: the solver scales
 * the parent and metabolite central amounts by 1000/V (the metabolite's also by the model's
 * metaboliteNgPerStateNg) and the effect site (mg/L) by 1000.
 */
export function simulateConcentrations(
  model: ModelDefinition,
  run: IndividualRun,
  grid: Float64Array,
  plan?: Plan,
  /** which columns to compute; default all (an unrequested one comes back empty) */
  want: { metabolite: boolean; effectSite: boolean } = { metabolite: true, effectSite: true },
  /**
   * arrays to write the columns into instead of new ones (their contents are replaced): one per
   * column computed, in the order parent, metabolite, effect site, each as long as the grid
   */
  into?: readonly Float64Array[],
): {
  tMin: Float64Array;
  plasma: Partial<Record<Analyte, Float64Array>>;
  effectSite: Float64Array;
} {
  const { system } = run;
  const analytes = [
    model.parent,
    ...(model.metabolite && want.metabolite ? [model.metabolite] : []),
  ];
  const idx = analytes.map((a) => centralIndex(system, a));
  const outputStates = [...idx, ...(want.effectSite ? [system.effectIndex] : [])];
  // The metabolite's column in its own mass, where the model carries it as parent mass.
  const massRatio = [1, model.metaboliteNgPerStateNg ?? 1];
  const outputScale = [
    ...idx.map(
      (i, k) =>
        (NG_PER_ML_PER_MG_PER_L * massRatio[k]!) / system.structure.compartments[i]!.volumeL!,
    ),
    ...(want.effectSite ? [NG_PER_ML_PER_MG_PER_L] : []),
  ];
  const traj = simulateLinear(system, run.inputs, grid, {
    outputStates,
    outputScale,
    ...(plan ? { plan } : {}),
    ...(into ? { outputInto: into } : {}),
    ...(run.modal ? { modal: run.modal } : run.modal === null ? { method: 'dense' as const } : {}),
  });
  const plasma: Partial<Record<Analyte, Float64Array>> = {};
  analytes.forEach((a, k) => (plasma[a] = traj.states[idx[k]!]!));
  return { tMin: traj.tMin, plasma, effectSite: traj.states[system.effectIndex]! };
}

/** Validates and runs a scenario for the typical patient of the chosen model. */
export function runScenario(registry: Registry, input: unknown): RunOutcome {
  const v = validateScenario(registry, input);
  if (!v.ok) return v;
  const scenario = v.scenario;
  const model = registry.models[scenario.model]!;
  const run = prepareIndividual(model, scenario);
  const { inputs, params } = run;
  const grid = outputGrid(scenario.options.endH * 60, scenario.options.stepMin);
  const { tMin, plasma, effectSite } = simulateConcentrations(model, run, grid);
  const occupancy = occupancyColumn(registry.occupancy[model.drug], effectSite);
  const warnings = scenarioWarnings(model, scenario);
  if (params.FRn !== undefined && params.doseFRn !== undefined && params.FRn > 1) {
    warnings.push({
      code: 'fraction-capped',
      message: `The nasal fraction FRn for this patient is ${params.FRn.toFixed(2)}, above 1; it is taken as 1.`,
    });
  }
  return {
    ok: true,
    result: {
      scenario,
      modelId: model.id,
      parent: model.parent,
      metabolite: model.metabolite,
      tMin,
      plasma,
      effectSite,
      occupancy,
      totalDoseMg: totalDoseMg(administrations(scenario.regimen, scenario.patient.weightKg)),
      systemicDoseMg: systemicDoseMg(run.system.structure, model.parent, inputs),
      preFirstPassDoseMg: inputAmountMg(inputs),
      warnings,
    },
  };
}

// In its own module, so that the page's first script, which needs the default patient, does not
// carry the engine that only the worker and the main-thread fallback run.
export { DEFAULT_PATIENT } from './defaultPatient';
