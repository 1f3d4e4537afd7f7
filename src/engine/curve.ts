/**
 * Curve analysis, one definition for the whole app: a curve is a column of values `y` at ascending
 * times `t` (min). Between grid points every function here assumes a straight line (linear
 * interpolation); none extrapolates beyond the data unless its name says so.
 *
 * - valueAt: the value at a time, NaN outside the data (a chart's cursor past the curve shows
 *   nothing rather than a made-up value).
 * - valueAtClamped: the value at a time, the end values outside the data (scoring a prediction
 *   drawn slightly past the simulated grid).
 * - maxOf, firstPeakIndex: the highest value, and where the first peak is (the first-peak rule).
 * - aucNgHPerMl: the area under the curve by trapezoids, ng h/mL for y in ng/mL, up to a time.
 * - halfLifeH: the half-life, h, of the fall between two times, NaN when the curve does not fall.
 * - minutesAtOrAbove: the time at or above a level, min, with interpolated crossings.
 * - fallsBelowAt: when the curve first drops below a level at or after a time, min (interpolated),
 *   NaN when it stays at or above it to the end of the data.
 */

/** Index lo of the grid interval [t[lo], t[lo+1]] holding tt (t ascending, tt inside the data). */
function bracket(t: ArrayLike<number>, tt: number): number {
  let lo = 0;
  let hi = t.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! <= tt) lo = mid;
    else hi = mid;
  }
  return lo;
}

function between(t: ArrayLike<number>, y: ArrayLike<number>, tt: number): number {
  const lo = bracket(t, tt);
  const hi = Math.min(lo + 1, t.length - 1);
  const dt = t[hi]! - t[lo]!;
  return dt === 0 ? y[lo]! : y[lo]! + ((y[hi]! - y[lo]!) * (tt - t[lo]!)) / dt;
}

/** The value at time tt by linear interpolation; NaN outside [t[0], t[last]] or for no data. */
export function valueAt(t: ArrayLike<number>, y: ArrayLike<number>, tt: number): number {
  if (t.length === 0 || !(tt >= t[0]!) || !(tt <= t[t.length - 1]!)) return Number.NaN;
  return between(t, y, tt);
}

/** The value at time tt by linear interpolation; the first or last value outside the data. */
export function valueAtClamped(t: ArrayLike<number>, y: ArrayLike<number>, tt: number): number {
  const n = t.length;
  if (n === 0) return Number.NaN;
  if (tt <= t[0]!) return y[0]!;
  if (tt >= t[n - 1]!) return y[n - 1]!;
  return between(t, y, tt);
}

/** The highest value of a column, or 0 when it is empty or never positive. */
export function maxOf(y: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < y.length; i++) if (y[i]! > max) max = y[i]!;
  return max;
}

/**
 * The first-peak rule: Tmax is the time of the earliest local peak that comes within this fraction
 * of the overall highest concentration. In a course of identical sessions each later peak is a
 * little higher (a small carry-over from earlier sessions), so the highest point alone would name
 * the last session; a reader expects the first. A later session that is clearly higher (a larger
 * dose) still counts: its peak is more than 2 % above the first. A choice of this simulator.
 */
export const FIRST_PEAK_TOLERANCE = 0.02;

/**
 * Index of the first peak: the earliest point that is a local maximum (not lower than either
 * neighbour; a plateau counts at its start) and within FIRST_PEAK_TOLERANCE of the overall maximum.
 * 0 for an empty or all-zero column.
 */
export function firstPeakIndex(c: ArrayLike<number>): number {
  const max = maxOf(c);
  if (!(max > 0)) return 0;
  const floor = max * (1 - FIRST_PEAK_TOLERANCE);
  for (let i = 0; i < c.length; i++) {
    const v = c[i]!;
    if (v < floor) continue;
    const before = i > 0 ? c[i - 1]! : -Infinity;
    if (v < before) continue;
    // Walk over a plateau to see whether it is followed by a rise (then it is not a peak).
    let j = i + 1;
    while (j < c.length && c[j]! === v) j++;
    if (j >= c.length || c[j]! < v) return i;
  }
  return 0;
}

/**
 * Area under the curve from its first time to `untilMin` (default: its end) by trapezoids, with
 * the last trapezoid cut at `untilMin`; ng h/mL when y is in ng/mL and t in min.
 */
export function aucNgHPerMl(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  untilMin = Number.POSITIVE_INFINITY,
): number {
  let area = 0;
  for (let i = 1; i < t.length; i++) {
    const t0 = t[i - 1]!;
    if (t0 >= untilMin) break;
    const t1 = t[i]!;
    const y0 = y[i - 1]!;
    const end = Math.min(t1, untilMin);
    const yEnd = end === t1 ? y[i]! : y0 + ((y[i]! - y0) * (end - t0)) / (t1 - t0);
    area += ((end - t0) * (y0 + yEnd)) / 2;
  }
  return area / 60;
}

/**
 * The half-life, h, of the fall between two times (log-linear between the two interpolated
 * values); NaN when the curve does not fall between them.
 */
export function halfLifeH(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  t0Min: number,
  t1Min: number,
) {
  const c0 = valueAtClamped(t, y, t0Min);
  const c1 = valueAtClamped(t, y, t1Min);
  return c1 > 0 && c0 > c1 ? ((t1Min - t0Min) / 60) * (Math.LN2 / Math.log(c0 / c1)) : Number.NaN;
}

/** Time at or above a level, min, with the crossings between grid points interpolated. */
export function minutesAtOrAbove(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  level: number,
): number {
  let above = 0;
  for (let i = 1; i < y.length; i++) {
    const t0 = t[i - 1]!;
    const t1 = t[i]!;
    const y0 = y[i - 1]!;
    const y1 = y[i]!;
    const a0 = y0 >= level;
    const a1 = y1 >= level;
    if (a0 && a1) above += t1 - t0;
    else if (a0 !== a1) {
      const cross = t0 + ((level - y0) * (t1 - t0)) / (y1 - y0);
      above += a0 ? cross - t0 : t1 - cross;
    }
  }
  return above;
}

/**
 * The first time at or after `fromMin` at which the curve is below `level`, min, with the crossing
 * between grid points interpolated: `fromMin` itself when it is already below there, NaN when it
 * stays at or above the level to the end of the data (or `fromMin` is outside the data).
 */
export function fallsBelowAt(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  level: number,
  fromMin: number,
): number {
  const start = valueAt(t, y, fromMin);
  if (Number.isNaN(start)) return Number.NaN;
  if (start < level) return fromMin;
  for (let i = bracket(t, fromMin) + 1; i < t.length; i++) {
    const y1 = y[i]!;
    if (y1 >= level) continue;
    const t0 = Math.max(t[i - 1]!, fromMin);
    const y0 = valueAt(t, y, t0);
    return t0 + ((level - y0) * (t[i]! - t0)) / (y1 - y0);
  }
  return Number.NaN;
}
