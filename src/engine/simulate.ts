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
  /**
   * output times, min (the requested ones, plus event times when asked for); with a plan passed
   * in, the plan's own array, shared by every simulation made with it (read it, do not change it)
   */
  tMin: Float64Array;
  /**
   * Amounts, mg (or, for effect-site states, concentrations, mg/L), one array per state of the
   * system, aligned with tMin; states not asked for in `outputStates` are empty arrays. The
   * arrays of the reported states are views of one buffer (unless passed in as outputInto).
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
  /**
   * Arrays to write the outputs into (their contents are replaced), one per entry of
   * outputStates, each as long as the output grid; they become the trajectory's states. A
   * population reuses them from patient to patient instead of allocating new ones.
   */
  outputInto?: readonly Float64Array[];
}

const scratchBuffers = [new Float64Array(0), new Float64Array(0)];
/**
 * Working buffer `which` (0 or 1), of at least `size` doubles (contents undefined), reused between
 * calls (the solver is not re-entrant, and the buffers never leave it): a population of 1000
 * patients would otherwise allocate and collect 1000 of each.
 */
function scratch(which: 0 | 1, size: number): Float64Array {
  if (scratchBuffers[which]!.length < size) scratchBuffers[which] = new Float64Array(size);
  return scratchBuffers[which]!.subarray(0, size);
}

/** What a trajectory holds for states that were not asked for (shared: it has no elements). */
const NOT_REPORTED = new Float64Array(0);

/**
 * A modal sum carries rounding noise of about 1e-16 of its largest term, so values below
 * MODAL_RESOLUTION of a column's maximum are not resolved: they are set to exactly 0 rather than
 * shown as noise (e.g. 5e-15 ng/mL at the moment of a nasal dose, where the exact value is 0).
 */
export const MODAL_RESOLUTION = 1e-13;

/** Sets the values of y below MODAL_RESOLUTION of `peak` (its largest absolute value) to 0. */
function resolveNoise(y: Float64Array, peak: number): void {
  const floor = peak * MODAL_RESOLUTION;
  for (let k = 0; k < y.length; k++) if (Math.abs(y[k]!) < floor) y[k] = 0;
}

/** Times closer than this are one breakpoint, min. */
const MERGE_TOLERANCE_MIN = 1e-9;
/** Largest accepted relative difference between the modal and the dense e^(Ah). */
export const MODAL_TOLERANCE = 1e-11;

/**
 * A run of consecutive breakpoints over which nothing changes: inputs act only on arrival at its
 * first breakpoint, the step after each of its breakpoints has the same length, and either all of
 * them are reported or none. On a regular output grid a 24 h profile has a dozen segments, so the
 * steppers work out a step's matrices, or each mode's decay and gain, once per segment, and their
 * inner loops have no per-step decisions.
 */
export interface Segment {
  /** number of breakpoints */
  count: number;
  /** step length after each breakpoint, min; 0 for the last breakpoint (a segment of its own) */
  h: number;
  /** index of h in the plan's stepLengths */
  hIndex: number;
  /** whether its breakpoints are reported (else they are event times between output times) */
  reported: boolean;
  /** indices of the bolus inputs applied on arrival at its first breakpoint */
  boluses: number[] | null;
  /** whether the zero-order input rates change at its first breakpoint */
  rateChange: boolean;
}

/**
 * When things happen, independent of how much: the breakpoints (0, the output times and every
 * event time) as segments, and which inputs act at each. Patients given the same regimen share
 * one plan; amounts are read from each patient's own inputs.
 */
export interface Plan {
  n: number;
  nOut: number;
  /** output times, min */
  tOut: Float64Array;
  segments: Segment[];
  /** the distinct step lengths of the segments, min (a few: the grid step, and around events) */
  stepLengths: number[];
  /** zero-order inputs, active over the segments [start, end) */
  zeroOrder: { input: number; state: number; start: number; end: number }[];
  /** the state each input goes into */
  inputStates: Int32Array;
  /** the inputs it was made for, to check that it is used with inputs at the same times */
  inputs: readonly StateInput[];
}

