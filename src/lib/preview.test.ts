import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type SimulationResult } from '../engine/run';
import type { Scenario } from '../engine/scenario';
import { courseFor, ivScenario, nasalScenario, optionsFor } from './appState';
import { dosePreview } from './preview';

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
    const models = ['kamp2020', 'domino', 'clements', 'hijazi', 'herd', 'hornik'];
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
          const p = dosePreview(prev, next);
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

  it('declines anything that is not only a dose change', () => {
    const prev = run(ivScenario(0.5, 40));
    expect(dosePreview(prev, ivScenario(0.5, 20))).toBeNull();
    expect(dosePreview(prev, { ...ivScenario(1, 40), model: 'domino' })).toBeNull();
    const heavier = ivScenario(1, 40);
    expect(
      dosePreview(prev, { ...heavier, patient: { ...heavier.patient, weightKg: 90 } }),
    ).toBeNull();
    expect(dosePreview(prev, ivScenario(0.5, 40))).toBeNull();
    // Out of the accepted range: the engine will say why; no preview of an invalid scenario.
    expect(dosePreview(prev, ivScenario(3, 40))).toBeNull();
    const nasal = run(nasalScenario(2));
    expect(dosePreview(nasal, nasalScenario(3))).toBeNull();
  });
});
