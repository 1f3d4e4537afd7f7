/**
 * The words of "Compare the routes" (src/modes/simulator/routes/): the notice, the two dose sets,
 * each route's example dose with the study it comes from, and the plain explanation of first pass.
 * Pure data: the panel's logic turns the doses into scenarios and the engine gives every figure.
 *
 * Where each example dose was read:
 * - IV 0.5 mg/kg over 40 min: Murrough 2013 (abstract of the author manuscript, docs/content-research.md A1c).
 * - IM 0.5 mg/kg: the 27-person trial of IM against IV ketamine (imKetamine2014, PubMed abstract:
 *   0.5 mg/kg IV, 0.5 mg/kg IM or 0.25 mg/kg IM).
 * - Sublingual 25 mg: the wafer of Rolan 2014 (abstract; models/routeModels.ts).
 * - S-ketamine film 50 mg, held 10 min: one film, the smaller of the two doses of Simons 2022
 *   (abstract; models/simons2022.ts).
 * - Racemic nasal spray 30 mg: the middle of the 10, 30 and 50 mg arms of the Pharmacotherapy 2022
 *   study (Table 6; models/routeModels.ts).
 * - Esketamine nasal spray 84 mg: one of the label's session doses, 56 or 84 mg (spravatoLabel).
 * - Oral esketamine 84 mg: the oral solution of the study in Perez-Ruixo 2021 (models/perezruixo2021.ts).
 * - Oral S-ketamine 0.25 mg/kg: the oral dose of Fanta 2015 (abstract; models/routeModels.ts).
 */
import type { Cited, Levels } from './cited';

/** The routes the panel compares, by the names its logic uses. */
export type RouteArmId =
  | 'iv'
  | 'im'
  | 'sublingual'
  | 'sublingualFilm'
  | 'nasalRacemic'
  | 'nasalEsketamine'
  | 'oralEsketamine'
  | 'oralSKetamine';

/** The notice the panel shows above everything else, in plain words. */
export const ROUTE_NOTICE =
  'Example doses, not a recommendation. A teaching tool, not a dosing guide.';

/** The two dose sets of the radio group. */
export const DOSE_SETS = {
  same: {
    label: 'Same dose',
    about:
      'Every route gets 0.5 mg per kg of body weight (35 mg at 70 kg), the IV trial dose. The esketamine spray comes only in 28 mg devices, so it gets the nearest whole number of devices (1 to 3).',
  },
  typical: {
    label: 'A typical dose per route',
    about:
      'Each route gets a dose a study used, named with its source below. These doses are examples taken from research, not advice.',
  },
} as const;
export type DoseSetId = keyof typeof DOSE_SETS;

/** A route's example dose: the amount, its unit, and where a study used it. */
export interface ExampleDose extends Cited<string> {
  /** the dose, in `unit` */
  amount: number;
  unit: 'mg' | 'mg/kg';
}

/** The typical dose of each route, each from a study this project cites. */
export const TYPICAL_DOSES: Readonly<Record<RouteArmId, ExampleDose>> = {
  iv: {
    amount: 0.5,
    unit: 'mg/kg',
    text: 'A drip of 0.5 mg/kg over 40 minutes, as in a large trial for depression.',
    cite: ['murrough2013'],
  },
  im: {
    amount: 0.5,
    unit: 'mg/kg',
    text: 'One shot of 0.5 mg/kg, as in a trial that compared shots with drips.',
    cite: ['imKetamine2014'],
  },
  sublingual: {
    amount: 25,
    unit: 'mg',
    text: 'A 25 mg wafer, the dose of the study behind the model.',
    cite: ['rolan2014'],
  },
  sublingualFilm: {
    amount: 50,
    unit: 'mg',
    text: 'One 50 mg film under the tongue or in the cheek, held for 10 minutes. The study behind the model gave one or two films.',
    cite: ['simons2022'],
  },
  nasalRacemic: {
    amount: 30,
    unit: 'mg',
    text: '30 mg in two sprays, the middle of the three doses (10, 30 and 50 mg) of the study behind the model.',
    cite: ['pharmacotherapy2022in'],
  },
  nasalEsketamine: {
    amount: 84,
    unit: 'mg',
    text: '84 mg from three devices. The label gives 56 or 84 mg a session.',
    cite: ['spravatoLabel'],
  },
  oralEsketamine: {
    amount: 84,
    unit: 'mg',
    text: '84 mg by mouth, the dose of the study behind the model.',
    cite: ['perezruixo2021'],
  },
  oralSKetamine: {
    amount: 0.25,
    unit: 'mg/kg',
    text: '0.25 mg/kg by mouth, the dose of the study behind the model.',
    cite: ['fanta2015'],
  },
};

