/**
 * The exact solver: advances x' = A x + b(t) from one breakpoint to the next, where b is piecewise
 * constant (zero-order inputs) and x jumps at boluses. Breakpoints are the requested output times
 * and every event time (bolus, input start and end), so events fall exactly where they happen,
 * whatever the output grid.
 *
 * Two steppers give the same exact solution:
 * - dense: x <- E(h) x + G(h) b with E = e^(Ah), G = integral of e^(As) ds (lti.ts), n^2 per step;
 * - modal: per eigenmode z <- e^(lambda h) z + phi(h) beta (modal.ts), n per step plus the outputs.
 * 'auto' uses the modal stepper when the model has the compartmental structure it needs and its
 * reconstruction of e^(Ah) matches the dense exponential to 1e-11, else the dense one.
 */
import { Discretizer, type StepMatrices } from './lti';
import { expm, multiplyVector, type Matrix } from './linalg';
import { decompose, modalErrorBound, reconstructionError, type ModalDecomposition } from './modal';
import type { StateInput } from './types';

export interface LinearSystem {
  /** one id per state, in the order of A's rows */
  stateIds: readonly string[];
  /** rate matrix, 1/min */
  A: Matrix;
}

export interface StateTrajectory {
  /** output times, min (the requested ones, plus event times when asked for) */
  tMin: Float64Array;
  /**
   * Amounts, mg (or, for effect-site states, concentrations, mg/L), one array per state of the
   * system, aligned with tMin; states not asked for in `outputStates` are empty arrays.
   */
  states: Float64Array[];
  /** which stepper ran */
  method: 'dense' | 'modal';
}

export interface SimulateOptions {
  /** also report the state at every event time (dose start, stop); default false */
  includeEventTimes?: boolean;
  /** 'auto' (default), or force one stepper */
  method?: 'auto' | 'dense' | 'modal';
  /** indices of the states to report; default all */
  outputStates?: readonly number[];
  /** a factor per entry of outputStates applied to what is reported (e.g. 1000/V for ng/mL); default 1 */
  outputScale?: readonly number[];
  /** a plan made by makePlan for inputs at the same times (e.g. another patient, same regimen) */
  plan?: Plan;
  /** a modal decomposition already computed and checked for this A */
  modal?: ModalDecomposition;
}

let scratchBuffer = new Float64Array(0);
/**
 * A working buffer of at least `size` doubles, reused between calls (the solver is not
 * re-entrant, and the buffer never leaves it): a population of 1000 patients would otherwise
 * allocate and collect 1000 of them.
 */
function scratch(size: number): Float64Array {
  if (scratchBuffer.length < size) scratchBuffer = new Float64Array(size);
  return scratchBuffer.subarray(0, size);
}

/** y += sum of w * z over the terms, four terms per pass to cut loads and stores of y. */
function addWeighted(y: Float64Array, terms: readonly { w: number; z: Float64Array }[]): void {
  const len = y.length;
  let t = 0;
  for (; t + 3 < terms.length; t += 4) {
    const { w: w0, z: z0 } = terms[t]!;
    const { w: w1, z: z1 } = terms[t + 1]!;
    const { w: w2, z: z2 } = terms[t + 2]!;
    const { w: w3, z: z3 } = terms[t + 3]!;
    for (let k = 0; k < len; k++) y[k]! += w0 * z0[k]! + w1 * z1[k]! + w2 * z2[k]! + w3 * z3[k]!;
  }
  for (; t < terms.length; t++) {
    const { w, z } = terms[t]!;
    for (let k = 0; k < len; k++) y[k]! += w * z[k]!;
  }
}

/**
 * A modal sum carries rounding noise of about 1e-16 of its largest term, so values below
 * MODAL_RESOLUTION of a column's maximum are not resolved: they are set to exactly 0 rather than
 * shown as noise (e.g. 5e-15 ng/mL at the moment of a nasal dose, where the exact value is 0).
 */
export const MODAL_RESOLUTION = 1e-13;

