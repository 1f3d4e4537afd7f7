/**
 * Who the patient is when the model changes. A paediatric model keeps no 40-year-old, 70-kg
 * adult: choosing one gives the patient the study's typical child (its published mean or median
 * age and weight, models/ivModels.ts), and going back to a model of adults gives the default adult
 * back. Any other change of model keeps the patient as set. Each change says what it did, so
 * nothing changes unseen.
 */
import { DEFAULT_PATIENT } from '../engine/defaultPatient';
import type { ModelDefinition } from '../engine/model';
import type { Patient } from '../engine/types';

type Population = Pick<ModelDefinition, 'shortName' | 'population'>;

export interface PatientChange {
  patient: Patient;
  /** what changed and why, for the page to say; null when the patient is kept */
  message: string | null;
}

export function patientForModel(from: Population, to: Population, patient: Patient): PatientChange {
  const child = to.population.typicalPatient;
  if (to.population.paediatric && !from.population.paediatric && child) {
    return {
      patient: { ...patient, ageYears: child.ageYears, weightKg: child.weightKg },
      message: `${to.shortName} was fitted in children, so the patient is now a typical child of that study: ${child.ageYears} years, ${child.weightKg} kg (the study's ${child.what}). You can change them under Patient.`,
    };
  }
  if (from.population.paediatric && !to.population.paediatric) {
    const adult = { ageYears: DEFAULT_PATIENT.ageYears, weightKg: DEFAULT_PATIENT.weightKg };
    return {
      patient: { ...patient, ...adult },
      message: `${to.shortName} is a model of adults, so the patient is the default adult again: ${adult.ageYears} years, ${adult.weightKg} kg.`,
    };
  }
  return { patient, message: null };
}
