import type { Patient } from './types';

/** The default adult used by presets: 70 kg, 40 years, not Asian. */
export const DEFAULT_PATIENT: Patient = {
  weightKg: 70,
  ageYears: 40,
  asian: false,
  japanese: false,
};