function resolveNoise(y: Float64Array): void {
  let max = 0;
  for (let k = 0; k < y.length; k++) {
    const v = y[k]!;
    if (v > max) max = v;
    else if (-v > max) max = -v;
  }
  const floor = max * MODAL_RESOLUTION;
  for (let k = 0; k < y.length; k++) {
    const v = y[k]!;
    if (v < floor && v > -floor) y[k] = 0;
  }
}

/** Times closer than this are one breakpoint, min. */
const MERGE_TOLERANCE_MIN = 1e-9;
/** Largest accepted relative difference between the modal and the dense e^(Ah). */
export const MODAL_TOLERANCE = 1e-11;

/**
 * When things happen, independent of how much: breakpoints, which are reported, and which inputs
 * act at each. Patients given the same regimen share one plan; amounts are read from each
 * patient's own inputs.
 */
export interface Plan {
  n: number;
  breakpoints: number[];
  report: Uint8Array;
  nOut: number;
  /** output times, min */
  tOut: Float64Array;
  /** step length after each breakpoint, min (0 after the last) */
  hs: Float64Array;
  /** 1 where a mode's decay and gain must be recomputed (an input acts, or the step changes) */
  special: Uint8Array;
  /** indices of the bolus inputs applied on arrival at each breakpoint */
  bolusAt: (number[] | undefined)[];
  rateChange: Uint8Array;
  zeroOrder: { input: number; state: number; start: number; end: number }[];
  /** the state each input goes into */
  inputStates: Int32Array;
  /** the inputs' states and times, to check that a plan is used with matching inputs */
  signature: string;
}

function signatureOf(inputs: readonly StateInput[]): string {
  return inputs
    .map((i) =>
      i.kind === 'bolus'
        ? `b:${i.compartment}:${i.timeMin}`
        : `z:${i.compartment}:${i.startMin}:${i.endMin}`,
    )
    .join('|');
}

function mergeTimes(times: number[]): number[] {
  times.sort((a, b) => a - b);
  const out: number[] = [];
  for (const t of times)
    if (out.length === 0 || t - out[out.length - 1]! > MERGE_TOLERANCE_MIN) out.push(t);
  return out;
}

/**
 * Merges an ascending output grid with ascending event times (and 0), dropping near-duplicates;
 * marks the breakpoints that are output times.
 */
function mergeSorted(
  a: ArrayLike<number>,
  b: readonly number[],
): { times: number[]; isOutput: Uint8Array } {
  const times: number[] = [0];
  const isOutput = new Uint8Array(a.length + b.length + 1);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && a[i]! <= b[j]!);
    const t = fromA ? a[i++]! : b[j++]!;
    if (t - times[times.length - 1]! > MERGE_TOLERANCE_MIN) times.push(t);
    if (fromA) isOutput[times.length - 1] = 1;
  }
  return { times, isOutput: isOutput.subarray(0, times.length) };
}

/** Index of the merged breakpoint that t belongs to (t is within tolerance of one). */
function indexOf(sorted: number[], t: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t - MERGE_TOLERANCE_MIN) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Checks that every input names a state and has finite, non-negative amounts and times. */
function checkInputs(stateIndex: Map<string, number>, inputs: readonly StateInput[]): void {
  for (const inp of inputs) {
    if (!stateIndex.has(inp.compartment))
      throw new Error(`Input to unknown state "${inp.compartment}"`);
    if (inp.kind === 'bolus') {
      if (!Number.isFinite(inp.timeMin) || inp.timeMin < 0) {
        throw new RangeError(`Bolus time ${inp.timeMin} min is not >= 0`);
      }
      if (!Number.isFinite(inp.amountMg) || inp.amountMg < 0) {
        throw new RangeError(`Bolus amount ${inp.amountMg} mg is not >= 0`);
      }
    } else {
      if (!(inp.startMin >= 0) || !(inp.endMin > inp.startMin) || !Number.isFinite(inp.endMin)) {
        throw new RangeError(
          `Zero-order input from ${inp.startMin} to ${inp.endMin} min is not a valid interval`,
        );
      }
      if (!Number.isFinite(inp.rateMgPerMin) || inp.rateMgPerMin < 0) {
        throw new RangeError(`Zero-order rate ${inp.rateMgPerMin} mg/min is not >= 0`);
      }
    }
  }
}

