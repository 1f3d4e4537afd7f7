/**
 * How each route is named in the controls and on the page, and what its example course is. A
 * route is a kind of regimen (src/engine/scenario.ts); its default model is the registry's.
 */
import type { Route } from '../engine/types';

/** The drug-and-route choice of each route. */
export const ROUTE_LABEL: Readonly<Record<Route, string>> = {
  iv: 'IV racemic ketamine',
  intranasal: 'Intranasal esketamine (Spravato)',
  'nasal-spray': 'Intranasal racemic ketamine (spray)',
  intramuscular: 'Intramuscular racemic ketamine',
  oral: 'Oral esketamine or S-ketamine',
  sublingual: 'Sublingual racemic ketamine or S-ketamine film',
};

/** The course choice of each route (the schedules: courseFor in src/engine/presets.ts). */
export const COURSE_LABEL: Readonly<Record<Route, string>> = {
  iv: 'Treatment course (6 infusions over 2 weeks)',
  intramuscular: 'Treatment course (6 injections over 2 weeks, as for IV)',
  intranasal: 'Treatment course (label schedule, 12 weeks)',
  'nasal-spray': 'Treatment course (every 3 days for 4 weeks, an example)',
  oral: 'Treatment course (every 3 days for 4 weeks, an example)',
  sublingual: 'Treatment course (every 3 days for 4 weeks, an example)',
};
