/**
 * High-precision reference solution of x' = A x + b(t), x(0) = 0, for the benchmark, in decimal.js
 * (50 significant digits by default), independent of the engine's solver.
 *
 * Every double (rate constants, amounts, rates, times) is converted to Decimal exactly from its
 * binary mantissa and exponent, so the reference solves the very problem the engine is given.
 * Over each constant-input interval of length h the state advances exactly:
 *   x <- E x + G b, with [[E, G], [0, I]] = exp([[A, I], [0, 0]] h)
 * (Van Loan's augmented matrix). The exponential is computed by scaling and squaring (1-norm of
 * the scaled matrix <= 1/2) with a Taylor series summed until its terms fall below
 * 10^-(precision + 5). Intervals of equal length share one exponential, so a long grid costs n^2
 * Decimal multiply-adds per step.
 */
import { Decimal } from 'decimal.js';
import type { Matrix } from '../src/engine/linalg';
import type { StateInput } from '../src/engine/types';
import { buildSchedule } from './schedule';

type DMatrix = Decimal[][];

/** Decimal arithmetic at one precision, with the constants it needs. */
class Arith {
  readonly D: Decimal.Constructor;
  readonly zero: Decimal;
  readonly one: Decimal;
  readonly stop: Decimal;
  private pow2Cache = new Map<number, Decimal>();

  constructor(readonly precision: number) {
    this.D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN });
    this.zero = new this.D(0);
    this.one = new this.D(1);
    this.stop = new this.D(`1e-${precision + 5}`);
  }

  pow2(e: number): Decimal {
    let p = this.pow2Cache.get(e);
    if (!p) {
      p = new this.D(2).pow(e);
      this.pow2Cache.set(e, p);
    }
    return p;
  }

  /** The exact value of a double (rounded only at `precision` digits for long binary fractions). */
  exact(x: number): Decimal {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    if (x === 0) return this.zero;
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const bits = view.getBigUint64(0);
    const biased = Number((bits >> 52n) & 0x7ffn);
    const fraction = bits & ((1n << 52n) - 1n);
    const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
    const exponent = biased === 0 ? -1074 : biased - 1075;
    const v = new this.D(mantissa.toString()).times(this.pow2(exponent));
    return bits >> 63n === 1n ? v.neg() : v;
  }

  identity(n: number): DMatrix {
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? this.one : this.zero)),
    );
  }

  multiply(a: DMatrix, b: DMatrix): DMatrix {
    const n = a.length;
    const out: DMatrix = Array.from({ length: n }, () => new Array<Decimal>(n).fill(this.zero));
    for (let i = 0; i < n; i++) {
      const ai = a[i]!;
      const oi = out[i]!;
      for (let k = 0; k < n; k++) {
        const aik = ai[k]!;
        if (aik.isZero()) continue;
        const bk = b[k]!;
        for (let j = 0; j < n; j++) {
          const bkj = bk[j]!;
          if (!bkj.isZero()) oi[j] = oi[j]!.plus(aik.times(bkj));
        }
      }
    }
    return out;
  }

  /** e^M by scaling and squaring with a Taylor series. */
  expm(M: DMatrix): DMatrix {
    const n = M.length;
    let norm = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(M[i]![j]!.toNumber());
      norm = Math.max(norm, s);
    }
    const squarings = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
    const scale = this.pow2(-squarings);
    const S = M.map((row) => row.map((v) => v.times(scale)));
    let sum = this.identity(n);
    let term = this.identity(n);
    for (let k = 1; ; k++) {
      if (k > 500) throw new Error('Taylor series did not converge');
      const kD = new this.D(k);
      term = this.multiply(term, S).map((row) => row.map((v) => v.div(kD)));
      let largest = this.zero;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const t = term[i]![j]!;
          sum[i]![j] = sum[i]![j]!.plus(t);
          if (t.abs().gt(largest)) largest = t.abs();
        }
      }
      if (largest.lt(this.stop)) break;
    }
    for (let s = 0; s < squarings; s++) sum = this.multiply(sum, sum);
    return sum;
  }

  /** E = e^(A h) and G = integral_0^h e^(A s) ds, from the augmented exponential. */
  stepMatrices(A: DMatrix, h: Decimal): { E: DMatrix; G: DMatrix } {
    const n = A.length;
    const M: DMatrix = Array.from({ length: 2 * n }, () =>
      new Array<Decimal>(2 * n).fill(this.zero),
    );
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) M[i]![j] = A[i]![j]!.times(h);
      M[i]![n + i] = h;
    }
    const X = this.expm(M);
    return {
      E: X.slice(0, n).map((row) => row.slice(0, n)),
      G: X.slice(0, n).map((row) => row.slice(n, 2 * n)),
    };
  }
}