/** The plan of a simulation: breakpoints and what acts at each, for inputs at these times. */
export function makePlan(
  sys: LinearSystem,
  inputs: readonly StateInput[],
  outputTimesMin: ArrayLike<number>,
  includeEvents = false,
): Plan {
  const n = sys.stateIds.length;
  if (sys.A.n !== n) throw new Error(`A is ${sys.A.n}x${sys.A.n} but the system has ${n} states`);
  const stateIndex = new Map(sys.stateIds.map((id, i) => [id, i]));
  for (let k = 0; k < outputTimesMin.length; k++) {
    const t = outputTimesMin[k]!;
    if (!Number.isFinite(t) || t < 0)
      throw new RangeError(`Output time ${t} min is not a finite time >= 0`);
    if (k > 0 && t <= outputTimesMin[k - 1]!)
      throw new RangeError('Output times must be strictly ascending');
  }
  checkInputs(stateIndex, inputs);
  const tEnd = outputTimesMin.length > 0 ? outputTimesMin[outputTimesMin.length - 1]! : 0;
  const eventTimes: number[] = [];
  for (const inp of inputs) {
    if (inp.kind === 'bolus') {
      if (inp.timeMin <= tEnd) eventTimes.push(inp.timeMin);
    } else {
      if (inp.startMin <= tEnd) eventTimes.push(inp.startMin);
      if (inp.endMin <= tEnd) eventTimes.push(inp.endMin);
    }
  }
  const events = mergeTimes(eventTimes);
  const { times: breakpoints, isOutput } = mergeSorted(outputTimesMin, events);
  const nb = breakpoints.length;
  const report = Uint8Array.from(isOutput);
  if (includeEvents) for (const t of events) report[indexOf(breakpoints, t)] = 1;
  // Packed (filled) arrays: reading holes of a sparse array is a slow path in V8.
  const bolusAt: Plan['bolusAt'] = new Array<number[] | undefined>(nb).fill(undefined);
  const rateChange = new Uint8Array(nb);
  rateChange[0] = 1;
  const zeroOrder: Plan['zeroOrder'] = [];
  inputs.forEach((inp, index) => {
    const state = stateIndex.get(inp.compartment)!;
    if (inp.kind === 'bolus') {
      if (inp.timeMin <= tEnd) (bolusAt[indexOf(breakpoints, inp.timeMin)] ??= []).push(index);
    } else if (inp.startMin <= tEnd) {
      const start = indexOf(breakpoints, inp.startMin);
      const end = inp.endMin <= tEnd ? indexOf(breakpoints, inp.endMin) : nb;
      zeroOrder.push({ input: index, state, start, end });
      rateChange[start] = 1;
      if (end < nb) rateChange[end] = 1;
    }
  });
  let nOut = 0;
  for (let k = 0; k < nb; k++) nOut += report[k]!;
  const tOut = new Float64Array(nOut);
  for (let k = 0, o = 0; k < nb; k++) if (report[k]) tOut[o++] = breakpoints[k]!;
  const hs = new Float64Array(nb);
  const special = new Uint8Array(nb);
  for (let k = 0; k < nb; k++) {
    hs[k] = k < nb - 1 ? breakpoints[k + 1]! - breakpoints[k]! : 0;
    if (k === 0 || bolusAt[k] || rateChange[k] || hs[k] !== hs[k - 1]) special[k] = 1;
  }
  return {
    n,
    breakpoints,
    report,
    nOut,
    tOut,
    hs,
    special,
    bolusAt,
    rateChange,
    zeroOrder,
    inputStates: Int32Array.from(inputs, (inp) => stateIndex.get(inp.compartment)!),
    signature: signatureOf(inputs),
  };
}

