/** Every model the simulator offers, by id. */
import type { ModelDefinition } from '../src/engine/model';
import { clements, domino, herd, herdAdult, hijazi, hornik, kamp2020 } from './ivModels';
import { perezruixo2021 } from './perezruixo2021';

export const MODELS: Readonly<Record<string, ModelDefinition>> = {
  'herd-adult': herdAdult,
  kamp2020,
  domino,
  clements,
  hijazi,
  herd,
  hornik,
  perezruixo2021,
};

/** The default IV model and why it was chosen: models/ivModels.ts (herdAdult), SOURCES.md section 1. */
export const DEFAULT_IV_MODEL = 'herd-adult';
export const DEFAULT_NASAL_MODEL = 'perezruixo2021';
export const MODEL_IDS = Object.keys(MODELS);

/** The model with this id, or undefined; only the models' own keys count (not "toString" etc.). */
export function findModel(id: unknown): ModelDefinition | undefined {
  return typeof id === 'string' && Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
}
