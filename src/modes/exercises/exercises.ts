/**
 * The "predict, then reveal" exercises as pure functions: the time grid a prediction lives on,
 * building a prediction from a drawn stroke or from typed values at fixed times (both give the
 * same kind of array, scored the same way) and scoring against the simulation. No DOM here, so
 * everything is unit-tested. The progress kept on the device lives in progress.ts.
 */
import { aucNgHPerMl, firstPeakIndex, maxOf, valueAtClamped } from '../../engine/curve';

/** The time axis of an exercise: 0, step, 2 step, ... endMin, min. */
export interface ExerciseGrid {
  endMin: number;
  stepMin: number;
}

/** Grid times, min (endMin is always the last point). */
export function gridTimes(grid: ExerciseGrid): Float64Array {
  const n = Math.round(grid.endMin / grid.stepMin);
  const t = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) t[i] = Math.min(grid.endMin, i * grid.stepMin);
  return t;
}

/** Index of the grid point nearest to a time, clamped to the grid. */
export function gridIndex(grid: ExerciseGrid, tMin: number): number {
  const n = Math.round(grid.endMin / grid.stepMin);
  return Math.min(n, Math.max(0, Math.round(tMin / grid.stepMin)));
}

/** A column (t, y) read onto the exercise grid. */
export function resample(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  grid: ExerciseGrid,
): Float64Array {
  const times = gridTimes(grid);
  const out = new Float64Array(times.length);
  for (let i = 0; i < times.length; i++) out[i] = valueAtClamped(t, y, times[i]!);
  return out;
}

/**
 * A prediction while it is being made: one value per grid point, ng/mL, or null where the student
 * has not drawn or typed anything yet.
 */
export type Draft = (number | null)[];

export function emptyDraft(grid: ExerciseGrid): Draft {
  return Array.from({ length: gridTimes(grid).length }, () => null);
}

/**
 * Paints a straight stroke from (t0, c0) to (t1, c1) onto the grid points it passes over, so a
 * fast pointer that skips grid points leaves no gaps. Concentrations below 0 are taken as 0.
 * Returns a new draft.
 */
export function paintSegment(
  draft: Draft,
  grid: ExerciseGrid,
  t0: number,
  c0: number,
  t1: number,
  c1: number,
): Draft {
  const out = draft.slice();
  if (t1 < t0) [t0, c0, t1, c1] = [t1, c1, t0, c0];
  const i0 = Math.ceil(t0 / grid.stepMin - 1e-9);
  const i1 = Math.floor(t1 / grid.stepMin + 1e-9);
  const last = out.length - 1;
  if (i1 < i0) {
    // A stroke inside one grid interval (or a single point) sets the nearest grid point.
    const k = gridIndex(grid, (t0 + t1) / 2);
    out[k] = Math.max(0, (c0 + c1) / 2);
    return out;
  }
  for (let i = Math.max(0, i0); i <= Math.min(last, i1); i++) {
    const t = Math.min(grid.endMin, i * grid.stepMin);
    const c = t1 === t0 ? c1 : c0 + ((c1 - c0) * (t - t0)) / (t1 - t0);
    out[i] = Math.max(0, c);
  }
  return out;
}

/** Grid indices of the fixed times of the typed-values alternative. */
export function handleIndices(grid: ExerciseGrid, handleTimesMin: readonly number[]): number[] {
  return handleTimesMin.map((t) => gridIndex(grid, t));
}

/**
 * Sets the typed value at handle k and joins it to the neighbouring handles (or to 0 at time 0
 * before the first handle) where those have values: a fall between two positive values as an
 * exponential decay, anything else as a straight line. The rest of the draft, drawn or typed, is
 * kept. Returns a new draft.
 */
export function applyHandle(
  draft: Draft,
  grid: ExerciseGrid,
  handleTimesMin: readonly number[],
  k: number,
  value: number | null,
): Draft {
  const out = draft.slice();
  const idx = handleIndices(grid, handleTimesMin);
  const here = idx[k];
  if (here === undefined) return out;
  out[here] = value === null ? null : Math.max(0, value);
  const join = (a: number, b: number) => {
    const va = a === 0 && out[0] === null ? 0 : out[a];
    const vb = out[b];
    // Where either end has no value yet, the line waits (what was drawn there stays).
    if (va == null || vb == null) return;
    // A fall between two positive values follows an exponential decay, as drug concentrations
    // do; anything else is a straight line.
    const decay = va > vb && vb > 0;
    for (let i = a + 1; i < b; i++) {
      const f = (i - a) / (b - a);
      out[i] = decay ? va * (vb / va) ** f : va + (vb - va) * f;
    }
  };
  join(k === 0 ? 0 : idx[k - 1]!, here);
  if (k + 1 < idx.length) join(here, idx[k + 1]!);
  return out;
}

/** The draft's value at each handle (null where there is none). */
export function handleValues(
  draft: Draft,
  grid: ExerciseGrid,
  handleTimesMin: readonly number[],
): (number | null)[] {
  return handleIndices(grid, handleTimesMin).map((i) => draft[i] ?? null);
}

