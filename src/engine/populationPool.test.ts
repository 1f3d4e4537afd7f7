import { PRESETS, REGISTRY } from '../registry';
import { describe, expect, it } from 'vitest';
import { createEngineApi } from './api';
import { longestEsketamineCourse } from './courseScenarios';
import { MAX_KEYS, MAX_POOLED, PopulationPool } from './populationPool';
import { mulberry32 } from './rng';
import type { Scenario } from './scenario';
import {
  simulatePopulation,
  type PopulationOptions,
  type PopulationOutcome,
  type PopulationResult,
} from './variability';

const SEED = 20201;
const esk = PRESETS['esk-84']!;
const iv = PRESETS['iv-0.5']!;
const nasal = (r: Partial<Extract<Scenario['regimen'], { kind: 'intranasal' }>>): Scenario =>
  ({ ...esk, regimen: { ...esk.regimen, ...r } }) as Scenario;
const ivWith = (r: Partial<Extract<Scenario['regimen'], { kind: 'iv' }>>): Scenario =>
  ({ ...iv, regimen: { ...iv.regimen, ...r } }) as Scenario;

type Request = Omit<PopulationOptions, 'rng' | 'pool' | 'seed'>;

const plain = (s: Scenario, r: Request): PopulationResult =>
  resultOf(simulatePopulation(REGISTRY, s, { ...r, rng: mulberry32(SEED) }));
const pooled = (pool: PopulationPool, s: Scenario, r: Request): PopulationResult =>
  resultOf(simulatePopulation(REGISTRY, s, { ...r, pool, seed: SEED }));

function resultOf(o: PopulationOutcome): PopulationResult {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  return o.result;
}

/** Exactly equal: every value the same double (Object.is), every warning the same. */
function expectSame(a: PopulationResult, b: PopulationResult): void {
  expect(Array.from(b.tMin)).toEqual(Array.from(a.tMin));
  expect(Object.keys(b.bands)).toEqual(Object.keys(a.bands));
  for (const [series, bands] of Object.entries(a.bands)) {
    bands.forEach((band, j) => {
      const other = b.bands[series as keyof typeof b.bands]![j]!;
      const differ = band.filter((v, t) => !Object.is(v, other[t]));
      expect(differ.length, `${series} p${a.percentiles[j]}`).toBe(0);
    });
  }
  expect(b.warnings).toEqual(a.warnings);
}

// A change of dose, infusion time, devices, spacing or schedule keeps the patients' systems.
const REGIMENS: [string, Scenario][] = [
  ['nasal 84 mg', esk],
  ['nasal 56 mg', nasal({ devices: 2 })],
  ['nasal spacing 12 min', nasal({ spacingMin: 12 })],
  ['nasal course', PRESETS['esk-course']!],
];
const IV_REGIMENS: [string, Scenario][] = [
  ['IV 0.5 mg/kg over 40 min', iv],
  ['IV 1 mg/kg over 40 min', ivWith({ doseMgPerKg: 1 })],
  ['IV bolus', ivWith({ infusionMin: 0 })],
  ['IV course', PRESETS['iv-course']!],
];

describe('a population pool gives exactly the bands of simulatePopulation', () => {
  const request: Request = { nPatients: 300, stepMin: 30 };

  it.each([...REGIMENS, ...IV_REGIMENS])('%s: cold pool', (_, s) => {
    expectSame(plain(s, request), pooled(new PopulationPool(), s, request));
  });

  it('warm pool: regimen after regimen, the same model, patient and seed', () => {
    for (const group of [REGIMENS, IV_REGIMENS]) {
      const pool = new PopulationPool();
      // Twice through, so each regimen also follows itself and the others.
      for (const [, s] of [...group, ...group.slice().reverse()])
        expectSame(plain(s, request), pooled(pool, s, request));
    }
  });

  it('grown from 200 to 1000 patients: the first 200 are the same people', () => {
    const pool = new PopulationPool();
    const r = { stepMin: 5, series: ['parent'] as const };
    expectSame(plain(esk, { ...r, nPatients: 200 }), pooled(pool, esk, { ...r, nPatients: 200 }));
    expect(pool.size).toBe(200);
    // The same scenario again, larger (its first 200 rows come from the last run), then another.
    expectSame(plain(esk, { ...r, nPatients: 1000 }), pooled(pool, esk, { ...r, nPatients: 1000 }));
    expect(pool.size).toBe(1000);
    const s = nasal({ devices: 1 });
    expectSame(plain(s, { ...r, nPatients: 1000 }), pooled(pool, s, { ...r, nPatients: 1000 }));
    expect(pool.size).toBe(1000);
  });

  it('on the sessions grid of a 26-week course, cold and warm', () => {
    const course = longestEsketamineCourse(esk);
    const r: Request = { nPatients: 100, stepMin: 30, grid: 'sessions' };
    const pool = new PopulationPool();
    expectSame(plain(course, r), pooled(pool, course, r));
    const two = { ...course, regimen: { ...course.regimen, devices: 2 } } as Scenario;
    expectSame(plain(two, r), pooled(pool, two, r));
  });
});

describe('the pool is bounded', () => {
  it(`keeps the patients of the last ${MAX_KEYS} (model, patient, seed) only`, () => {
    const pool = new PopulationPool();
    const weights = [50, 60, 70, 80, 90, 100];
    for (const weightKg of weights) {
      const s = { ...esk, patient: { ...esk.patient, weightKg } };
      pooled(pool, s, { nPatients: 100, stepMin: 240 });
      expect(pool.size).toBeLessThanOrEqual(MAX_KEYS * 100);
    }
    expect(pool.size).toBe(MAX_KEYS * 100);
  });

  it(`keeps at most ${MAX_POOLED} patients per key; a larger band is still exact`, () => {
    const pool = new PopulationPool();
    const r: Request = { nPatients: MAX_POOLED + 50, stepMin: 240 };
    expectSame(plain(iv, r), pooled(pool, iv, r));
    expect(pool.size).toBe(MAX_POOLED);
    expectSame(plain(iv, r), pooled(pool, iv, r));
  });
});

describe("the engine API's population", () => {
  const api = createEngineApi(REGISTRY);

  it('uses its pool and gives the bands of mulberry32(seed)', () => {
    const r = { nPatients: 200, seed: SEED, stepMin: 5, series: ['parent'] as const };
    for (const s of [esk, nasal({ devices: 2 }), esk]) {
      const got = api.population(s, r);
      expectSame(plain(s, r), resultOf(got));
    }
  });

  it.each([
    [-1, 'seed must be a whole number from 0 to 4294967295, got -1'],
    [1.5, 'seed must be a whole number from 0 to 4294967295, got 1.5'],
    [Number.NaN, 'seed must be a whole number from 0 to 4294967295, got NaN'],
  ])('refuses the seed %s with a message', (seed, message) => {
    const got = api.population(esk, { nPatients: 10, seed, stepMin: 30 });
    expect(got).toEqual({ ok: false, problems: [{ path: 'seed', message }] });
  });

  it('refuses an unknown grid with a message', () => {
    const grid = 'daily' as unknown as 'sessions';
    const got = api.population(esk, { nPatients: 10, seed: 1, stepMin: 30, grid });
    expect(got).toEqual({
      ok: false,
      problems: [{ path: 'grid', message: 'grid must be "regular" or "sessions", got "daily"' }],
    });
  });
});
