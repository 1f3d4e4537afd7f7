/**
 * Patient mode: the plain-language text a clinician walks through with a patient, and the one-page
 * handout printed from it. Kept at reading grade 8 or below by src/content/patient.test.ts.
 *
 * Every sentence that states a fact is a Claim with citation keys that resolve in
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
import type { Anchor } from './clinical';

export type Treatment = 'iv' | 'intranasal';

/** Icons drawn by src/components/patient/PatientIcon.svelte. */
export type IconName =
  'clipboard' | 'drip' | 'spray' | 'swirl' | 'dizzy' | 'gauge' | 'clock' | 'home' | 'sun';

/** A sentence that states a fact: it cites at least one reference. */
export interface Claim {
  text: string;
  cite: readonly string[];
}

/** A sentence that states no fact: a pointer to the care team, or what this tool is. */
export interface Note {
  text: string;
  note: true;
}

export type Line = Claim | Note;

export function isClaim(line: Line): line is Claim {
  return !('note' in line);
}

/**
 * Where a step sits on the session timeline. `end: 'level-falls'` ends the bar when the simulated
 * plasma level drops below the range linked to dissociation; `end: 'next-day'` runs the bar off
 * the right edge; `end: null` draws a marker only.
 */
export interface StepBar {
  start: Anchor;
  end: Anchor | 'level-falls' | 'next-day' | null;
}

export interface PatientStep {
  id: string;
  icon: IconName;
  title: string;
  /** plain words for when it happens; when absent, the time is written from the bar */
  when?: string;
  /** null: not on the timeline's first hours (e.g. the next day) */
  bar: StepBar | null;
  lines: readonly Line[];
}

const LABEL = 'spravatoLabel2019';
const NIMH = 'nimhSideEffects2019';

const start = (offsetMin: number): Anchor => ({ from: 'start', offsetMin });
const end = (offsetMin: number): Anchor => ({ from: 'end', offsetMin });
const note = (text: string): Note => ({ text, note: true });

export const PAGE = {
  handoutTitle: {
    iv: 'What to expect: a ketamine drip',
    intranasal: 'What to expect: an esketamine nose spray',
  },
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
  },
  scheduleLegend: 'How many sessions?',
  schedule: {
    single: 'One session',
    course: 'A course of sessions',
  },
  print: 'Print handout',
  printHint: 'The handout fits on one page.',
  simulator: 'Go to the full simulator',
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
};

