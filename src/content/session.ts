/**
 * The steps of one treatment session, for both views that show a session: the simulator's
 * clinical panel (by reading level, student or plain) and patient mode (reading grade 8 or below,
 * as cards). One list, so that a step's timing is written once and both timelines agree.
 *
 * A step has the texts of the views it appears in: `clinical` (a label, and a detail that is a
 * `Cited`, the shape defined in ./cited.ts) and `patient` (card title, when, and sentences: claims,
 * `Cited<string>`, that each cite their sources, or notes). A step without one of them is not
 * shown in that view: e.g. the blood-pressure check is a patient card, the 4-hour blood-pressure
 * rise a clinical row. Sources: docs/content-research.md. Teaching content, not advice. The steps
 * of a shot into a muscle and of a tablet taken at home are patient cards only, written in
 * ./patientRoutes.ts with their sources.
 */
import type { Cited, Levels } from './cited';
import type { Claim, IconName, Line, Note, Treatment } from './patient';
import { ROUTE_SESSION_STEPS } from './patientRoutes';

/** A time in a session: minutes after the start or the end of dosing. */
export interface Anchor {
  from: 'start' | 'end';
  offsetMin: number;
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

export interface SessionStep {
  id: string;
  icon: IconName;
  /** null: not in the timeline's first hours (e.g. the next day) */
  bar: StepBar | null;
  /** the simulator's clinical panel, by reading level */
  clinical?: { label: Levels; detail: Cited };
  /** patient mode: the card */
  patient?: {
    title: string;
    /** plain words for when it happens; when absent, the time is written from the bar */
    when?: string;
    lines: readonly Line[];
  };
}

const LABEL = 'spravatoLabel2019';
/** Janssen's patient page on preparing for a session (no food 2 h, no drinks 30 min before). */
const PREP = 'spravatoPrep';
const NIMH = 'nimhSideEffects2019';

const start = (offsetMin: number): Anchor => ({ from: 'start', offsetMin });
const end = (offsetMin: number): Anchor => ({ from: 'end', offsetMin });
const note = (text: string): Note => ({ text, note: true });
/** A patient sentence that states a fact, and the references it rests on. */
const claim = (text: string, ...cite: string[]): Claim => ({ text, cite });

export const SESSION_STEPS: Record<Treatment, readonly SessionStep[]> = {
  intranasal: [
    {
      id: 'prepare',
      icon: 'cup',
      bar: null,
      patient: {
        title: 'Before you come',
        when: 'On the day of a dose',
        lines: [
          claim(
            "The maker's guide says: no food for 2 hours before a dose, and no drinks for 30 minutes before.",
            PREP,
          ),
          claim('This is because some people feel sick or throw up after a dose.', PREP),
          note('Ask your care team what this means for the medicines you take.'),
        ],
      },
    },
    {
      id: 'checks',
      icon: 'clipboard',
      bar: { start: start(-20), end: start(0) },
      clinical: {
        label: { student: 'Checks before dosing', plain: 'Checks before the dose' },
        detail: {
          text: {
            student:
              'Blood pressure is measured before dosing and again about 40 minutes after, then as needed until it is stable; the history that rules treatment out is reviewed (see Safety).',
            plain:
              'Staff check your blood pressure before the dose and again about 40 minutes later.',
          },
          cite: ['spravatoHcpDosing', LABEL],
        },
      },
      patient: {
        title: 'Checks before the dose',
        when: 'Before the start',
        lines: [
          claim('Staff check your blood pressure before the dose.', 'spravatoHcpDosing', LABEL),
          note('Your care team will tell you what else they check.'),
        ],
      },
    },
    {
      id: 'spray',
      icon: 'spray',
      bar: { start: start(0), end: end(0) },
      clinical: {
        label: { student: 'Dosing: one device every 5 min', plain: 'Using the nose spray' },
        detail: {
          text: {
            student:
              'Each 28 mg device delivers 2 sprays, one per nostril. A dose is 2 devices (56 mg, 4 sprays) or 3 devices (84 mg, 6 sprays), with 5 minutes between devices, used in the clinic under supervision.',
            plain:
              'You use 2 or 3 spray devices at the clinic, with staff watching. Each device gives one spray in each side of your nose. You wait 5 minutes between devices.',
          },
          cite: ['spravatoLabel'],
        },
      },
      patient: {
        title: 'Using the nose spray',
        lines: [
          claim('Each dose uses 2 or 3 small spray devices.', LABEL, 'spravatoHcpDosing'),
          claim('Each device gives 2 sprays: one in each side of your nose.', LABEL),
          claim(
            'You use the devices yourself, with staff watching. You wait 5 minutes after each device before the next one.',
            'spravatoLabel',
            'spravatoHcpDosing',
          ),
        ],
      },
    },
    {
      id: 'feelings',
      icon: 'swirl',
      bar: { start: start(0), end: start(120) },
      clinical: {
        label: { student: 'Dissociation and slowed thinking', plain: 'Feeling strange or slow' },
        detail: {
          text: {
            student:
              'In healthy volunteers given 84 mg, all cognitive tests were impaired at 40 min and back to placebo level by 2 h.',
            plain: 'Thinking may feel slow or odd at first. In a study, this was gone by 2 hours.',
          },
          cite: ['morrison2018'],
        },
      },
      patient: {
        title: 'Feeling strange or dreamy',
        lines: [
          claim(
            'You may feel strange, dreamlike or detached. This is a common side effect.',
            LABEL,
          ),
          claim(
            'Thinking may feel slow. In a study, it was back to normal by 2 hours.',
            'morrison2018',
          ),
        ],
      },
    },
    {
      id: 'side-effects',
      icon: 'dizzy',
      bar: { start: start(0), end: start(120) },
      patient: {
        title: 'Feeling sleepy, dizzy or sick',
        lines: [
          claim('You may also feel sleepy, dizzy or sick to your stomach.', LABEL),
          claim('In a study, people were still more sleepy than usual at 2 hours.', 'morrison2018'),
        ],
      },
    },
    {
      id: 'blood-pressure-rise',
      icon: 'gauge',
      bar: { start: start(0), end: start(240) },
      clinical: {
        label: { student: 'Blood pressure rise (peak ~40 min)', plain: 'Blood pressure goes up' },
        detail: {
          text: {
            student:
              'Systolic and/or diastolic blood pressure rises at all recommended doses; the rise peaks about 40 minutes after dosing and lasts about 4 hours (warnings and precautions, "Increase in Blood Pressure").',
            plain:
              'Your blood pressure goes up for a while. It is highest about 40 minutes after the dose and settles in about 4 hours.',
          },
          cite: ['spravatoPiBriefSummary2021'],
        },
      },
    },
    {
      id: 'blood-pressure',
      icon: 'gauge',
      bar: { start: start(35), end: start(45) },
      patient: {
        title: 'Blood pressure check',
        when: 'About 40 minutes after the dose',
        lines: [
          claim('Blood pressure can go up after a dose.', LABEL),
          claim(
            'Staff check it again about 40 minutes later, and after that as needed.',
            'spravatoHcpDosing',
            LABEL,
          ),
        ],
      },
    },
    {
      id: 'monitoring',
      icon: 'clock',
      bar: { start: start(0), end: start(120) },
      clinical: {
        label: {
          student: 'Monitoring in the clinic, at least 2 h',
          plain: 'Staying at the clinic',
        },
        detail: {
          text: {
            student:
              'Patients are monitored for at least 2 hours after each session until a clinician judges them stable (boxed warning).',
            plain:
              'You stay at the clinic for at least 2 hours after each dose. Staff check that you are well before you leave.',
          },
          cite: [LABEL],
        },
      },
      patient: {
        title: 'Resting at the clinic',
        when: 'At least 2 hours',
        lines: [
          claim('You stay at the clinic for at least 2 hours after each dose.', LABEL),
          claim('Staff check that you are well before you leave.', LABEL),
        ],
      },
    },
    {
      id: 'home',
      icon: 'home',
      bar: { start: start(120), end: 'next-day' },
      clinical: {
        label: { student: 'Home: no driving until the next day', plain: 'Going home, no driving' },
        detail: {
          text: {
            student:
              'No driving or operating machinery until the next day, after a restful sleep (warnings and precautions, section 5.8 of the 2019 label).',
            plain:
              'Do not drive until the next day, after a good night of sleep. Plan another way to get home.',
          },
          cite: [LABEL],
        },
      },
      patient: {
        title: 'Going home with someone',
        lines: [
          claim('Plan for someone else to drive you home.', LABEL),
          claim(
            'No driving or using machines until the next day, after a good night of sleep.',
            LABEL,
          ),
        ],
      },
    },
    {
      id: 'next-day',
      icon: 'sun',
      bar: null,
      patient: {
        title: 'The next day',
        when: 'The next day',
        lines: [
          claim(
            'At first, the next dose is a few days later. The calendar shows the plan.',
            'spravatoLabel',
          ),
          note('Your care team will ask how you have felt since the last dose.'),
        ],
      },
    },
  ],
  iv: [
    {
      id: 'checks',
      icon: 'clipboard',
      bar: { start: start(-20), end: start(0) },
      patient: {
        title: 'Before the drip',
        when: 'Before the start',
        lines: [
          claim('A thin tube is put into a vein for the drip.', 'murrough2013'),
          claim('Guidelines for the drip call for regular blood pressure checks.', 'yip2022'),
        ],
      },
    },
    {
      id: 'drip',
      icon: 'drip',
      bar: { start: start(0), end: end(0) },
      clinical: {
        label: { student: 'Infusion (0.5 mg/kg over 40 min in trials)', plain: 'The drip' },
        detail: {
          text: {
            student:
              'In the trials cited here, ketamine 0.5 mg/kg was infused into a vein over 40 minutes.',
            plain: 'The medicine drips slowly into a vein. In studies, this took about 40 minutes.',
          },
          cite: ['murrough2013'],
        },
      },
      patient: {
        title: 'The drip',
        lines: [
          claim(
            'The medicine drips slowly into a vein. In studies, this took about 40 minutes.',
            'murrough2013',
          ),
        ],
      },
    },
    {
      id: 'feelings',
      icon: 'swirl',
      bar: { start: start(0), end: 'level-falls' },
      patient: {
        title: 'Feeling strange or dreamy',
        lines: [
          claim('Ketamine can cause strange, dreamlike feelings.', 'olofsen2022', NIMH),
          claim(
            'These feelings follow the drug level in the blood, so they fade as it falls.',
            'olofsen2022',
          ),
          claim(
            'The bar shows when the level in this simulation is in the range linked to these feelings.',
            'zanos2018',
          ),
        ],
      },
    },
    {
      id: 'side-effects',
      icon: 'dizzy',
      bar: null,
      patient: {
        title: 'Other side effects',
        when: 'During and after the drip',
        lines: [
          claim(
            'In studies, side effects were more common with ketamine than with a dummy drug. They affected the mind, the heart and the nerves.',
            'short2018',
          ),
          claim(
            'In one study, blood pressure went up with the drip. It was back to normal within 1.5 hours after the drip.',
            'szarmach2020',
          ),
        ],
      },
    },
    {
      id: 'rest',
      icon: 'clock',
      bar: { start: end(0), end: null },
      patient: {
        title: 'Resting, then going home',
        when: 'After the drip',
        lines: [
          claim('In NIH studies of one drip, most side effects were gone within 2 hours.', NIMH),
          claim(
            'A Mayo Clinic guide to ketamine says: no driving for 24 hours after a dose.',
            'mayoKetamineInjection',
          ),
        ],
      },
    },
    {
      id: 'next-day',
      icon: 'sun',
      bar: null,
      patient: {
        title: 'The next day',
        when: 'The next day',
        lines: [
          claim(
            'When many studies were put together, about 45 in 100 people felt a lot better the next day with ketamine. With a look-alike drug, about 18 in 100 did.',
            'wilkinson2019',
          ),
        ],
      },
    },
  ],
  ...ROUTE_SESSION_STEPS,
};

/** The steps of a view, in order. */
export const clinicalSteps = (t: Treatment) => SESSION_STEPS[t].filter((s) => s.clinical);
export const patientSteps = (t: Treatment) => SESSION_STEPS[t].filter((s) => s.patient);