export interface ReferenceSolution {
  /** per state, the value at each grid point, in Decimal */
  decimal: Decimal[][];
  /** the same, rounded to the nearest double */
  states: Float64Array[];
  /** number of distinct step lengths (matrix exponentials computed) */
  exponentials: number;
  /** number of breakpoints stepped through */
  breakpoints: number;
}

export function referenceSolution(
  A: Matrix,
  stateIds: readonly string[],
  inputs: readonly StateInput[],
  grid: ArrayLike<number>,
  precision = 50,
): ReferenceSolution {
  const ar = new Arith(precision);
  const n = A.n;
  const sched = buildSchedule(stateIds, inputs, grid);
  const AD: DMatrix = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => ar.exact(A.data[i * n + j]!)),
  );
  const timesD = sched.times.map((t) => ar.exact(t));
  const cache = new Map<string, { E: DMatrix; G: DMatrix }>();
  const decimal: Decimal[][] = Array.from({ length: n }, () =>
    new Array<Decimal>(grid.length).fill(ar.zero),
  );
  let x: Decimal[] = new Array<Decimal>(n).fill(ar.zero);
  const nb = sched.times.length;
  for (let k = 0; k < nb; k++) {
    for (const [s, amount] of sched.boluses[k]!) x[s] = x[s]!.plus(ar.exact(amount));
    const g = sched.gridIndex[k]!;
    if (g >= 0) for (let i = 0; i < n; i++) decimal[i]![g] = x[i]!;
    if (k === nb - 1) break;
    const h = timesD[k + 1]!.minus(timesD[k]!);
    const key = h.toString();
    let step = cache.get(key);
    if (!step) {
      step = ar.stepMatrices(AD, h);
      cache.set(key, step);
    }
    const rate = sched.rates[k];
    const b = rate ? Array.from(rate, (r) => ar.exact(r)) : null;
    const next = new Array<Decimal>(n);
    for (let i = 0; i < n; i++) {
      const Ei = step.E[i]!;
      let s = ar.zero;
      for (let j = 0; j < n; j++) {
        if (!x[j]!.isZero() && !Ei[j]!.isZero()) s = s.plus(Ei[j]!.times(x[j]!));
      }
      if (b) {
        const Gi = step.G[i]!;
        for (let j = 0; j < n; j++) if (!b[j]!.isZero()) s = s.plus(Gi[j]!.times(b[j]!));
      }
      next[i] = s;
    }
    x = next;
  }
  const states = decimal.map((col) => Float64Array.from(col, (v) => v.toNumber()));
  return { decimal, states, exponentials: cache.size, breakpoints: nb };
}

/**
 * Largest difference between two reference solutions relative to each state's peak, computed in
 * Decimal (to check the reference against one at a higher precision).
 */
export function referenceAgreement(a: ReferenceSolution, b: ReferenceSolution): number {
  let worst = 0;
  a.decimal.forEach((col, i) => {
    const other = b.decimal[i]!;
    let peak = col[0]!.abs();
    let diff = col[0]!.minus(other[0]!).abs();
    for (let k = 1; k < col.length; k++) {
      if (col[k]!.abs().gt(peak)) peak = col[k]!.abs();
      const d = col[k]!.minus(other[k]!).abs();
      if (d.gt(diff)) diff = d;
    }
    if (!peak.isZero()) worst = Math.max(worst, diff.div(peak).toNumber());
  });
  return worst;
}
