/**
 * Patient mode for two more routes: a ketamine shot into a muscle (intramuscular, IM) given at a
 * clinic, and a ketamine tablet under the tongue (sublingual) taken at home through an online
 * (telehealth) programme. The words of their step cards, safety rules, course plans and questions,
 * at reading grade 8 or below (./patientRoutes.test.ts, and ./cited.test.ts through the exports of
 * ./patient.ts and ./session.ts, which take them from here). Teaching content, never advice.
 *
 * Every fact cites what was read of its source (docs/content-research.md has no entry for this
 * pass; the report of the change lists them). Read 2026-12 in the stored corpora:
 * - IM: the abstract of a 27-person trial of IM against IV ketamine (imKetamine2014, PubMed), the
 *   first page of Loo 2016 (abstract), the abstract of Ahuja 2022 (452 patients of a US clinic
 *   network) and the Mayo Clinic (Micromedex) guide to ketamine injection (precautions).
 * - At home: the abstract of Hull 2022 (1,247 patients of a telehealth programme); its methods
 *   only as Psychiatry Advisor reported them (psychiatryAdvisorHull2022: a guide confirmed before
 *   each dose that another person was there in person; a video visit with the prescriber 1 to 2
 *   days after a dose; daily check-ins by guides); the abstract of Mathai 2024 (4 doses at home over
 *   4 weeks); Rolan 2014 (sublingual wafer: in the blood within 5 min, F 29 %); and HealthDay's
 *   report of the FDA's warning of October 2023 on compounded ketamine.
 * Not found in any source that could be read, so the page says the clinic gives its own rules:
 * how long people stay after an IM shot and who takes them home; for doses at home, driving,
 * sitting or lying down, keeping the tablets from others, and what to do when unwell. (The FDA's
 * own page, the ASKP3 statement on at-home ketamine of 2024 and the Sanacora 2017 consensus were
 * not readable beyond their first lines.)
 */
import type { Claim, Line, Note } from './patient';
import type { Anchor, SessionStep } from './session';

/** The sessions this module adds to patient mode; their names are the engine's route names. */
export type RouteSession = 'intramuscular' | 'sublingual';

const start = (offsetMin: number): Anchor => ({ from: 'start', offsetMin });
const end = (offsetMin: number): Anchor => ({ from: 'end', offsetMin });
const note = (text: string): Note => ({ text, note: true });
const claim = (text: string, ...cite: string[]): Claim => ({ text, cite });

const IM = 'imKetamine2014';
const MAYO = 'mayoKetamineInjection';
/** Hull 2022's methods, as Psychiatry Advisor reported them (the paper's full text was not read). */
const HULL_METHODS = 'psychiatryAdvisorHull2022';
const FDA = 'fdaHealthDay2023';

/**
 * Shared by both: the strange feelings, which follow the level (as in the drip's card). The line
 * on the bar is kept for the shot, whose simulated level reaches the range; the tablet's does not
 * at its example dose, so its card leaves that line out (and the handout stays on one page).
 */
const feelings = (barLine: boolean): SessionStep => ({
  id: 'feelings',
  icon: 'swirl',
  bar: { start: start(0), end: 'level-falls' },
  patient: {
    title: 'Feeling strange or dreamy',
    lines: [
      claim(
        'Ketamine can cause strange, dreamlike feelings.',
        'olofsen2022',
        'nimhSideEffects2019',
      ),
      claim(
        'These feelings follow the drug level in the blood, so they fade as it falls.',
        'olofsen2022',
      ),
      ...(barLine
        ? [
            claim(
              'If the level in this simulation reaches the range linked to these feelings, a bar shows when.',
              'zanos2018',
            ),
          ]
        : []),
    ],
  },
});

