/**
 * What the engine is handed instead of importing: the models, which of them are the defaults, the
 * occupancy inputs and the published observations. The engine never imports `models/` (lint
 * forbids it); one composition root builds the registry from `models/` (src/registry.ts, used by
 * the worker, the page and the CLI), and tests can hand it any other set.
 */
import type { ModelDefinition } from './model';
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

/** The registry's model with this id, or undefined; only its own keys count (not "toString"). */
export function modelIn(registry: Registry, id: unknown): ModelDefinition | undefined {
  return typeof id === 'string' && Object.hasOwn(registry.models, id)
    ? registry.models[id]
    : undefined;
}
