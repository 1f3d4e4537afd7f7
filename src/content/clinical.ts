/**
 * Clinical context as data: the steps of a treatment session (placed on the simulated curve's
 * time axis), the course of sessions, what trials found, side effects, safety, interactions and
 * the developmental evidence. Every sourced statement is a `Cited` (the shape is defined in
 * src/content/cited.ts): its words at both reading levels and its citation keys. Texts that cite
 * nothing (titles, notes) are `Levels`. src/content/cited.test.ts checks that every key resolves
 * and that the plain words read at grade 8 or below. Sources were checked against their abstracts
 * or the label: docs/content-research.md. Teaching content, not advice.
 */

import type { Cited, Levels } from './cited';

export interface ClinicalSection {
  id: 'trials' | 'side-effects' | 'safety' | 'interactions' | 'development';
  title: Levels;
  items: readonly Cited[];
}

const LABEL = 'spravatoLabel2019';

/** The step computed from the curve itself: when plasma is in the range linked to dissociation. */
export const DISSOCIATION_STEP: Cited = {
  text: {
    student: 'Plasma in the 100-250 ng/mL range linked to dissociation (from the simulated curve)',
    plain: 'Drug level where people often feel detached (from the curve above)',
  },
  cite: ['zanos2018'],
};

/** The IV session's note on monitoring: the simulator has no cited rule there, so it cites none. */
export const IV_MONITORING_NOTE: Levels = {
  student:
    'This simulator has no cited monitoring rule for IV ketamine; the esketamine label’s rules are shown for the nasal route.',
  plain: 'For the drip, your clinic will explain how long you stay and how you get home.',
};

export const COURSE_TEXT: Record<'iv' | 'intranasal', Cited> = {
  iv: {
    text: {
      student:
        'Example course used by this simulator: 6 infusions over 12 days, Monday, Wednesday and Friday, as in Shiroma et al. 2014 (schedules vary between clinics and trials; this is an example, not a recommendation).',
      plain: 'This is one example of a course: 6 drips over 2 weeks. Clinics use different plans.',
    },
    cite: ['shiroma2014'],
  },
  intranasal: {
    text: {
      student:
        'Label schedule: twice a week in weeks 1-4 (induction), once a week in weeks 5-8, then once a week or every 2 weeks (section 2.2).',
      plain:
        'At first, twice a week for 4 weeks. Then once a week for 4 weeks. After that, once a week or every 2 weeks.',
    },
    cite: ['spravatoLabel'],
  },
};