export const SESSION = {
  heading: 'A session, step by step',
  stepsLabel: 'Steps of a session',
  /** The pale curve behind the bars; the component adds the model's own citation key. */
  curveCaption:
    'The pale shape behind the bars shows the drug level in the blood of a typical person from studies. Your own level may be different.',
  loading: 'Working out the drug level…',
  /** when a step's bar depends on the curve and the curve is not there (yet) */
  whenUnknown: 'During and after the dose',
  tableSummary: 'Show the drug level as a table',
  tableCaption: 'Drug level in the blood in this simulation, first session',
  tableTime: 'Minutes from the start',
  tableLevel: 'Drug level (ng/mL)',
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
 * A summary of the simulated curve, in plain words. halfMin: when the level has fallen to half of
 * its peak (null if not within the timeline).
 */
export function curveSummary(peakNgPerMl: number, peakMin: number, halfMin: number | null): string {
  const peak = peakNgPerMl >= 100 ? Math.round(peakNgPerMl / 10) * 10 : Math.round(peakNgPerMl);
  const first = `In this simulation, the level is highest, about ${peak} ng/mL, at ${durationText(peakMin)}.`;
  const second =
    halfMin === null
      ? 'It is still above half of that at the end of the timeline.'
      : `It falls to half of that by about ${durationText(halfMin)}.`;
  return `${first} ${second}`;
}

export const STEPS: Record<Treatment, readonly PatientStep[]> = {
  intranasal: [
    {
      id: 'checks',
      icon: 'clipboard',
      title: 'Checks before the dose',
      when: 'Before the start',
      bar: { start: start(-20), end: start(0) },
      lines: [
        {
          text: 'Staff check your blood pressure before the dose.',
          cite: ['spravatoHcpDosing', LABEL],
        },
        note('Your care team will tell you what else they check.'),
      ],
    },
    {
      id: 'spray',
      icon: 'spray',
      title: 'Using the nose spray',
      bar: { start: start(0), end: end(0) },
      lines: [
        {
          text: 'Each dose uses 2 or 3 small spray devices.',
          cite: [LABEL, 'spravatoHcpDosing'],
        },
        {
          text: 'Each device gives 2 sprays: one in each side of your nose.',
          cite: [LABEL],
        },
        {
          text: 'You use the devices yourself, with staff watching. You wait 5 minutes after each device before the next one.',
          cite: ['spravatoLabel', 'spravatoHcpDosing'],
        },
      ],
    },
    {
      id: 'feelings',
      icon: 'swirl',
      title: 'Feeling strange or dreamy',
      bar: { start: start(0), end: start(120) },
      lines: [
        {
          text: 'You may feel strange, dreamlike or detached. This is a common side effect.',
          cite: [LABEL],
        },
        {
          text: 'Thinking may feel slow. In a study, it was back to normal by 2 hours.',
          cite: ['morrison2018'],
        },
      ],
    },
    {
      id: 'side-effects',
      icon: 'dizzy',
      title: 'Feeling sleepy, dizzy or sick',
      bar: { start: start(0), end: start(120) },
      lines: [
        { text: 'You may also feel sleepy, dizzy or sick to your stomach.', cite: [LABEL] },
        {
          text: 'In a study, people were still more sleepy than usual at 2 hours.',
          cite: ['morrison2018'],
        },
      ],
    },
    {
      id: 'blood-pressure',
      icon: 'gauge',
      title: 'Blood pressure check',
      when: 'About 40 minutes after the dose',
      bar: { start: start(35), end: start(45) },
      lines: [
        { text: 'Blood pressure can go up after a dose.', cite: [LABEL] },
        {
          text: 'Staff check it again about 40 minutes later, and after that as needed.',
          cite: ['spravatoHcpDosing', LABEL],
        },
      ],
    },
    {
      id: 'monitoring',
      icon: 'clock',
      title: 'Resting at the clinic',
      when: 'At least 2 hours',
      bar: { start: start(0), end: start(120) },
      lines: [
        { text: 'You stay at the clinic for at least 2 hours after each dose.', cite: [LABEL] },
        { text: 'Staff check that you are well before you leave.', cite: [LABEL] },
      ],
    },
    {
      id: 'home',
      icon: 'home',
      title: 'Going home with someone',
      bar: { start: start(120), end: 'next-day' },
      lines: [
        { text: 'Plan for someone else to drive you home.', cite: [LABEL] },
        {
          text: 'No driving or using machines until the next day, after a good night of sleep.',
          cite: [LABEL],
        },
      ],
    },
    {
      id: 'next-day',
      icon: 'sun',
      title: 'The next day',
      when: 'The next day',
      bar: null,
      lines: [
        {
          text: 'At first, the next dose is a few days later. The calendar shows the plan.',
          cite: ['spravatoLabel'],
        },
        note('Your care team will ask how you have felt since the last dose.'),
      ],
    },
  ],
  iv: [
    {
      id: 'checks',
      icon: 'clipboard',
      title: 'Before the drip',
      when: 'Before the start',
      bar: { start: start(-20), end: start(0) },
      lines: [
        { text: 'A thin tube is put into a vein for the drip.', cite: ['murrough2013'] },
        {
          text: 'Guidelines for the drip call for regular blood pressure checks.',
          cite: ['yip2022'],
        },
      ],
    },
    {
      id: 'drip',
      icon: 'drip',
      title: 'The drip',
      bar: { start: start(0), end: end(0) },
      lines: [
        {
          text: 'The medicine drips slowly into a vein. In studies, this took about 40 minutes.',
          cite: ['murrough2013'],
        },
      ],
    },
    {
      id: 'feelings',
      icon: 'swirl',
      title: 'Feeling strange or dreamy',
      bar: { start: start(0), end: 'level-falls' },
      lines: [
        {
          text: 'Ketamine can cause strange, dreamlike feelings.',
          cite: ['olofsen2022', NIMH],
        },
        {
          text: 'These feelings follow the drug level in the blood, so they fade as it falls.',
          cite: ['olofsen2022'],
        },
        {
          text: 'The bar shows when the level in this simulation is in the range linked to these feelings.',
          cite: ['zanos2018'],
        },
      ],
    },
    {
      id: 'side-effects',
      icon: 'dizzy',
      title: 'Other side effects',
      when: 'During and after the drip',
      bar: null,
      lines: [
        {
          text: 'In studies, side effects were more common with ketamine than with a dummy drug. They affected the mind, the heart and the nerves.',
          cite: ['short2018'],
        },
        {
          text: 'In one study, blood pressure went up with the drip. It was back to normal within 1.5 hours after the drip.',
          cite: ['szarmach2020'],
        },
      ],
    },
    {
      id: 'rest',
      icon: 'clock',
      title: 'Resting, then going home',
      when: 'After the drip',
      bar: { start: end(0), end: null },
      lines: [
        {
          text: 'In NIH studies of one drip, most side effects were gone within 2 hours.',
          cite: [NIMH],
        },
        {
          text: 'A Mayo Clinic guide to ketamine says: no driving for 24 hours after a dose.',
          cite: ['mayoKetamineInjection'],
        },
      ],
    },
    {
      id: 'next-day',
      icon: 'sun',
      title: 'The next day',
      when: 'The next day',
      bar: null,
      lines: [
        {
          text: 'When many studies were put together, about 45 in 100 people felt a lot better the next day with ketamine. With a look-alike drug, about 18 in 100 did.',
          cite: ['wilkinson2019'],
        },
      ],
    },
  ],
};

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
  } satisfies Record<Treatment, readonly Line[]>,
  /** The maintenance phase of the esketamine example, which the label leaves as a choice. */
  exampleNote: {
    intranasal: note('This calendar shows every 2 weeks after week 8, for 4 more weeks.'),
    iv: note('The calendar shows that plan as an example. Your own plan may be different.'),
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

export const QUESTIONS = {
  heading: 'Questions to ask your care team',
  items: [
    note('How long will I stay after each session?'),
    note('Who can take me home, and when can I drive again?'),
    note('Which side effects should I tell you about?'),
    note('Could my other medicines change how this works?'),
  ],
} as const;

export const FOOTER = {
  sourcesHeading: 'Sources',
  sourceLabel: (n: number) => `Source ${n}`,
  teaching: note(
    'This handout comes from a teaching tool. It is not a dosing guide and not medical advice.',
  ),
} as const;
