/** From a regimen to the list of administrations, and the treatment-course schedules. */
import type { Regimen, Schedule } from './scenario';
import type { Administration } from './types';

export const MIN_PER_DAY = 24 * 60;

export function sessionStartsMin(schedule: Schedule): number[] {
  return schedule.kind === 'single' ? [0] : schedule.sessionDays.map((d) => d * MIN_PER_DAY);
}

/**
 * How long dosing lasts within one session, min: the infusion time for IV (0 for a bolus), the
 * time from the first to the last device or spray ((n - 1) x spacing) for nasal dosing, the
 * holding time for a sublingual dose, 0 for an injection or a swallowed dose.
 */
export function dosingLengthMin(regimen: Regimen): number {
  switch (regimen.kind) {
    case 'iv':
      return regimen.infusionMin;
    case 'intranasal':
      return (regimen.devices - 1) * regimen.spacingMin;
    case 'nasal-spray':
      return (regimen.sprays - 1) * regimen.spacingMin;
    case 'sublingual':
      return regimen.holdMin;
    case 'intramuscular':
    case 'oral':
      return 0;
  }
}

/** The administrations of one session of a regimen, starting at `start` (min). */
function sessionAdministrations(
  regimen: Regimen,
  weightKg: number,
  start: number,
): Administration[] {
  switch (regimen.kind) {
    case 'iv': {
      const doseMg = regimen.doseMgPerKg * weightKg;
      return [
        regimen.infusionMin === 0
          ? { kind: 'iv-bolus', timeMin: start, doseMg }
          : { kind: 'iv-infusion', timeMin: start, durationMin: regimen.infusionMin, doseMg },
      ];
    }
    case 'intranasal':
      return Array.from({ length: regimen.devices }, (_, d) => ({
        kind: 'nasal-device' as const,
        timeMin: start + d * regimen.spacingMin,
        doseMg: regimen.deviceMg,
        deviceIndex: d,
      }));
    case 'nasal-spray':
      return Array.from({ length: regimen.sprays }, (_, d) => ({
        kind: 'nasal-spray' as const,
        timeMin: start + d * regimen.spacingMin,
        doseMg: regimen.mgPerSpray,
        sessionDoseMg: regimen.mgPerSpray * regimen.sprays,
      }));
    case 'intramuscular':
      return [{ kind: 'im-injection', timeMin: start, doseMg: regimen.doseMgPerKg * weightKg }];
    case 'oral':
      return [{ kind: 'oral-dose', timeMin: start, doseMg: regimen.doseMg }];
    case 'sublingual':
      return [
        {
          kind: 'sublingual-dose',
          timeMin: start,
          doseMg: regimen.doseMg,
          holdMin: regimen.holdMin,
        },
      ];
  }
}

/** Every administration of a regimen, in time order. */
export function administrations(regimen: Regimen, weightKg: number): Administration[] {
  const out: Administration[] = [];
  for (const start of sessionStartsMin(regimen.schedule))
    out.push(...sessionAdministrations(regimen, weightKg, start));
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
 * An example course for doses taken at home (oral, sublingual, racemic nasal spray): a session every
 * 3 days for 4 weeks (days 0, 3, ... 27). A case series of oral ketamine for depression gave 50 mg
 * every 3 days (Al Shirawi et al., J Clin Psychopharmacol, first page read); programmes vary widely.
 */
export const HOME_COURSE_DAYS = [0, 3, 6, 9, 12, 15, 18, 21, 24, 27];

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
