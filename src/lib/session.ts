/**
 * Pure helpers of the session views (patient mode and the simulator's clinical panel): where each
 * step sits on the session timeline, what the simulated curve shows (peak, fall to half, time in
 * a range, build-up over a course), and the numbering of sources.
 */
import type { Line } from '../content/patient';
import { isClaim } from '../content/patient';
import type { Anchor, SessionStep } from '../content/session';

/** The session timeline runs from 30 min before the first dose to 4 h after it, min. */
export const AXIS_MIN: readonly [number, number] = [-30, 240];
export const AXIS_TICKS_H = [0, 1, 2, 3, 4] as const;

export interface DosingWindow {
  start: number;
  end: number;
}

export interface PlacedStep {
  step: SessionStep;
  /** 1-based number shown on the card and on the timeline */
  number: number;
  /** min from the first dose; null when the step is not on the timeline */
  from: number | null;
  /** end of the bar, min; null for a marker only or a bar that runs on to the next day */
  to: number | null;
  runsOn: boolean;
}

const at = (a: Anchor, w: DosingWindow) => (a.from === 'start' ? w.start : w.end) + a.offsetMin;

/**
 * Places the steps of a session. levelFallsMin: when the simulated plasma level last leaves the
 * dissociation-linked range in the first session (null if it never enters it).
 */
export function placeSteps(
  steps: readonly SessionStep[],
  w: DosingWindow,
  levelFallsMin: number | null,
): PlacedStep[] {
  return steps.map((step, i) => {
    const number = i + 1;
    const bar = step.bar;
    if (!bar) return { step, number, from: null, to: null, runsOn: false };
    const from = at(bar.start, w);
    if (bar.end === 'next-day') return { step, number, from, to: null, runsOn: true };
    if (bar.end === null) return { step, number, from, to: null, runsOn: false };
    if (bar.end === 'level-falls') {
      // No bar when the simulated level never reaches the range (e.g. a small dose).
      return levelFallsMin === null || levelFallsMin <= from
        ? { step, number, from: null, to: null, runsOn: false }
        : { step, number, from, to: levelFallsMin, runsOn: false };
    }
    return { step, number, from, to: Math.max(from, at(bar.end, w)), runsOn: false };
  });
}

/** Index range of the samples with t in [lo, hi]. */
function indexRange(t: ArrayLike<number>, lo: number, hi: number): [number, number] {
  let a = 0;
  while (a < t.length && t[a]! < lo) a++;
  let b = a;
  while (b < t.length && t[b]! <= hi) b++;
  return [a, b];
}

/**
 * The first and last times in [0, maxMin] at which c is at or above the threshold (sample times,
 * not interpolated); null if it never is.
 */
export function timesAbove(
  t: ArrayLike<number>,
  c: ArrayLike<number>,
  threshold: number,
  maxMin: number,
): { first: number; last: number } | null {
  const [a, b] = indexRange(t, 0, maxMin);
  let first = -1;
  let last = -1;
  for (let k = a; k < b; k++)
    if (c[k]! >= threshold) {
      if (first < 0) first = k;
      last = k;
    }
  return first < 0 ? null : { first: t[first]!, last: t[last]! };
}

export interface CurveFacts {
  peak: number;
  peakMin: number;
  /** first time after the peak at which the level is at or below half of it; null if not by maxMin */
  halfMin: number | null;
}

/** Peak and fall to half of the curve within [0, maxMin]; null if the curve is all zero there. */
export function curveFacts(
  t: ArrayLike<number>,
  c: ArrayLike<number>,
  maxMin: number,
): CurveFacts | null {
  const [a, b] = indexRange(t, 0, maxMin);
  let kPeak = -1;
  for (let k = a; k < b; k++) if (kPeak < 0 || c[k]! > c[kPeak]!) kPeak = k;
  if (kPeak < 0 || !(c[kPeak]! > 0)) return null;
  const peak = c[kPeak]!;
  let halfMin: number | null = null;
  for (let k = kPeak + 1; k < b; k++) {
    if (c[k]! <= peak / 2) {
      // Linear interpolation between the two samples around the crossing.
      const t0 = t[k - 1]!;
      const c0 = c[k - 1]!;
      const f = c0 === c[k]! ? 0 : (c0 - peak / 2) / (c0 - c[k]!);
      halfMin = t0 + f * (t[k]! - t0);
      break;
    }
  }
  return { peak, peakMin: t[kPeak]!, halfMin };
}

/**
 * Whether the level goes back near zero (below `fraction` of the first session's peak) just
 * before every session after the first.
 */
export function backNearZero(
  t: ArrayLike<number>,
  c: ArrayLike<number>,
  sessionStartsMin: readonly number[],
  fraction = 0.1,
): boolean {
  const first = curveFacts(t, c, Math.min(24 * 60, sessionStartsMin[1] ?? 24 * 60));
  if (!first) return true;
  for (const s of sessionStartsMin.slice(1)) {
    // The 30 min before the session starts (not its first instant: a bolus would count).
    const [a, b] = indexRange(t, s - 30, s);
    for (let k = a; k < b; k++) if (t[k]! < s && c[k]! >= fraction * first.peak) return false;
  }
  return true;
}

/** Samples of the curve in [lo, hi], every `everyMin` minutes (nearest grid point). */
export function samples(
  t: ArrayLike<number>,
  c: ArrayLike<number>,
  lo: number,
  hi: number,
  everyMin: number,
): { t: number; c: number }[] {
  const out: { t: number; c: number }[] = [];
  let k = 0;
  for (let tt = lo; tt <= hi + 1e-9; tt += everyMin) {
    while (k + 1 < t.length && Math.abs(t[k + 1]! - tt) <= Math.abs(t[k]! - tt)) k++;
    if (t.length > 0 && Math.abs(t[k]! - tt) < everyMin / 2) out.push({ t: tt, c: c[k]! });
  }
  return out;
}

/** Numbers the citation keys in order of first use: key -> 1, 2, 3... */
export function numberSources(lines: readonly Line[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of lines) {
    if (!isClaim(line)) continue;
    for (const key of line.cite) if (!map.has(key)) map.set(key, map.size + 1);
  }
  return map;
}

/**
 * Packs the steps on the timeline into as few rows as possible: a step shares a row with earlier
 * ones when it starts at least `gapMin` after the last of them ends (a marker counts as `gapMin`
 * long, a bar that runs on to the next day as reaching the axis end). Returns the row of each
 * step by id, and the number of rows.
 */
export function assignLanes(
  placed: readonly PlacedStep[],
  gapMin = 10,
): { lane: Map<string, number>; count: number } {
  const ends: number[] = [];
  const lane = new Map<string, number>();
  for (const p of placed) {
    if (p.from === null) continue;
    const endMin = p.runsOn ? Number.POSITIVE_INFINITY : (p.to ?? p.from + gapMin);
    let k = ends.findIndex((e) => p.from! >= e + gapMin);
    if (k < 0) {
      k = ends.length;
      ends.push(endMin);
    } else ends[k] = endMin;
    lane.set(p.step.id, k);
  }
  return { lane, count: ends.length };
}
