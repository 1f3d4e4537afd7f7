/**
 * The "predict, then reveal" exercises as pure functions: the time grid a prediction lives on,
 * building a prediction from a drawn stroke or from typed values at fixed times (both give the
 * same kind of array, scored the same way), scoring against the simulation by how much of the
 * change from the reference curve the prediction caught (see SCORE_WEIGHTS), and the feedback in
 * words. No DOM here, so everything is unit-tested. The progress kept on the device lives in
 * progress.ts, the exercise named by the address in exerciseLink.ts.
 */
import { aucNgHPerMl, firstPeakIndex, maxOf, valueAtClamped } from '../../engine/curve';
import { formatMinutes } from '../../charts/chartMath';

// Read with the figures of the exercises; one definition for the app, in the charts' formatters.
export { formatMinutes };

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

/**
 * How a prediction is scored: by how much of the change from the reference curve to the
 * simulated answer it predicted, not only by how close it is (copying the reference must not earn
 * a good score just because the reference already looks like the answer).
 *
 * The rule, in plain words. Four measures compare a curve with the simulation, each from 0 (the
 * same) to 1 (as different as can be):
 * - the whole curve: the area between the two curves over the areas under both;
 * - the area under the curve, and the peak height: the difference over the sum of the two values
 *   (so twice too high counts as much as half too low, and a line at 0 is 1 off);
 * - the time of the peak: the difference over the exercise's time tolerance, at most 1 (and 1
 *   for a curve without a peak).
 * For each measure, the "change" is how far the reference curve is from the simulation and the
 * "error" how far the prediction is. The progress is 1 - (sum of the errors) / (sum of the
 * changes): 0 for the reference drawn unchanged, 1 for the exact answer, about half for a curve
 * half-way between, and below 0 for a curve further from the answer than the reference. So each
 * measure counts in proportion to how much the principle changes it: one the answer shares with
 * the reference (the time of the peak when only the dose changes) adds nothing to the changes, but
 * a prediction that moves it adds its error, and loses points. The closeness, 1 - the whole-curve
 * measure, rewards the curve as a whole: 1 for the exact answer, 0 for a line at 0.
 *
 * Score = 85 x progress + 15 x closeness, rounded and kept within 0-100 (the 85/15 split is a
 * teaching choice of this simulator, not a figure from a source). The reference drawn
 * unchanged scores 15 x its closeness (at most 15); a prediction further from the answer than the
 * reference has a progress below 0, which costs points, so it scores below the reference.
 */
export const SCORE_WEIGHTS = { change: 0.85, curve: 0.15 } as const;

/** The measures a score compares, in the order the result shows them. */
export const MEASURES = ['curve', 'area', 'peak', 'time'] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * A measure counts as changed by the principle when the reference is at least this far from the
 * simulation in it (on the 0-1 scale of the measure: about 10 % apart for a value, 5 % of the
 * time tolerance for the time of the peak).
 */
export const CHANGED_AT = 0.05;

export interface MeasurePart {
  /** how far the reference curve is from the simulation in this measure, 0-1: the change to predict */
  change: number;
  /** how far the prediction is from the simulation in this measure, 0-1 */
  error: number;
  /** whether the principle changes this measure (a change of at least CHANGED_AT) */
  changed: boolean;
  /**
   * the share of the change the prediction covered, 1 - error / change: 1 exact, 0 no closer than
   * the reference, below 0 further away; null for a measure the principle does not change
   */
  share: number | null;
  /** this measure's part of the change points: its change over the sum of the changes, 0-1 */
  weight: number;
}

