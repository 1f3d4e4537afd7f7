/** From a regimen to the list of administrations, and the treatment-course schedules. */
import type { Regimen, Schedule } from './scenario';
import type { Administration } from './types';

export const MIN_PER_DAY = 24 * 60;

export function sessionStartsMin(schedule: Schedule): number[] {
  return schedule.kind === 'single' ? [0] : schedule.sessionDays.map((d) => d * MIN_PER_DAY);
}

/**
 * How long dosing lasts within one session, min: the infusion time for IV (0 for a bolus), the
 * time from the first to the last nasal device ((devices - 1) x spacing) for nasal dosing.
 */
export function dosingLengthMin(regimen: Regimen): number {
  return regimen.kind === 'iv' ? regimen.infusionMin : (regimen.devices - 1) * regimen.spacingMin;
}

/** Every administration of a regimen, in time order. */
export function administrations(regimen: Regimen, weightKg: number): Administration[] {
  const out: Administration[] = [];
  for (const start of sessionStartsMin(regimen.schedule)) {
    if (regimen.kind === 'iv') {
      const doseMg = regimen.doseMgPerKg * weightKg;
      out.push(
        regimen.infusionMin === 0
          ? { kind: 'iv-bolus', timeMin: start, doseMg }
          : { kind: 'iv-infusion', timeMin: start, durationMin: regimen.infusionMin, doseMg },
      );
    } else {
      for (let d = 0; d < regimen.devices; d++) {
        out.push({
          kind: 'nasal-device',
          timeMin: start + d * regimen.spacingMin,
          doseMg: regimen.deviceMg,
          deviceIndex: d,
        });
      }
    }
  }
  return out;
}

/** Total dose given, mg. */
export function totalDoseMg(admins: readonly Administration[]): number {
  return admins.reduce((s, a) => s + a.doseMg, 0);
}

/**
 * A common IV course for depression: six infusions over two weeks, three a week (days 0, 2, 4, 7,
 * 9, 11). Trials and clinics vary (e.g. 6 infusions over 12 days in aan het Rot 2010).
 */
export const IV_COURSE_DAYS = [0, 2, 4, 7, 9, 11];

/**
 * The esketamine schedule of the US label (section 2.2): twice a week in weeks 1-4, weekly in
 * weeks 5-8, then weekly or every two weeks from week 9, here for `maintenanceWeeks` more weeks.
 */
export function esketamineLabelCourseDays(
  maintenance: 'weekly' | 'every-2-weeks',
  maintenanceWeeks = 4,
): number[] {
  const days: number[] = [];
  for (let w = 0; w < 4; w++) days.push(w * 7, w * 7 + 3);
  for (let w = 4; w < 8; w++) days.push(w * 7);
  const every = maintenance === 'weekly' ? 1 : 2;
  for (let w = 8; w < 8 + maintenanceWeeks; w += every) days.push(w * 7);
  return days;
}
