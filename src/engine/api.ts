/**
 * The engine's API as plain functions: the worker exposes this object, and the page calls it
 * directly when no worker can start. Inputs are validated here; outputs are columns of numbers.
 */
import { MODELS } from '../../models/index';
import { OCCUPANCY } from '../../models/occupancy';
import { mulberry32 } from './rng';
import { prepareIndividual, runScenario, type RunOutcome } from './run';
import { validateScenario, type Problem } from './scenario';
import type { CompartmentDef, FlowDef, ParameterDef, PopulationDef } from './types';
import { simulatePopulation, type PopulationOutcome } from './variability';

export interface PopulationRequest {
  nPatients: number;
  /** seed of the random number generator, so a band can be reproduced */
  seed: number;
  /** output grid step, min */
  stepMin: number;
}

export interface ModelDescription {
  id: string;
  name: string;
  shortName: string;
  citationKey: string;
  drug: string;
  route: string;
  population: PopulationDef;
  parameters: Record<string, ParameterDef>;
  /** individual parameter values for the scenario's patient (typical values with covariates) */
  individual: Record<string, number>;
  compartments: CompartmentDef[];
  flows: FlowDef[];
  effectSite: { ke0PerMin: number; compartment: string };
  occupancy: {
    fractionUnbound: number;
    source: string;
    affinities: { label: string; kiMicromolar: number; source: string }[];
    assumptions: string[];
  };
  notes: string[];
}

export type DescribeOutcome =
  { ok: true; model: ModelDescription } | { ok: false; problems: Problem[] };

export const engineApi = {
  run(scenario: unknown): RunOutcome {
    return runScenario(scenario);
  },

  population(scenario: unknown, request: PopulationRequest): PopulationOutcome {
    return simulatePopulation(scenario, {
      nPatients: request.nPatients,
      rng: mulberry32(request.seed),
      stepMin: request.stepMin,
    });
  },

  /** The model of a scenario, as data for the model view: structure and values for its patient. */
  describe(scenario: unknown): DescribeOutcome {
    const v = validateScenario(scenario);
    if (!v.ok) return v;
    const model = MODELS[v.scenario.model]!;
    const ind = prepareIndividual(model, v.scenario);
    const occ = OCCUPANCY[model.drug];
    return {
      ok: true,
      model: {
        id: model.id,
        name: model.name,
        shortName: model.shortName,
        citationKey: model.citationKey,
        drug: model.drug,
        route: model.route,
        population: model.population,
        parameters: model.parameters,
        individual: ind.params,
        compartments: ind.system.structure.compartments,
        flows: ind.system.structure.flows,
        effectSite: {
          ke0PerMin: ind.params[model.effectSite.ke0Parameter]!,
          compartment: model.effectSite.compartment,
        },
        occupancy: {
          fractionUnbound: occ.fractionUnbound,
          source: occ.fractionUnboundSource,
          affinities: occ.affinities.map(({ label, kiMicromolar, source }) => ({
            label,
            kiMicromolar,
            source,
          })),
          assumptions: occ.assumptions,
        },
        notes: model.notes,
      },
    };
  },
};

export type EngineApi = typeof engineApi;
