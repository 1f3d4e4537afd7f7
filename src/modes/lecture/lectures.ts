/**
 * Ready-made lecture sequences for lecture mode. Each step is a simulator view plus a caption
 * in plain text; every factual claim in a caption carries citation keys (resolved by a test),
 * and statements about the curves describe this simulator's output ("in this simulation").
 */
import { ivScenario, nasalScenario } from '../../registry';
import { DEFAULT_VIEW, describeRegimen, type AppState, type ViewOptions } from '../../lib/appState';
import { withCourse } from '../../engine/presets';
import type { Scenario } from '../../engine/scenario';
import { SEQUENCE_VERSION, type LectureSequence } from './sequence';

export interface ReadyLecture {
  id: string;
  sequence: LectureSequence;
}

const named = (scenario: Scenario) => ({ name: describeRegimen(scenario), scenario });

function view(patch: Partial<ViewOptions>): ViewOptions {
  return { ...DEFAULT_VIEW, showBand: false, ...patch };
}

const asCourse = (s: Scenario): Scenario => withCourse(s, true);

function step(
  caption: string,
  sources: string[],
  scenarios: Scenario[],
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

export const READY_LECTURES: readonly ReadyLecture[] = [ivVsNasal, course];