export const CLINICAL_SECTIONS: readonly ClinicalSection[] = [
  {
    id: 'trials',
    title: { student: 'What trials found', plain: 'What studies found' },
    items: [
      {
        text: {
          student:
            'The first placebo-controlled trial (7 completers) found depression scores fell by 14 ± 10 points within 72 h after ketamine 0.5 mg/kg, against 0 ± 12 after saline.',
          plain:
            'In the first small test, mood scores got better within 3 days after ketamine, but not after a dummy drip.',
        },
        cite: ['berman2000'],
      },
      {
        text: {
          student:
            'Pooled patient data from 9 trials gave model-estimated response rates on day 1 of 45 % with ketamine against 18 % with midazolam, an active placebo that also causes sedation.',
          plain:
            'When many studies were put together, about 45 in 100 people improved a lot by the next day with ketamine. With a look-alike drug, about 18 in 100 did.',
        },
        cite: ['wilkinson2019'],
      },
      {
        text: {
          student:
            'A two-site trial randomised 73 patients with treatment-resistant depression 2:1 to one 40-min infusion of ketamine (0.5 mg/kg) or midazolam (0.045 mg/kg), an active placebo; the primary outcome was the change in MADRS score at 24 h. In the authors’ first report (72 patients), MADRS fell by 16.5 points with ketamine and by 8.8 points with midazolam over the first 24 h.',
          plain:
            'In a larger trial, people got either ketamine or a look-alike drug that also makes you sleepy. By the next day, mood scores had dropped about twice as much with ketamine.',
        },
        cite: ['murrough2013', 'murrough2013apa'],
      },
      {
        text: {
          student:
            'In patients with treatment-resistant depression in stable remission, continuing esketamine lowered relapse from 45.3 % to 26.7 % (hazard ratio 0.49).',
          plain:
            'Some people got better on esketamine. Those who kept taking it were less likely to get depressed again.',
        },
        cite: ['daly2019'],
      },
    ],
  },
  {
    id: 'side-effects',
    title: { student: 'Side effects and their timing', plain: 'Side effects' },
    items: [
      {
        text: {
          student:
            'Most common with esketamine (at least 5 % and twice placebo): dissociation, dizziness, nausea, sedation, vertigo, hypoaesthesia, anxiety, lethargy, increased blood pressure, vomiting and feeling drunk.',
          plain:
            'Common side effects are feeling detached, dizzy, sick or sleepy, and a rise in blood pressure.',
        },
        cite: [LABEL],
      },
      {
        text: {
          student:
            'In the maintenance phase of SUSTAIN-1, dissociation was reported by 23.0 % on esketamine against 0 % on placebo, and increased blood pressure by 6.6 % against 3.4 %.',
          plain:
            'In one long study, about 1 in 4 people on esketamine felt detached at some point.',
        },
        cite: ['daly2019'],
      },
      {
        text: {
          student:
            'Label adverse-reactions table (section 6.1; pooled short-term trials in treatment-resistant depression, esketamine plus an oral antidepressant, N = 346, against placebo spray plus an oral antidepressant, N = 222): dissociation 41 % vs 9 %, dizziness 29 % vs 8 %, nausea 28 % vs 9 %, sedation 23 % vs 9 %, vertigo 23 % vs 3 %, hypoaesthesia 18 % vs 2 %, anxiety 13 % vs 6 %, lethargy 11 % vs 5 %, increased blood pressure 10 % vs 3 %, vomiting 9 % vs 2 %, feeling drunk 5 % vs 0.5 %.',
          plain:
            'In the main short studies, about 4 in 10 people on esketamine felt detached, against about 1 in 10 on a dummy spray. About 3 in 10 felt dizzy or sick to the stomach.',
        },
        cite: ['spravatoHcpSafety', 'spravatoPiBriefSummary2021'],
      },
      {
        text: {
          student:
            'Blood pressure rises at all recommended doses, peaking about 40 min after dosing and lasting about 4 h. At least once in the first 4 weeks, 8-19 % of esketamine-treated patients (1-4 % on placebo) had a rise of at least 40 mmHg systolic and/or 25 mmHg diastolic within 1.5 h of dosing (warnings and precautions; section 5.6 in the 2019 label).',
          plain:
            'Esketamine raises blood pressure for a few hours. In about 1 to 2 people in 10, the rise was large. Staff check it during the visit.',
        },
        cite: ['spravatoPiBriefSummary2021', LABEL],
      },
    ],
  },
  {
    id: 'safety',
    title: { student: 'Safety', plain: 'Staying safe' },
    items: [
      {
        text: {
          student:
            'Contraindicated with aneurysmal vascular disease (aorta, intracranial or peripheral arteries) or arteriovenous malformation, a history of intracerebral haemorrhage, or hypersensitivity to esketamine, ketamine or the excipients (section 4).',
          plain:
            'It is not used if you have a weak, bulging blood vessel. It is also not used after bleeding in the brain, or with an allergy to ketamine.',
        },
        cite: [LABEL],
      },
      {
        text: {
          student:
            'Daily recreational ketamine use has been linked to severe ulcerative cystitis: in a series of 9 daily users, urine was sterile and cystoscopy showed ulceration of a small, thick-walled bladder.',
          plain: 'Using ketamine every day, as a street drug, can hurt the bladder a lot.',
        },
        cite: ['shahani2007'],
      },
      {
        text: {
          student:
            'Esketamine is a Schedule III controlled substance with potential for abuse and misuse, and is available only through a restricted programme (REMS) in certified settings.',
          plain:
            'Ketamine can be misused. So esketamine is only given in clinics that follow strict rules.',
        },
        cite: [LABEL],
      },
    ],
  },
  {
    id: 'interactions',
    title: { student: 'Interactions and metabolism', plain: 'Other medicines' },
    items: [
      {
        text: {
          student:
            'Other CNS depressants can add to sedation; psychostimulants and monoamine oxidase inhibitors can raise blood pressure further.',
          plain:
            'Tell your team about every medicine you take. Some can add to sleepiness or raise blood pressure.',
        },
        cite: [LABEL],
      },
      {
        text: {
          student:
            'Ketamine is N-demethylated to norketamine in the liver, mainly by CYP2B6 and CYP3A4; the relative roles of the two enzymes differ between studies.',
          plain: 'The liver breaks ketamine down. Some medicines can change how fast this happens.',
        },
        cite: ['zanos2018'],
      },
    ],
  },
  {
    id: 'development',
    title: {
      student: 'Developmental neurotoxicity: why it matters for children, not the same for adults',
      plain: 'Young brains and ketamine',
    },
    items: [
      {
        text: {
          student:
            'In infant rats, a few hours of NMDA receptor block during late fetal or early postnatal life triggered widespread apoptotic death of neurons.',
          plain:
            'In baby rats, blocking these brain gates for a few hours made many young nerve cells die.',
        },
        cite: ['ikonomidou1999'],
      },
      {
        text: {
          student:
            'In rhesus macaques, 5 h of ketamine anaesthesia caused neuroapoptosis in fetal and newborn animals, and anaesthesia in the first week of life was followed by long-lasting cognitive deficits.',
          plain:
            'In baby monkeys, hours of deep ketamine sleep harmed some nerve cells and later learning.',
        },
        cite: ['brambrink2012', 'paule2011'],
      },
      {
        text: {
          student:
            'These findings concern the developing brain (fetal and newborn animals) and hours of anaesthetic exposure; they are a reason for caution with anaesthesia in young children and do not transfer directly to brief subanaesthetic doses in adults.',
          plain:
            'This harm was seen while the brain was still being built, and after long, deep doses. It is a reason for care with young children. It is not the same for adults.',
        },
        cite: ['ikonomidou1999', 'brambrink2012'],
      },
    ],
  },
];
