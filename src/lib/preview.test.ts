import { runScenario, ivScenario, nasalScenario } from '../registry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SimulationResult } from '../engine/run';
import type { Scenario } from '../engine/scenario';
import { courseFor, optionsFor } from '../engine/presets';
import { preview, retimedInfusion } from './preview';

function run(s: Scenario): SimulationResult {
  const r = runScenario(s);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.result;
}

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let peak = 0;
  for (const v of b) peak = Math.max(peak, Math.abs(v));
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k]! - b[k]!));
  return worst / peak;
}

const withDose = (s: Scenario, d: number): Scenario =>
  ({ ...s, regimen: { ...s.regimen, doseMgPerKg: d } }) as Scenario;

describe('the dose preview', () => {
  it('equals the engine at the new dose (every model, bolus, infusion, course)', () => {
    const models = ['herd-adult', 'kamp2020', 'domino', 'clements', 'hijazi', 'herd', 'hornik'];
    const bases: Scenario[] = [];
    for (const model of models) {
      bases.push({ ...ivScenario(0.5, 40), model });
      bases.push({ ...ivScenario(0.5, 0), model });
    }
    const c = ivScenario(0.5, 40);
    const regimen = { ...c.regimen, schedule: courseFor('iv') } as Scenario['regimen'];
    bases.push({ ...c, regimen, options: optionsFor(regimen) });
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        (base, d1, d2) => {
          fc.pre(d1 !== d2);
          const prev = run(withDose(base, d1));
          const next = withDose(base, d2);
          const p = preview(prev, next);
          expect(p).not.toBeNull();
          const exact = run(next);
          for (const a of Object.keys(exact.plasma) as (keyof typeof exact.plasma)[])
            expect(maxRelDiff(p!.plasma[a]!, exact.plasma[a]!)).toBeLessThan(1e-12);
          expect(maxRelDiff(p!.effectSite, exact.effectSite)).toBeLessThan(1e-12);
          expect(p!.totalDoseMg).toBeCloseTo(exact.totalDoseMg, 9);
          expect(p!.scenario).toBe(next);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('declines anything that is not only a dose or infusion-time change', () => {
    const prev = run(ivScenario(0.5, 40));
    // A bolus has no infusion response to start from, nor gives one.
    expect(preview(prev, ivScenario(0.5, 0))).toBeNull();
    expect(preview(run(ivScenario(0.5, 0)), ivScenario(0.5, 20))).toBeNull();
    // Off the 1 min grid.
    expect(preview(prev, ivScenario(0.5, 20.5))).toBeNull();
    expect(preview(prev, { ...ivScenario(1, 40), model: 'domino' })).toBeNull();
    const heavier = ivScenario(1, 40);
    expect(preview(prev, { ...heavier, patient: { ...heavier.patient, weightKg: 90 } })).toBeNull();
    expect(preview(prev, ivScenario(0.5, 40))).toBeNull();
    // Out of the accepted range: the engine will say why; no preview of an invalid scenario.
    expect(preview(prev, ivScenario(3, 40))).toBeNull();
    const nasal = run(nasalScenario(2));
    expect(preview(nasal, nasalScenario(3))).toBeNull();
  });
});

describe('the infusion-time preview', () => {
  const withTime = (s: Scenario, t: number): Scenario =>
    ({ ...s, regimen: { ...s.regimen, infusionMin: t } }) as Scenario;

  it('equals the engine for another infusion time (every IV model; with a dose change too)', () => {
    const models = ['herd-adult', 'kamp2020', 'domino', 'clements', 'hijazi', 'herd', 'hornik'];
    let worst = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 1, max: 240 }),
        fc.constantFrom(0.5, 0.25, 1.2),
        (model, t1, t2, d2) => {
          fc.pre(t1 !== t2);
          const base = { ...ivScenario(0.5, t1), model };
          const prev = run(base);
          const next = withDose(withTime(base, t2), d2);
          const p = preview(prev, next);
          expect(p).not.toBeNull();
          const exact = run(next);
          for (const a of Object.keys(exact.plasma) as (keyof typeof exact.plasma)[]) {
            const e = maxRelDiff(p!.plasma[a]!, exact.plasma[a]!);
            worst = Math.max(worst, e);
            expect(e).toBeLessThan(1e-11);
          }
          const e = maxRelDiff(p!.effectSite, exact.effectSite);
          worst = Math.max(worst, e);
          expect(e).toBeLessThan(1e-11);
          expect(p!.occupancy.length).toBe(0);
          expect(p!.scenario).toBe(next);
        },
      ),
      { numRuns: 80 },
    );
    console.info(`infusion-time preview: worst relative difference from the engine ${worst}`);
  });

  it('declines a course (sessions after the first would need their own shift)', () => {
    const c = ivScenario(0.5, 40);
    const regimen = { ...c.regimen, schedule: courseFor('iv') } as Scenario['regimen'];
    const course = { ...c, regimen, options: optionsFor(regimen) };
    expect(preview(run(course), withTime(course, 20))).toBeNull();
  });

  it('retimes a hand-made curve by the recursion it documents', () => {
    // A one-compartment system sampled at unit steps: y is its response to 2 steps of infusion.
    const k = 0.3;
    const S = (t: number) => (t <= 0 ? 0 : (1 - Math.exp(-k * t)) / k);
    const curve = (m: number) => Float64Array.from({ length: 30 }, (_, t) => (S(t) - S(t - m)) / m);
    const got = retimedInfusion(curve(2), 2, 5);
    const want = curve(5);
    for (let t = 0; t < 30; t++) expect(got[t]).toBeCloseTo(want[t]!, 14);
  });
});