export interface Score {
  /** area between the predicted and simulated curves over the area under the simulated curve */
  areaRelError: number;
  /** the area between each curve and the simulation, ng h/mL */
  gapNgHPerMl: { predicted: number; reference: number };
  /** (predicted peak - simulated peak) / simulated peak */
  peakRelError: number;
  /** predicted minus simulated time of peak, min; null if the prediction is 0 everywhere */
  timeErrorMin: number | null;
  predicted: CurveStats;
  simulated: CurveStats;
  reference: CurveStats;
  /** each measure: the change to predict, the prediction's error and the share it covered */
  parts: Record<Measure, MeasurePart>;
  /**
   * 1 - (sum of the errors) / (sum of the changes): 1 for the exact answer, 0 for the reference,
   * below 0 for a prediction further from the answer than the reference
   */
  progress: number;
  /** 1 - the whole-curve measure of the prediction: 1 for the exact answer, 0 for a line at 0 */
  closeness: number;
  /** 0-100: 85 x progress + 15 x closeness, rounded and kept within 0-100 */
  total: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
/** |a - b| / (a + b) for values of at least 0, 0 when both are 0. */
const apart = (a: number, b: number) => (a + b > 0 ? Math.abs(a - b) / (a + b) : 0);

/** How far a curve is from the simulation in each measure, 0-1 (see SCORE_WEIGHTS). */
function distances(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  stats: CurveStats,
  sim: ArrayLike<number>,
  simStats: CurveStats,
  timeToleranceMin: number,
): Record<Measure, number> {
  const under = stats.aucNgHPerMl + simStats.aucNgHPerMl;
  return {
    curve: under > 0 ? clamp01(areaBetween(t, y, sim) / under) : 0,
    area: apart(stats.aucNgHPerMl, simStats.aucNgHPerMl),
    peak: apart(stats.peak, simStats.peak),
    time:
      stats.tPeakMin === null || simStats.tPeakMin === null
        ? 1
        : Math.min(1, Math.abs(stats.tPeakMin - simStats.tPeakMin) / timeToleranceMin),
  };
}

/**
 * Scores a prediction against the simulated answer, measured from the reference curve the
 * student saw (the rule is written out at SCORE_WEIGHTS). All three curves are on the same grid.
 */
export function scorePrediction(
  t: ArrayLike<number>,
  predicted: ArrayLike<number>,
  simulated: ArrayLike<number>,
  reference: ArrayLike<number>,
  timeToleranceMin: number,
): Score {
  if (
    t.length !== predicted.length ||
    t.length !== simulated.length ||
    t.length !== reference.length
  )
    throw new Error('The prediction, the simulation and the reference must be on the same grid');
  if (!(timeToleranceMin > 0))
    throw new RangeError(`The time tolerance must be above 0 min, not ${timeToleranceMin}`);
  const p = curveStats(t, predicted);
  const s = curveStats(t, simulated);
  const r = curveStats(t, reference);
  if (!(s.peak > 0))
    throw new RangeError(
      'The simulated curve is 0 everywhere, so there is nothing to score against',
    );
  const change = distances(t, reference, r, simulated, s, timeToleranceMin);
  const error = distances(t, predicted, p, simulated, s, timeToleranceMin);
  let changes = 0;
  let errors = 0;
  for (const m of MEASURES) {
    changes += change[m];
    errors += error[m];
  }
  const parts = {} as Record<Measure, MeasurePart>;
  for (const m of MEASURES) {
    const changed = change[m] >= CHANGED_AT;
    parts[m] = {
      change: change[m],
      error: error[m],
      changed,
      share: changed ? 1 - error[m] / change[m] : null,
      weight: changes > 0 ? change[m] / changes : 0,
    };
  }
  // A reference equal to the answer leaves no change to predict: only the exact answer counts.
  const progress = changes > 0 ? 1 - errors / changes : errors === 0 ? 1 : 0;
  const closeness = 1 - error.curve;
  const total = Math.round(
    100 * clamp01(SCORE_WEIGHTS.change * progress + SCORE_WEIGHTS.curve * closeness),
  );
  const gap = areaBetween(t, predicted, simulated);
  return {
    areaRelError: gap / s.aucNgHPerMl,
    gapNgHPerMl: { predicted: gap, reference: areaBetween(t, reference, simulated) },
    peakRelError: (p.peak - s.peak) / s.peak,
    timeErrorMin: p.tPeakMin === null || s.tPeakMin === null ? null : p.tPeakMin - s.tPeakMin,
    predicted: p,
    simulated: s,
    reference: r,
    parts,
    progress,
    closeness,
    total,
  };
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

/** How the words of `compared` name a measure: "higher"/"lower" for a peak, "larger"/"smaller" for an area. */
interface ComparisonWords {
  more: string;
  less: string;
  /** "as high", "as large" */
  as: string;
  /** what the prediction is compared with: 'it' (already named), or e.g. "the simulation's" */
  than: string;
}

const FRACTIONS: readonly [number, string][] = [
  [1 / 2, 'half'],
  [1 / 3, 'a third'],
  [1 / 4, 'a quarter'],
  [2 / 3, 'two thirds'],
];

/**
 * A predicted value against the simulated one in plain words, to follow "your peak was":
 * "close to it" (within 5 %), "about half of it", "about 30 % lower", "about twice as high",
 * "about 3.5 times as high"; with `than` other than 'it', the comparison names it ("about 30 %
 * smaller than the simulation's").
 */
export function compared(predicted: number, simulated: number, words: ComparisonWords): string {
  const r = predicted / simulated;
  const named = words.than !== 'it';
  if (!(simulated > 0) || !Number.isFinite(r)) return 'not comparable';
  if (Math.abs(r - 1) < 0.05) return `close to ${words.than}`;
  if (r < 1) {
    for (const [f, name] of FRACTIONS)
      if (Math.abs(r / f - 1) < 0.08) return `about ${name} of ${words.than}`;
    if (r < 0.1) return `less than a tenth of ${words.than}`;
    if (r < 0.6) return `about ${Math.round(r * 100)} % of ${words.than}`;
    return `about ${Math.round((1 - r) * 100)} % ${words.less}${named ? ` than ${words.than}` : ''}`;
  }
  const as = named ? ` as ${words.than}` : '';
  if (r < 1.6)
    return `about ${Math.round((r - 1) * 100)} % ${words.more}${named ? ` than ${words.than}` : ''}`;
  const times = Math.round(r * 2) / 2;
  if (times === 2) return `about twice ${words.as}${as}`;
  return `about ${times} times ${words.as}${as}`;
}

/**
 * The first feedback of a revealed exercise: what the student predicted against what the
 * simulation shows, in plain words and with units: always the peak; the time of the peak when
 * the principle moves it or the prediction has it wrong; the area under the curve when the
 * principle changes it or the prediction is more than 5 % off. `answer` names the simulated
 * curve ("the simulation", or e.g. "the simulated 95th percentile").
 */
export function feedbackText(score: Score, stepMin: number, answer = 'the simulation'): string {
  const { predicted: p, simulated: s, reference: r, parts } = score;
  const ng = (v: number) => `${sig3(v)} ng/mL`;
  const at = (min: number | null) => (min === null ? '-' : formatMinutes(min));
  const sentences: string[] = [];
  if (p.tPeakMin === null) {
    sentences.push(
      `Your prediction stays at 0, so it has no peak; ${answer} peaks at ${ng(s.peak)} at ${at(s.tPeakMin)}.`,
    );
  } else {
    const how = compared(p.peak, s.peak, {
      more: 'higher',
      less: 'lower',
      as: 'as high',
      than: 'it',
    });
    sentences.push(
      `You predicted a peak of ${ng(p.peak)} at ${at(p.tPeakMin)}; ${answer} peaks at ${ng(s.peak)} at ${at(s.tPeakMin)}: your peak was ${how}.`,
    );
    const err = score.timeErrorMin;
    const off =
      err !== null && timeErrorText(err, stepMin) !== 'on time' && parts.time.error >= CHANGED_AT;
    const shift = s.tPeakMin !== null && r.tPeakMin !== null ? s.tPeakMin - r.tPeakMin : 0;
    const moved = `${formatMinutes(Math.abs(shift))} ${shift > 0 ? 'later' : 'earlier'} than the reference's`;
    if (off) {
      const yours = `Your peak came ${formatMinutes(Math.abs(err))} ${err > 0 ? 'later' : 'earlier'} than ${answer}'s`;
      sentences.push(
        parts.time.changed
          ? `${yours}, which comes ${moved}.`
          : `${yours}, which comes at the same time as the reference's.`,
      );
    } else if (parts.time.changed) {
      sentences.push(`You had the timing right: ${answer}'s peak comes ${moved}.`);
    }
  }
  if (p.peak > 0 && (parts.area.changed || parts.area.error >= CHANGED_AT)) {
    const area = (v: number) => `${sig3(v)} ng·h/mL`;
    const how = compared(p.aucNgHPerMl, s.aucNgHPerMl, {
      more: 'larger',
      less: 'smaller',
      as: 'as large',
      than: `${answer}'s`,
    });
    sentences.push(
      parts.area.changed
        ? `The area under your curve is ${area(p.aucNgHPerMl)}, ${answer}'s ${area(s.aucNgHPerMl)} and the reference's ${area(r.aucNgHPerMl)}: yours was ${how}.`
        : `The area under your curve is ${area(p.aucNgHPerMl)} against ${area(s.aucNgHPerMl)} for ${answer}: yours was ${how}, though ${answer}'s area is about the same as the reference's.`,
    );
  }
  return sentences.join(' ');
}

/** Names of the measures in the result's table. */
export const MEASURE_NAMES: Record<Measure, string> = {
  curve: 'Area between the curve and the simulation',
  area: 'Area under the curve',
  peak: 'Peak concentration',
  time: 'Time of peak',
};

/**
 * How much of a measure's change the prediction covered, for the result's table: "57 %" for a
 * measure the principle changes (or that it went the wrong way), and for one it leaves as it was,
 * whether the prediction kept it.
 */
export function shareText(part: MeasurePart): string {
  if (part.share === null)
    return part.error < CHANGED_AT
      ? 'No change to predict, and you kept it'
      : 'No change to predict, but yours moved it (this costs points)';
  if (part.share < 0) return 'None: further from the simulation than the reference';
  return `${Math.round(part.share * 100)} %`;
}
