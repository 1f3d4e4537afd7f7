/**
 * Published observations and label facts that the models are compared against (never fitted to).
 * Each has its value, unit and source; the comparison and its explanation are in the app's
 * validation view (src/engine/validation.ts).
 */
import type { Observation } from '../src/engine/validation';

export type { Observation } from '../src/engine/validation';

export const IV_OBSERVATIONS: readonly Observation[] = [
  {
    id: 'iv-peak',
    label: 'Peak plasma ketamine after 0.5 mg/kg over 40 min',
    value: 185,
    unit: 'ng/mL',
    source: 'zanos2018, Table 1 (Zarate et al. 2006)',
    note: 'Clinical samples; the table does not say whether venous or arterial (most likely venous, from an arm vein). During an infusion arterial blood carries more drug than venous blood, so an arterial model should read higher. The default model (Herd 2007) was fitted in children sampled 14-152 min after an IV dose, so its earliest phase, which shapes the end of a 40-min infusion, is the least informed.',
  },
  {
    id: 'iv-dissociation',
    label: 'Plasma range during dissociative effects after 0.5 mg/kg over 40 min',
    value: [100, 250],
    unit: 'ng/mL',
    source: 'zanos2018, Table 1 (Krystal et al. 1994)',
    note: 'A range across people, not a single curve.',
  },
  {
    id: 'iv-clearance',
    label: 'Total ketamine clearance for a 70 kg adult (weighted mean of 18 studies)',
    value: 79,
    interval: [69, 90],
    unit: 'L/h',
    source: 'kamp2020, abstract (meta-analysis; 95 % CI 69-90 L/h)',
    note: 'A mean over published models, not one person; the interval is the 95 % confidence interval of that mean.',
  },
];

export const NASAL_OBSERVATIONS: readonly Observation[] = [
  {
    id: 'nasal-tmax',
    label: 'Time to peak after the last device',
    value: [20, 40],
    unit: 'min',
    source: 'spravatoLabel, section 12.3',
    note: 'Label summary of the clinical pharmacology studies.',
  },
  {
    id: 'nasal-f84',
    label: 'Absolute bioavailability, 84 mg',
    value: 48,
    unit: '%',
    source: 'spravatoLabel, section 12.3',
    note: 'The label gives about 48 %; the paper that built the model reports 51 % at 84 mg (perezruixo2021, abstract). The two are different estimates.',
  },
  {
    id: 'nasal-thalf',
    label: 'Terminal half-life of esketamine',
    value: [7, 12],
    unit: 'h',
    source: 'spravatoLabel, section 12.3',
    note: 'Range of mean values across studies.',
  },
  {
    id: 'nasal-nor-thalf',
    label: 'Terminal half-life of noresketamine',
    value: 8,
    unit: 'h',
    source: 'spravatoLabel, section 12.3',
    note: 'Approximate mean.',
  },
];
