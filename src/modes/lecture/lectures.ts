/**
 * Ready-made lecture sequences for lecture mode. Each step is a simulator view plus a caption
 * in plain text; every factual claim in a caption carries citation keys (resolved by a test),
 * and statements about the curves describe this simulator's output ("in this simulation").
 */
import { ivScenario, nasalScenario } from '../../registry';
import {
  DEFAULT_VIEW,
  describeRegimen,
  type AppState,
  type NamedScenario,
  type ViewOptions,
} from '../../lib/appState';
import { routeScenarioFor, withCourse } from '../../engine/presets';
import type { Regimen, Scenario } from '../../engine/scenario';
import { SEQUENCE_VERSION, type LectureSequence } from './sequence';

export interface ReadyLecture {
  id: string;
  sequence: LectureSequence;
}

/** A scenario named by its regimen, unless it comes with a name of its own. */
const named = (s: Scenario | NamedScenario): NamedScenario =>
  'scenario' in s ? s : { name: describeRegimen(s), scenario: s };

function view(patch: Partial<ViewOptions>): ViewOptions {
  return { ...DEFAULT_VIEW, showBand: false, ...patch };
}

const asCourse = (s: Scenario): Scenario => withCourse(s, true);

function step(
  caption: string,
  sources: string[],
  scenarios: (Scenario | NamedScenario)[],
  v: Partial<ViewOptions>,
): { caption: string; sources: string[]; state: AppState } {
  return { caption, sources, state: { scenarios: scenarios.map(named), view: view(v) } };
}

const ivVsNasal: ReadyLecture = {
  id: 'iv-vs-nasal',
  sequence: {
    version: SEQUENCE_VERSION,
    title: 'IV ketamine versus intranasal esketamine',
    steps: [
      step(
        'Intravenous racemic ketamine, 0.5 mg/kg over 40 minutes: the dose and rate used in the first trials for depression. The level climbs while the drip runs and falls as soon as it stops.',
        ['berman2000', 'murrough2013'],
        [ivScenario(0.5, 40)],
        { window: '4h', showMetabolite: false },
      ),
      step(
        'Esketamine nasal spray, 56 mg: two 28 mg devices, 5 minutes apart. Only part of a nasal dose reaches the blood (about half in the population model used here), so the peak is lower than at the end of the infusion.',
        ['spravatoLabel', 'perezruixo2021'],
        [nasalScenario(2)],
        { window: '4h', showMetabolite: false },
      ),
      step(
        '84 mg: three devices. In the model, each further device delivers a smaller share of its dose than the first one did, so 84 mg gives less than 1.5 times the level of 56 mg.',
        ['perezruixo2021'],
        [nasalScenario(3)],
        { window: '4h', showMetabolite: false },
      ),
      step(
        'Side by side. The shaded strip is the range of racemic ketamine levels linked to dissociation. Press space to play the time cursor: the mechanism panels follow it.',
        ['zanos2018'],
        [ivScenario(0.5, 40), nasalScenario(2), nasalScenario(3)],
        { window: '4h', showMetabolite: false, showEffectSite: false },
      ),
      step(
        'Effects lag the blood. The short-dashed curve is the effect site: it peaks after the plasma level and falls later. The simulator uses an equilibration half-time of 8.3 minutes, measured for esketamine and assumed for racemic ketamine.',
        ['olofsen2022'],
        [ivScenario(0.5, 40)],
        { window: '4h', showMetabolite: false, showEffectSite: true },
      ),
    ],
  },
};

const course: ReadyLecture = {
  id: 'why-the-course-matters',
  sequence: {
    version: SEQUENCE_VERSION,
    title: 'Why the course matters',
    steps: [
      step(
        'One infusion. In this simulation almost all the drug has left the blood within a day. In the first trial, mood improved within 3 days of a single infusion, but not after a dummy drip.',
        ['berman2000'],
        [ivScenario(0.5, 40)],
        { window: '24h', showMetabolite: true },
      ),
      step(
        'A course: six infusions over two weeks (an example schedule; clinics and trials vary). In this simulation the level returns to near zero between infusions, so the drug itself does not build up.',
        [],
        [asCourse(ivScenario(0.5, 40))],
        { window: 'course', showMetabolite: false },
      ),
      step(
        'The esketamine label schedule: twice a week in weeks 1 to 4, once a week in weeks 5 to 8, then once a week or every 2 weeks (every 2 weeks shown here).',
        ['spravatoLabel'],
        [asCourse(nasalScenario(3))],
        { window: 'course', showMetabolite: false },
      ),
      step(
        'On a log scale the metabolite appears too. Staying on treatment matters: in people whose depression had gone into stable remission, relapse was 26.7 % with continued esketamine against 45.3 % after switching to placebo.',
        ['daly2019'],
        [asCourse(nasalScenario(3))],
        { window: 'course', scale: 'log', showMetabolite: true },
      ),
    ],
  },
};

/**
 * A route's scenario with a model of that route and its regimen changed by `patch` (the route's
 * default regimen otherwise: presets.ts).
 */
function onRoute(model: string, route: Regimen['kind'], patch: Partial<Regimen>): Scenario {
  const s = routeScenarioFor(model, route);
  return { ...s, regimen: { ...s.regimen, ...patch } as Regimen };
}

/** 0.5 mg/kg in mg for the default patient (70 kg): the IV dose given by the other routes. */
const SAME_DOSE_MG = 0.5 * ivScenario(0.5, 40).patient.weightKg;

/**
 * The scenarios of "Why the route matters": racemic ketamine by four routes at the same dose on
 * one disposition (Herd 2007 at adult size), and esketamine swallowed or sprayed at 84 mg.
 * Exported for the test that recomputes every figure the captions give (routeLecture.test.ts).
 */
