/** When dosing ends in each session of a scenario, and where a time falls relative to it. */
import { dosingLengthMin, sessionStartsMin } from '../engine/regimen';
import type { Scenario } from '../engine/scenario';

/** Start and end of dosing in each session, min from the first dose. */
export function dosingWindows(s: Scenario): { start: number; end: number }[] {
  const length = dosingLengthMin(s.regimen);
  return sessionStartsMin(s.regimen.schedule).map((start) => ({ start, end: start + length }));
}

/**
 * Minutes since dosing ended in the latest session that has started by time t (negative while
 * that session's dosing is still going on), and that session's number (1-based).
 */
export function sinceDosingEnded(s: Scenario, tMin: number): { minutes: number; session: number } {
  const windows = dosingWindows(s);
  let k = 0;
  for (let i = 0; i < windows.length; i++) if (windows[i]!.start <= tMin) k = i;
  return { minutes: tMin - windows[k]!.end, session: k + 1 };
}