/** The words of each route in the legend and the table. */
export const ROUTE_ARM_NAMES: Readonly<Record<RouteArmId, { route: string; drug: string }>> = {
  iv: { route: 'Into a vein (IV drip)', drug: 'racemic ketamine' },
  im: { route: 'Into a muscle (IM shot)', drug: 'racemic ketamine' },
  sublingual: { route: 'Under the tongue (sublingual)', drug: 'racemic ketamine' },
  sublingualFilm: {
    route: 'Film under the tongue or in the cheek',
    drug: 'esketamine (S-ketamine)',
  },
  nasalRacemic: { route: 'Nasal spray', drug: 'racemic ketamine' },
  nasalEsketamine: { route: 'Nasal spray (Spravato)', drug: 'esketamine' },
  oralEsketamine: { route: 'Swallowed (Perez-Ruixo 2021)', drug: 'esketamine' },
  oralSKetamine: { route: 'Swallowed (Fanta 2015)', drug: 'esketamine (S-ketamine)' },
};

/** What "approximation" means in the table and legend, in words a student reads easily. */
export const APPROXIMATION_WORDS = {
  short: 'approximation',
  long: 'Built from published summary figures: the study gave only averages (how much reached the blood, when it peaked), so this simulator built the curve from them on a model of the body fitted in other people. Not a full published model.',
} as const;

/** Why the two drugs are shown as different lines and never added up. */
export const ANALYTE_NOTE =
  'Racemic ketamine and esketamine are different drugs, measured as different substances: solid lines are ketamine, dashed lines are esketamine. A milligram of one is not a milligram of the other.';

/**
 * Under the metabolite chart: why the IV drip has no line, and how far the racemic norketamine
 * lines can be trusted (models/observations.ts: the engine's ratios against Table 6 of the
 * Pharmacotherapy 2022 study).
 */
export const METABOLITE_NOTE: Cited = {
  text: {
    student:
      'The default IV model (Herd 2007) has no norketamine, so the IV drip has no line here; the shot into a muscle, which meets no first pass either, is the nearest to it. The norketamine lines of racemic ketamine are approximations that let all the ketamine the body breaks down become norketamine, so they overstate it: one study measured a norketamine to ketamine ratio of 0.19 after IV and about 4 after a 30 mg nasal spray, where this simulator gives about 1.5 after an injection and 12 after the spray.',
    plain:
      'The IV model has no norketamine, so the drip has no line here. The shot into a muscle is the closest to it. For racemic ketamine, these lines show too much norketamine. They count all broken-down ketamine as norketamine. One study found about 4 times as much norketamine as ketamine after a nose spray. This tool shows 12 times.',
  },
  cite: ['herd2007', 'pharmacotherapy2022in'],
};

/** The plain explanation of first pass above the diagram. */
export const FIRST_PASS: Cited = {
  text: {
    student:
      'A swallowed dose is absorbed from the gut into the portal vein, which leads to the liver before the rest of the body. The gut wall and then the liver break part of it down on this first pass, so only a share, the bioavailability F, reaches the circulation unchanged, and what was broken down appears as the metabolite. An injection into a vein or a muscle skips this step.',
    plain:
      'A dose you swallow goes from the gut to the liver before it reaches the rest of the body. The gut wall and the liver break down part of it on the way. Only what is left reaches the blood. The broken-down part shows up as norketamine. A shot into a vein or a muscle skips this step.',
  },
  cite: ['fanta2015', 'perezruixo2021'],
};

/** How to read the diagram, under it. */
export const DIAGRAM_HELP: Levels = {
  student:
    'Each box passes on the share written beside its arrow; the shares come from the model chosen here, for this patient, and multiply to F.',
  plain: 'Each arrow shows how much gets through. The numbers come from the model.',
};
