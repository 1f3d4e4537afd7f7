/**
 * The engine's API as plain functions: the worker exposes this object, and the page calls it
 * directly when no worker can start. Inputs are validated here; outputs are columns of numbers.
 */
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

export const engineApi = {
  run(scenario: unknown): RunOutcome {
    return runScenario(scenario);
  },

  population(scenario: unknown, request: PopulationRequest): PopulationOutcome {
    return simulatePopulation(scenario, {
      nPatients: request.nPatients,
      rng: mulberry32(request.seed),
      stepMin: request.stepMin,
      ...(request.series ? { series: request.series } : {}),
    });
  },

  /** The model's standard-protocol curve next to published observations. */
  validate(modelId: string): Validation | { error: string } {
    return validateModel(modelId);
  },
};

export type EngineApi = typeof engineApi;
