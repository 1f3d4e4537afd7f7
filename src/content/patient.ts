/**
 * Patient mode: the plain-language text a clinician walks through with a patient, and the one-page
 * handout printed from it. Kept at reading grade 8 or below by src/content/patient.test.ts (notes,
 * labels, generated sentences) and src/content/cited.test.ts (claims).
 *
 * Every sentence that states a fact is a Claim: the content's one cited shape, `Cited` (defined in
 * src/content/cited.ts), with one plain string and citation keys that resolve in
 * src/content/references.ts. Sentences that state no fact (pointers to the care team, what this
 * tool is, labels of controls) are Notes and carry no citation.
 *
 * The IV cards (checked 2026-11-22, docs/content-research.md, "IV patient cards pass"): side effects
 * and blood pressure cite a systematic review (short2018), an observational study of blood pressure
 * and heart rate (szarmach2020), NIMH's report on its single-infusion trials (nimhSideEffects2019)
 * and a review that reports what guidelines say about blood pressure checks (yip2022); driving cites
 * a Mayo Clinic (Micromedex) guide to ketamine injection, written for ketamine in general, not for
 * depression. The IV course cites a study that gave 6 drips on Monday, Wednesday and Friday over 12
 * days (shiroma2014), the same days as this simulator's example (src/engine/regimen.ts,
 * IV_COURSE_DAYS). Still left out, because no source was read: how long people stay at the clinic
 * after a drip, and which single side effects (headache, nausea, blurred vision) are common with the
 * drip; the questions list points there instead.
 */
import type { Cited } from './cited';
import {
  HOME_QUESTIONS,
  ROUTE_ABOUT_PATIENT,
  ROUTE_CHOICE,
  ROUTE_COURSE,
  ROUTE_HANDOUT_TITLE,
  ROUTE_SAFETY,
  type RouteSession,
} from './patientRoutes';

/**
 * The sessions patient mode explains: the drip, the esketamine device, and (./patientRoutes.ts) a
 * shot into a muscle and a tablet under the tongue taken at home. Each is named by its route.
 */
export type Treatment = 'iv' | 'intranasal' | RouteSession;
export type { RouteSession };

/** The treatments in the order patient mode offers them. */
export const TREATMENTS: readonly Treatment[] = ['iv', 'intranasal', 'intramuscular', 'sublingual'];

/** Icons drawn by src/modes/patient/PatientIcon.svelte. */
export type IconName =
  | 'clipboard'
  | 'drip'
  | 'spray'
  | 'swirl'
  | 'dizzy'
  | 'gauge'
  | 'clock'
  | 'home'
  | 'sun'
  | 'cup'
  | 'syringe'
  | 'tablet';

/** A sentence that states a fact: it cites at least one reference. */
export type Claim = Cited<string>;

/** A sentence that states no fact: a pointer to the care team, or what this tool is. */
export interface Note {
  text: string;
  note: true;
}

export type Line = Claim | Note;

export function isClaim(line: Line): line is Claim {
  return !('note' in line);
}

/** The steps of a session (the cards and the timeline) are in ./session.ts, with the clinical panel's. */

const note = (text: string): Note => ({ text, note: true });

export const PAGE = {
  handoutTitle: {
    iv: 'What to expect: a ketamine drip',
    intranasal: 'What to expect: an esketamine nose spray',
    ...ROUTE_HANDOUT_TITLE,
  } satisfies Record<Treatment, string>,
  intro: [
    note('This page helps you and your care team talk about what a treatment is like.'),
    note('It comes from a teaching tool. It is not a dosing guide and not medical advice.'),
    note('Your own plan may be different. Ask your care team about anything on this page.'),
  ],
} as const;

