/**
 * Exact discretisation of a linear time-invariant system x' = A x + b, with b constant over a
 * step: x(t + h) = E(h) x(t) + G(h) b, where E(h) = e^(A h) and G(h) = integral_0^h e^(A s) ds.
 * Both come from one matrix exponential of the block matrix [[A, I], [0, 0]] h (Van Loan, IEEE
 * Trans Automat Contr 1978;23:395-404), so no step-size error enters anywhere.
 */
import { expm, zeros, type Matrix } from './linalg';

export interface StepMatrices {
  /** step length, min */
  h: number;
  /** e^(A h) */
  E: Matrix;
  /** integral of e^(A s) ds over [0, h] */
  G: Matrix;
}

export function stepMatrices(A: Matrix, h: number): StepMatrices {
  if (!(h >= 0) || !Number.isFinite(h))
    throw new RangeError(`Step length must be >= 0 min, got ${h}`);
  const n = A.n;
  const big = zeros(2 * n);
  const N = 2 * n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) big.data[i * N + j] = A.data[i * n + j]! * h;
    big.data[i * N + n + i] = h;
  }
  const ex = expm(big);
  const E = zeros(n);
  const G = zeros(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      E.data[i * n + j] = ex.data[i * N + j]!;
      G.data[i * n + j] = ex.data[i * N + n + j]!;
    }
  }
  return { h, E, G };
}

/**
 * Step matrices for one system, cached by step length. Lengths that differ by less than 1e-9 min
 * share an entry (the cost is a relative error below 1e-10 for rate constants under 0.1 /min),
 * so float noise in event times does not force a new exponential at every event.
 */
export class Discretizer {
  private cache = new Map<number, StepMatrices>();
  constructor(readonly A: Matrix) {}

  get(h: number): StepMatrices {
    const key = Math.round(h * 1e9);
    let hit = this.cache.get(key);
    if (!hit) {
      if (this.cache.size > 256) this.cache.clear();
      hit = stepMatrices(this.A, h);
      this.cache.set(key, hit);
    }
    return hit;
  }
}
