/**
 * What the clinical panel says about the routes beyond IV and the esketamine device: how the dose
 * reaches the blood (and whether it meets the liver's first pass first), with the figures the
 * route's source gives, and the example course this simulator uses. Session steps (preparation,
 * monitoring, going home) are written for IV and the device only (session.ts).
 */
import type { Cited, Levels } from './cited';

export type OtherRoute = 'intramuscular' | 'oral' | 'sublingual' | 'nasal-spray';

/** How the dose of each route reaches the blood. */
export const ROUTE_ABOUT: Record<OtherRoute, Cited> = {
  intramuscular: {
    text: {
      student:
        'An intramuscular injection puts ketamine into muscle, from which it reaches the blood within minutes without passing the liver first, so little norketamine is formed on the way. Adult bioavailability is often quoted as 93 %, with a peak 5-15 min after the injection; those figures are attributed to Clements 1982, which this simulator could not read. In children, Hornik 2018 found 41 %. A study of depression raised IM doses step by step from 0.1 to 0.5 mg/kg (Loo 2016).',
      plain:
        'This is a shot into a muscle. The drug gets into the blood in a few minutes. It does not go to the liver first. In one study of depression, doctors started with a small dose and raised it step by step.',
    },
    cite: ['clements1982', 'hornik2018', 'loo2016'],
  },
  oral: {
    text: {
      student:
        'A swallowed dose is absorbed from the gut and carried by the portal vein to the liver before it reaches the rest of the body. The liver breaks most of it down on this first pass: only 8 % of oral S-ketamine reached the circulation unchanged in Fanta 2015, and far more norketamine than ketamine circulates. Oral doses reported for depression range from 25 to 300 mg (Andrade 2019).',
      plain:
        'A dose you swallow goes to the liver first. The liver breaks down most of it. So only a small part of the drug reaches the blood, and much more of its breakdown product does.',
    },
    cite: ['fanta2015', 'andrade2019'],
  },
  sublingual: {
    text: {
      student:
        'A sublingual (under the tongue) or buccal (against the cheek) dose is partly absorbed through the lining of the mouth, straight into the blood, and partly swallowed, which then meets the first pass through the liver. For a 25 mg sublingual wafer, Rolan 2014 found a bioavailability of 29 % and a peak at a median of 0.75 h.',
      plain:
        'The dose melts under the tongue or in the cheek. Some of it goes into the blood through the mouth. The rest is swallowed and goes to the liver first. In one study, about 3 parts in 10 of the dose reached the blood.',
    },
    cite: ['rolan2014'],
  },
  'nasal-spray': {
    text: {
      student:
        'Racemic ketamine sprayed into the nose is partly absorbed through the nasal lining and partly swallowed. In the Pharmacotherapy 2022 study, bioavailability was 17, 13 and 11 % after 10, 30 and 50 mg, and norketamine exposure after 30-50 mg was about 4 times that of ketamine, against 0.19 times after IV: most of the dose was swallowed and met the first pass.',
      plain:
        'Some of the spray goes into the blood through the nose. Much of it runs down the throat and is swallowed. In one study, only about 1 part in 8 of the dose reached the blood.',
    },
    cite: ['pharmacotherapy2022in'],
  },
};

/** The example course of an IM course (the schedules: courseFor in src/engine/presets.ts). */
export const IM_COURSE: Cited = {
  text: {
    student:
      'Example course used by this simulator: injections on the days of its IV course, 6 over 12 days (Shiroma et al. 2014 gave infusions on those days). It is not taken from a study of IM ketamine, and it is not a recommendation.',
    plain:
      'This is one example of a course: 6 shots over 2 weeks. It copies an example for the drip. Clinics use different plans.',
  },
  cite: ['shiroma2014'],
};

/** The example course of the routes taken at home: no trial's schedule, so it cites none. */
export const HOME_COURSE_NOTE: Levels = {
  student:
    'Example course used by this simulator: a session every 3 days for 4 weeks, chosen here. Programmes that give ketamine at home vary widely; this schedule is not taken from a study of doses taken at home, and it is not a recommendation.',
  plain:
    'This is one example chosen for this tool, not taken from a study: a dose every 3 days for 4 weeks. Real plans differ a lot.',
};
