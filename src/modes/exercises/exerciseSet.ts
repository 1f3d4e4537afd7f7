/**
 * The "predict, then reveal" exercises: for each, a posed change, the reference curve shown while
 * the student predicts, the simulation that answers, and an explanation whose numbers come from
 * that simulation when it is revealed (with the unit, or a cited source for anything else).
 * Scoring and progress are in src/modes/exercises/exercises.ts and progress.ts. Teaching content, not dosing advice.
 */
import { ivScenario, nasalScenario } from '../../registry';
import { DISSOCIATION_RANGE_NG_PER_ML } from '../../engine/summary';
import type { Regimen, Scenario } from '../../engine/scenario';
import type { SimulationResult } from '../../engine/run';
import { courseFor, optionsFor, routeScenarioFor } from '../../engine/presets';
import { MODELS } from '../../../models/index';
import { DEFAULT_VIEW, describeRegimen, type AppState } from '../../lib/appState';
import { halfLifeH, valueAtClamped } from '../../engine/curve';
import {
  curveStats,
  feedbackText,
  formatMinutes,
  peakInBand,
  resample,
  scorePrediction,
  sig3,
  type BandPosition,
  type CurveStats,
  type ExerciseGrid,
  type Score,
} from './exercises';

/** Which column of a simulation a curve is. */
export type SeriesKey = 'parent' | 'metabolite' | 'effectSite';

export interface CurveSource {
  /** legend label, e.g. "0.5 mg/kg over 40 min" */
  label: string;
  scenario: () => Scenario;
  series: SeriesKey;
}

/** The answer: one simulated curve, or a percentile of virtual patients (with the 5-95 % band). */
export type AnswerSource =
  | (CurveSource & { kind: 'run' })
  | (CurveSource & { kind: 'percentile'; percentile: number; nPatients: number; seed: number });

/** What an explanation can use once the answer is revealed; all arrays are on the grid. */
export interface RevealContext {
  t: Float64Array;
  baseline: Float64Array;
  answer: Float64Array;
  prediction: Float64Array;
  baselineStats: CurveStats;
  answerStats: CurveStats;
  score: Score;
  /**
   * the first feedback: the student's own peak (and, where they matter, its time and the area)
   * against the simulation's, in plain words
   */
  feedback: string;
  /** variability exercises: 5th, 50th and 95th percentiles and the band check */
  band?: {
    lo: Float64Array;
    median: Float64Array;
    hi: Float64Array;
    nPatients: number;
    check: { position: BandPosition; tMin: number; value: number; lo: number; hi: number } | null;
  };
}

export interface Exercise {
  id: string;
  /** the principle, used as the exercise's name */
  title: string;
  /** the posed change */
  question: string;
  /** what to draw */
  task: string;
  /** y-axis label with the unit */
  yLabel: string;
  grid: ExerciseGrid;
  /** times of the typed-value points (keyboard alternative), min; 8-12 of them, on the grid */
  handleTimesMin: readonly number[];
  /** top of the drawing area as a multiple of the reference curve's peak (then rounded up) */
  yMaxFactor: number;
  /** a time-of-peak error this large scores 0 for timing, min */
  timeToleranceMin: number;
  baseline: CurveSource;
  answer: AnswerSource;
  /** paragraphs of the explanation, with numbers from the simulation */
  explain: (ctx: RevealContext) => string[];
  /** citation keys (src/content/references.ts) */
  cite: readonly string[];
}

const ng = (v: number) => `${sig3(v)} ng/mL`;
const when = (t: number | null) => (t === null ? '-' : formatMinutes(t));
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '-');
const percent = (f: number) => `${Math.round(f * 100)} %`;

/** A scenario on the exercise's grid. */
function onGrid(s: Scenario, grid: ExerciseGrid): Scenario {
  return { ...s, options: { endH: grid.endMin / 60, stepMin: grid.stepMin } };
}

/** The highest value of a curve at grid times in [t0, t1). */
/** The reference curve: a series of a simulated scenario (plasma parent drug unless named). */
const reference = (label: string, scenario: () => Scenario, series: SeriesKey = 'parent') => ({
  label,
  scenario,
  series,
});
/** An answer that is one simulated curve. */
const simulated = (
  label: string,
  scenario: () => Scenario,
  series: SeriesKey = 'parent',
): AnswerSource => ({ kind: 'run', label, scenario, series });
/** How much later the answer peaks than the reference, min (null when either has no peak). */
const peakLag = (answer: CurveStats, ref: CurveStats) =>
  answer.tPeakMin !== null && ref.tPeakMin !== null ? answer.tPeakMin - ref.tPeakMin : null;

function maxBetween(t: Float64Array, y: Float64Array, t0: number, t1: number): number {
  let m = 0;
  for (let i = 0; i < t.length; i++) if (t[i]! >= t0 && t[i]! < t1 && y[i]! > m) m = y[i]!;
  return m;
}