export const ROUTE_LECTURE_SCENARIOS = {
  iv: () => ivScenario(0.5, 40),
  im: () => onRoute('im-racemic', 'intramuscular', { doseMgPerKg: 0.5 }),
  sublingual: () => onRoute('rolan2014-sl', 'sublingual', { doseMg: SAME_DOSE_MG }),
  nasalRacemic: () =>
    onRoute('racemic-nasal-2022', 'nasal-spray', { mgPerSpray: SAME_DOSE_MG / 2, sprays: 2 }),
  nasalEsketamine: () => nasalScenario(3),
  oralEsketamine: () => onRoute('perezruixo2021-oral', 'oral', { doseMg: 84 }),
  oralSKetamine: () => onRoute('fanta2015-oral', 'oral', { doseMg: 84 }),
} as const;
const R = ROUTE_LECTURE_SCENARIOS;
/** The two oral esketamine curves, told apart in the legend by their models. */
const oralEsketamine = (): NamedScenario => ({
  name: 'Oral esketamine 84 mg (published model)',
  scenario: R.oralEsketamine(),
});
const oralSKetamine = (): NamedScenario => ({
  name: 'Oral S-ketamine 84 mg (approximation)',
  scenario: R.oralSKetamine(),
});

const route: ReadyLecture = {
  id: 'why-the-route-matters',
  sequence: {
    version: SEQUENCE_VERSION,
    title: 'Why the route matters',
    steps: [
      step(
        'Into a vein (IV): all of the dose reaches the blood, so its bioavailability, the share of a dose that reaches the circulation unchanged, is 100 % by definition. Racemic ketamine, 0.5 mg/kg over 40 min: in this simulation the level peaks at 253 ng/mL at 40 min, when the drip stops.',
        ['rolan2014', 'herd2007'],
        [R.iv()],
        { window: '4h', showMetabolite: false, showEffectSite: false },
      ),
      step(
        'Into a muscle (IM), the same 0.5 mg/kg: in this simulation 93 % reaches the blood and the level peaks at 279 ng/mL at 10 min, long before the drip ends. This curve is an approximation: it is built from two adult figures (93 % absorbed, a peak 5 to 15 min after the injection) that are widely quoted from a 1982 study this simulator could not read. In children, a study measured 41 %.',
        ['clements1982', 'hornik2018'],
        [R.iv(), R.im()],
        { window: '4h', showMetabolite: false, showEffectSite: false },
      ),
      step(
        'Under the tongue (sublingual), 35 mg: the same as 0.5 mg/kg at 70 kg. Some is absorbed through the mouth; the rest is swallowed, and the gut wall and liver break much of it down before it reaches the blood (first-pass metabolism). In this simulation 29 % reaches the blood and the peak is 31.8 ng/mL at 45 min. An approximation: built from one study’s average share and time of peak (29 %, 0.75 h, for a 25 mg wafer), assumed the same at other doses.',
        ['rolan2014'],
        [R.iv(), R.im(), R.sublingual()],
        { window: '4h', showMetabolite: false, showEffectSite: false },
      ),
      step(
        'Swallowed: esketamine, 84 mg, the oral dose of the study behind the model and the dose of three nasal devices. In this simulation 51 % of the nasal dose reaches the blood but only 18 % of the swallowed one, which peaks lower and later: 25.8 ng/mL at 87 min against 101 ng/mL at 44 min. Both come from one published model. The third curve is an approximation, built here from another study’s measured share (8 %, as in this simulation) with an absorption rate borrowed from the first.',
        ['perezruixo2021', 'fanta2015', 'spravatoLabel'],
        [R.nasalEsketamine(), oralEsketamine(), oralSKetamine()],
        { window: '4h', showMetabolite: false, showEffectSite: false },
      ),
      step(
        'First pass turns the lost ketamine into norketamine (long dashes). After IM there is no first pass: over 24 h the simulated norketamine exposure (area under the curve) is 1.5 times ketamine’s, as after an infusion with the same model. After the sublingual dose it is 5.2 times. Both are approximations that let all ketamine broken down, on first pass or later, become norketamine, so both ratios are upper estimates: one study measured 0.19 after IV and about 4 after a nasal spray.',
        ['rolan2014', 'pharmacotherapy2022in'],
        [R.im(), R.sublingual()],
        { window: '4h', showMetabolite: true, showEffectSite: false },
      ),
      step(
        'Swallowed esketamine: the metabolite far outweighs the drug. Over 24 h, simulated noresketamine exposure is 7.5 times esketamine’s after the oral dose, 3.1 times after the spray and 1.9 times after the same dose into a vein (not shown). The approximate oral model gives 21 times; Fanta 2015’s own model simulated 16.5 at steady state. Read literally, the published model overstates noresketamine exposure about 1.4 to 1.6 times, so the true ratios are likely lower.',
        ['perezruixo2021', 'fanta2015', 'nlmixr2lib'],
        [R.nasalEsketamine(), oralEsketamine(), oralSKetamine()],
        { window: '4h', showMetabolite: true, showEffectSite: false },
      ),
      step(
        'Four routes of racemic ketamine, 35 mg each, on a log scale. In this simulation the nasal spray gives 13 %; like IM and sublingual, it is an approximation built from published summary figures. The route sets how much arrives and how soon. Afterwards the curves fall as parallel lines, each halving about every 1.3 h from 8 h on: once in the blood, the model handles ketamine the same way whatever the route.',
        ['pharmacotherapy2022in', 'herd2007'],
        [R.iv(), R.im(), R.sublingual(), R.nasalRacemic()],
        { window: '24h', scale: 'log', showMetabolite: false, showEffectSite: false },
      ),
    ],
  },
};

export const READY_LECTURES: readonly ReadyLecture[] = [ivVsNasal, course, route];
