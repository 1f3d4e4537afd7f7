/**
 * The engine's API as plain functions over a registry of models: the worker exposes one built from
 * models/ (src/registry.ts), and the page calls the same when no worker can start. Inputs are
 * validated here; outputs are columns of numbers.
 */
import type { BandGridKind } from './bandGrid';
import { PopulationPool } from './populationPool';
import type { Registry } from './registry';
import { runScenario, type RunOutcome } from './run';
import { validateModel, type Validation } from './validation';
import { simulatePopulation, type PopulationOutcome } from './variability';

export interface PopulationRequest {
  nPatients: number;
  /** seed of the random number generator (a whole number, 0 to 2^32 - 1), so a band can be reproduced */
  seed: number;
  /** output grid step, min (on the sessions grid, its fine step) */
  stepMin: number;
  /** series to summarise; default all */
  series?: readonly ('parent' | 'metabolite' | 'effectSite')[];
  /**
   * time points: 'regular' (default: every stepMin) or 'sessions' (for a course: every stepMin in
   * the hours of each session, coarse between them; src/engine/bandGrid.ts)
   */
  grid?: BandGridKind;
}

export function createEngineApi(registry: Registry) {
  // The virtual patients of the last few bands, kept for the API's lifetime (a worker's).
  const pool = new PopulationPool();
  return {
    run(scenario: unknown): RunOutcome {
      return runScenario(registry, scenario);
    },

    population(scenario: unknown, request: PopulationRequest): PopulationOutcome {
      const { seed } = request;
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
        const message = `seed must be a whole number from 0 to 4294967295, got ${String(seed)}`;
        return { ok: false, problems: [{ path: 'seed', message }] };
      }
      return simulatePopulation(registry, scenario, {
        nPatients: request.nPatients,
        pool,
        seed,
        stepMin: request.stepMin,
        ...(request.series ? { series: request.series } : {}),
        ...(request.grid !== undefined ? { grid: request.grid } : {}),
      });
    },

    /** The model's standard-protocol curve next to published observations. */
    validate(modelId: string): Validation | { error: string } {
      return validateModel(registry, modelId);
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
