/**
 * Variability bands as the app asks for them (src/lib/simulator.svelte.ts, computeBandNow): 1000
 * patients, parent only, seed 20201, from a PopulationPool as the bands worker keeps one. Prints
 * figures; asserts nothing about timings.
 */
import { PRESETS, REGISTRY } from '../src/registry';
import { longestEsketamineCourse } from '../src/engine/courseScenarios';
import { PopulationPool } from '../src/engine/populationPool';
import type { Scenario } from '../src/engine/scenario';
import { simulatePopulation, type PopulationOptions } from '../src/engine/variability';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { timeInterleaved } from './timing';

const PATIENTS = 1000;
const SEED = 20201;
const ROUNDS = 7;

/** The scenario with 3 or 2 nasal devices: a regimen change that keeps the patients. */
const devices = (s: Scenario, n: number): Scenario =>
  ({ ...s, regimen: { ...s.regimen, devices: n } }) as Scenario;

/** One band's run; returns its number of time points (NaN if refused). */
function band(
  pool: PopulationPool,
  s: Scenario,
  request: Omit<PopulationOptions, 'pool' | 'seed' | 'rng' | 'nPatients'>,
): number {
  const o = simulatePopulation(REGISTRY, s, { ...request, nPatients: PATIENTS, pool, seed: SEED });
  return o.ok ? o.result.tMin.length : Number.NaN;
}

/**
 * ArrayBuffer bytes (the typed arrays' backing stores) and JS heap, each after a full garbage
 * collection, before and after one cold course band, with its pool and result held: what the band
 * keeps, MB. All its large arrays are kept (the pool's workspace, the patients, the result), so
 * this is also close to its peak.
 */
function courseMemory(course: Scenario, request: Parameters<typeof band>[2]) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage();
  const pool = new PopulationPool();
  const held = simulatePopulation(REGISTRY, course, {
    ...request,
    nPatients: PATIENTS,
    pool,
    seed: SEED,
  });
  gc();
  const after = process.memoryUsage();
  if (!held.ok) throw new Error('the course band was refused');
  const mb = (x: number) => (x / 1e6).toFixed(1);
  return {
    arrayMb: mb(after.arrayBuffers - before.arrayBuffers),
    heapMb: mb(after.heapUsed - before.heapUsed),
    patients: pool.size,
  };
}

export interface BandFigures {
  lines: string[];
  keys: string;
}

export function benchBands(): BandFigures {
  const single = PRESETS['esk-84']!;
  const course = longestEsketamineCourse(single);
  const session = { stepMin: 5, series: ['parent'] as const };
  const sessions = { stepMin: 30, series: ['parent'] as const, grid: 'sessions' as const };
  const memory = courseMemory(course, sessions);
  const warm = new PopulationPool();
  const warmCourse = new PopulationPool();
  const calls = { single: 0, course: 0 };
  const points = { single: 0, course: 0 };
  // Each warm call changes the devices (3, 2, 3, ...): the patients are kept, their rows are not.
  const t = timeInterleaved(
    [
      {
        name: 'warm',
        fn: () => (points.single = band(warm, devices(single, 3 - (calls.single++ % 2)), session)),
        warmup: 2,
        perRound: 1,
      },
      {
        name: 'cold',
        fn: () => band(new PopulationPool(), single, session),
        warmup: 1,
        perRound: 1,
      },
      {
        name: 'courseWarm',
        fn: () =>
          (points.course = band(warmCourse, devices(course, 3 - (calls.course++ % 2)), sessions)),
        warmup: 2,
        perRound: 1,
      },
      {
        name: 'courseCold',
        fn: () => band(new PopulationPool(), course, sessions),
        warmup: 1,
        perRound: 1,
      },
    ],
    ROUNDS,
  );
  const ms = (name: string) => t.get(name)!.medianMs.toFixed(1);
  const min = (name: string) => t.get(name)!.minMs.toFixed(1);
  const days = course.regimen.schedule.kind === 'course' ? course.regimen.schedule.sessionDays : [];
  return {
    lines: [
      `bands: ${PATIENTS} patients of '${single.name}', parent only, seed ${SEED}, from a population pool`,
      `  after a regimen change (devices 3 <-> 2), 5-min grid over 24 h (${points.single} points), median of ${ROUNDS}:`,
      `  warm pool ${ms('warm')} ms (fastest ${min('warm')}), cold pool ${ms('cold')} ms (fastest ${min('cold')})`,
      `  26-week course (label schedule, ${days.length} sessions, days ${days[0]}-${days[days.length - 1]}, ${course.options.endH} h) on the`,
      `  sessions grid (30 min in each session's first hours; ${points.course} points): warm ${ms('courseWarm')} ms (fastest ${min('courseWarm')}), cold ${ms('courseCold')} ms (fastest ${min('courseCold')})`,
      `  memory of one cold course band (process.memoryUsage() after a full GC, before and after, its pool and`,
      `  result held, ${memory.patients} patients kept): ArrayBuffers +${memory.arrayMb} MB, JS heap +${memory.heapMb} MB`,
      '  keys: band_1000_warm_ms and band_1000_cold_ms the 24 h medians, course_band_1000_ms (warm) and',
      '  course_band_1000_cold_ms the course medians, course_band_array_mb its ArrayBuffers above',
    ],
    keys:
      `band_1000_warm_ms=${ms('warm')} band_1000_cold_ms=${ms('cold')} ` +
      `course_band_1000_ms=${ms('courseWarm')} course_band_1000_cold_ms=${ms('courseCold')} ` +
      `course_band_array_mb=${memory.arrayMb}`,
  };
}
