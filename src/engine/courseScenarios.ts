/**
 * The longest course the app's limits allow, for the benchmark and the tests of course bands: the
 * esketamine label schedule (weekly from week 9) through week 26, simulated for 26 weeks.
 */
import { esketamineLabelCourseDays } from './regimen';
import { LIMITS, type Scenario } from './scenario';

/** A nasal scenario given as the label course through week 26 (30 sessions, days 0-175). */
export function longestEsketamineCourse(nasal: Scenario): Scenario {
  return {
    ...nasal,
    regimen: {
      ...nasal.regimen,
      schedule: { kind: 'course', sessionDays: esketamineLabelCourseDays('weekly', 18) },
    },
    options: { endH: LIMITS.endH[1], stepMin: 5 },
  };
}
