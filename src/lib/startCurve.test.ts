// The curve shipped with the build (virtual:start-curve, vite.config.ts) is the engine's answer for
// the default scenario: recomputed here with runScenario, so a change to a model or to the default
// scenario that the build did not follow fails this test. And the Simulator shows it only on the
// state it stands for, to the chart only, until the engine answers.
import { describe, expect, it } from 'vitest';
import START_CURVE from 'virtual:start-curve';
import { runScenario } from '../registry';
import type { SimulationResult } from '../engine/run';
import { valueAt } from '../engine/curve';
import { defaultState } from './appState';
import { encodeState } from './urlState';
import { Simulator } from './simulator.svelte';
import {
  ABS_TOL_NG_PER_ML,
  REL_TOL,
  SIGNIFICANT_DIGITS,
  displayCopy,
  fromDisplayCopy,
  sameScenario,
} from './startCurve';

const defaultScenario = () => defaultState().scenarios[0]!.scenario;

function engineCurve(): SimulationResult {
  const outcome = runScenario(defaultScenario());
  if (!outcome.ok) throw new Error('the engine refused the default scenario');
  return outcome.result;
}

/** Every concentration curve of a result, by name. */
const curves = (r: SimulationResult): [string, Float64Array][] => [
  ...Object.entries(r.plasma).map(([a, y]): [string, Float64Array] => [a, y!]),
  ['effect site', r.effectSite],
];

describe('the shipped start curve', () => {
  const engine = engineCurve();
  const copy = fromDisplayCopy(START_CURVE);

  it('is for the default scenario, with the engine’s model, analytes and doses', () => {
    expect(sameScenario(START_CURVE.scenario, defaultScenario())).toBe(true);
    expect(copy.modelId).toBe(engine.modelId);
    expect(copy.parent).toBe(engine.parent);
    expect(copy.metabolite).toBe(engine.metabolite);
    expect(Object.keys(copy.plasma).sort()).toEqual(Object.keys(engine.plasma).sort());
    expect(copy.totalDoseMg).toBe(engine.totalDoseMg);
    expect(copy.systemicDoseMg).toBe(engine.systemicDoseMg);
    expect(copy.preFirstPassDoseMg).toBe(engine.preFirstPassDoseMg);
  });

  it('is what the build computes from the engine’s answer today', () => {
    expect(START_CURVE).toEqual(JSON.parse(JSON.stringify(displayCopy(engine))));
  });

  it('holds engine points only, each the engine’s value to its significant digits', () => {
    const index = new Map([...engine.tMin].map((t, k) => [t, k]));
    expect(copy.tMin[0]).toBe(0);
    expect(copy.tMin.at(-1)).toBe(engine.tMin.at(-1));
    // Far fewer points than the engine's grid: a display copy.
    expect(copy.tMin.length).toBeLessThan(engine.tMin.length / 4);
    const ours = new Map(curves(copy));
    for (const [name, y] of curves(engine)) {
      const c = ours.get(name)!;
      copy.tMin.forEach((t, j) => {
        const k = index.get(t);
        expect(k, `t = ${t} is on the engine's grid`).toBeDefined();
        const want = y[k!]!;
        expect(Math.abs(c[j]! - want)).toBeLessThanOrEqual(
          Math.abs(want) * 10 ** (1 - SIGNIFICANT_DIGITS),
        );
      });
    }
  });

  it('draws within its tolerance of the engine’s curve at every time of the grid, peaks included', () => {
    const ours = new Map(curves(copy));
    for (const [name, y] of curves(engine)) {
      const c = ours.get(name)!;
      let worst = 0;
      engine.tMin.forEach((t, k) => {
        const e = Math.abs(valueAt(copy.tMin, c, t) - y[k]!);
        worst = Math.max(worst, e / (REL_TOL * Math.abs(y[k]!) + ABS_TOL_NG_PER_ML));
      });
      // 1 is the tolerance; the margin is the rounding of the kept values.
      expect(worst, name).toBeLessThanOrEqual(1.001);
      const top = y.indexOf(Math.max(...y));
      expect(copy.tMin.includes(engine.tMin[top]!), `${name}'s peak is kept`).toBe(true);
    }
  });
});

describe('the Simulator shows the start curve', () => {
  const copy = () => fromDisplayCopy(START_CURVE);

  it('on a fresh page, to the chart only, until the engine answers', async () => {
    const sim = new Simulator('');
    const curve = copy();
    sim.showStartCurve(curve);
    expect(sim.liveResults[0]).toBe(curve);
    expect(sim.results[0]).toBeNull();
    await sim.start();
    await expect.poll(() => sim.results[0]).toBeTruthy();
    expect(sim.liveResults[0]).toBe(sim.results[0]);
    expect(sim.liveResults[0]!.occupancy.length).toBeGreaterThan(0);
    sim.stop();
  });

  it('never on another state, nor over the engine’s answer', async () => {
    const other = defaultState();
    other.scenarios[0]!.scenario.regimen = {
      ...other.scenarios[0]!.scenario.regimen,
      doseMgPerKg: 0.6,
    } as (typeof other.scenarios)[0]['scenario']['regimen'];
    const changed = new Simulator(encodeState(other));
    changed.showStartCurve(copy());
    expect(changed.liveResults[0]).toBeNull();

    const two = defaultState();
    two.scenarios.push(structuredClone(two.scenarios[0]!));
    const compared = new Simulator(encodeState(two));
    compared.showStartCurve(copy());
    expect(compared.liveResults).toEqual([null, null]);

    const answered = new Simulator('');
    await answered.start();
    await expect.poll(() => answered.results[0]).toBeTruthy();
    const engine = answered.liveResults[0];
    answered.showStartCurve(copy());
    expect(answered.liveResults[0]).toBe(engine);
    answered.stop();
  });
});
