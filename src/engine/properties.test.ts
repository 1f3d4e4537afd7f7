/** Property-based tests over random valid scenarios and random invalid input (fast-check). */
import { runScenario, validateScenario, REGISTRY } from '../registry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './rng';
import { outputGrid, prepareIndividual } from './run';
import { SCENARIO_VERSION, type Scenario } from './scenario';
import { simulateLinear } from './simulate';
import { drawEta, etaSampler } from './variability';

const MODELS = REGISTRY.models;

const ivModels = Object.values(MODELS)
  .filter((m) => m.route === 'iv')
  .map((m) => m.id);

const patient = fc
  .record({
    weightKg: fc.double({ min: 2, max: 250, noNaN: true }),
    ageYears: fc.double({ min: 0, max: 110, noNaN: true }),
    asian: fc.boolean(),
    japanese: fc.boolean(),
  })
  .map((p) => ({ ...p, asian: p.asian || p.japanese }));

const schedule = fc.oneof(
  fc.constant({ kind: 'single' as const }),
  fc
    .uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 6 })
    .map((d) => ({ kind: 'course' as const, sessionDays: [...d].sort((a, b) => a - b) })),
);

const ivScenario: fc.Arbitrary<Scenario> = fc.record({
  version: fc.constant(SCENARIO_VERSION),
  patient,
  model: fc.constantFrom(...ivModels, 'perezruixo2021'),
  regimen: fc.record({
    kind: fc.constant('iv' as const),
    doseMgPerKg: fc.double({ min: 0.05, max: 2, noNaN: true }),
    infusionMin: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 240, noNaN: true })),
    schedule,
  }),
  options: fc.record({
    endH: fc.double({ min: 0.5, max: 48, noNaN: true }),
    stepMin: fc.double({ min: 1, max: 30, noNaN: true }),
  }),
});

const nasalScenario: fc.Arbitrary<Scenario> = fc.record({
  version: fc.constant(SCENARIO_VERSION),
  patient,
  model: fc.constant('perezruixo2021'),
  regimen: fc.record({
    kind: fc.constant('intranasal' as const),
    devices: fc.integer({ min: 1, max: 3 }),
    deviceMg: fc.constant(28),
    spacingMin: fc.double({ min: 0, max: 60, noNaN: true }),
    schedule,
  }),
  options: fc.record({
    endH: fc.double({ min: 0.5, max: 48, noNaN: true }),
    stepMin: fc.double({ min: 1, max: 30, noNaN: true }),
  }),
});

const options = fc.record({
  endH: fc.double({ min: 0.5, max: 48, noNaN: true }),
  stepMin: fc.double({ min: 1, max: 30, noNaN: true }),
});
const modelOf = (route: string) =>
  fc.constantFrom(
    ...Object.values(MODELS)
      .filter((m) => m.route === route)
      .map((m) => m.id),
  );

/** Random valid regimens of the routes beyond IV and the device, each with a model of its route. */
const routeScenario: fc.Arbitrary<Scenario> = fc.oneof(
  fc.record({
    version: fc.constant(SCENARIO_VERSION),
    patient,
    model: modelOf('intramuscular'),
    regimen: fc.record({
      kind: fc.constant('intramuscular' as const),
      doseMgPerKg: fc.double({ min: 0.05, max: 10, noNaN: true }),
      schedule,
    }),
    options,
  }),
  fc.record({
    version: fc.constant(SCENARIO_VERSION),
    patient,
    model: modelOf('oral'),
    regimen: fc.record({
      kind: fc.constant('oral' as const),
      doseMg: fc.double({ min: 1, max: 500, noNaN: true }),
      schedule,
    }),
    options,
  }),
  fc.record({
    version: fc.constant(SCENARIO_VERSION),
    patient,
    model: modelOf('sublingual'),
    regimen: fc.record({
      kind: fc.constant('sublingual' as const),
      doseMg: fc.double({ min: 1, max: 500, noNaN: true }),
      holdMin: fc.double({ min: 0, max: 30, noNaN: true }),
      schedule,
    }),
    options,
  }),
  fc.record({
    version: fc.constant(SCENARIO_VERSION),
    patient,
    model: modelOf('nasal-spray'),
    regimen: fc.record({
      kind: fc.constant('nasal-spray' as const),
      mgPerSpray: fc.double({ min: 1, max: 50, noNaN: true }),
      sprays: fc.integer({ min: 1, max: 10 }),
      spacingMin: fc.double({ min: 0, max: 60, noNaN: true }),
      schedule,
    }),
    options,
  }),
);

const anyScenario = fc.oneof(ivScenario, nasalScenario, routeScenario);

