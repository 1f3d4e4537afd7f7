/**
 * Derives the absorption rate constant ka of each route built from a source's summary figures
 * (models/routeModels.ts): the ka at which the typical patient's simulated time to peak of the
 * parent equals the published Tmax. Bisection on ka (the time to peak falls as ka rises), each
 * step an exact engine run on a 0.05-min grid. Prints each ka to 3 significant figures and the
 * value the model file holds. Run: npm run derive:absorption
 */
import { MODELS } from '../models/index';
import type { ModelDefinition } from '../src/engine/model';
import { defaultRegimen } from '../src/engine/presets';
import { buildSystem } from '../src/engine/model';
import { individualInputs, outputGrid, simulateConcentrations } from '../src/engine/run';
import { SCENARIO_VERSION, type Scenario } from '../src/engine/scenario';
import { DEFAULT_PATIENT } from '../src/engine/defaultPatient';

/** The routes whose ka is derived, and the published Tmax each is derived from, min. */
export const TARGETS: readonly { model: string; tmaxMin: number; source: string }[] = [
  { model: 'rolan2014-sl', tmaxMin: 45, source: 'Rolan 2014, median Tmax 0.75 h' },
  {
    model: 'racemic-nasal-2022',
    tmaxMin: Math.exp((7 * Math.log(23) + 10 * Math.log(14) + 10 * Math.log(16)) / 27),
    source: 'Pharmacotherapy 2022 Table 6, Tmax 23/14/16 min (n 7/10/10) pooled',
  },
  { model: 'im-racemic', tmaxMin: 10, source: 'middle of the 5-15 min quoted for Clements 1982' },
];

/** The time of the parent's peak for the typical patient with ka (1/h) set to `ka`, min. */
export function tmaxWithKa(model: ModelDefinition, ka: number): number {
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    patient: { ...DEFAULT_PATIENT },
    model: model.id,
    // One administration of the route's default dose: the sources give Tmax after one dose (for
    // the nasal spray, how many sprays the study gave could not be read: taken as one).
    regimen:
      model.route === 'nasal-spray'
        ? {
            kind: 'nasal-spray',
            mgPerSpray: 30,
            sprays: 1,
            spacingMin: 0,
            schedule: { kind: 'single' },
          }
        : defaultRegimen(model.route),
    options: { endH: 6, stepMin: 0.05 },
  };
  const params = { ...model.individualize({}, scenario.patient), ka };
  const run = {
    system: buildSystem(model, params),
    inputs: individualInputs(model, scenario, params),
    params,
  };
  const grid = outputGrid(scenario.options.endH * 60, scenario.options.stepMin);
  const c = simulateConcentrations(model, run, grid).plasma[model.parent]!;
  let best = 0;
  for (let i = 1; i < c.length; i++) if (c[i]! > c[best]!) best = i;
  return grid[best]!;
}

/** The ka (1/h) whose time to peak is tmaxMin, by bisection on the log of ka. */
export function deriveKa(model: ModelDefinition, tmaxMin: number): number {
  let lo = Math.log(0.05);
  let hi = Math.log(200);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (tmaxWithKa(model, Math.exp(mid)) > tmaxMin) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

if (process.argv[1]?.endsWith('derive-absorption.ts')) {
  for (const t of TARGETS) {
    const model = MODELS[t.model]!;
    const ka = deriveKa(model, t.tmaxMin);
    console.log(
      `${t.model}: Tmax ${t.tmaxMin.toFixed(1)} min (${t.source}) -> ka ${ka.toPrecision(3)} /h; the model file holds ${model.parameters.ka!.value} /h`,
    );
  }
}