const FOUR_H: ExerciseGrid = { endMin: 240, stepMin: 2 };
const FOUR_H_HANDLES = [10, 20, 30, 40, 60, 90, 120, 180, 240] as const;
const NASAL_HANDLES = [10, 20, 30, 40, 50, 60, 90, 120, 180, 240] as const;

/** 84 mg of esketamine given IV over 10 min, with the intranasal model's own disposition. */
function esketamineIv(grid: ExerciseGrid): Scenario {
  const s = ivScenario(84 / 70, 10);
  return onGrid({ ...s, model: 'perezruixo2021' }, grid);
}

const COURSE_GRID: ExerciseGrid = { endMin: 5 * 1440, stepMin: 10 };
/** The first week of the common IV course: days 0, 2 and 4. */
const COURSE_DAYS = (() => {
  const schedule = courseFor('iv');
  return schedule.kind === 'course' ? schedule.sessionDays.slice(0, 3) : [0, 2, 4];
})();

const TWELVE_H: ExerciseGrid = { endMin: 720, stepMin: 2 };
const FOUR_H_FINE: ExerciseGrid = { endMin: 240, stepMin: 1 };
const BOLUS_GRID: ExerciseGrid = { endMin: 60, stepMin: 0.5 };
const SIX_H_FINE: ExerciseGrid = { endMin: 360, stepMin: 1 };
const TWELVE_H_HANDLES = [30, 60, 90, 120, 180, 240, 360, 480, 600, 720] as const;

/**
 * A scenario of a route with a model of that route (so the simulator can show it), the route's
 * default regimen (src/engine/presets.ts) changed by `patch`, on the exercise's grid.
 */
function onRoute(
  model: string,
  route: Regimen['kind'],
  patch: Partial<Regimen>,
  grid: ExerciseGrid,
): Scenario {
  const s = routeScenarioFor(model, route);
  return onGrid({ ...s, regimen: { ...s.regimen, ...patch } as Regimen }, grid);
}

