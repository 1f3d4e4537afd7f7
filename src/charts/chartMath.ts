/**
 * Pure helpers for the charts: path building and time-axis formatting. (The value at a time, like
 * all curve analysis, is in src/engine/curve.ts.)
 */

export type TimeUnit = 'min' | 'h' | 'd';

/** The unit a time axis reads in, from its span in minutes. */
export function timeUnitFor(spanMin: number): TimeUnit {
  return spanMin <= 6 * 60 ? 'min' : spanMin <= 3 * 24 * 60 ? 'h' : 'd';
}

export const MIN_PER: Record<TimeUnit, number> = { min: 1, h: 60, d: 1440 };

/** The word of a unit on an axis: "min", "h" or "days". */
export function unitWord(unit: TimeUnit): string {
  return unit === 'd' ? 'days' : unit;
}

/** A time in minutes as text in the axis unit, e.g. "2.5 h". */
export function formatTime(min: number, unit: TimeUnit): string {
  const v = min / MIN_PER[unit];
  const text = Number.isInteger(v) ? String(v) : v.toFixed(unit === 'min' ? 0 : 1);
  return `${text} ${unitWord(unit)}`;
}

/** A time in minutes for reading: "40 min", "1.7 h", "2.0 days". */
export function formatMinutes(min: number): string {
  const a = Math.abs(min);
  if (a < 120) return `${Math.round(min)} min`;
  if (a < 48 * 60) return `${(min / 60).toFixed(1)} h`;
  return `${(min / 1440).toFixed(1)} days`;
}

/** A concentration with 3 significant digits (or "0"). */
export function formatConc(v: number): string {
  if (!Number.isFinite(v)) return '-';
  if (v === 0) return '0';
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3);
}

/**
 * A pixel mapping of one axis: px = a * v + b on a linear axis, px = a * ln(v) + b on a log axis
 * (clamped to [lo, hi] there, as a clamped log scale does). Used instead of calling a scale per
 * point when a curve of thousands of points is redrawn under a slider.
 */
export interface AxisMap {
  a: number;
  b: number;
  log: boolean;
  lo: number;
  hi: number;
}

/** The AxisMap of a linear or log scale from its domain and range (what scale.ts computes). */
export function axisMap(
  domain: readonly [number, number],
  range: readonly [number, number],
  log = false,
): AxisMap {
  const d0 = log ? Math.log(domain[0]) : domain[0];
  const d1 = log ? Math.log(domain[1]) : domain[1];
  const a = d1 === d0 ? 0 : (range[1] - range[0]) / (d1 - d0);
  return {
    a,
    b: range[0] - a * d0,
    log,
    lo: Math.min(range[0], range[1]),
    hi: Math.max(range[0], range[1]),
  };
}

// Work buffers of runPoints, grown as needed and reused (a curve is redrawn per slider step).
let bufX = new Float64Array(0);
let bufY = new Float64Array(0);
let keep = new Uint8Array(0);
let stack = new Int32Array(0);
function ensure(n: number) {
  if (bufX.length >= n) return;
  const size = Math.max(n, 2 * bufX.length, 1024);
  bufX = new Float64Array(size);
  bufY = new Float64Array(size);
  keep = new Uint8Array(size);
  stack = new Int32Array(2 * size);
}

/** Indices [lo, hi] of the points in the window [t0, t1] (t ascending), one more either side. */
function windowOf(t: ArrayLike<number>, t0: number, t1: number): [number, number] {
  let lo = 0;
  while (lo < t.length && t[lo]! < t0) lo++;
  let hi = t.length - 1;
  while (hi > 0 && t[hi]! > t1) hi--;
  if (lo > 0) lo--;
  if (hi < t.length - 1) hi++;
  return [lo, hi];
}

/** Whether a value has a position on the axis (not NaN; on a log axis, also > 0). */
const placeable = (v: number, log: boolean) => (log ? v > 0 : v === v);

/**
 * Pixel points (x0, y0, x1, y1, ...) of the curve through points from..to (all placeable):
 * - within each one-pixel column only the first, lowest, highest and last points are kept, so
 *   peaks survive and the work is bounded by the chart's width, not the data's length;
 * - then points that lie within `tolerance` px of the line through their neighbours are dropped
 *   (Ramer-Douglas-Peucker), so a smooth curve needs a few hundred points, not thousands.
 * The line through the result is never more than `tolerance` px from the data's polyline.
 */
function runPoints(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  from: number,
  to: number,
  xMap: AxisMap,
  yMap: AxisMap,
  tolerance: number,
): number[] {
  ensure(to - from + 1);
  const { a: xa, b: xb } = xMap;
  const { a: ya, b: yb, log, lo: ylo, hi: yhi } = yMap;
  let n = 0;
  const push = (px: number, py: number) => {
    if (n > 0 && bufX[n - 1] === px && bufY[n - 1] === py) return;
    bufX[n] = px;
    bufY[n] = py;
    n++;
  };
  // the current pixel column: its first, lowest, highest and last point
  let col = Number.NaN;
  let fx = 0,
    fy = 0,
    minX = 0,
    minY = 0,
    maxX = 0,
    maxY = 0,
    lx = 0,
    ly = 0,
    minFirst = true;
  const flushColumn = () => {
    push(fx, fy);
    if (minFirst) {
      push(minX, minY);
      push(maxX, maxY);
    } else {
      push(maxX, maxY);
      push(minX, minY);
    }
    push(lx, ly);
  };
  for (let i = from; i <= to; i++) {
    const v = y[i]!;
    const px = xa * t[i]! + xb;
    let py = ya * (log ? Math.log(v) : v) + yb;
    if (log) py = py < ylo ? ylo : py > yhi ? yhi : py;
    const c = Math.floor(px);
    if (c !== col) {
      if (col === col) flushColumn();
      col = c;
      fx = minX = maxX = lx = px;
      fy = minY = maxY = ly = py;
      minFirst = true;
      continue;
    }
    if (py < minY) {
      minX = px;
      minY = py;
      minFirst = false;
    }
    if (py > maxY) {
      maxX = px;
      maxY = py;
      minFirst = true;
    }
    lx = px;
    ly = py;
  }
  if (col === col) flushColumn();
  simplify(n, tolerance);
  const out: number[] = [];
  for (let k = 0; k < n; k++) if (keep[k]) out.push(bufX[k]!, bufY[k]!);
  return out;
}