export const CHOICES = {
  legend: 'Choose what to show',
  treatmentLegend: 'Which treatment?',
  treatment: {
    iv: 'Ketamine drip into a vein (IV)',
    intranasal: 'Esketamine spray for the nose',
    ...ROUTE_CHOICE,
  } satisfies Record<Treatment, string>,
  scheduleLegend: 'How many sessions?',
  schedule: {
    single: 'One session',
    course: 'A course of sessions',
  },
  print: 'Print handout',
  printHint: 'The handout fits on one page.',
  simulator: 'Go to the full simulator',
  /** Said beside the choices: they are not kept apart from the simulator's own scenarios. */
  setsScenario: (n: number) => `Your choices here also set scenario ${n} in the full simulator.`,
} as const;

/** One line about each treatment, shown under the choice. */
export const TREATMENT_ABOUT: Record<Treatment, Claim> = {
  iv: {
    text: 'In studies of depression, ketamine was given as a slow drip into a vein.',
    cite: ['murrough2013'],
  },
  intranasal: {
    text: 'Esketamine is a spray for the nose. Its brand name is Spravato.',
    cite: ['spravatoLabel'],
  },
  ...ROUTE_ABOUT_PATIENT,
};

export const SESSION = {
  heading: 'A session, step by step',
  stepsLabel: 'Steps of a session',
  /** The pale curve behind the bars; the component adds the model's own citation key. */
  curveCaption:
    'The pale shape behind the bars shows how the drug level in the blood goes up and down in a typical person from studies. It shows the shape, not exact amounts. Your own level may be different.',
  loading: 'Working out the drug level…',
  /** when a step's bar depends on the curve and the curve is not there (yet) */
  whenUnknown: 'During and after the dose',
  tableSummary: 'Show the drug level as a table',
  tableCaption: 'Drug level in the blood in this simulation, first session',
  tableTime: 'Minutes from the start',
  /** The table gives the level as a share of its highest point (100), not in lab units. */
  tableLevel: 'Drug level (highest = 100)',
  nextDay: 'Next day',
};

/** Labels of the time axis: 'Start', then hours. */
export function axisLabel(hours: number): string {
  return hours === 0 ? 'Start' : `${hours} h`;
}

/** A duration in words: minutes below 90, else hours to the nearest half. */
export function durationText(min: number): string {
  const m = Math.abs(min);
  if (m < 90) {
    const r = Math.round(m);
    return r === 1 ? '1 minute' : `${r} minutes`;
  }
  const h = Math.round((m / 60) * 2) / 2;
  return h === 1 ? '1 hour' : `${h} hours`;
}

/** When a step happens, from its bar in minutes after the start (to: null when it runs on). */
export function whenText(fromMin: number, toMin: number | null): string {
  if (fromMin < 0 && toMin !== null && toMin <= 0) return 'Before the start';
  const from = fromMin <= 0 ? 'the start' : durationText(fromMin);
  // A step with no length (e.g. a dose given all at once).
  if (toMin !== null && toMin <= fromMin) return fromMin <= 0 ? 'At the start' : `At ${from}`;
  if (toMin === null) return `From ${from} until the next day`;
  return `From ${from} to ${durationText(toMin)}`;
}

/**
 * A summary of the simulated curve, in plain words and without lab units (patients do not use
 * them): when the level is highest, and when it has fallen to half of that (halfMin null if not
 * within the timeline).
 */
export function curveSummary(peakMin: number, halfMin: number | null): string {
  const first = `In this simulation, the level is highest at ${durationText(peakMin)}.`;
  const second =
    halfMin === null
      ? 'It is still above half of that at the end of the timeline.'
      : `It falls to half of that by about ${durationText(halfMin)}.`;
  return `${first} ${second}`;
}