export const ROUTE_SESSION_STEPS: Record<RouteSession, readonly SessionStep[]> = {
  intramuscular: [
    {
      id: 'checks',
      icon: 'clipboard',
      bar: { start: start(-20), end: start(0) },
      patient: {
        title: 'Before the shot',
        when: 'Before the start',
        lines: [
          claim(
            'In a small study of ketamine shots, staff tracked mood, blood pressure and heart rate.',
            'loo2016',
          ),
          note('Your clinic will tell you what it checks first.'),
        ],
      },
    },
    {
      id: 'shot',
      icon: 'syringe',
      bar: { start: start(0), end: end(0) },
      patient: {
        title: 'The shot',
        lines: [claim('The medicine is given as one shot into a muscle.', IM, 'loo2016')],
      },
    },
    feelings(true),
    {
      id: 'side-effects',
      icon: 'dizzy',
      bar: null,
      patient: {
        title: 'Other side effects',
        when: 'During and after the shot',
        lines: [
          claim(
            'In a small study of shots, side effects were rare and mild, and lasted less than an hour.',
            IM,
          ),
        ],
      },
    },
    {
      id: 'rest',
      icon: 'clock',
      bar: null,
      patient: {
        title: 'Resting at the clinic',
        when: 'After the shot',
        lines: [
          claim('In that study, staff checked mood again 2 hours after the shot.', IM),
          note('Your clinic will tell you how long you stay.'),
        ],
      },
    },
    {
      id: 'home',
      icon: 'home',
      bar: { start: start(0), end: 'next-day' },
      patient: {
        title: 'Going home',
        when: 'Until the next day',
        lines: [note('The safety rules below say when you may drive again.')],
      },
    },
    {
      id: 'next-days',
      icon: 'sun',
      bar: null,
      patient: {
        title: 'The next days',
        when: 'The next days',
        lines: [
          claim(
            'In that study, depression scores fell by more than half 2 hours after a shot. The change lasted the 3 days of the study.',
            IM,
          ),
        ],
      },
    },
  ],
  sublingual: [
    {
      id: 'before',
      icon: 'clipboard',
      bar: { start: start(-20), end: start(0) },
      patient: {
        title: 'Before a dose',
        when: 'Before the start',
        lines: [
          claim(
            'In a large study of doses at home, a clinician first met each person on a video call.',
            HULL_METHODS,
          ),
          claim('A guide also met each person just before each dose.', HULL_METHODS),
        ],
      },
    },
    {
      id: 'tablet',
      icon: 'tablet',
      bar: { start: start(0), end: end(0) },
      patient: {
        title: 'The tablet under the tongue',
        lines: [
          claim(
            'In a study of a wafer under the tongue, the drug was in the blood within 5 minutes. About 3 parts in 10 of the dose got there.',
            'rolan2014',
          ),
        ],
      },
    },
    feelings(false),
    {
      id: 'side-effects',
      icon: 'dizzy',
      bar: null,
      patient: {
        title: 'Side effects and risks',
        when: 'During and after the dose',
        lines: [
          claim(
            'In the large study, 6 of 1,247 people stopped early, for side effects or other reasons.',
            'hull2022',
          ),
          claim(
            'The US FDA names these risks: misuse, mental health problems, high blood pressure, slow breathing and bladder problems.',
            FDA,
          ),
        ],
      },
    },
    {
      id: 'rest',
      icon: 'home',
      bar: null,
      patient: {
        title: 'Resting at home',
        when: 'After the dose',
        lines: [
          claim('In the large study, guides checked on each person every day.', HULL_METHODS),
          note('Ask your clinic how long to rest.'),
        ],
      },
    },
    {
      id: 'check-in',
      icon: 'sun',
      bar: null,
      patient: {
        title: 'A check-in',
        when: '1 to 2 days later',
        lines: [
          claim('People met their prescriber 1 to 2 days after a dose.', HULL_METHODS),
          claim(
            'After 4 weeks, 63 in 100 said their depression was at least half better. Everyone knew they had ketamine.',
            'hull2022',
          ),
        ],
      },
    },
  ],
};

/** What each session is, under the choice (as TREATMENT_ABOUT in ./patient.ts). */
export const ROUTE_ABOUT_PATIENT = {
  intramuscular: claim(
    'Some studies of depression gave ketamine as a shot into a muscle, not as a drip.',
    'loo2016',
    IM,
  ),
  sublingual: claim(
    'Some clinics work online. They prescribe tablets to take at home, under the tongue.',
    'hull2022',
    HULL_METHODS,
  ),
} satisfies Record<RouteSession, Line>;