// Hundreds of full simulations per property: seconds of work, so a loaded machine (the test run
// shares two cores with the build) gets a generous limit rather than vitest's 5 s default.
describe('random valid scenarios', { timeout: 30_000 }, () => {
  it('always run, with finite non-negative concentrations and occupancy in [0, 1)', () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const r = runScenario(s);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const { tMin, plasma, effectSite, occupancy } = r.result;
        expect(tMin[tMin.length - 1]).toBeCloseTo(s.options.endH * 60, 9);
        const series = [...Object.values(plasma), effectSite];
        for (const c of series) {
          const max = Math.max(...c!);
          expect(Number.isFinite(max)).toBe(true);
          for (const v of c!) expect(v).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, max));
        }
        for (const o of occupancy) expect(o >= -1e-12 && o < 1).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('give the same answer with the modal and the dense stepper for random patients and random effects (1e-9)', () => {
    fc.assert(
      fc.property(anyScenario, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (s, seed) => {
        const model = MODELS[s.model]!;
        const eta = drawEta(etaSampler(model), mulberry32(seed));
        const ind = prepareIndividual(model, s, eta);
        const grid = outputGrid(Math.min(s.options.endH, 24) * 60, 5);
        const a = simulateLinear(ind.system, ind.inputs, grid, { method: 'dense' });
        const b = simulateLinear(ind.system, ind.inputs, grid);
        a.states.forEach((col, i) => {
          const scale = Math.max(...col.map(Math.abs)) || 1;
          col.forEach((v, k) => expect(Math.abs(v - b.states[i]![k]!) / scale).toBeLessThan(1e-9));
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('random valid route regimens', { timeout: 30_000 }, () => {
  it('keep mass: what the depots and compartments hold plus what was eliminated is the dose given (1e-9)', () => {
    fc.assert(
      fc.property(routeScenario, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (s, seed) => {
        const model = MODELS[s.model]!;
        const eta = drawEta(etaSampler(model), mulberry32(seed));
        const ind = prepareIndividual(model, s, eta, { trackElimination: true });
        const end = s.options.endH * 60;
        const grid = outputGrid(end, Math.max(1, end / 200));
        const traj = simulateLinear(ind.system, ind.inputs, grid);
        const given = ind.inputs.reduce(
          (sum, i) =>
            sum +
            (i.kind === 'bolus'
              ? i.timeMin <= end
                ? i.amountMg
                : 0
              : i.rateMgPerMin * Math.max(0, Math.min(end, i.endMin) - i.startMin)),
          0,
        );
        let held = 0;
        ind.system.stateIds.forEach((_, i) => {
          if (i !== ind.system.effectIndex) held += traj.states[i]![grid.length - 1]!;
        });
        // A course whose first session starts after the simulated time gives nothing.
        if (given === 0) expect(held).toBe(0);
        else expect(Math.abs(held - given) / given).toBeLessThan(1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('give the systemic dose as F x D: never more than the dose, and F in (0, 1]', () => {
    fc.assert(
      fc.property(routeScenario, (s) => {
        const r = runScenario(s);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const f = r.result.systemicDoseMg / r.result.totalDoseMg;
        expect(f).toBeGreaterThan(0);
        expect(f).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});

describe('random invalid input', () => {
  it('never throws and always explains a refusal', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        (input) => {
          const v = validateScenario(input);
          if (!v.ok) {
            expect(v.problems.length).toBeGreaterThan(0);
            for (const p of v.problems) expect(p.message.length).toBeGreaterThan(10);
          }
          expect(() => runScenario(input)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles a valid scenario with one field replaced by anything: runs or explains, never throws', () => {
    const paths = [
      ['version'],
      ['model'],
      ['patient'],
      ['patient', 'weightKg'],
      ['patient', 'ageYears'],
      ['patient', 'asian'],
      ['regimen'],
      ['regimen', 'kind'],
      ['regimen', 'doseMgPerKg'],
      ['regimen', 'infusionMin'],
      ['regimen', 'schedule'],
      ['options', 'endH'],
      ['options', 'stepMin'],
      ['regimen', 'doseMg'],
      ['regimen', 'holdMin'],
      ['regimen', 'mgPerSpray'],
      ['regimen', 'sprays'],
      ['regimen', 'spacingMin'],
    ];
    fc.assert(
      fc.property(
        fc.oneof(ivScenario, routeScenario),
        fc.constantFrom(...paths),
        fc.anything(),
        (s, path, value) => {
          const copy = structuredClone(s) as unknown as Record<string, Record<string, unknown>>;
          if (path.length === 1) (copy as Record<string, unknown>)[path[0]!] = value;
          else copy[path[0]!]![path[1]!] = value;
          let r: ReturnType<typeof runScenario> | undefined;
          expect(() => (r = runScenario(copy))).not.toThrow();
          if (r && !r.ok) expect(r.problems.every((p) => p.message.length > 10)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
