/**
 * The page's view of the models: their summaries (src/modelCatalogue.ts, written from models/ by
 * `npm run write:catalogue`), with the scenario checks and the scenario factory bound to them. The
 * page's first script imports this, not src/registry.ts, so it carries no model's equations or
 * parameter values: those run in the worker (src/registryApi.ts) and are loaded by the views that
 * show them (the model view). The CLI and the tests use src/registry.ts, over the models
 * themselves; src/catalogue.test.ts checks that the two agree.
 */
import { CATALOGUE } from './modelCatalogue';
import type { ModelSummary } from './engine/model';
import { ivScenarioFor, nasalScenarioFor } from './engine/presets';
import type { ScenarioRegistry } from './engine/registry';
import {
  validateScenario as validateWith,
  type Scenario,
  type Validation,
} from './engine/scenario';
import type { Route } from './engine/types';

/** Every model's summary, by id. */
export const MODEL_SUMMARIES: Readonly<Record<string, ModelSummary>> = CATALOGUE.models;
/** The model a new scenario of each route uses. */
export const DEFAULTS: Readonly<Record<Route, string>> = CATALOGUE.defaults;

const SCENARIOS: ScenarioRegistry = { models: MODEL_SUMMARIES, defaults: DEFAULTS };

/** The summary of the model with this id, or undefined (only the catalogue's own keys count). */
export function findModel(id: unknown): ModelSummary | undefined {
  return typeof id === 'string' && Object.hasOwn(MODEL_SUMMARIES, id)
    ? MODEL_SUMMARIES[id]
    : undefined;
}

export const validateScenario = (input: unknown): Validation => validateWith(SCENARIOS, input);

/** A new IV scenario with the default IV model. */
export const ivScenario = (doseMgPerKg = 0.5, infusionMin = 40): Scenario =>
  ivScenarioFor(DEFAULTS.iv, doseMgPerKg, infusionMin);
/** A new nasal esketamine scenario with the default nasal model. */
export const nasalScenario = (devices = 3): Scenario =>
  nasalScenarioFor(DEFAULTS.intranasal, devices);
