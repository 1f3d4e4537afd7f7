/**
 * Writes src/modelCatalogue.ts: every model's summary (src/engine/model.ts `summarizeModel`) and
 * the default model of each route, from models/. The page's first script carries only this
 * (src/catalogue.ts), not the models' equations. src/catalogue.test.ts fails when the file no
 * longer matches the models, and says to run: npm run write:catalogue
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODELS, MODELS } from '../models/index';
import { summarizeModel } from '../src/engine/model';

const path = fileURLToPath(new URL('../src/modelCatalogue.ts', import.meta.url));
const models = Object.fromEntries(Object.entries(MODELS).map(([k, m]) => [k, summarizeModel(m)]));
const text = `// Written by \`npm run write:catalogue\` (scripts/write-catalogue.ts) from models/: do not edit.
// src/catalogue.test.ts fails when it no longer matches the models.
import type { ModelSummary } from './engine/model';
import type { Route } from './engine/types';

export const CATALOGUE: {
  models: Readonly<Record<string, ModelSummary>>;
  defaults: Readonly<Record<Route, string>>;
} = ${JSON.stringify({ models, defaults: DEFAULT_MODELS })};
`;
writeFileSync(path, text);
execFileSync('npx', ['prettier', '--write', path], { stdio: 'inherit' });