/** 0.5 mg/kg of the default patient (70 kg) in mg: the IV reference dose given by another route. */
const IV_DOSE_MG = 0.5 * ivScenario(0.5, 40).patient.weightKg;
/** The oral dose of the oral arm of Perez-Ruixo 2021 (84 mg solution; models/perezruixo2021.ts). */
const ORAL_ESKETAMINE_MG = 84;
const oralEsketamine = (grid: ExerciseGrid) =>
  onRoute('perezruixo2021-oral', 'oral', { doseMg: ORAL_ESKETAMINE_MG }, grid);

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'dose-proportionality',
    title: 'Dose proportionality',
    question:
      'The reference curve is racemic ketamine in plasma after 0.5 mg/kg infused over 40 min, the dose of the depression trials, in a 70 kg adult. The dose doubles to 1.0 mg/kg, still over 40 min.',
    task: 'Draw the plasma concentration after 1.0 mg/kg.',
    yLabel: 'Ketamine in plasma (ng/mL)',
    grid: FOUR_H,
    handleTimesMin: FOUR_H_HANDLES,
    yMaxFactor: 2.6,
    timeToleranceMin: 60,
    baseline: reference('Reference: 0.5 mg/kg over 40 min', () =>
      onGrid(ivScenario(0.5, 40), FOUR_H),
    ),
    answer: simulated('Simulation: 1.0 mg/kg over 40 min', () =>
      onGrid(ivScenario(1.0, 40), FOUR_H),
    ),
    explain: ({ baselineStats: b, answerStats: a }) => [
      `The simulation shows a peak of ${ng(a.peak)} at ${when(a.tPeakMin)} after 1.0 mg/kg, against ${ng(b.peak)} at ${when(b.tPeakMin)} after 0.5 mg/kg: ${ratio(a.peak, b.peak)} times as high, at the same time. The area under the curve over these 4 h grows by the same factor (${sig3(a.aucNgHPerMl)} against ${sig3(b.aucNgHPerMl)} ng·h/mL).`,
      'The model behind the curve (Herd et al. 2007, used at adult size) is linear: distribution and elimination each remove a fixed fraction of the drug per minute, however much there is. Doubling the dose therefore doubles the concentration at every moment and leaves the shape and the timing of the curve unchanged. This is dose proportionality; in a real person it holds only as far as the processes stay unsaturated.',
      '0.5 mg/kg over 40 min is the dose used in the depression trials (Zanos et al. 2018, Table 1).',
    ],
    cite: ['herd2007', 'zanos2018'],
  },
  {
    id: 'infusion-duration',
    title: 'Infusion duration and peak',
    question:
      'The reference curve is racemic ketamine in plasma after 0.5 mg/kg infused over 40 min. The same dose is now infused in half the time, over 20 min.',
    task: 'Draw the plasma concentration for the 20 min infusion.',
    yLabel: 'Ketamine in plasma (ng/mL)',
    grid: FOUR_H,
    handleTimesMin: FOUR_H_HANDLES,
    yMaxFactor: 2.2,
    timeToleranceMin: 30,
    baseline: reference('Reference: 0.5 mg/kg over 40 min', () =>
      onGrid(ivScenario(0.5, 40), FOUR_H),
    ),
    answer: simulated('Simulation: 0.5 mg/kg over 20 min', () =>
      onGrid(ivScenario(0.5, 20), FOUR_H),
    ),
    explain: ({ baselineStats: b, answerStats: a }) => {
      const [lo, hi] = DISSOCIATION_RANGE_NG_PER_ML;
      const where = a.peak > hi ? 'above' : a.peak >= lo ? 'inside' : 'below';
      return [
        `Over 20 min the simulation peaks at ${ng(a.peak)} at ${when(a.tPeakMin)}, when the infusion ends, against ${ng(b.peak)} at ${when(b.tPeakMin)} for the 40 min infusion: ${percent(a.peak / b.peak - 1)} higher. The areas under the two curves over 4 h are almost the same: ${sig3(a.aucNgHPerMl)} and ${sig3(b.aucNgHPerMl)} ng·h/mL.`,
        'While an infusion runs, drug is already leaving the blood, into the tissues and by elimination. A faster infusion leaves less time for that, so the peak is higher and earlier. The total exposure, the area under the curve, depends on the dose and the clearance, not on the rate, so it does not change.',
        `The faster infusion's peak lies ${where} the plasma range of ${lo}-${hi} ng/mL linked to dissociative effects after the 40 min infusion (Zanos et al. 2018, Table 1).`,
      ];
    },
    cite: ['herd2007', 'zanos2018'],
  },
  {
    id: 'iv-vs-nasal',
    title: 'IV versus nasal: bioavailability',
    question:
      'The reference curve is esketamine in plasma after 84 mg given straight into a vein over 10 min, using the nasal spray model’s description of how the body handles esketamine. The same 84 mg is now given as the nasal spray: three 28 mg devices, 5 min apart.',
    task: 'Draw the plasma concentration after the nasal spray.',
    yLabel: 'Esketamine in plasma (ng/mL)',
    grid: FOUR_H,
    handleTimesMin: NASAL_HANDLES,
    yMaxFactor: 1.3,
    timeToleranceMin: 60,
    baseline: reference('Reference: 84 mg IV over 10 min', () => esketamineIv(FOUR_H)),
    answer: simulated('Simulation: 84 mg nasal (3 devices)', () =>
      onGrid(nasalScenario(3), FOUR_H),
    ),
    explain: ({ baselineStats: b, answerStats: a }) => [
      `The simulation shows a nasal peak of ${ng(a.peak)} at ${when(a.tPeakMin)}, against ${ng(b.peak)} at ${when(b.tPeakMin)} for the infusion. Over the 4 h shown, the area under the nasal curve is ${percent(a.aucNgHPerMl / b.aucNgHPerMl)} of the area under the IV curve.`,
      'Part of each spray is absorbed through the lining of the nose; the rest runs down the throat and is swallowed, and much of that is broken down in the gut wall and the liver before it can reach the circulation (first-pass metabolism). The fraction of a dose that reaches the circulation is its bioavailability: by definition 100 % for IV, and 51 % for 84 mg of the nasal spray in the study behind this model (Perez-Ruixo et al. 2021). Absorption also takes time, so the nasal peak comes later and is flatter.',
    ],
    cite: ['perezruixo2021'],
  },
  {
    id: 'adding-devices',
    title: 'Adding nasal devices',
    question:
      'The reference curve is esketamine in plasma after one 28 mg nasal device. The session now uses three devices, 5 min apart: 84 mg, three times the dose.',
    task: 'Draw the plasma concentration after three devices.',
    yLabel: 'Esketamine in plasma (ng/mL)',
    grid: FOUR_H,
    handleTimesMin: NASAL_HANDLES,
    yMaxFactor: 3.5,
    timeToleranceMin: 60,
    baseline: reference('Reference: 1 device (28 mg)', () => onGrid(nasalScenario(1), FOUR_H)),
    answer: simulated('Simulation: 3 devices (84 mg)', () => onGrid(nasalScenario(3), FOUR_H)),
    explain: ({ baselineStats: b, answerStats: a }) => [
      `The simulation shows a peak of ${ng(a.peak)} at ${when(a.tPeakMin)} after three devices, against ${ng(b.peak)} at ${when(b.tPeakMin)} after one: ${ratio(a.peak, b.peak)} times as high for three times the dose. The area under the curve over 4 h grows ${ratio(a.aucNgHPerMl, b.aucNgHPerMl)} times.`,
      'In this model the second and third devices of a session deliver a smaller share of their dose through the nose: the nasal fraction is multiplied by 0.62 for them (Perez-Ruixo et al. 2021, Table 3), so more of their dose is swallowed and lost to first-pass metabolism. The study reports a bioavailability of 54 % for 56 mg and 51 % for 84 mg. The devices are also 5 min apart, which spreads the input and moves the peak a little later.',
    ],
    cite: ['perezruixo2021'],
  },
  {
    id: 'metabolite',
    title: 'Metabolite accumulation',
    question:
      'The reference curve is esketamine in plasma after 84 mg of the nasal spray, over 12 h. The liver turns esketamine into its main metabolite, noresketamine (S-norketamine).',
    task: 'Draw the noresketamine concentration over the same 12 h.',
    yLabel: 'Concentration in plasma (ng/mL)',
    grid: TWELVE_H,
    handleTimesMin: [30, 60, 90, 120, 180, 240, 360, 480, 600, 720],
    yMaxFactor: 2.5,
    timeToleranceMin: 120,
    baseline: reference('Reference: esketamine, 84 mg nasal', () =>
      onGrid(nasalScenario(3), TWELVE_H),
    ),
    answer: simulated(
      'Simulation: noresketamine, 84 mg nasal',
      () => onGrid(nasalScenario(3), TWELVE_H),
      'metabolite',
    ),
    explain: ({ t, baseline, answer, baselineStats: b, answerStats: a }) => {
      const end = t[t.length - 1]!;
      const lag = peakLag(a, b);
      return [
        `The simulation shows noresketamine peaking at ${ng(a.peak)} at ${when(a.tPeakMin)}${lag !== null ? `, ${formatMinutes(lag)} after esketamine's own peak of ${ng(b.peak)}` : ''}. At ${formatMinutes(end)} there is ${ng(valueAtClamped(t, answer, end))} of noresketamine against ${ng(valueAtClamped(t, baseline, end))} of esketamine.`,
        `A metabolite can only be made from drug that is already in the body, so it rises later than the parent. Here it also rises higher: the swallowed part of the dose passes through the liver, which converts much of it before it reaches the circulation, and noresketamine leaves more slowly than esketamine (between 6 and 12 h the simulation halves it every ${sig3(halfLifeH(t, answer, 360, 720))} h, esketamine every ${sig3(halfLifeH(t, baseline, 360, 720))} h), so it builds up and outlasts the parent drug.`,
        'Norketamine is itself an NMDA receptor blocker (shown in rat cortex and spinal cord; Ebert et al. 1997). The model’s noresketamine peak agrees with the study, but read literally its published table over-predicts the area under the noresketamine curve about 1.4-1.6 times (an erratum documented by the nlmixr2lib model library).',
      ];
    },
    cite: ['perezruixo2021', 'ebert1997', 'nlmixr2lib'],
  },
  {
    id: 'course-washout',
    title: 'Half-life and washout across a course',
    question: `The reference curve is ketamine in plasma after one 0.5 mg/kg infusion over 40 min, followed for 5 days. A course gives the same infusion on days ${COURSE_DAYS.join(', ')}: the first week of a common course of six infusions over two weeks.`,
    task: 'Draw the plasma concentration over the 5 days of the course.',
    yLabel: 'Ketamine in plasma (ng/mL)',
    grid: COURSE_GRID,
    handleTimesMin: [40, 120, 720, 2880, 2920, 3000, 3600, 5760, 5800, 5880, 6480, 7200],
    yMaxFactor: 1.6,
    timeToleranceMin: 1440,
    baseline: reference('Reference: one infusion', () => onGrid(ivScenario(0.5, 40), COURSE_GRID)),
    answer: {
      kind: 'run',
      label: `Simulation: infusions on days ${COURSE_DAYS.join(', ')}`,
      scenario: () => {
        const s = ivScenario(0.5, 40);
        const regimen = {
          ...s.regimen,
          schedule: { kind: 'course' as const, sessionDays: [...COURSE_DAYS] },
        };
        return onGrid({ ...s, regimen }, COURSE_GRID);
      },
      series: 'parent',
    },
    explain: ({ t, baseline, answer, answerStats: a }) => {
      const second = (COURSE_DAYS[1] ?? 2) * 1440;
      const trough = valueAtClamped(t, answer, second);
      const peak2 = maxBetween(t, answer, second, second + 1440);
      // Late half-life of the single infusion, from its values 6 h and 12 h after the start.
      const hl = halfLifeH(t, baseline, 360, 720);
      const gap = second / 60;
      const halfLives = hl > 0 ? gap / hl : Number.NaN;
      return [
        `The simulation shows every infusion peaking at about ${ng(a.peak)}. Just before the second infusion, ${formatMinutes(second)} after the first, ${ng(trough)} is left (${sig3((100 * trough) / a.peak)} % of the peak), so the second peak (${ng(peak2)}) is practically the same as the first.`,
        `Between 6 and 12 h after an infusion, the simulated concentration halves every ${sig3(hl)} h. After 4 half-lives about 94 % of a dose has gone, after 5 about 97 %; the ${sig3(gap)} h between these sessions are about ${sig3(halfLives)} half-lives, so nothing carries over and ketamine does not accumulate on this schedule.`,
        'Benefits that last for days after a session are therefore not due to ketamine still in the blood; the Mechanism panel describes the ideas about what outlasts the drug.',
      ];
    },
    cite: ['herd2007'],
  },
  {
    id: 'variability',
    title: 'Variability between patients',
    question:
      'The reference curve is esketamine in plasma after 84 mg of the nasal spray for the model’s typical 70 kg patient. Real patients of the same size still differ: in how much of the spray the nose absorbs and how fast, and in the volumes and blood flows that spread and clear the drug.',
    task: 'Draw the upper edge of the range: at each time, the concentration that only 1 patient in 20 would exceed (the 95th percentile).',
    yLabel: 'Esketamine in plasma (ng/mL)',
    grid: FOUR_H,
    handleTimesMin: NASAL_HANDLES,
    yMaxFactor: 2.2,
    timeToleranceMin: 60,
    baseline: reference('Reference: typical patient, 84 mg nasal', () =>
      onGrid(nasalScenario(3), FOUR_H),
    ),
    answer: {
      kind: 'percentile',
      percentile: 95,
      nPatients: 1000,
      seed: 20211,
      label: 'Simulation: 95th percentile of 1000 virtual patients',
      scenario: () => onGrid(nasalScenario(3), FOUR_H),
      series: 'parent',
    },
    explain: ({ t, baselineStats: b, answerStats: a, band }) => {
      const paras: string[] = [];
      if (band) {
        const tt = b.tPeakMin ?? 0;
        const lo = valueAtClamped(t, band.lo, tt);
        const hi = valueAtClamped(t, band.hi, tt);
        paras.push(
          `Among ${band.nPatients} virtual patients, at ${when(tt)} (the typical patient's peak, ${ng(b.peak)}) the simulation's 5-95 % band runs from ${ng(lo)} to ${ng(hi)}: the 95th percentile is ${ratio(hi, lo)} times the 5th. The 95th percentile curve peaks at ${ng(a.peak)} at ${when(a.tPeakMin)}, ${ratio(a.peak, b.peak)} times the typical peak.`,
        );
        if (band.check) {
          const c = band.check;
          const where =
            c.position === 'inside'
              ? 'inside'
              : c.position === 'above'
                ? 'above the top of'
                : 'below the bottom of';
          paras.push(
            `Your predicted peak, ${ng(c.value)} at ${when(c.tMin)}, lies ${where} the 5-95 % band at that time (${sig3(c.lo)}-${sig3(c.hi)} ng/mL).`,
          );
        }
      }
      paras.push(
        'The model gives its parameters a between-patient variability estimated in the study (Perez-Ruixo et al. 2021, Table 3). Drawing random values for them makes virtual patients; at each time the band holds the middle 90 % of their concentrations. The same dose gives different people very different concentrations, so the typical curve describes no one patient in particular.',
      );
      return paras;
    },
    cite: ['perezruixo2021'],
  },
  {
    id: 'effect-site-lag',
    title: 'Effect-site lag',
    question:
      'The reference curve is esketamine in plasma after 84 mg of the nasal spray. The drug acts in the brain, which the model represents by an effect site that takes up drug from plasma with a delay.',
    task: 'Draw the effect-site concentration.',
    yLabel: 'Esketamine concentration (ng/mL)',
    grid: FOUR_H_FINE,
    handleTimesMin: [15, 30, 45, 60, 75, 90, 120, 180, 240],
    yMaxFactor: 1.5,
    timeToleranceMin: 20,
    baseline: reference('Reference: plasma, 84 mg nasal', () =>
      onGrid(nasalScenario(3), FOUR_H_FINE),
    ),
    answer: simulated(
      'Simulation: effect site, 84 mg nasal',
      () => onGrid(nasalScenario(3), FOUR_H_FINE),
      'effectSite',
    ),
    explain: ({ t, baseline, answer, baselineStats: b, answerStats: a }) => {
      const lag = peakLag(a, b);
      let cross: number | null = null;
      for (let i = 1; i < t.length; i++) {
        if (answer[i]! > baseline[i]! && answer[i - 1]! <= baseline[i - 1]! && t[i]! > 0) {
          cross = t[i]!;
          break;
        }
      }
      return [
        `The simulation shows the effect-site concentration peaking at ${when(a.tPeakMin)}${lag !== null ? `, ${formatMinutes(lag)} after the plasma peak` : ''}, and a little lower (${ng(a.peak)} against ${ng(b.peak)} in plasma).${cross !== null ? ` From about ${formatMinutes(cross)} on, the effect site holds more than plasma: it also empties later.` : ''}`,
        'Drug must pass from the blood into the brain before it acts. The model describes this with an effect site that follows plasma with an equilibration half-time of 8.3 min, measured for S-ketamine’s psychedelic and pain-relieving effects (Olofsen et al. 2022); applying it to this curve is an assumption of the simulator. Because the effect site lags, effects peak after the blood concentration and also fade after it.',
      ];
    },
    cite: ['olofsen2022', 'perezruixo2021'],
  },
  {
    id: 'bolus-effect-site',
    title: 'Effect site after a quick injection',
    question:
      'The reference curve is racemic ketamine in plasma in the first hour after 0.5 mg/kg given as a single quick injection (a bolus) instead of an infusion. Plasma is highest at once.',
    task: 'Draw the effect-site concentration over the first hour.',
    yLabel: 'Ketamine concentration (ng/mL)',
    grid: BOLUS_GRID,
    handleTimesMin: [1, 2, 4, 6, 8, 10, 15, 20, 30, 45, 60],
    yMaxFactor: 1.1,
    timeToleranceMin: 10,
    baseline: reference('Reference: plasma after a bolus', () =>
      onGrid(ivScenario(0.5, 0), BOLUS_GRID),
    ),
    answer: simulated(
      'Simulation: effect site after a bolus',
      () => onGrid(ivScenario(0.5, 0), BOLUS_GRID),
      'effectSite',
    ),
    explain: ({ t, baseline, baselineStats: b, answerStats: a }) => {
      const tp = a.tPeakMin ?? 0;
      return [
        `The simulation shows plasma at ${ng(b.peak)} right after the injection (the model mixes a bolus into its central volume at once) and the effect site peaking at ${when(a.tPeakMin)} with ${ng(a.peak)}, ${percent(a.peak / b.peak)} of the plasma peak.`,
        `The effect site takes up drug only while plasma holds more than it does. Plasma falls fast as the drug spreads into the tissues, so the effect-site peak comes where the two curves meet: at ${when(tp)} plasma is ${ng(valueAtClamped(t, baseline, tp))}. In the model the effect site never comes near the short plasma spike. The delay uses an equilibration half-time of 8.3 min (Olofsen et al. 2022), an assumption for racemic ketamine.`,
        'Quick injections of 1-2 mg/kg are used to start general anaesthesia (Zanos et al. 2018, Table 1); 0.5 mg/kg as a bolus is used here only to show the delay.',
      ];
    },
    cite: ['olofsen2022', 'herd2007', 'zanos2018'],
  },
  {
    id: 'first-pass-metabolite',
    title: 'First pass and the metabolite',
    question: `The reference curve is esketamine in plasma over 12 h after ${ORAL_ESKETAMINE_MG} mg of esketamine swallowed as a solution, the dose of the oral arm of the published model used here. A swallowed dose is carried from the gut to the liver before it reaches the rest of the body, and the liver turns esketamine into noresketamine (S-norketamine).`,
    task: 'Draw the noresketamine concentration over the same 12 h.',
    yLabel: 'Concentration in plasma (ng/mL)',
    grid: TWELVE_H,
    handleTimesMin: TWELVE_H_HANDLES,
    yMaxFactor: 8,
    timeToleranceMin: 120,
    baseline: reference(`Reference: esketamine, ${ORAL_ESKETAMINE_MG} mg swallowed`, () =>
      oralEsketamine(TWELVE_H),
    ),
    answer: simulated(
      `Simulation: noresketamine, ${ORAL_ESKETAMINE_MG} mg swallowed`,
      () => oralEsketamine(TWELVE_H),
      'metabolite',
    ),
    explain: ({ baselineStats: b, answerStats: a }) => [
      `The simulation shows noresketamine peaking at ${ng(a.peak)} at ${when(a.tPeakMin)}: ${ratio(a.peak, b.peak)} times esketamine's own peak of ${ng(b.peak)} at ${when(b.tPeakMin)}. Over the 12 h the area under the noresketamine curve is ${ratio(a.aucNgHPerMl, b.aucNgHPerMl)} times the area under the esketamine curve (${sig3(a.aucNgHPerMl)} against ${sig3(b.aucNgHPerMl)} ng·h/mL).`,
      'A swallowed dose must pass the gut wall and the liver before it reaches the circulation, and both break much of it down on this first pass (first-pass metabolism): the study behind this model reports that 18.6 % of swallowed esketamine reaches the blood unchanged (Perez-Ruixo et al. 2021). In the model, what the liver takes out on that first pass enters the blood as noresketamine. So after an oral dose the metabolite does not lag far behind the drug, as it does after a dose into a vein or the nasal spray, where more of the dose bypasses the liver; it rises almost as fast and stands several times higher.',
      'Read literally, the published table of this model over-predicts the area under the noresketamine curve about 1.4-1.6 times (an erratum documented by the nlmixr2lib model library), so the true ratio is probably smaller. Norketamine is itself an NMDA receptor blocker (shown in rat cortex and spinal cord; Ebert et al. 1997), so the metabolite is not inactive.',
    ],
    cite: ['perezruixo2021', 'nlmixr2lib', 'ebert1997'],
  },
  {
    id: 'sublingual-bioavailability',
    title: 'Bioavailability by route: under the tongue',
    question: `The reference curve is racemic ketamine in plasma after 0.5 mg/kg into a vein over 40 min (${IV_DOSE_MG} mg for this 70 kg adult). The same ${IV_DOSE_MG} mg is now held under the tongue (sublingual) as a wafer.`,
    task: `Draw the plasma concentration after ${IV_DOSE_MG} mg under the tongue.`,
    yLabel: 'Ketamine in plasma (ng/mL)',
    grid: SIX_H_FINE,
    handleTimesMin: [10, 20, 30, 45, 60, 90, 120, 180, 240, 360],
    yMaxFactor: 1.1,
    timeToleranceMin: 60,
    baseline: reference('Reference: 0.5 mg/kg IV over 40 min', () =>
      onGrid(ivScenario(0.5, 40), SIX_H_FINE),
    ),
    answer: simulated(`Simulation: ${IV_DOSE_MG} mg sublingual`, () =>
      onRoute('rolan2014-sl', 'sublingual', { doseMg: IV_DOSE_MG }, SIX_H_FINE),
    ),
    explain: ({ baselineStats: b, answerStats: a }) => {
      const peakShare = a.peak / b.peak;
      const areaShare = a.aucNgHPerMl / b.aucNgHPerMl;
      return [
        `The simulation shows the sublingual dose peaking at ${ng(a.peak)} at ${when(a.tPeakMin)}, against ${ng(b.peak)} at ${when(b.tPeakMin)} for the same dose into a vein: ${percent(peakShare)} of the IV peak. Over the 6 h shown, the area under the sublingual curve is ${percent(areaShare)} of the area under the IV curve (${sig3(a.aucNgHPerMl)} against ${sig3(b.aucNgHPerMl)} ng·h/mL).`,
        'Both curves use the same description of how the body spreads and clears ketamine (Herd et al. 2007, at adult size), so the whole difference is in how the dose gets in. Part of a dose under the tongue is absorbed through the lining of the mouth; the rest is swallowed, and the gut wall and liver break much of it down before it reaches the circulation (first-pass metabolism). For a 25 mg wafer, Rolan et al. 2014 measured a bioavailability of 29 % and a peak at a median of 0.75 h.',
        peakShare < areaShare
          ? `The peak falls even further than the area (${percent(peakShare)} against ${percent(areaShare)}): the absorbed part also arrives slowly, over the first hours, while the body is already clearing it, so the curve is lower and flatter.`
          : `The peak falls about as much as the area (${percent(peakShare)} against ${percent(areaShare)}).`,
        'This curve is an approximation: the simulator built it from the study’s average bioavailability and time of peak on that body model, not from a model fitted to the study’s measurements. The study gave 25 mg; the simulation assumes the same share at other doses, and it does not model how long the wafer is held.',
      ];
    },
    cite: ['rolan2014', 'herd2007'],
  },
  {
    id: 'im-time-to-peak',
    title: 'Time to peak by route: into a muscle',
    question:
      'The reference curve is racemic ketamine in plasma after 0.5 mg/kg into a vein over 40 min. The same 0.5 mg/kg is now given as one injection into a muscle (intramuscular, IM).',
    task: 'Draw the plasma concentration after the IM injection.',
    yLabel: 'Ketamine in plasma (ng/mL)',
    grid: FOUR_H_FINE,
    handleTimesMin: [5, 10, 15, 20, 30, 40, 60, 90, 120, 180, 240],
    yMaxFactor: 1.5,
    timeToleranceMin: 30,
    baseline: reference('Reference: 0.5 mg/kg IV over 40 min', () =>
      onGrid(ivScenario(0.5, 40), FOUR_H_FINE),
    ),
    answer: simulated('Simulation: 0.5 mg/kg IM', () =>
      onRoute('im-racemic', 'intramuscular', { doseMgPerKg: 0.5 }, FOUR_H_FINE),
    ),
    explain: ({ baselineStats: b, answerStats: a }) => {
      const lag = peakLag(a, b);
      const timing =
        lag !== null && lag < 0
          ? `, ${formatMinutes(-lag)} before the infusion's peak at ${when(b.tPeakMin)}, when the drip stops`
          : `; the infusion peaks at ${when(b.tPeakMin)}, when the drip stops`;
      return [
        `The simulation shows the injection peaking at ${when(a.tPeakMin)}${timing}. The IM peak is ${ng(a.peak)} against ${ng(b.peak)}. Over the 4 h shown, the area under the IM curve is ${percent(a.aucNgHPerMl / b.aucNgHPerMl)} of the area under the IV curve (${sig3(a.aucNgHPerMl)} against ${sig3(b.aucNgHPerMl)} ng·h/mL).`,
        'From a muscle, ketamine reaches the blood within minutes and without passing the liver first, so nearly all of the dose arrives, and quickly. An infusion delivers the dose at the pace of the drip, so its level is highest when the drip stops. The time of the peak (Tmax) is set by how fast the drug gets in: a slow drip can peak later than an injection of the same dose.',
        'This curve is an approximation. Its two figures, 93 % of the dose absorbed and a peak 5-15 min after the injection (10 min used), are widely quoted for adults and attributed to Clements et al. 1982, a paper this simulator could not read; in children, Hornik et al. 2018 measured an IM bioavailability of 41 %. A study of depression raised IM doses step by step from 0.1 to 0.5 mg/kg (Loo et al. 2016).',
      ];
    },
    cite: ['clements1982', 'hornik2018', 'loo2016'],
  },
];