/** How much of the time axis a draft covers: from 0 to its last value, as a fraction. */
export function coverage(draft: Draft): number {
  let last = -1;
  let count = 0;
  draft.forEach((v, i) => {
    if (v !== null) {
      last = i;
      count++;
    }
  });
  if (count < 2 || draft.length < 2) return 0;
  return last / (draft.length - 1);
}

/** Least coverage before a prediction can be revealed. */
export const MIN_COVERAGE = 0.5;

/**
 * The prediction to score: gaps joined by straight lines, 0 at time 0 if nothing was given there
 * (before the first dose there is no drug), and the last value held after the last point. Null if
 * the draft covers less than MIN_COVERAGE of the axis.
 */
export function completeDraft(draft: Draft): Float64Array | null {
  if (coverage(draft) < MIN_COVERAGE) return null;
  const out = new Float64Array(draft.length);
  let prevI = 0;
  let prevV = draft[0] ?? 0;
  out[0] = prevV;
  for (let i = 1; i < draft.length; i++) {
    const v = draft[i];
    if (v === null || v === undefined) continue;
    for (let j = prevI + 1; j < i; j++) out[j] = prevV + ((v - prevV) * (j - prevI)) / (i - prevI);
    out[i] = v;
    prevI = i;
    prevV = v;
  }
  for (let j = prevI + 1; j < draft.length; j++) out[j] = prevV;
  return out;
}

/** A prediction made only from values at fixed times (the keyboard path), on the grid. */
export function draftFromHandles(
  grid: ExerciseGrid,
  handleTimesMin: readonly number[],
  values: readonly (number | null)[],
): Draft {
  let d = emptyDraft(grid);
  values.forEach((v, k) => (d = applyHandle(d, grid, handleTimesMin, k, v)));
  return d;
}

export interface CurveStats {
  /** highest value, ng/mL */
  peak: number;
  /**
   * time of the peak, min, by the first-peak rule of the summary (src/engine/summary.ts): the
   * earliest local peak within 2 % of the highest value, so the near-equal peaks of a course count
   * from the first; null for a curve that is 0 everywhere
   */
  tPeakMin: number | null;
  /** area under the curve over the grid, ng h/mL (trapezoidal) */
  aucNgHPerMl: number;
}

export function curveStats(t: ArrayLike<number>, y: ArrayLike<number>): CurveStats {
  const peak = maxOf(y);
  const tPeakMin = peak > 0 ? t[firstPeakIndex(y)]! : null;
  return { peak, tPeakMin, aucNgHPerMl: aucNgHPerMl(t, y) };
}

/** The area between two curves, ng h/mL (trapezoids of |a - b|, split where they cross). */
export function areaBetween(t: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>) {
  let s = 0;
  for (let i = 1; i < t.length; i++) {
    const d0 = a[i - 1]! - b[i - 1]!;
    const d1 = a[i]! - b[i]!;
    const dt = t[i]! - t[i - 1]!;
    if (d0 * d1 >= 0) s += (dt * (Math.abs(d0) + Math.abs(d1))) / 2;
    else {
      // The curves cross inside the interval: two triangles.
      const f = Math.abs(d0) / (Math.abs(d0) + Math.abs(d1));
      s += (dt * (f * Math.abs(d0) + (1 - f) * Math.abs(d1))) / 2;
    }
  }
  return s / 60;
}

/** Weights of the parts of the score (sum 1). */
export const SCORE_WEIGHTS = { area: 0.5, peak: 0.25, time: 0.25 } as const;

