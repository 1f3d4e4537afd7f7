/**
 * What the engine is handed instead of importing: the models, which of them are the defaults, the
 * occupancy inputs and the published observations. The engine never imports `models/` (lint
 * forbids it); one composition root builds the registry from `models/` (src/registry.ts, used by
 * the worker, the page and the CLI), and tests can hand it any other set.
 */
import type { ModelDefinition, ModelSummary } from './model';
import type { OccupancyInputs } from './occupancy';
import type { Drug, Route } from './types';
import type { Observation, RouteValidationDef } from './validation';

export interface Registry {
  models: Readonly<Record<string, ModelDefinition>>;
  /** the model a new scenario of each route uses */
  defaults: Readonly<Record<Route, string>>;
  occupancy: Readonly<Record<Drug, OccupancyInputs>>;
  observations: {
    iv: readonly Observation[];
    intranasal: readonly Observation[];
    /** each route model's protocol and source figures, by model id */
    routes: Readonly<Record<string, RouteValidationDef>>;
  };
}

/**
 * What checking a scenario needs: each model's id and route (a ModelDefinition or the page's
 * ModelSummary) and the defaults. The page checks links and files against its catalogue of
 * summaries (src/catalogue.ts), without the models' equations.
 */
export interface ScenarioRegistry {
  models: Readonly<Record<string, Pick<ModelSummary, 'id' | 'route'>>>;
  defaults: Readonly<Record<Route, string>>;
}

/** The registry's model with this id, or undefined; only its own keys count (not "toString"). */
export function modelIn<M>(
  registry: { models: Readonly<Record<string, M>> },
  id: unknown,
): M | undefined {
  return typeof id === 'string' && Object.hasOwn(registry.models, id)
    ? registry.models[id]
    : undefined;
}