export const COURSE = {
  heading: 'The course of treatment',
  plan: {
    intranasal: [
      {
        text: 'At first, twice a week for 4 weeks. Then once a week for 4 weeks. After that, once a week or every 2 weeks.',
        cite: ['spravatoLabel'],
      },
      note('Your care team sets your own plan and may change it.'),
    ],
    iv: [
      {
        text: 'In one study, people had 6 drips over 12 days, on Monday, Wednesday and Friday.',
        cite: ['shiroma2014'],
      },
      {
        text: 'Few studies have checked safety over a long time or after many doses.',
        cite: ['short2018'],
      },
    ],
    ...ROUTE_COURSE.plan,
  } satisfies Record<Treatment, readonly Line[]>,
  /** The maintenance phase of the esketamine example, which the label leaves as a choice. */
  exampleNote: {
    intranasal: note('This calendar shows every 2 weeks after week 8, for 4 more weeks.'),
    iv: note('The calendar shows that plan as an example. Your own plan may be different.'),
    ...ROUTE_COURSE.exampleNote,
  } satisfies Record<Treatment, Note>,
  customNote: note('This calendar shows the course set in the simulator.'),
  singleHint: note(
    'The timeline above shows one session. Choose “A course of sessions” to see the drug level for every session.',
  ),
  calendarCaption: 'Sessions by week, counted from the first session',
  weekHeader: 'Week',
  dayHeader: 'Day',
  session: 'Treatment day',
  countHeader: 'How often',
  /** the last row of the printed calendar: the number of sessions that week */
  countRow: 'How many',
  levelHeading: 'The drug level across the course',
};

/** "Week 3" */
export function weekLabel(week: number): string {
  return `Week ${week}`;
}

/** How many sessions in a week, e.g. "Twice". */
export function sessionCount(n: number): string {
  return n === 0 ? 'None' : n === 1 ? 'Once' : n === 2 ? 'Twice' : `${n} times`;
}

/**
 * A summary of the simulated level across a course: whether it goes back near zero (below a tenth
 * of the first peak) before each new session.
 */
export function courseSummary(sessions: number, backNearZero: boolean): string {
  const first = `This simulation has ${sessions} sessions.`;
  return backNearZero
    ? `${first} The level goes back near zero before each new session, so the drug does not build up.`
    : `${first} Some drug is still there when the next session starts.`;
}

/**
 * The clinic's own details for the printed handout: typed on screen in patient mode, kept in this
 * browser only (src/modes/patient/clinic.ts), never put in the address or sent anywhere. The
 * limits keep the handout on one page; a longer text is named, not cut.
 */
export const CLINIC = {
  legend: 'For the printed handout',
  keptHere: 'Kept on this device only, never sent.',
  name: 'Clinic name',
  contact: 'Clinic phone or e-mail',
  next: 'Next visit',
  clear: 'Clear these details',
  tooLong: (label: string, max: number, n: number) =>
    `${label} is ${n} characters long. It can be ${max} at most. Make it shorter to keep and print it.`,
  badDate: 'Type the whole date and time, or clear the box.',
  noStorage:
    'This browser does not let the page keep these details. They still print, but they will be gone when you close the page.',
  unreadable: 'The details kept on this device could not be read, so they are not shown.',
  /** The contact's label on paper, under the clinic's name (the others print as typed above). */
  printContact: 'Phone or e-mail',
} as const;

export const QUESTIONS = {
  heading: 'Questions to ask your care team',
  items: [
    note('How long will I stay after each session?'),
    note('Who can take me home, and when can I drive again?'),
    note('Which side effects should I tell you about?'),
    note('Could my other medicines change how this works?'),
  ],
  /** for a dose taken at home (./patientRoutes.ts) */
  atHome: HOME_QUESTIONS,
} as const;

/** The questions of a session: at home, or at a clinic. */
export const questionsFor = (t: Treatment): readonly Note[] =>
  t === 'sublingual' ? QUESTIONS.atHome : QUESTIONS.items;

/**
 * The safety rules the sources give for the sessions of ./patientRoutes.ts, with what they do not
 * cover; the drip's and the spray's rules are on their step cards.
 */
export const SAFETY = ROUTE_SAFETY;

export const FOOTER = {
  sourcesHeading: 'Sources',
  sourceLabel: (n: number) => `Source ${n}`,
  teaching: note(
    'This handout comes from a teaching tool. It is not a dosing guide and not medical advice.',
  ),
} as const;
