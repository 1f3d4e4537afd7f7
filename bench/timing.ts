/**
 * Small timing helpers for the benchmark: per-call wall times and their median. Tasks that are
 * compared are timed in interleaved rounds, so that a burst of load from other processes on the
 * machine affects them alike instead of landing on one of them.
 */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : 0.5 * (s[mid - 1]! + s[mid]!);
}

/** Keeps results alive so that the calls cannot be optimised away. */
let sink = 0;
export function sinkValue(): number {
  return sink;
}

export interface Task {
  name: string;
  /** the call to time; returns a number derived from its result (fed to the sink) */
  fn: () => number;
  /** untimed calls before the first round (JIT warm-up) */
  warmup: number;
  /** timed calls per round */
  perRound: number;
}

export interface Timing {
  /** median wall time per call, ms */
  medianMs: number;
  /** fastest call, ms */
  minMs: number;
  /** timed calls made */
  runs: number;
}

/** Times each task call by call, in `rounds` interleaved rounds; returns timings by task name. */
export function timeInterleaved(tasks: readonly Task[], rounds: number): Map<string, Timing> {
  const samples = tasks.map(() => [] as number[]);
  for (const t of tasks) for (let i = 0; i < t.warmup; i++) sink += t.fn();
  for (let r = 0; r < rounds; r++) {
    tasks.forEach((t, k) => {
      const s = samples[k]!;
      for (let i = 0; i < t.perRound; i++) {
        const t0 = performance.now();
        const v = t.fn();
        s.push(performance.now() - t0);
        sink += v;
      }
    });
  }
  return new Map(
    tasks.map((t, k) => {
      const s = samples[k]!;
      return [t.name, { medianMs: median(s), minMs: Math.min(...s), runs: s.length }];
    }),
  );
}
