/**
 * The scenario a fresh page opens on: IV ketamine with the default IV model and the preset's dose
 * and infusion time. Apart from appState.ts so that the build (the start curve of vite.config.ts)
 * can make it from models/ directly, without the page's catalogue.
 */
import { ivScenarioFor } from '../engine/presets';
import type { Scenario } from '../engine/scenario';
import type { Route } from '../engine/types';

export const defaultScenario = (defaults: Readonly<Record<Route, string>>): Scenario =>
  ivScenarioFor(defaults.iv);