/** Sum of zero-order rates active over [breakpoint k, k+1), into b; returns whether any is non-zero. */
function ratesAt(p: Plan, inputs: readonly StateInput[], k: number, b: Float64Array): boolean {
  b.fill(0);
  let any = false;
  for (const z of p.zeroOrder) {
    if (z.start <= k && k < z.end) {
      const inp = inputs[z.input]!;
      const rate = inp.kind === 'zero-order' ? inp.rateMgPerMin : 0;
      b[z.state]! += rate;
      any = any || rate !== 0;
    }
  }
  return any;
}

function bolusAmount(inputs: readonly StateInput[], index: number): number {
  const inp = inputs[index]!;
  return inp.kind === 'bolus' ? inp.amountMg : 0;
}

/**
 * The modal decomposition of A if it exists and is accurate. First a cheap bound: the
 * eigen-residual times the condition number of V bounds the relative error of V e^(lambda t) V^-1
 * as e^(A t). The bound is pessimistic (about 1000-fold when two eigenvalues of different blocks
 * lie close, e.g. gut absorption and hepatic distribution), so when it fails the decomposition is
 * checked directly against the dense exponential at 1 min, 1 h and 24 h; either must show an error
 * under MODAL_TOLERANCE, else null.
 */
export function checkedModal(A: Matrix): ModalDecomposition | null {
  const dec = decompose(A);
  if (!dec) return null;
  if (modalErrorBound(A, dec) <= MODAL_TOLERANCE) return dec;
  for (const t of [1, 60, 1440]) {
    const E = expm({ n: A.n, data: A.data.map((v) => v * t) });
    if (!(reconstructionError(dec, E, t) <= MODAL_TOLERANCE)) return null;
  }
  return dec;
}

/**
 * Simulates from x(0) = 0 at t = 0. Output times must be finite, >= 0 and ascending; inputs must
 * name states of the system and have finite, non-negative amounts and times.
 */
export function simulateLinear(
  sys: LinearSystem,
  inputs: readonly StateInput[],
  outputTimesMin: ArrayLike<number>,
  options: SimulateOptions = {},
): StateTrajectory {
  let p: Plan;
  if (options.plan) {
    p = options.plan;
    if (p.n !== sys.stateIds.length || p.signature !== signatureOf(inputs)) {
      throw new Error('The plan was made for inputs at other times or states');
    }
    checkInputs(new Map(sys.stateIds.map((id, i) => [id, i])), inputs);
  } else p = makePlan(sys, inputs, outputTimesMin, options.includeEventTimes ?? false);
  const outputStates = options.outputStates ?? sys.stateIds.map((_, i) => i);
  const method = options.method ?? 'auto';
  if (method !== 'dense') {
    const dec = options.modal ?? checkedModal(sys.A);
    if (dec) return stepModal(p, inputs, dec, outputStates, options.outputScale);
    if (method === 'modal')
      throw new Error('This system has no well-conditioned modal decomposition');
  }
  return stepDense(p, inputs, sys.A, outputStates, options.outputScale);
}

function stepDense(
  p: Plan,
  inputs: readonly StateInput[],
  A: Matrix,
  outputStates: readonly number[],
  outputScale: readonly number[] | undefined,
): StateTrajectory {
  const { n, breakpoints, report, nOut, bolusAt, rateChange } = p;
  const nb = breakpoints.length;
  const tOut = Float64Array.from(p.tOut);
  const states = Array.from({ length: n }, () => new Float64Array(0));
  for (const i of outputStates) states[i] = new Float64Array(nOut);
  const disc = new Discretizer(A);
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  const b = new Float64Array(n);
  const gb = new Float64Array(n);
  let bNonZero = false;
  let gbH = Number.NaN;
  let version = 0;
  let gbVersion = -1;
  let lastH = Number.NaN;
  let step: StepMatrices | undefined;
  let out = 0;
  for (let k = 0; k < nb; k++) {
    const boluses = bolusAt[k];
    if (boluses) for (const idx of boluses) x[p.inputStates[idx]!]! += bolusAmount(inputs, idx);
    if (rateChange[k]) {
      bNonZero = ratesAt(p, inputs, k, b);
      version++;
    }
    if (report[k]) {
      for (let o = 0; o < outputStates.length; o++) {
        const i = outputStates[o]!;
        states[i]![out] = x[i]! * (outputScale ? outputScale[o]! : 1);
      }
      out++;
    }
    if (k === nb - 1) break;
    const h = breakpoints[k + 1]! - breakpoints[k]!;
    if (h !== lastH) {
      step = disc.get(h);
      lastH = h;
    }
    if (bNonZero && (gbH !== h || gbVersion !== version)) {
      multiplyVector(step!.G, b, gb);
      gbH = h;
      gbVersion = version;
    }
    const E = step!.E.data;
    for (let i = 0; i < n; i++) {
      let s = bNonZero ? gb[i]! : 0;
      const row = i * n;
      for (let j = 0; j < n; j++) s += E[row + j]! * x[j]!;
      y[i] = s;
    }
    const t = x;
    x = y;
    y = t;
  }
  return { tMin: tOut, states, method: 'dense' };
}

