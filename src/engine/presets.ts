/** Named scenarios for the CLI, tests and the app's starting points. */
import { DEFAULT_IV_MODEL, DEFAULT_NASAL_MODEL } from '../../models/index';
import { IV_COURSE_DAYS, esketamineLabelCourseDays } from './regimen';
import { SCENARIO_VERSION, type Scenario } from './scenario';
import { DEFAULT_PATIENT } from './run';

const options = { endH: 24, stepMin: 1 };

function iv(name: string, doseMgPerKg: number, infusionMin = 40): Scenario {
  return {
    version: SCENARIO_VERSION,
    name,
    patient: { ...DEFAULT_PATIENT },
    model: DEFAULT_IV_MODEL,
    regimen: { kind: 'iv', doseMgPerKg, infusionMin, schedule: { kind: 'single' } },
    options: { ...options },
  };
}

function nasal(name: string, devices: number): Scenario {
  return {
    version: SCENARIO_VERSION,
    name,
    patient: { ...DEFAULT_PATIENT },
    model: DEFAULT_NASAL_MODEL,
    regimen: {
      kind: 'intranasal',
      devices,
      deviceMg: 28,
      spacingMin: 5,
      schedule: { kind: 'single' },
    },
    options: { ...options },
  };
}

export const PRESETS: Readonly<Record<string, Scenario>> = {
  'iv-0.5': iv('IV ketamine 0.5 mg/kg over 40 min', 0.5),
  'iv-1.0': iv('IV ketamine 1.0 mg/kg over 40 min', 1.0),
  'iv-bolus-0.5': iv('IV ketamine 0.5 mg/kg bolus', 0.5, 0),
  'esk-28': nasal('Esketamine 28 mg (1 device)', 1),
  'esk-56': nasal('Esketamine 56 mg (2 devices, 5 min apart)', 2),
  'esk-84': nasal('Esketamine 84 mg (3 devices, 5 min apart)', 3),
  'iv-course': {
    ...iv('IV ketamine course: 6 infusions of 0.5 mg/kg over 2 weeks', 0.5),
    regimen: {
      kind: 'iv',
      doseMgPerKg: 0.5,
      infusionMin: 40,
      schedule: { kind: 'course', sessionDays: IV_COURSE_DAYS },
    },
    options: { endH: 24 * 14, stepMin: 5 },
  },
  'esk-course': {
    ...nasal('Esketamine 84 mg: label schedule, weeks 1-12 (every 2 weeks from week 9)', 3),
    regimen: {
      kind: 'intranasal',
      devices: 3,
      deviceMg: 28,
      spacingMin: 5,
      schedule: { kind: 'course', sessionDays: esketamineLabelCourseDays('every-2-weeks', 4) },
    },
    options: { endH: 24 * 7 * 12, stepMin: 10 },
  },
};
