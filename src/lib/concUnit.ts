/**
 * The display unit of concentrations: its factor and how it is written. One definition for the
 * charts (chartData.svelte.ts) and the exports (exportInfo.ts), apart from the exports' own module
 * so that the page's first chunk does not carry the exports' bibliography.
 */
import type { Analyte } from '../engine/types';
import { MOLAR_MASS_G_PER_MOL } from '../engine/units';
import type { ConcUnit } from './appState';

/** Factor from ng/mL to the display unit for an analyte. */
export const toUnit = (a: Analyte, unit: ConcUnit) =>
  unit === 'uM' ? 1 / MOLAR_MASS_G_PER_MOL[a] : 1;

/** The chart's unit as it is written on the page. */
export const unitText = (unit: ConcUnit): string => (unit === 'uM' ? 'µM' : 'ng/mL');
