/** Pure helpers for the charts: decimation, lookup at a time, and time-axis formatting. */

/**
 * At most about 2 points per pixel: for each two-pixel column keep the first, min, max and last
 * point, so peaks survive. Returns indices into t (ascending), restricted to [t0, t1].
 */
export function decimate(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  t0: number,
  t1: number,
  pixels: number,
): number[] {
  let lo = 0;
  while (lo < t.length && t[lo]! < t0) lo++;
  let hi = t.length - 1;
  while (hi > 0 && t[hi]! > t1) hi--;
  if (lo > 0) lo--;
  if (hi < t.length - 1) hi++;
  const n = hi - lo + 1;
  if (n <= pixels) return Array.from({ length: Math.max(0, n) }, (_, i) => lo + i);
  // Buckets two pixels wide, so at most about two points per pixel.
  const out: number[] = [];
  const width = (2 * (t1 - t0)) / pixels;
  let i = lo;
  while (i <= hi) {
    const bucket = Math.floor((t[i]! - t0) / width);
    const first = i;
    let min = i;
    let max = i;
    let last = i;
    while (i <= hi && Math.floor((t[i]! - t0) / width) === bucket) {
      if (y[i]! < y[min]!) min = i;
      if (y[i]! > y[max]!) max = i;
      last = i;
      i++;
    }
    for (const k of [...new Set([first, min, max, last])].sort((a, b) => a - b)) out.push(k);
  }
  return out;
}

/** Value at time tt by linear interpolation (t ascending); NaN outside the range. */
export function valueAt(t: ArrayLike<number>, y: ArrayLike<number>, tt: number): number {
  if (t.length === 0 || tt < t[0]! || tt > t[t.length - 1]!) return Number.NaN;
  let lo = 0;
  let hi = t.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! <= tt) lo = mid;
    else hi = mid;
  }
  if (t[hi] === t[lo]) return y[lo]!;
  return y[lo]! + ((y[hi]! - y[lo]!) * (tt - t[lo]!)) / (t[hi]! - t[lo]!);
}

export type TimeUnit = 'min' | 'h' | 'd';

/** The unit a time axis reads in, from its span in minutes. */
export function timeUnitFor(spanMin: number): TimeUnit {
  return spanMin <= 6 * 60 ? 'min' : spanMin <= 3 * 24 * 60 ? 'h' : 'd';
}

export const MIN_PER: Record<TimeUnit, number> = { min: 1, h: 60, d: 1440 };

/** A time in minutes as text in the axis unit, e.g. "2.5 h". */
export function formatTime(min: number, unit: TimeUnit): string {
  const v = min / MIN_PER[unit];
  const text = Number.isInteger(v) ? String(v) : v.toFixed(unit === 'min' ? 0 : 1);
  return `${text} ${unit === 'min' ? 'min' : unit === 'h' ? 'h' : 'days'}`;
}

/** A concentration with 3 significant digits (or "0"). */
export function formatConc(v: number): string {
  if (!Number.isFinite(v)) return '-';
  if (v === 0) return '0';
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
}

/**
 * An SVG path through the points (x, y) given by index, in pixels rounded to 0.1 px; points where
 * `defined` is false break the line.
 */
export function linePath(
  idx: readonly number[],
  x: (i: number) => number,
  y: (i: number) => number,
  defined: (i: number) => boolean = () => true,
): string {
  let d = '';
  let pen = false;
  for (const i of idx) {
    if (!defined(i)) {
      pen = false;
      continue;
    }
    d += (pen ? 'L' : 'M') + Math.round(x(i) * 10) / 10 + ',' + Math.round(y(i) * 10) / 10;
    pen = true;
  }
  return d;
}
