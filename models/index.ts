/** Every model the simulator offers, by id. */
import type { ModelDefinition } from '../src/engine/model';
import { clements, domino, herd, herdAdult, hijazi, hornik, kamp2020 } from './ivModels';
import { perezruixo2021, perezruixo2021Oral } from './perezruixo2021';
import {
  fanta2015Oral,
  intramuscularRacemic,
  nasalSprayRacemic,
  rolan2014Sublingual,
} from './routeModels';
import { simons2022Film } from './simons2022';
import type { Route } from '../src/engine/types';

export const MODELS: Readonly<Record<string, ModelDefinition>> = {
  'herd-adult': herdAdult,
  kamp2020,
  domino,
  clements,
  hijazi,
  herd,
  hornik,
  perezruixo2021,
  'perezruixo2021-oral': perezruixo2021Oral,
  'fanta2015-oral': fanta2015Oral,
  'rolan2014-sl': rolan2014Sublingual,
  'simons2022-film': simons2022Film,
  'racemic-nasal-2022': nasalSprayRacemic,
  'im-racemic': intramuscularRacemic,
};

/** The default IV model and why it was chosen: models/ivModels.ts (herdAdult), SOURCES.md section 1. */
export const DEFAULT_IV_MODEL = 'herd-adult';
export const DEFAULT_NASAL_MODEL = 'perezruixo2021';
/** The model a new scenario of each route uses. */
export const DEFAULT_MODELS: Readonly<Record<Route, string>> = {
  iv: DEFAULT_IV_MODEL,
  intranasal: DEFAULT_NASAL_MODEL,
  'nasal-spray': 'racemic-nasal-2022',
  intramuscular: 'im-racemic',
  // The published model of the oral route (Fanta 2015's oral S-ketamine is the other).
  oral: 'perezruixo2021-oral',
  sublingual: 'rolan2014-sl',
};
export const MODEL_IDS = Object.keys(MODELS);

/**
 * Models whose rate matrix has no modal decomposition (two of its blocks share an eigenvalue, so
 * src/engine/modal.ts declines it), with the reason: the engine steps them with the dense matrix
 * exponential, which is as exact and slower. The tests expect the modal stepper for every other.
 */
export const DENSE_ONLY_MODELS: Readonly<Record<string, string>> = {
  'simons2022-film':
    'its two-step metabolism delay has two compartments emptying at the same rate (2 / MTT), a repeated eigenvalue',
};

/** The model with this id, or undefined; only the models' own keys count (not "toString" etc.). */
export function findModel(id: unknown): ModelDefinition | undefined {
  return typeof id === 'string' && Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
}
