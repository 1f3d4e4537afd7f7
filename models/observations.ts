/**
 * Published observations and label facts that the models are compared against (never fitted to).
 * Each has its value, unit and source; the comparison and its explanation are in the app's
 * validation view (src/engine/validation.ts).
 */
import type { Observation, RouteValidationDef } from '../src/engine/validation';

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

/**
 * What each route model is compared against: the source's own summary figures, after the dose
 * the source gave (for a route built from them, F and Tmax agree by construction; the metabolite
 * ratio and any other arm's figures do not, and the view shows by how much).
 */
export const ROUTE_OBSERVATIONS: Readonly<Record<string, RouteValidationDef>> = {
  'rolan2014-sl': {
    protocol: {
      name: 'Sublingual wafer 25 mg',
      regimen: { kind: 'sublingual', doseMg: 25, holdMin: 10, schedule: { kind: 'single' } },
    },
    observations: [
      {
        id: 'sl-f',
        measure: 'bioavailability',
        label: 'Absolute bioavailability, 25 mg sublingual wafer (median)',
        value: 29,
        interval: [27, 31],
        unit: '%',
        source: 'rolan2014, abstract (90 % CI 27-31 %)',
        note: 'The model was built from this figure, so it agrees by construction.',
      },
      {
        id: 'sl-tmax',
        measure: 'tmax',
        label: 'Time to peak (median)',
        value: 45,
        unit: 'min',
        source: 'rolan2014, abstract (0.75 h; range 0.25-1.0 h)',
        note: 'The absorption rate was derived from this figure for the typical patient.',
      },
    ],
  },
  'simons2022-film': {
    protocol: {
      name: 'S-ketamine film 50 mg, held 10 min',
      regimen: { kind: 'sublingual', doseMg: 50, holdMin: 10, schedule: { kind: 'single' } },
    },
    observations: [
      {
        id: 'film-f',
        measure: 'bioavailability',
        label: 'Bioavailability of S-ketamine from the film (estimate +/- standard error)',
        value: 26,
        interval: [25, 27],
        unit: '%',
        source: 'simons2022, abstract (26 +/- 1 %)',
        note: 'The population model estimated this figure (its F1, 26.3 %), so it agrees by construction.',
      },
      {
        id: 'film-tmax',
        measure: 'tmax',
        label: 'Time to peak of S-ketamine, 50 mg film (mean)',
        value: 18.8,
        unit: 'min',
        source: 'simons2022, Table 2, as quoted by nlmixr2lib (the table itself was not read)',
        note: 'A mean of the times at which each person peaked, read off the study’s sampling times (5, 10, 20, 40 min...); the model gives the smooth curve of a typical person.',
      },
    ],
  },
  'racemic-nasal-2022': {
    protocol: {
      name: 'Intranasal racemic ketamine 30 mg, one spray',
      regimen: {
        kind: 'nasal-spray',
        mgPerSpray: 30,
        sprays: 1,
        spacingMin: 0,
        schedule: { kind: 'single' },
      },
    },
    observations: [
      {
        id: 'spray-f30',
        measure: 'bioavailability',
        label: 'Bioavailability, 30 mg intranasal',
        value: 13,
        unit: '%',
        source: 'pharmacotherapy2022in, Table 6',
        note: 'The model takes F from this table by dose, so it agrees by construction.',
      },
      {
        id: 'spray-tmax30',
        measure: 'tmax',
        label: 'Time to peak, 30 mg intranasal (geometric mean)',
        value: 14,
        unit: 'min',
        source: 'pharmacotherapy2022in, Table 6',
        note: 'One absorption rate was derived from the three arms pooled (23, 14 and 16 min; 16.7 min weighted by n), so no single arm is matched exactly.',
      },
      {
        id: 'spray-ratio30',
        measure: 'metabolite-ratio',
        label: 'Norketamine/ketamine AUC ratio, 30 mg intranasal',
        value: 3.95,
        unit: 'ratio',
        source: 'pharmacotherapy2022in, Table 6',
        note: 'Not fitted. The engine assumes that all lost and all cleared ketamine becomes norketamine, with S-norketamine disposition (Otto 2021); after IV the same study found a ratio of 0.19 against the engine’s 1.6, so this approximation over-predicts racemic norketamine several-fold.',
      },
    ],
  },
  'im-racemic': {
    protocol: {
      name: 'Intramuscular 0.5 mg/kg',
      regimen: { kind: 'intramuscular', doseMgPerKg: 0.5, schedule: { kind: 'single' } },
    },
    observations: [
      {
        id: 'im-f',
        measure: 'bioavailability',
        label: 'Bioavailability after IM injection, adults (as quoted)',
        value: 93,
        unit: '%',
        source: 'clements1982, as quoted in secondary summaries (not read)',
        note: 'The model was built from this figure, which could not be checked in the paper. Children: 41 % (hornik2018, abstract).',
      },
      {
        id: 'im-tmax',
        measure: 'tmax',
        label: 'Time to peak after IM injection (as quoted)',
        value: [5, 15],
        unit: 'min',
        source: 'clements1982, as quoted in secondary summaries (not read)',
        note: 'The absorption rate was derived from the middle of this quoted range, 10 min.',
      },
    ],
  },
  'fanta2015-oral': {
    protocol: {
      name: 'Oral S-ketamine 17.5 mg (0.25 mg/kg at 70 kg)',
      regimen: { kind: 'oral', doseMg: 17.5, schedule: { kind: 'single' } },
    },
    observations: [
      {
        id: 'oral-s-f',
        measure: 'bioavailability',
        label: 'Oral bioavailability of S-ketamine',
        value: 8,
        unit: '%',
        source: 'fanta2015, abstract',
        note: 'The model was built from this figure, so it agrees by construction.',
      },
      {
        id: 'oral-s-ratio',
        measure: 'metabolite-ratio',
        label: 'Norketamine/S-ketamine AUC ratio after oral dosing (at steady state)',
        value: 16.5,
        unit: 'ratio',
        source: 'fanta2015, abstract (simulated with their model)',
        note: 'Not fitted. Fanta’s model had a separate presystemic pathway; here all lost drug becomes norketamine, which gives a higher ratio. For a linear model the single-dose AUC ratio equals the steady-state one.',
      },
    ],
  },
  'perezruixo2021-oral': {
    protocol: {
      name: 'Oral esketamine 84 mg',
      regimen: { kind: 'oral', doseMg: 84, schedule: { kind: 'single' } },
    },
    observations: [
      {
        id: 'oral-esk-f',
        measure: 'bioavailability',
        label: 'Fraction of a swallowed dose reaching the circulation',
        value: 18.6,
        unit: '%',
        source: 'perezruixo2021, abstract',
        note: 'The abstract gives this for the swallowed part of a nasal dose; the model’s oral arm has the same first pass. The manufacturer’s medical information says about 8 % for oral esketamine (its source could not be seen).',
      },
    ],
  },
};
