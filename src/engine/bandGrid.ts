/**
 * The time points of a variability band. A single session's band is reported on a regular grid
 * (every stepMin). A course's band can be reported on the sessions grid instead, which follows
 * the sessions: the 26-week course then has 1,387 time points at 30 min instead of 8,737, and its
 * 1000 virtual patients take a sixth of the memory.
 *
 * - Fine, every stepMin, from each session's start (the point at or just before it) until
 *   FINE_AFTER_DOSING_MIN (4 h) after its last dose: the drug goes in, the concentration rises to
 *   its peak and falls fast while the drug spreads from the blood into the tissues. This is where
 *   the curve bends sharply, so it gets every point.
 * - Coarse from there until the next session, in steps that grow with the time since the
 *   session's last dose: 1, 2, 4, 8, ... times stepMin, each step the longest of these that is at
 *   most COARSE_FRACTION (15 %) of that time and at most MAX_COARSE_STEP_MIN (12 h). Here the
 *   concentration only decays, smoothly: after a dose it is a sum of exponential decays, the fast
 *   ones die out first, and the later it is, the more the curve is a single slow decay, which bends
 *   less and less. A straight line between two points of a slow decay stays close to it on the
 *   linear axis, and on the log axis a single decay is itself a straight line. (Steps that double,
 *   rather than grow a little at every point, come in runs of equal steps, which the solver takes
 *   as one segment: on the 26-week course 1,387 points in 361 segments against 1,175 points in
 *   735, and the stepping measured about 1.4 times faster, for the same largest gap.)
 * - The last point of the regular grid and the end of the simulated time are points too.
 *
 * Every point is a point of the regular grid (a multiple of stepMin), and the percentiles there
 * are exact, as on any grid: each patient is solved exactly at each point. Only the chart's lines
 * between points are an approximation, as for any curve. Measured against the band on the full
 * 30-min grid (bandGrid.test.ts, 200 patients, straight lines between the points as the chart
 * draws them), the largest gap is 0.09 % of the band's peak for esketamine and 0.23 % for
 * noresketamine over the esketamine label course through week 26, and 0.21 % for ketamine over the
 * IV course: under a pixel on a chart 400 pixels high. On the log axis it is at most 0.016 decades
 * (under 4 % of the value) where both ends of a line are within the chart's four decades.
 */
import { dosingLengthMin, sessionStartsMin } from './regimen';
import { outputGrid } from './run';
import type { Scenario } from './scenario';

/** How a population's time points are laid out: a regular grid, or the sessions grid (above). */
export type BandGridKind = 'regular' | 'sessions';
export const BAND_GRID_KINDS: readonly BandGridKind[] = ['regular', 'sessions'];

/** How long after a session's last dose its grid stays fine, min. */
export const FINE_AFTER_DOSING_MIN = 4 * 60;
/** A coarse step as a fraction of the time since the session's last dose. */
export const COARSE_FRACTION = 0.15;
/** Longest coarse step, min. */
export const MAX_COARSE_STEP_MIN = 12 * 60;

/**
 * Calls `emit` with each time of the sessions grid in order, min; every one is a multiple of
 * stepMin (a point of the regular grid), except endMin.
 */
function eachSessionTime(scenario: Scenario, stepMin: number, emit: (t: number) => void): void {
  const endMin = scenario.options.endH * 60;
  const n = Math.floor(endMin / stepMin + 1e-9); // the regular grid's last index
  const dosing = dosingLengthMin(scenario.regimen);
  const starts = sessionStartsMin(scenario.regimen.schedule);
  const index = (t: number) => Math.min(n, Math.floor(t / stepMin + 1e-9));
  let k = 0; // the next index to emit
  const upTo = (last: number, step: (k: number) => number) => {
    if (k > last) return;
    for (; k <= last; k += step(k)) emit(k * stepMin);
    k = last + 1;
  };
  starts.forEach((s, i) => {
    const dosed = s + dosing;
    // Coarse until the session: from the previous session's fine end to the index at or just before s.
    const prev = i > 0 ? starts[i - 1]! + dosing : -Infinity;
    upTo(index(s) - 1, (j) => coarseSteps(j * stepMin - prev, stepMin));
    upTo(index(dosed + FINE_AFTER_DOSING_MIN), () => 1);
  });
  const lastDosed = starts[starts.length - 1]! + dosing;
  upTo(n - 1, (j) => coarseSteps(j * stepMin - lastDosed, stepMin));
  if (k <= n) emit(n * stepMin);
  if (Math.abs(n * stepMin - endMin) >= 1e-9) emit(endMin);
}

/** The coarse step, in steps of stepMin, at `since` min after a session's last dose. */
function coarseSteps(since: number, stepMin: number): number {
  const most = Math.floor(Math.min(MAX_COARSE_STEP_MIN, COARSE_FRACTION * since) / stepMin + 1e-9);
  let steps = 1;
  while (steps * 2 <= most) steps *= 2;
  return steps;
}

/** Time points of a band, min: the regular grid 0, stepMin, ... endMin, or the sessions grid. */
export function bandGrid(scenario: Scenario, stepMin: number, kind: BandGridKind): Float64Array {
  if (kind === 'regular' || scenario.regimen.schedule.kind === 'single')
    return outputGrid(scenario.options.endH * 60, stepMin);
  const out = new Float64Array(bandGridLength(scenario, stepMin, kind));
  let at = 0;
  eachSessionTime(scenario, stepMin, (t) => (out[at++] = t));
  return out;
}

/** How many time points bandGrid gives, without making it (to check a request's size first). */
export function bandGridLength(scenario: Scenario, stepMin: number, kind: BandGridKind): number {
  const endMin = scenario.options.endH * 60;
  const n = Math.floor(endMin / stepMin + 1e-9);
  if (kind === 'regular' || scenario.regimen.schedule.kind === 'single')
    return n + (Math.abs(n * stepMin - endMin) < 1e-9 ? 1 : 2); // outputGrid's length
  let count = 0;
  eachSessionTime(scenario, stepMin, () => count++);
  return count;
}