export const EXERCISE_IDS: readonly string[] = EXERCISES.map((e) => e.id);

export function findExercise(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}

/** A column of a simulation, ng/mL, read onto an exercise's grid. */
export function seriesOf(
  result: SimulationResult,
  key: SeriesKey,
  grid: ExerciseGrid,
): Float64Array {
  const y =
    key === 'effectSite'
      ? result.effectSite
      : key === 'metabolite'
        ? result.metabolite
          ? result.plasma[result.metabolite]
          : undefined
        : result.plasma[result.parent];
  if (!y) throw new Error(`This simulation has no ${key} column`);
  return resample(result.tMin, y, grid);
}

/** Band columns (on the grid) for a percentile answer. */
export interface BandColumns {
  lo: Float64Array;
  median: Float64Array;
  hi: Float64Array;
  /** the answer percentile's own column */
  answer: Float64Array;
  nPatients: number;
}

/** Everything the revealed view shows, computed from the curves on the grid. */
export function revealContext(
  exercise: Exercise,
  t: Float64Array,
  baseline: Float64Array,
  answer: Float64Array,
  prediction: Float64Array,
  band?: Omit<BandColumns, 'answer'>,
): RevealContext {
  const score = scorePrediction(t, prediction, answer, baseline, exercise.timeToleranceMin);
  const a = exercise.answer;
  const ctx: RevealContext = {
    t,
    baseline,
    answer,
    prediction,
    baselineStats: curveStats(t, baseline),
    answerStats: curveStats(t, answer),
    score,
    feedback: feedbackText(
      score,
      exercise.grid.stepMin,
      a.kind === 'percentile' ? `the simulated ${a.percentile}th percentile` : 'the simulation',
    ),
  };
  if (band) {
    ctx.band = {
      lo: band.lo,
      median: band.median,
      hi: band.hi,
      nPatients: band.nPatients,
      check: peakInBand(t, prediction, band.lo, band.hi),
    };
  }
  return ctx;
}

