import { PRESETS } from '../src/registry';
import { describe, expect, it } from 'vitest';
import { cite, citationKeyOf } from '../src/content/references';
import { buildSystem } from '../src/engine/model';
import { inputAmountMg, outputGrid, prepareIndividual } from '../src/engine/run';
import { routeScenarioFor } from '../src/engine/presets';
import type { Scenario } from '../src/engine/scenario';
import { simulateLinear } from '../src/engine/simulate';
import type { Patient, StateInput } from '../src/engine/types';
import { DENSE_ONLY_MODELS, MODELS } from './index';

const models = Object.values(MODELS);

describe.each(models.map((m) => [m.id, m] as const))('model %s as data', (_id, model) => {
  it('cites a bibliography entry for the model and its population', () => {
    expect(cite(model.citationKey).key).toBe(model.citationKey);
    expect(cite(citationKeyOf(model.population.source)).key).toBeTruthy();
  });

  it('gives every parameter a finite value, a unit, a resolvable source and an evidence grade', () => {
    for (const [name, p] of Object.entries(model.parameters)) {
      expect(Number.isFinite(p.value), name).toBe(true);
      expect(p.unit.trim().length, name).toBeGreaterThan(0);
      expect(() => cite(citationKeyOf(p.source)), `${name}: ${p.source}`).not.toThrow();
      expect(['verified', 'corroborated', 'unverified', 'assumption']).toContain(p.evidence);
      if (p.iiv) {
        expect(p.iiv.variance, name).toBeGreaterThan(0);
        expect(() => cite(citationKeyOf(p.iiv!.source))).not.toThrow();
      }
    }
  });

  it('declares a population with ordered age and weight ranges', () => {
    const { ageYears, weightKg } = model.population;
    expect(ageYears[0]).toBeLessThan(ageYears[1]);
    expect(weightKg[0]).toBeLessThan(weightKg[1]);
  });
});

/** A scenario for a model: its route's default regimen, for a patient. */
function scenarioFor(modelId: string, patient: Partial<Patient> = {}, endH = 24): Scenario {
  const m = MODELS[modelId]!;
  const base =
    m.route === 'intranasal'
      ? PRESETS['esk-84']!
      : m.route === 'iv'
        ? PRESETS['iv-0.5']!
        : routeScenarioFor(modelId, m.route);
  const paed = m.population.paediatric ? { weightKg: 25, ageYears: 8 } : {};
  return {
    ...base,
    model: modelId,
    patient: { ...base.patient, ...paed, ...patient },
    options: { endH, stepMin: 1 },
  };
}

/** Amount delivered by the inputs up to time t, mg. */
function deliveredBy(inputs: StateInput[], t: number): number {
  let s = 0;
  for (const i of inputs) {
    if (i.kind === 'bolus') s += i.timeMin <= t ? i.amountMg : 0;
    else s += i.rateMgPerMin * Math.max(0, Math.min(t, i.endMin) - i.startMin);
  }
  return s;
}

describe.each(models.map((m) => [m.id] as const))('model %s simulated', (modelId) => {
  const model = MODELS[modelId]!;
  const scenario = scenarioFor(modelId);
  const run = prepareIndividual(model, scenario, {}, { trackElimination: true });
  const grid = outputGrid(24 * 60, 1);

  it.each(['dense', 'auto'] as const)(
    'conserves mass: compartments + eliminated = bioavailable dose delivered so far (1e-9 relative, %s)',
    (method) => {
      const traj = simulateLinear(run.system, run.inputs, grid, { method });
      const total = inputAmountMg(run.inputs);
      traj.tMin.forEach((t, k) => {
        let held = 0;
        run.system.stateIds.forEach((_, i) => {
          if (i !== run.system.effectIndex) held += traj.states[i]![k]!;
        });
        expect(Math.abs(held - deliveredBy(run.inputs, t)) / total).toBeLessThan(1e-9);
      });
    },
  );

  it('never returns a negative amount (beyond 1e-12 of the dose)', () => {
    const traj = simulateLinear(run.system, run.inputs, grid);
    const total = inputAmountMg(run.inputs);
    for (const s of traj.states) for (const v of s) expect(v).toBeGreaterThan(-1e-12 * total);
  });

  it('gives the same result with the modal and the dense stepper (1e-10 relative)', () => {
    const a = simulateLinear(run.system, run.inputs, grid, { method: 'dense' });
    const b = simulateLinear(run.system, run.inputs, grid, { method: 'auto' });
    expect(b.method).toBe(Object.hasOwn(DENSE_ONLY_MODELS, modelId) ? 'dense' : 'modal');
    a.states.forEach((s, i) => {
      const scale = Math.max(...s.map(Math.abs)) || 1;
      s.forEach((v, k) => expect(Math.abs(v - b.states[i]![k]!) / scale).toBeLessThan(1e-10));
    });
  });

  it('builds a rate matrix whose columns sum to zero or less (no mass created)', () => {
    const sys = buildSystem(model, run.params);
    const n = sys.A.n;
    for (let j = 0; j < n; j++) {
      if (j === sys.effectIndex) continue;
      let col = 0;
      for (let i = 0; i < n; i++) if (i !== sys.effectIndex) col += sys.A.data[i * n + j]!;
      expect(col).toBeLessThanOrEqual(1e-15);
    }
  });
});