export interface Score {
  /** area between the predicted and simulated curves over the area under the simulated curve */
  areaRelError: number;
  /** (predicted peak - simulated peak) / simulated peak */
  peakRelError: number;
  /** predicted minus simulated time of peak, min; null if the prediction is 0 everywhere */
  timeErrorMin: number | null;
  predicted: CurveStats;
  simulated: CurveStats;
  /** each part from 0 (bad) to 1 (exact) */
  parts: { area: number; peak: number; time: number };
  /** 0-100, rounded: 50 % area, 25 % peak, 25 % time of peak */
  total: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * Scores a prediction against the simulated curve on the same grid.
 * area part = 1 - (area between curves / area under the simulated curve), at least 0;
 * peak part = 1 - |peak error| / simulated peak, at least 0;
 * time part = 1 - |time-of-peak error| / timeToleranceMin, at least 0 (0 for a flat-zero curve);
 * total = 100 x (0.5 area + 0.25 peak + 0.25 time), rounded.
 */
export function scorePrediction(
  t: ArrayLike<number>,
  predicted: ArrayLike<number>,
  simulated: ArrayLike<number>,
  timeToleranceMin: number,
): Score {
  if (t.length !== predicted.length || t.length !== simulated.length)
    throw new Error('The prediction and the simulation must be on the same grid');
  const p = curveStats(t, predicted);
  const s = curveStats(t, simulated);
  const underSim = s.aucNgHPerMl;
  const areaRelError = underSim > 0 ? areaBetween(t, predicted, simulated) / underSim : Infinity;
  const peakRelError = s.peak > 0 ? (p.peak - s.peak) / s.peak : Infinity;
  const timeErrorMin = p.tPeakMin === null || s.tPeakMin === null ? null : p.tPeakMin - s.tPeakMin;
  const parts = {
    area: clamp01(1 - areaRelError),
    peak: clamp01(1 - Math.abs(peakRelError)),
    time: timeErrorMin === null ? 0 : clamp01(1 - Math.abs(timeErrorMin) / timeToleranceMin),
  };
  const total = Math.round(
    100 *
      (SCORE_WEIGHTS.area * parts.area +
        SCORE_WEIGHTS.peak * parts.peak +
        SCORE_WEIGHTS.time * parts.time),
  );
  return { areaRelError, peakRelError, timeErrorMin, predicted: p, simulated: s, parts, total };
}

/**
 * Top of the drawing area, ng/mL: the reference peak times a factor, rounded up to 1, 1.5, 2,
 * 2.5, 3, 4, 5, 6 or 8 times a power of ten (so the axis ends on a round tick).
 */
export function drawingTop(referencePeak: number, factor: number): number {
  const v = referencePeak * factor;
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v - 1e-9 * p) return m * p;
  return 10 * p;
}

export type BandPosition = 'below' | 'inside' | 'above';

/**
 * Where the predicted peak lies against the 5-95 % band at the time of that peak (the
 * variability exercise): below the 5th percentile, inside, or above the 95th.
 */
export function peakInBand(
  t: ArrayLike<number>,
  predicted: ArrayLike<number>,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
): { position: BandPosition; tMin: number; value: number; lo: number; hi: number } | null {
  const p = curveStats(t, predicted);
  if (p.tPeakMin === null) return null;
  const l = valueAtClamped(t, lo, p.tPeakMin);
  const h = valueAtClamped(t, hi, p.tPeakMin);
  const position: BandPosition = p.peak < l ? 'below' : p.peak > h ? 'above' : 'inside';
  return { position, tMin: p.tPeakMin, value: p.peak, lo: l, hi: h };
}

// ---------------------------------------------------------------------------------------------
// Formatting (shared by the explanations and the view)

/** A number with 3 significant digits, no exponent (e.g. 253, 4.10, 0.0271). */
export function sig3(v: number): string {
  if (!Number.isFinite(v)) return '-';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 100) return String(Math.round(v));
  const digits = Math.max(0, 2 - Math.floor(Math.log10(a)));
  return v.toFixed(Math.min(digits, 6));
}

/** A time in minutes for reading: "40 min", "1.7 h", "2.0 days". */
export function formatMinutes(min: number): string {
  const a = Math.abs(min);
  if (a < 120) return `${Math.round(min)} min`;
  if (a < 48 * 60) return `${(min / 60).toFixed(1)} h`;
  return `${(min / 1440).toFixed(1)} days`;
}

/**
 * A fixed time of the typed-value fields, read in the exercise's own scale: minutes on a window
 * of up to 6 h ("40 min"), hours up to a day ("1.5 h"), and days plus the time into that day for
 * a course ("day 2 + 40 min").
 */
export function handleLabel(min: number, endMin: number): string {
  if (endMin <= 360) return `${Math.round(min * 10) / 10} min`;
  if (endMin <= 1440) return `${Math.round((min / 60) * 100) / 100} h`;
  const day = Math.floor(min / 1440 + 1e-9);
  const rest = min - day * 1440;
  if (rest < 1e-9) return `day ${day}`;
  const into = rest < 120 ? `${Math.round(rest)} min` : `${Math.round((rest / 60) * 10) / 10} h`;
  return `day ${day} + ${into}`;
}

/** A signed percentage, e.g. "+12 %" or "-5 %". */
export function signedPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '-';
  const v = Math.round(fraction * 100);
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)} %`;
}

/** A typed field's text for a value: integers as they are, others with 3 significant digits. */
export function handleText(v: number | null): string {
  return v === null ? '' : Number.isInteger(v) ? String(v) : sig3(v);
}

/** A time of the revealed data table: minutes on a window of up to 6 h, else hours. */
export function tableTime(min: number, endMin: number): string {
  return endMin <= 360 ? `${Math.round(min * 10) / 10} min` : `${(min / 60).toFixed(1)} h`;
}

/**
 * The time-of-peak error in words: "on time" within half a grid step, else how early or late;
 * null (no peak in the prediction) says so.
 */
export function timeErrorText(errMin: number | null, stepMin: number): string {
  if (errMin === null) return 'no peak in your prediction';
  if (Math.abs(errMin) < stepMin / 2) return 'on time';
  return `${formatMinutes(Math.abs(errMin))} ${errMin > 0 ? 'late' : 'early'}`;
}
