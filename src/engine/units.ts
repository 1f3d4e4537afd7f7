/**
 * The one place where the engine converts units. Inside the engine amounts are in mg, volumes in
 * L and time in min; concentrations leave it in ng/mL or uM.
 */

/** Molar masses of the free bases, g/mol (computed from the formulas; see models/SOURCES.md). */
export const MOLAR_MASS_G_PER_MOL = {
  /** ketamine and esketamine, C13H16ClNO */
  ketamine: 237.73,
  esketamine: 237.73,
  /** norketamine and noresketamine, C12H14ClNO */
  norketamine: 223.7,
  noresketamine: 223.7,
} as const;

export type MolarAnalyte = keyof typeof MOLAR_MASS_G_PER_MOL;

/** mg/L to ng/mL: 1 mg/L = 1 ug/mL = 1000 ng/mL. */
export const NG_PER_ML_PER_MG_PER_L = 1000;

/** A concentration in ng/mL to uM (umol/L): ng/mL = ug/L, divided by g/mol gives umol/L. */
export function ngPerMlToMicromolar(ngPerMl: number, molarMassGPerMol: number): number {
  if (!(molarMassGPerMol > 0)) {
    throw new RangeError(`Molar mass must be a positive number of g/mol, got ${molarMassGPerMol}`);
  }
  return ngPerMl / molarMassGPerMol;
}

/** A concentration in uM to ng/mL, the inverse of ngPerMlToMicromolar. */
export function micromolarToNgPerMl(micromolar: number, molarMassGPerMol: number): number {
  if (!(molarMassGPerMol > 0)) {
    throw new RangeError(`Molar mass must be a positive number of g/mol, got ${molarMassGPerMol}`);
  }
  return micromolar * molarMassGPerMol;
}

/** Rate constants and clearances: per hour to per minute. */
export const MIN_PER_H = 60;

export function perHourToPerMinute(perHour: number): number {
  return perHour / MIN_PER_H;
}