/** Ramer-Douglas-Peucker over bufX/bufY[0, n): marks in `keep` the points to draw. */
function simplify(n: number, tolerance: number): void {
  keep.fill(0, 0, n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  let top = 0;
  if (n > 2) {
    stack[top++] = 0;
    stack[top++] = n - 1;
  }
  while (top > 0) {
    const j = stack[--top]!;
    const i = stack[--top]!;
    const ax = bufX[i]!;
    const ay = bufY[i]!;
    const dx = bufX[j]! - ax;
    const dy = bufY[j]! - ay;
    const len2 = dx * dx + dy * dy;
    let worst = 0;
    let at = -1;
    for (let k = i + 1; k < j; k++) {
      const ex = bufX[k]! - ax;
      const ey = bufY[k]! - ay;
      // squared distance from the segment i-j
      let dist2: number;
      const u = len2 === 0 ? 0 : (ex * dx + ey * dy) / len2;
      if (u <= 0) dist2 = ex * ex + ey * ey;
      else if (u >= 1) {
        const fx = bufX[k]! - bufX[j]!;
        const fy = bufY[k]! - bufY[j]!;
        dist2 = fx * fx + fy * fy;
      } else {
        const cross = ex * dy - ey * dx;
        dist2 = (cross * cross) / len2;
      }
      if (dist2 > worst) {
        worst = dist2;
        at = k;
      }
    }
    if (at >= 0 && worst > tol2) {
      keep[at] = 1;
      if (at - i > 1) {
        stack[top++] = i;
        stack[top++] = at;
      }
      if (j - at > 1) {
        stack[top++] = at;
        stack[top++] = j;
      }
    }
  }
}

const r10 = (v: number) => Math.round(v * 10) / 10;

/** Path text through points (x0, y0, x1, y1, ...), starting with `first`, optionally backwards. */
function pointsText(p: readonly number[], first: 'M' | 'L', reverse = false): string {
  let d = '';
  const m = p.length / 2;
  for (let q = 0; q < m; q++) {
    const k = reverse ? m - 1 - q : q;
    d += (q === 0 ? first : 'L') + r10(p[2 * k]!) + ',' + r10(p[2 * k + 1]!);
  }
  return d;
}

/**
 * Calls run(from, to) for each stretch of [lo, hi] where `a` (and `b`, when given) have a position
 * (on a log axis, values <= 0 have none; NaN never has).
 */
function eachRun(
  lo: number,
  hi: number,
  a: ArrayLike<number>,
  b: ArrayLike<number> | null,
  log: boolean,
  run: (from: number, to: number) => void,
) {
  let start = -1;
  for (let i = lo; i <= hi; i++) {
    const ok = placeable(a[i]!, log) && (b === null || placeable(b[i]!, log));
    if (ok && start < 0) start = i;
    else if (!ok && start >= 0) {
      run(start, i - 1);
      start = -1;
    }
  }
  if (start >= 0) run(start, hi);
}

/** Where a path is drawn: the time window [t0, t1], both axes' mappings, and how closely. */
export interface PathWindow {
  t0: number;
  t1: number;
  xMap: AxisMap;
  yMap: AxisMap;
  /** the largest distance of the drawn line from the data, px (0.25 by default) */
  tolerance?: number;
}

/**
 * The SVG path of a curve (t ascending) over the window [t0, t1], in pixels rounded to 0.1 px:
 * points outside the window are dropped, except one on either side so the line reaches the edges;
 * values with no position (NaN; on a log axis, also values <= 0) break the line; within that, the
 * line is simplified (see runPoints) and never more than `tolerance` px from the data.
 */
export function curvePath(t: ArrayLike<number>, y: ArrayLike<number>, win: PathWindow): string {
  const { xMap, yMap, tolerance = 0.25 } = win;
  const [lo, hi] = windowOf(t, win.t0, win.t1);
  let d = '';
  eachRun(lo, hi, y, null, yMap.log, (from, to) => {
    d += pointsText(runPoints(t, y, from, to, xMap, yMap, tolerance), 'M');
  });
  return d;
}

/**
 * The SVG path of the area between two curves on the same times (a band): for each stretch where
 * both have a position, along the upper curve, back along the lower one, closed. Simplified as
 * curvePath is, each edge within `tolerance` px.
 */
export function areaPath(
  t: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  win: PathWindow,
): string {
  const { xMap, yMap, tolerance = 0.25 } = win;
  const [lo, hi] = windowOf(t, win.t0, win.t1);
  let d = '';
  eachRun(lo, hi, lower, upper, yMap.log, (from, to) => {
    const top = runPoints(t, upper, from, to, xMap, yMap, tolerance);
    const bottom = runPoints(t, lower, from, to, xMap, yMap, tolerance);
    d += pointsText(top, 'M') + pointsText(bottom, 'L', true) + 'Z';
  });
  return d;
}