function stepModal(
  p: Plan,
  inputs: readonly StateInput[],
  dec: ModalDecomposition,
  outputStates: readonly number[],
  outputScale: readonly number[] | undefined,
): StateTrajectory {
  const { n, breakpoints, report, nOut, bolusAt, rateChange } = p;
  const nb = breakpoints.length;
  const { lambda, V, Vinv } = dec;

  // Modal input rates at each breakpoint where the rates change.
  const { hs, special } = p;
  const betaAt = new Array<Float64Array | undefined>(nb).fill(undefined);
  const b = new Float64Array(n);
  for (let k = 0; k < nb; k++) {
    if (rateChange[k]) {
      const any = ratesAt(p, inputs, k, b);
      betaAt[k] = any ? multiplyVector(Vinv, b, new Float64Array(n)) : new Float64Array(n);
    }
  }
  const tOut = Float64Array.from(p.tOut);
  // Each mode's trajectory over all breakpoints (long loops), then the outputs as weighted sums
  // of the trajectories: x_i = sum over modes m of V[i][m] z_m, times the output's scale.
  const Z = scratch(n * nOut);
  const states = Array.from({ length: n }, () => new Float64Array(0));
  const nO = outputStates.length;
  const scales = outputScale ?? outputStates.map(() => 1);
  for (let m = 0; m < n; m++) {
    let used = false;
    for (let o = 0; o < nO; o++) if (V.data[outputStates[o]! * n + m] !== 0) used = true;
    if (!used) continue;
    const l = lambda[m]!;
    const zk = Z.subarray(m * nOut, (m + 1) * nOut);
    let z = 0;
    let beta = 0;
    let decay = 1;
    let gain = 0;
    let q = 0;
    for (let k = 0; k < nb; k++) {
      if (special[k]) {
        const boluses = bolusAt[k];
        if (boluses) {
          for (const idx of boluses)
            z += Vinv.data[m * n + p.inputStates[idx]!]! * bolusAmount(inputs, idx);
        }
        const bk = betaAt[k];
        if (bk) beta = bk[m]!;
        const h = hs[k]!;
        decay = Math.exp(l * h);
        // (e^(l h) - 1) / l, exact also for l = 0 (an accumulator state)
        gain = beta === 0 ? 0 : (l === 0 ? h : Math.expm1(l * h) / l) * beta;
      }
      if (report[k]) zk[q++] = z;
      z = decay * z + gain;
    }
  }
  for (let o = 0; o < nO; o++) {
    const y = (states[outputStates[o]!] = new Float64Array(nOut));
    const terms: { w: number; z: Float64Array }[] = [];
    for (let m = 0; m < n; m++) {
      const w = V.data[outputStates[o]! * n + m]! * scales[o]!;
      if (w !== 0) terms.push({ w, z: Z.subarray(m * nOut, (m + 1) * nOut) });
    }
    addWeighted(y, terms);
    resolveNoise(y);
  }
  return { tMin: tOut, states, method: 'modal' };
}
