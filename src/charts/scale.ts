/**
 * The chart core's scales: a linear and a log mapping from data to px, with round tick values.
 * The tick rules are the ones charts conventionally use (and d3-scale uses): steps of 1, 2 or 5
 * times a power of ten, chosen so that about `count` ticks fall in the domain; on a log axis, the
 * decades, or 1-9 times each decade when the axis spans fewer decades than `count`. A test
 * compares these ticks with d3-scale's over many random domains.
 *
 * They are written here rather than imported because d3-scale pulls in d3-interpolate, d3-color
 * and d3-format, about 9 KB gzip of the first page's JavaScript, for features no chart uses.
 */

export interface Scale {
  /** a value to px (on a clamped scale, values outside the domain go to the range's ends) */
  (value: number): number;
  readonly log: boolean;
  domain(): [number, number];
  range(): [number, number];
  /** px back to a value */
  invert(px: number): number;
  /** round values in the domain, about `count` of them */
  ticks(count: number): number[];
}

const ROOT50 = Math.sqrt(50);
const ROOT10 = Math.sqrt(10);
const ROOT2 = Math.SQRT2;

/**
 * The tick step for about `count` ticks over [start, stop], as a power of ten and a factor of 1, 2,
 * 5 or 10. A step below 1 is returned as its inverse (`per`: ticks per unit), so that tick values
 * are computed as i / per, which is exact for decimals (3 / 10 is 0.3; 3 * 0.1 is not).
 */
function stepFor(start: number, stop: number, count: number): { step: number; per: number } {
  const raw = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(raw));
  const rest = raw / 10 ** power;
  const factor = rest >= ROOT50 ? 10 : rest >= ROOT10 ? 5 : rest >= ROOT2 ? 2 : 1;
  if (power >= 0) return { step: factor * 10 ** power, per: 0 };
  return { step: 0, per: 10 ** -power / factor };
}

/** The first and last tick index of a step over [start, stop]. */
function tickRange(
  start: number,
  stop: number,
  count: number,
): { first: number; last: number; at: (i: number) => number } {
  const { step, per } = stepFor(start, stop, count);
  const at = per > 0 ? (i: number) => i / per : (i: number) => i * step;
  let first = Math.round(per > 0 ? start * per : start / step);
  let last = Math.round(per > 0 ? stop * per : stop / step);
  if (at(first) < start) first += 1;
  if (at(last) > stop) last -= 1;
  // Very few ticks asked for: try twice as many before giving none.
  if (last < first && count >= 0.5 && count < 2) return tickRange(start, stop, count * 2);
  return { first, last, at };
}

/** About `count` round values in [a, b] (either order; returned in the same order). */
export function linearTicks(a: number, b: number, count: number): number[] {
  if (!(count > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return [];
  if (a === b) return [a];
  const [start, stop] = a < b ? [a, b] : [b, a];
  const { first, last, at } = tickRange(start, stop, count);
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return [];
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(at(i));
  return a < b ? out : out.reverse();
}

/**
 * The domain widened to whole tick steps (for about `count` ticks), repeated until the step stops
 * changing (widening can change the step once); a domain for which that does not happen within
 * ten rounds is returned as it was.
 */
export function niceDomain(a: number, b: number, count = 10): [number, number] {
  const reversed = b < a;
  let [start, stop] = reversed ? [b, a] : [a, b];
  let before = Number.NaN;
  for (let round = 0; round < 10 && start < stop; round++) {
    const { step, per } = stepFor(start, stop, count);
    const size = per > 0 ? 1 / per : step;
    if (size === before) return reversed ? [stop, start] : [start, stop];
    if (!Number.isFinite(size) || size <= 0) break;
    before = size;
    if (per > 0) {
      start = Math.floor(start * per) / per;
      stop = Math.ceil(stop * per) / per;
    } else {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    }
  }
  return [a, b];
}

/** 10^k, exact for whole k (1e-3 is 0.001; 10 ** -3 is 0.0010000000000000002). */
const decade = (k: number): number => Number(`1e${k}`);

/** Round values on a log axis over [a, b] (both > 0): decades, or 1-9 times each decade. */
export function logTicks(a: number, b: number, count: number): number[] {
  if (!(a > 0) || !(b > 0) || !(count > 0)) return [];
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const e0 = Math.log10(lo);
  const e1 = Math.log10(hi);
  let out: number[] = [];
  if (e1 - e0 < count) {
    for (let k = Math.floor(e0); k <= Math.ceil(e1); k++) {
      for (let m = 1; m < 10; m++) {
        const v = k < 0 ? m / decade(-k) : m * decade(k);
        if (v >= lo && v <= hi) out.push(v);
      }
    }
    // Less than half a decade: round linear values read better.
    if (out.length * 2 < count) out = linearTicks(lo, hi, count);
  } else {
    out = linearTicks(e0, e1, Math.min(e1 - e0, count)).map(decade);
  }
  return a < b ? out : out.reverse();
}

interface ScaleOptions {
  /** keep mapped values inside the range */
  clamp?: boolean;
}

function makeScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  log: boolean,
  { clamp = false }: ScaleOptions,
): Scale {
  const fwd = log ? Math.log : (v: number) => v;
  const back = log ? Math.exp : (v: number) => v;
  const [d0, d1] = [fwd(domain[0]), fwd(domain[1])];
  const [r0, r1] = range;
  const width = d1 - d0;
  const scale = (value: number): number => {
    // A zero-width domain maps to the middle of the range.
    let t = width === 0 ? 0.5 : (fwd(value) - d0) / width;
    if (clamp) t = Math.min(1, Math.max(0, t));
    return r0 * (1 - t) + r1 * t;
  };
  return Object.assign(scale, {
    log,
    domain: (): [number, number] => [domain[0], domain[1]],
    range: (): [number, number] => [r0, r1],
    invert: (px: number) => back(r1 === r0 ? d0 : d0 + ((px - r0) / (r1 - r0)) * width),
    ticks: (count: number) =>
      log ? logTicks(domain[0], domain[1], count) : linearTicks(domain[0], domain[1], count),
  });
}

export interface LinearOptions extends ScaleOptions {
  /** widen the domain to round tick values first */
  nice?: boolean;
}

export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  options: LinearOptions = {},
): Scale {
  const d = options.nice ? niceDomain(domain[0], domain[1]) : domain;
  return makeScale(d, range, false, options);
}

/** A log scale; its domain must be > 0 at both ends. */
export function logScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  options: ScaleOptions = {},
): Scale {
  return makeScale(domain, range, true, options);
}