/**
 * Said under the curve when its model rests on figures this project could not check (the IM
 * model's absorption: figures quoted for adults, attributed to a paper that could not be read).
 */
export const CURVE_UNCHECKED: Note = note(
  'For this treatment, the curve uses figures that are often quoted but that this tool could not check.',
);

/** The names of the choices and of the handouts. */
export const ROUTE_CHOICE: Record<RouteSession, string> = {
  intramuscular: 'Ketamine shot into a muscle (IM)',
  sublingual: 'Ketamine tablet under the tongue, at home',
};
export const ROUTE_HANDOUT_TITLE: Record<RouteSession, string> = {
  intramuscular: 'What to expect: a ketamine shot into a muscle',
  sublingual: 'What to expect: a ketamine tablet at home',
};

/**
 * The safety rules the sources give, and a plain note of what they do not cover (the clinic gives
 * those rules). The rules of the drip and the spray are on their step cards (./session.ts).
 */
export const ROUTE_SAFETY = {
  heading: 'Safety rules from the sources',
  rules: {
    intramuscular: [
      claim(
        'A Mayo Clinic guide to ketamine shots says: for 24 hours after a dose, do not drive or do risky things.',
        MAYO,
      ),
      claim(
        'It says alcohol and drugs that make you sleepy add to its effects. Ask your doctor first.',
        MAYO,
      ),
      claim(
        'It says to call your doctor if odd thoughts or visions are severe or last more than 24 hours.',
        MAYO,
      ),
      note(
        'The sources do not say how long you stay, or who takes you home. Your clinic will give you its own rules.',
      ),
    ],
    sublingual: [
      claim(
        'In the large study, a dose went ahead only if another person was there in person.',
        HULL_METHODS,
      ),
      claim(
        'In 2023 the US FDA warned: ketamine mixed by pharmacies should be used only under a health worker’s care.',
        FDA,
      ),
      claim(
        'It told of a person who took such ketamine by mouth, outside a clinic. Their breathing slowed.',
        FDA,
      ),
      note(
        'The sources give no rules on driving, sitting or lying down, storing the tablets, or feeling unwell. Your clinic will give you its own rules.',
      ),
    ],
  } satisfies Record<RouteSession, readonly Line[]>,
};

/** The course plan beside the calendar (courseFor in src/engine/presets.ts gives its days). */
export const ROUTE_COURSE = {
  plan: {
    intramuscular: [
      claim(
        'In one group of US clinics, people had from 1 to 48 shots. Half had 4 or fewer.',
        'ahuja2022',
      ),
      claim(
        'This example has 6 shots over 12 days. It copies the days of a study of the drip.',
        'shiroma2014',
      ),
    ],
    sublingual: [claim('A later study gave 4 doses at home over 4 weeks.', 'mathai2024')],
  } satisfies Record<RouteSession, readonly Line[]>,
  exampleNote: {
    intramuscular: note('Your own plan may be different.'),
    sublingual: note(
      'An example chosen for this tool, not taken from a study: a dose every 3 days for 4 weeks. Real plans differ a lot.',
    ),
  } satisfies Record<RouteSession, Note>,
};

/** Questions for the care team about a dose taken at home (the clinic ones are in ./patient.ts). */
export const HOME_QUESTIONS: readonly Note[] = [
  note('Who should be with me during a dose?'),
  note('When can I drive after a dose?'),
  note('Should I sit or lie down while it works?'),
  note('How do I store the tablets safely?'),
  note('Whom do I call if I feel unwell?'),
  note('Could my other medicines change how this works?'),
];

/**
 * Said when the simulator's scenario is a route this page still does not explain: ketamine taken
 * by mouth, a ketamine nose spray that is not Spravato, or an esketamine film under the tongue.
 */
export const OTHER_ROUTE = {
  what: {
    oral: 'ketamine you swallow',
    'nasal-spray': 'a ketamine nose spray that is not Spravato',
    film: 'an esketamine film that melts under the tongue or in the cheek',
  },
  text: (scenarioNumber: number, what: string) =>
    `Scenario ${scenarioNumber} is ${what}. This page does not explain it yet. Choose one of the treatments above to see its visit and course.`,
} as const;
