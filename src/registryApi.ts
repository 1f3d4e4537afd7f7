/**
 * The engine's whole API over the app's registry (see registry.ts): what the worker exposes, the
 * page's main-thread fallback loads on demand, and the CLI runs. Apart from registry.ts so that the
 * page's first chunk carries only scenario checks, not the population and validation code.
 */
import { createEngineApi } from './engine/api';
import { validateModel as validateModelWith } from './engine/validation';
import {
  simulatePopulation as simulatePopulationWith,
  type PopulationOptions,
  type PopulationOutcome,
} from './engine/variability';
import { IV_OBSERVATIONS, NASAL_OBSERVATIONS, ROUTE_OBSERVATIONS } from '../models/observations';
import type { Registry } from './engine/registry';
import { REGISTRY as PAGE_REGISTRY } from './registry';

/** The page's registry with the published observations the validation compares against. */
export const REGISTRY: Registry = {
  ...PAGE_REGISTRY,
  observations: { iv: IV_OBSERVATIONS, intranasal: NASAL_OBSERVATIONS, routes: ROUTE_OBSERVATIONS },
};

export const engineApi = createEngineApi(REGISTRY);

export const simulatePopulation = (input: unknown, options: PopulationOptions): PopulationOutcome =>
  simulatePopulationWith(REGISTRY, input, options);
export const validateModel = (modelId: string) => validateModelWith(REGISTRY, modelId);
