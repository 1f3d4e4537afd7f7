/**
 * The engine's API as plain functions over a registry of models: the worker exposes one built from
 * models/ (src/registry.ts), and the page calls the same when no worker can start. Inputs are
 * validated here; outputs are columns of numbers.
 */
import type { Registry } from './registry';
import { mulberry32 } from './rng';
import { runScenario, type RunOutcome } from './run';
import { validateModel, type Validation } from './validation';
import { simulatePopulation, type PopulationOutcome } from './variability';

export interface PopulationRequest {
  nPatients: number;
  /** seed of the random number generator, so a band can be reproduced */
  seed: number;
  /** output grid step, min */
  stepMin: number;
  /** series to summarise; default all */
  series?: readonly ('parent' | 'metabolite' | 'effectSite')[];
}

export function createEngineApi(registry: Registry) {
  return {
    run(scenario: unknown): RunOutcome {
      return runScenario(registry, scenario);
    },

    population(scenario: unknown, request: PopulationRequest): PopulationOutcome {
      return simulatePopulation(registry, scenario, {
        nPatients: request.nPatients,
        rng: mulberry32(request.seed),
        stepMin: request.stepMin,
        ...(request.series ? { series: request.series } : {}),
      });
    },

    /** The model's standard-protocol curve next to published observations. */
    validate(modelId: string): Validation | { error: string } {
      return validateModel(registry, modelId);
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
