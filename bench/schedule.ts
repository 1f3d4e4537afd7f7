/**
 * The piecewise-constant input schedule shared by the benchmark's reference and RK45 solvers,
 * written independently of the engine's own planner: breakpoints are the union of the output grid
 * and every event time (bolus, zero-order start and end) up to the last output time; between two
 * breakpoints the input rates are constant; boluses are jumps applied at their breakpoint before
 * the state there is reported (the solution is right-continuous, as in the engine).
 */
import type { StateInput } from '../src/engine/types';

export interface Schedule {
  n: number;
  /** ascending breakpoints, min, starting at 0 */
  times: number[];
  /** index into the output grid for breakpoints that are output times, else -1 */
  gridIndex: Int32Array;
  /** boluses at each breakpoint: [state, amount mg] pairs */
  boluses: [number, number][][];
  /** input rate per state over [times[k], times[k + 1]), mg/min (null when all are zero) */
  rates: (Float64Array | null)[];
}

export function buildSchedule(
  stateIds: readonly string[],
  inputs: readonly StateInput[],
  grid: ArrayLike<number>,
): Schedule {
  const n = stateIds.length;
  const stateOf = (id: string): number => {
    const i = stateIds.indexOf(id);
    if (i < 0) throw new Error(`input to unknown state ${id}`);
    return i;
  };
  const tEnd = grid[grid.length - 1]!;
  const eventTimes = inputs.flatMap((inp) =>
    inp.kind === 'bolus' ? [inp.timeMin] : [inp.startMin, inp.endMin],
  );
  const set = new Set<number>([0, ...Array.from(grid)]);
  for (const t of eventTimes) if (t <= tEnd) set.add(t);
  const times = [...set].sort((a, b) => a - b);
  const gridIndex = new Int32Array(times.length).fill(-1);
  const pos = new Map(times.map((t, k) => [t, k]));
  for (let g = 0; g < grid.length; g++) gridIndex[pos.get(grid[g]!)!] = g;
  const boluses: [number, number][][] = times.map(() => []);
  const rates: (Float64Array | null)[] = times.map(() => null);
  for (const inp of inputs) {
    const s = stateOf(inp.compartment);
    if (inp.kind === 'bolus') {
      if (inp.timeMin <= tEnd) boluses[pos.get(inp.timeMin)!]!.push([s, inp.amountMg]);
      continue;
    }
    for (let k = 0; k < times.length - 1; k++) {
      const t = times[k]!;
      if (t >= inp.startMin && t < inp.endMin && inp.rateMgPerMin !== 0) {
        const r = (rates[k] ??= new Float64Array(n));
        r[s]! += inp.rateMgPerMin;
      }
    }
  }
  return { n, times, gridIndex, boluses, rates };
}