/** The simulator can show a scenario when its model belongs to its route (as its controls do). */
const showable = (s: Scenario) => MODELS[s.model]?.route === s.regimen.kind;

/**
 * The simulator's view of an exercise's curves ("Open these curves in the simulator"): the
 * reference and, when its regimen differs, the answer's scenario, in a window that fits the
 * exercise, with the series it draws (and the band for a percentile answer). Null when the
 * simulator cannot show them.
 */
export function exploreState(ex: Exercise): AppState | null {
  const scenarios = [ex.baseline.scenario(), ex.answer.scenario()];
  if (!scenarios.every(showable)) return null;
  const distinct =
    ex.answer.kind === 'run' &&
    JSON.stringify(scenarios[0]!.regimen) !== JSON.stringify(scenarios[1]!.regimen);
  const chosen = distinct ? scenarios : [scenarios[0]!];
  return {
    scenarios: chosen.map((s) => {
      const scenario = { ...s, options: optionsFor(s.regimen) };
      return { name: describeRegimen(scenario), scenario };
    }),
    view: {
      ...DEFAULT_VIEW,
      window: ex.grid.endMin <= 240 ? '4h' : ex.grid.endMin <= 1440 ? '24h' : 'course',
      showMetabolite: ex.baseline.series === 'metabolite' || ex.answer.series === 'metabolite',
      showEffectSite: ex.baseline.series === 'effectSite' || ex.answer.series === 'effectSite',
      showBand: ex.answer.kind === 'percentile',
    },
  };
}