/** Whether two lists of inputs enter the same states at the same times (amounts aside). */
function sameTiming(a: readonly StateInput[], b: readonly StateInput[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.compartment !== y.compartment) return false;
    if (x.kind === 'bolus') {
      if (y.kind !== 'bolus' || x.timeMin !== y.timeMin) return false;
    } else if (y.kind !== 'zero-order' || x.startMin !== y.startMin || x.endMin !== y.endMin) {
      return false;
    }
  }
  return true;
}

/** Event times in order, near-duplicates dropped. */
function distinctTimes(times: number[]): number[] {
  times.sort((a, b) => a - b);
  const out: number[] = [];
  for (const t of times)
    if (out.length === 0 || t - out[out.length - 1]! > MERGE_TOLERANCE_MIN) out.push(t);
  return out;
}

/** Index of the event time that t belongs to (t is within tolerance of one). */
function eventIndex(events: readonly number[], t: number): number {
  let lo = 0;
  let hi = events.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]! < t - MERGE_TOLERANCE_MIN) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Checks that every input names a state and has finite, non-negative amounts and times. */
function checkInputs(stateIds: readonly string[], inputs: readonly StateInput[]): void {
  for (const inp of inputs) {
    if (!stateIds.includes(inp.compartment))
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
  checkInputs(sys.stateIds, inputs);
  const nA = outputTimesMin.length;
  const tEnd = nA > 0 ? outputTimesMin[nA - 1]! : 0;
  const eventTimes: number[] = [];
  for (const inp of inputs) {
    if (inp.kind === 'bolus') {
      if (inp.timeMin <= tEnd) eventTimes.push(inp.timeMin);
    } else {
      if (inp.startMin <= tEnd) eventTimes.push(inp.startMin);
      if (inp.endMin <= tEnd) eventTimes.push(inp.endMin);
    }
  }
  const events = distinctTimes(eventTimes);

  // What acts at each event time: boluses, and zero-order inputs starting or ending.
  const eventBoluses = new Array<number[] | null>(events.length).fill(null);
  const eventRateChange = new Uint8Array(events.length);
  const zeroOrderEvents: { input: number; state: number; start: number; end: number }[] = [];
  inputs.forEach((inp, index) => {
    const state = sys.stateIds.indexOf(inp.compartment);
    if (inp.kind === 'bolus') {
      if (inp.timeMin <= tEnd) (eventBoluses[eventIndex(events, inp.timeMin)] ??= []).push(index);
    } else if (inp.startMin <= tEnd) {
      const start = eventIndex(events, inp.startMin);
      const end = inp.endMin <= tEnd ? eventIndex(events, inp.endMin) : -1;
      zeroOrderEvents.push({ input: index, state, start, end });
      eventRateChange[start] = 1;
      if (end >= 0) eventRateChange[end] = 1;
    }
  });

  // Breakpoints in time order: 0, then the output times with the event times merged in (an
  // output time goes first when they are equal; a time within MERGE_TOLERANCE_MIN of the previous
  // breakpoint joins it), the output times checked on the way. A breakpoint's segment is settled
  // when the next one arrives, since only then is the step after it known. One pass, in local
  // variables: this loop runs once per output time.
  const segments: Segment[] = [];
  const stepLengths: number[] = [];
  const stepIndex = new Map<number, number>(); // index of each step length in stepLengths
  const eventSegment = new Int32Array(events.length);
  const tOut = new Float64Array(nA + events.length + 1);
  let nOut = 0;
  let seg: Segment | null = null;
  // the latest breakpoint, not settled yet: its time, whether reported, its event (or -1)
  let t = 0;
  let reported = false;
  let event = -1;
  let previous = -1; // the previous output time
  let i = 0;
  let e = 0;
  for (;;) {
    let next: number; // the next time: an output time, an event time, or Infinity at the end
    let nextReported: boolean;
    let nextEvent = -1;
    if (e < events.length && (i >= nA || events[e]! < outputTimesMin[i]!)) {
      next = events[e]!;
      nextReported = includeEvents;
      nextEvent = e++;
    } else if (i < nA) {
      next = outputTimesMin[i++]!;
      nextReported = true;
      if (!Number.isFinite(next) || next < 0)
        throw new RangeError(`Output time ${next} min is not a finite time >= 0`);
      if (next <= previous) throw new RangeError('Output times must be strictly ascending');
      previous = next;
    } else {
      next = Infinity;
      nextReported = false;
    }
    if (next - t <= MERGE_TOLERANCE_MIN) {
      reported ||= nextReported;
      if (nextEvent >= 0) event = nextEvent;
      continue;
    }
    // Settle the latest breakpoint, followed by a step of h (0 after the last one).
    const h = next === Infinity ? 0 : next - t;
    if (!seg || event >= 0 || h !== seg.h || reported !== seg.reported) {
      let hIndex = stepIndex.get(h);
      if (hIndex === undefined) stepIndex.set(h, (hIndex = stepLengths.push(h) - 1));
      seg = {
        count: 0,
        h,
        hIndex,
        reported,
        boluses: event >= 0 ? eventBoluses[event]! : null,
        // the first segment sets the rates, whatever they are
        rateChange: segments.length === 0 || (event >= 0 && eventRateChange[event] === 1),
      };
      if (event >= 0) eventSegment[event] = segments.length;
      segments.push(seg);
    }
    seg.count++;
    if (reported) tOut[nOut++] = t;
    if (next === Infinity) break;
    t = next;
    reported = nextReported;
    event = nextEvent;
    if (nextEvent >= 0 || !seg.reported) continue;
    // Fast path, most of a regular grid: the output times that follow at the segment's own step,
    // before the next event time, join the segment as they are (ascending, finite, further apart
    // than the merge tolerance). They are settled here at once; the last stays unsettled.
    const until = e < events.length ? events[e]! : Infinity;
    let k = i - 1; // index of t
    while (k + 1 < nA && outputTimesMin[k + 1]! - outputTimesMin[k]! === seg.h) {
      if (outputTimesMin[k + 1]! > until) break;
      tOut[nOut++] = outputTimesMin[k]!;
      k++;
    }
    seg.count += k - (i - 1);
    t = outputTimesMin[k]!;
    previous = t;
    i = k + 1;
  }
  const zeroOrder = zeroOrderEvents.map((z) => ({
    ...z,
    start: eventSegment[z.start]!,
    end: z.end >= 0 ? eventSegment[z.end]! : segments.length,
  }));
  return {
    n,
    nOut,
    tOut: tOut.subarray(0, nOut),
    segments,
    stepLengths,
    zeroOrder,
    inputStates: Int32Array.from(inputs, (inp) => sys.stateIds.indexOf(inp.compartment)),
    inputs: inputs.map((inp) => ({ ...inp })),
  };
}

/**
 * For each segment, the zero-order inputs active over it (indices into plan.zeroOrder, in order),
 * listed on first use and kept with the plan: a population's patients share one plan, and a
 * 26-week nasal course has 90 zero-order inputs and 180 segments where the rates change.
 */
const activeByPlan = new WeakMap<Plan, (Int32Array | undefined)[]>();

function activeAt(p: Plan, s: number): Int32Array {
  let bySegment = activeByPlan.get(p);
  if (!bySegment) activeByPlan.set(p, (bySegment = new Array(p.segments.length)));
  let list = bySegment[s];
  if (!list) {
    const ids: number[] = [];
    p.zeroOrder.forEach((z, i) => {
      if (z.start <= s && s < z.end) ids.push(i);
    });
    bySegment[s] = list = Int32Array.from(ids);
  }
  return list;
}

/** Sum of zero-order rates active over segment s, into b; returns whether any is non-zero. */
function ratesAt(p: Plan, inputs: readonly StateInput[], s: number, b: Float64Array): boolean {
  b.fill(0);
  let any = false;
  for (const i of activeAt(p, s)) {
    const z = p.zeroOrder[i]!;
    const inp = inputs[z.input]!;
    const rate = inp.kind === 'zero-order' ? inp.rateMgPerMin : 0;
    b[z.state]! += rate;
    any = any || rate !== 0;
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
    if (p.n !== sys.stateIds.length || !sameTiming(p.inputs, inputs)) {
      throw new Error('The plan was made for inputs at other times or states');
    }
    checkInputs(sys.stateIds, inputs);
  } else p = makePlan(sys, inputs, outputTimesMin, options.includeEventTimes ?? false);
  const outputStates = options.outputStates ?? sys.stateIds.map((_, i) => i);
  const scales = options.outputScale ?? outputStates.map(() => 1);
  const into = options.outputInto;
  if (into && (into.length !== outputStates.length || into.some((y) => y.length !== p.nOut))) {
    throw new Error(`outputInto needs one array of ${p.nOut} values per output state`);
  }
  // The modal stepper adds into the outputs: they start at 0. New ones share one buffer (one
  // allocation instead of one per state).
  let ys = into?.map((y) => y.fill(0));
  if (!ys) {
    const buffer = new Float64Array(outputStates.length * p.nOut);
    ys = outputStates.map((_, o) => buffer.subarray(o * p.nOut, (o + 1) * p.nOut));
  }
  const states = new Array<Float64Array>(sys.stateIds.length).fill(NOT_REPORTED);
  outputStates.forEach((i, o) => (states[i] = ys[o]!));
  // The plan's own array: private to this call unless a plan was passed in (see StateTrajectory).
  const tMin = p.tOut;
  const method = options.method ?? 'auto';
  if (method !== 'dense') {
    const dec = options.modal ?? checkedModal(sys.A);
    if (dec) {
      stepModal(p, inputs, dec, outputStates, scales, ys);
      return { tMin, states, method: 'modal' };
    }
    if (method === 'modal')
      throw new Error('This system has no well-conditioned modal decomposition');
  }
  stepDense(p, inputs, sys.A, outputStates, scales, ys);
  return { tMin, states, method: 'dense' };
}

/** x <- E(h) x + G(h) b per step, the step's matrices computed once per segment (cached by h). */
function stepDense(
  p: Plan,
  inputs: readonly StateInput[],
  A: Matrix,
  outputStates: readonly number[],
  scales: readonly number[],
  ys: readonly Float64Array[],
): void {
  const { n, segments } = p;
  const disc = new Discretizer(A);
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  const b = new Float64Array(n);
  const gb = new Float64Array(n);
  let bNonZero = false;
  let out = 0;
  segments.forEach((seg, s) => {
    if (seg.boluses) {
      for (const idx of seg.boluses) x[p.inputStates[idx]!]! += bolusAmount(inputs, idx);
    }
    if (seg.rateChange) bNonZero = ratesAt(p, inputs, s, b);
    // No step after the last breakpoint (h = 0).
    const step: StepMatrices | undefined = seg.h > 0 ? disc.get(seg.h) : undefined;
    if (step && bNonZero) multiplyVector(step.G, b, gb);
    for (let k = 0; k < seg.count; k++) {
      if (seg.reported) {
        for (let o = 0; o < outputStates.length; o++)
          ys[o]![out] = x[outputStates[o]!]! * scales[o]!;
        out++;
      }
      if (!step) break;
      const E = step.E.data;
      for (let i = 0; i < n; i++) {
        let sum = bNonZero ? gb[i]! : 0;
        const row = i * n;
        for (let j = 0; j < n; j++) sum += E[row + j]! * x[j]!;
        y[i] = sum;
      }
      const t = x;
      x = y;
      y = t;
    }
  });
}

/** Modes stepped together in stepModal's inner loop (see there; the loop is written out for five). */
const GROUP = 5;

/**
 * Per eigenmode z <- e^(lambda h) z + phi(h) beta, and each output y = sum over modes of w z with
 * w = V[state][mode] times the output's scale.
 *
 * The loops are arranged for speed; the arithmetic is the plain recurrence. Modes are taken five
 * at a time and outputs three at a time, so that the five modal amounts, their decays and gains,
 * and the fifteen weights stay in local variables while a segment's steps are run through, and
 * each output value is read and written once per five modes. A mode-by-mode loop instead makes a
 * memory round trip per mode, output and step: measured 2.5 to 3 times slower on the 24 h
 * profiles, and five modes a pass beat four (the nasal model's nine modes take two passes, not
 * three). Unused slots (n not a multiple of five, or fewer than three outputs in the last chunk)
 * carry zero weights; a group that adds nothing to a chunk is skipped. The last group that adds
 * to a chunk also records each output's peak, for resolveNoise.
 */
function stepModal(
  p: Plan,
  inputs: readonly StateInput[],
  dec: ModalDecomposition,
  outputStates: readonly number[],
  scales: readonly number[],
  ys: readonly Float64Array[],
): void {
  const { n, nOut, segments, stepLengths } = p;
  const { lambda, V, Vinv } = dec;
  const slots = Math.ceil(n / GROUP) * GROUP;
  const nh = stepLengths.length;
  const nO = outputStates.length;
  const chunks = Math.ceil(nO / 3);
  // Working arrays, zeroed (amounts start at 0; padding slots and rows stay 0).
  const work = scratch(0, 3 * nh * slots + 3 * slots + n + 3 * chunks * (slots + 1)).fill(0);
  // Each mode's decay e^(l h) and gain per unit input rate (e^(l h) - 1) / l, by step length
  // (exact also for l = 0, an accumulator state); padding slots get decay 1 and gain 0.
  const decayByH = work.subarray(0, nh * slots);
  const phiByH = work.subarray(nh * slots, 2 * nh * slots);
  stepLengths.forEach((h, i) => {
    for (let m = 0; m < n; m++) {
      const l = lambda[m]!;
      decayByH[i * slots + m] = Math.exp(l * h);
      phiByH[i * slots + m] = l === 0 ? h : Math.expm1(l * h) / l;
    }
    decayByH.fill(1, i * slots + n, (i + 1) * slots);
  });
  let at = 2 * nh * slots;
  const next = (size: number) => work.subarray(at, (at += size));
  let z = next(slots); // modal amounts at the start of the current segment
  let zEnd = next(slots); // ... and at its end
  const gainByH = next(nh * slots); // phi(h) beta by step length, for the current rates
  const beta = next(slots); // modal input rates
  const b = next(n); // input rates by state
  const peaks = next(3 * chunks); // max |y| by output
  const W = next(3 * chunks * slots); // W[o * slots + m]; rows from nO stay 0
  for (let o = 0; o < nO; o++) {
    for (let m = 0; m < n; m++) W[o * slots + m] = V.data[outputStates[o]! * n + m]! * scales[o]!;
  }
  // The outputs that pad the last chunk write their zeros here.
  const spare = nO % 3 ? scratch(1, nOut) : undefined;
  const outputs = spare ? [...ys, spare, spare] : [...ys]; // by chunk, three at a time
  // Whether group g adds to chunk c (adds[c * slots + g]), and the last group that does.
  const adds = new Uint8Array(chunks * slots);
  const lastGroup = new Int32Array(chunks).fill(-1);
  for (let c = 0; c < chunks; c++) {
    for (let g = 0; g < slots; g += GROUP) {
      for (let r = 3 * c; r < 3 * c + 3; r++)
        for (let m = g; m < g + GROUP; m++) if (W[r * slots + m] !== 0) adds[c * slots + g] = 1;
      if (adds[c * slots + g]) lastGroup[c] = g;
    }
  }

  let q0 = 0; // output index at the segment's start
  // gainByH's row for a step length is worked out when a segment first uses it after the rates
  // last changed (a course has dozens of step lengths and hundreds of rate changes).
  let rates = 0; // how many times the rates have been set
  const gainsAt = new Int32Array(nh).fill(-1); // the `rates` each row was worked out for
  segments.forEach((seg, s) => {
    if (seg.boluses) {
      for (const idx of seg.boluses) {
        const state = p.inputStates[idx]!;
        const amount = bolusAmount(inputs, idx);
        for (let m = 0; m < n; m++) z[m]! += Vinv.data[m * n + state]! * amount;
      }
    }
    if (seg.rateChange) {
      ratesAt(p, inputs, s, b);
      // beta = Vinv b over the states with an input only (b is 0 elsewhere): the same sums, in the
      // same order, as the full product, without its multiplications by 0.
      beta.fill(0);
      for (let j = 0; j < n; j++) {
        const bj = b[j]!;
        if (bj !== 0) for (let m = 0; m < n; m++) beta[m]! += Vinv.data[m * n + j]! * bj;
      }
      rates++;
    }
    const row = seg.hIndex * slots;
    if (gainsAt[seg.hIndex] !== rates) {
      gainsAt[seg.hIndex] = rates;
      for (let m = 0; m < slots; m++) {
        const bm = beta[m]!;
        gainByH[row + m] = bm === 0 ? 0 : phiByH[row + m]! * bm;
      }
    }
    if (!seg.reported) {
      // Event times between output times: step through them, nothing to write.
      for (let m = 0; m < n; m++) {
        for (let k = 0; k < seg.count; k++) z[m] = decayByH[row + m]! * z[m]! + gainByH[row + m]!;
      }
      return;
    }
    const count = seg.count;
    const qEnd = q0 + count;
    for (let g = 0; g < slots; g += GROUP) {
      const d0 = decayByH[row + g]!;
      const d1 = decayByH[row + g + 1]!;
      const d2 = decayByH[row + g + 2]!;
      const d3 = decayByH[row + g + 3]!;
      const d4 = decayByH[row + g + 4]!;
      const g0 = gainByH[row + g]!;
      const g1 = gainByH[row + g + 1]!;
      const g2 = gainByH[row + g + 2]!;
      const g3 = gainByH[row + g + 3]!;
      const g4 = gainByH[row + g + 4]!;
      for (let c = 0; c < chunks; c++) {
        if (!adds[c * slots + g]) continue;
        // Weights of the chunk's three outputs (rows r, r + slots, r + 2 slots) on this group.
        const r = 3 * c * slots + g;
        const a0 = W[r]!;
        const a1 = W[r + 1]!;
        const a2 = W[r + 2]!;
        const a3 = W[r + 3]!;
        const a4 = W[r + 4]!;
        const b0 = W[r + slots]!;
        const b1 = W[r + slots + 1]!;
        const b2 = W[r + slots + 2]!;
        const b3 = W[r + slots + 3]!;
        const b4 = W[r + slots + 4]!;
        const c0 = W[r + 2 * slots]!;
        const c1 = W[r + 2 * slots + 1]!;
        const c2 = W[r + 2 * slots + 2]!;
        const c3 = W[r + 2 * slots + 3]!;
        const c4 = W[r + 2 * slots + 4]!;
        const y0 = outputs[3 * c]!;
        const y1 = outputs[3 * c + 1]!;
        const y2 = outputs[3 * c + 2]!;
        const final = g === lastGroup[c];
        let p0 = peaks[3 * c]!;
        let p1 = peaks[3 * c + 1]!;
        let p2 = peaks[3 * c + 2]!;
        let z0 = z[g]!;
        let z1 = z[g + 1]!;
        let z2 = z[g + 2]!;
        let z3 = z[g + 3]!;
        let z4 = z[g + 4]!;
        for (let q = q0; q < qEnd; q++) {
          const v0 = y0[q]! + (a0 * z0 + a1 * z1 + a2 * z2 + a3 * z3 + a4 * z4);
          const v1 = y1[q]! + (b0 * z0 + b1 * z1 + b2 * z2 + b3 * z3 + b4 * z4);
          const v2 = y2[q]! + (c0 * z0 + c1 * z1 + c2 * z2 + c3 * z3 + c4 * z4);
          y0[q] = v0;
          y1[q] = v1;
          y2[q] = v2;
          if (final) {
            p0 = Math.max(p0, Math.abs(v0));
            p1 = Math.max(p1, Math.abs(v1));
            p2 = Math.max(p2, Math.abs(v2));
          }
          z0 = d0 * z0 + g0;
          z1 = d1 * z1 + g1;
          z2 = d2 * z2 + g2;
          z3 = d3 * z3 + g3;
          z4 = d4 * z4 + g4;
        }
        peaks[3 * c] = p0;
        peaks[3 * c + 1] = p1;
        peaks[3 * c + 2] = p2;
        // Every chunk runs the same recurrence from the same start, so any chunk's end will do.
        zEnd[g] = z0;
        zEnd[g + 1] = z1;
        zEnd[g + 2] = z2;
        zEnd[g + 3] = z3;
        zEnd[g + 4] = z4;
      }
    }
    [z, zEnd] = [zEnd, z];
    q0 += count;
  });
  ys.forEach((y, o) => resolveNoise(y, peaks[o]!));
}
