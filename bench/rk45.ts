/**
 * The comparison solver: mathjs `solveODE` (Dormand-Prince RK5(4), method 'RK45') on the same
 * linear system and piecewise-constant inputs, integrated interval by interval between the same
 * breakpoints as the reference (output grid plus event times), restarting at each breakpoint and
 * adding boluses as jumps there.
 *
 * mathjs has a single tolerance `tol`, compared with the max-norm of the embedded error estimate
 * sum_i (b_i - b*_i) k_i (an error per unit time: not multiplied by the step h). To make it a
 * relative tolerance, the solver integrates scaled states u_i = x_i / s_i, with s_i the state's
 * peak magnitude (given by the caller): tol = 1e-8 then bounds the estimated error per minute by
 * 1e-8 of each state's peak, and since no interval here is longer than the 1-min grid step, the
 * error per accepted step by at most that too.
 */
import { solveODE } from 'mathjs';
import type { Matrix } from '../src/engine/linalg';
import type { StateInput } from '../src/engine/types';
import { buildSchedule } from './schedule';

// mathjs 15.2.0 implements solveODE but its type declarations omit it.
declare module 'mathjs' {
  export function solveODE(
    f: (t: number, y: number[]) => number[],
    tspan: [number, number],
    y0: number[],
    options?: {
      method?: 'RK23' | 'RK45';
      tol?: number;
      firstStep?: number;
      minStep?: number;
      maxStep?: number;
      minDelta?: number;
      maxDelta?: number;
      maxIter?: number;
    },
  ): { t: number[]; y: number[][] };
}

export interface Rk45Result {
  /** per state, the value at each grid point */
  states: Float64Array[];
  /** accepted steps over the whole run */
  steps: number;
  /** right-hand-side evaluations over the whole run */
  evaluations: number;
}

export function solveRk45(
  A: Matrix,
  stateIds: readonly string[],
  inputs: readonly StateInput[],
  grid: ArrayLike<number>,
  scale: readonly number[],
  tol: number,
): Rk45Result {
  const n = A.n;
  const sched = buildSchedule(stateIds, inputs, grid);
  // Scaled system: u' = S^-1 A S u + S^-1 b.
  const As = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) As[i * n + j] = (A.data[i * n + j]! * scale[j]!) / scale[i]!;
  const bs = new Float64Array(n);
  let evaluations = 0;
  const f = (_t: number, u: number[]): number[] => {
    evaluations++;
    const du = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      let s = bs[i]!;
      for (let j = 0; j < n; j++) s += As[i * n + j]! * u[j]!;
      du[i] = s;
    }
    return du;
  };
  const states = Array.from({ length: n }, () => new Float64Array(grid.length));
  let u = new Array<number>(n).fill(0);
  let steps = 0;
  const nb = sched.times.length;
  for (let k = 0; k < nb; k++) {
    for (const [s, amount] of sched.boluses[k]!) u[s]! += amount / scale[s]!;
    const g = sched.gridIndex[k]!;
    if (g >= 0) for (let i = 0; i < n; i++) states[i]![g] = u[i]! * scale[i]!;
    if (k === nb - 1) break;
    const rate = sched.rates[k];
    for (let i = 0; i < n; i++) bs[i] = rate ? rate[i]! / scale[i]! : 0;
    const sol = solveODE(f, [sched.times[k]!, sched.times[k + 1]!], u, { method: 'RK45', tol });
    steps += sol.t.length - 1;
    u = sol.y[sol.y.length - 1]!;
  }
  return { states, steps, evaluations };
}
