/**
 * The composition root: the one place that hands the engine its models. It builds the registry
 * from models/ (the models, the default of each route, the occupancy inputs, the published
 * observations) and binds the engine's functions to it, for the page (URL checks, scenario
 * factory), the CLI and the tests. The whole engine API over it (population, validation) is in
 * registryApi.ts, kept apart so that the page's first chunk does not carry what only the worker
 * and the main-thread fallback run. The engine itself never imports models/
 * (eslint.config.js forbids it), so a test or another app can hand it a different registry.
 */
import { DEFAULT_MODELS, MODELS } from '../models/index';
import { OCCUPANCY } from '../models/occupancy';
import { ivScenarioFor, nasalScenarioFor, presetsFor } from './engine/presets';
import type { Registry } from './engine/registry';
import { runScenario as runWith, type RunOutcome } from './engine/run';
import {
  validateScenario as validateWith,
  type Scenario,
  type Validation,
} from './engine/scenario';

export const REGISTRY: Registry = {
  models: MODELS,
  defaults: DEFAULT_MODELS,
  occupancy: OCCUPANCY,
  // The published observations are only compared in the worker (validation): registryApi.ts adds
  // them, so that their texts stay out of the page's first chunk.
  observations: { iv: [], intranasal: [], routes: {} },
};

/** The models the engine steps with the dense matrix exponential, and why (models/index.ts). */
export { DENSE_ONLY_MODELS } from '../models/index';

export const validateScenario = (input: unknown): Validation => validateWith(REGISTRY, input);
export const runScenario = (input: unknown): RunOutcome => runWith(REGISTRY, input);

/** A new IV scenario with the default IV model. */
export const ivScenario = (doseMgPerKg = 0.5, infusionMin = 40): Scenario =>
  ivScenarioFor(REGISTRY.defaults.iv, doseMgPerKg, infusionMin);
/** A new nasal esketamine scenario with the default nasal model. */
export const nasalScenario = (devices = 3): Scenario =>
  nasalScenarioFor(REGISTRY.defaults.intranasal, devices);

export const PRESETS = presetsFor(REGISTRY.defaults);
