/**
 * The curve a fresh page opens on, shipped with the build: the engine's own answer for the
 * default scenario, computed when the app is built (the `virtual:start-curve` module of
 * vite.config.ts), so the chart can draw it in the page's first frame instead of waiting for the
 * worker to start (about half a second on a cold load). The worker's answer replaces it when it
 * comes.
 *
 * It is a display copy, not a second engine: a subset of the engine's own output points, chosen so
 * that the line through them is never further from the engine's curve, at any time of its grid,
 * than REL_TOL of the value (plus ABS_TOL_NG_PER_ML), which is a quarter of a pixel or less on the
 * chart at any width. Peaks are always kept, so the chart's Cmax marker and its readout at the
 * peak are the engine's. Having fewer points (and no occupancy), it is drawn by the concentration
 * chart only, as the exact previews are (`liveResults` in simulator.svelte.ts); the summaries,
 * the tables and the occupancy chart wait for the engine. src/lib/startCurve.test.ts recomputes
 * it with runScenario, so it cannot drift from the models.
 */
import { firstPeakIndex } from '../engine/curve';
import type { SimulationResult } from '../engine/run';
import type { Scenario } from '../engine/scenario';
import type { Analyte } from '../engine/types';
import { scenarioKey } from './sliderTable';

/** Largest distance of the copy's line from the engine's curve, relative to the value. */
export const REL_TOL = 1e-3;
/** ... plus this much, ng/mL (so values near zero need no extra points). */
export const ABS_TOL_NG_PER_ML = 1e-3;
/** Significant digits of each value kept (the chart's labels show three). */
export const SIGNIFICANT_DIGITS = 6;

/** The shipped form: plain numbers, so that it can be written into a module as JSON. */
export interface DisplayCopy {
  /** the scenario it is the engine's answer for */
  scenario: Scenario;
  modelId: string;
  parent: Analyte;
  metabolite: Analyte | null;
  tMin: number[];
  plasma: Partial<Record<Analyte, number[]>>;
  effectSite: number[];
  totalDoseMg: number;
  systemicDoseMg: number;
  preFirstPassDoseMg: number;
}

/** Every concentration curve of a result: the plasma analytes and the effect site. */
function curvesOf(r: SimulationResult): Float64Array[] {
  const plasma = Object.values(r.plasma).filter((y): y is Float64Array => y !== undefined);
  return [...plasma, r.effectSite];
}

/**
 * The indices of the points kept (in order): the first, the last, each curve's highest and first
 * peak, and, by recursive subdivision, every point needed so that no curve between two kept
 * points is further from their line than the tolerance.
 */
export function keptIndices(t: ArrayLike<number>, curves: readonly ArrayLike<number>[]): number[] {
  const last = t.length - 1;
  const kept = new Set<number>([0, last]);
  for (const y of curves) {
    kept.add(firstPeakIndex(y));
    let top = 0;
    for (let k = 1; k < y.length; k++) if (y[k]! > y[top]!) top = k;
    kept.add(top);
  }
  /** Keeps the worst point between a and b (while it is out of tolerance) and splits there. */
  const split = (a: number, b: number) => {
    let worst = 1;
    let at = -1;
    for (let k = a + 1; k < b; k++) {
      const f = (t[k]! - t[a]!) / (t[b]! - t[a]!);
      for (const y of curves) {
        const line = y[a]! + f * (y[b]! - y[a]!);
        const e = Math.abs(y[k]! - line) / (REL_TOL * Math.abs(y[k]!) + ABS_TOL_NG_PER_ML);
        if (e > worst) [worst, at] = [e, k];
      }
    }
    if (at < 0) return;
    kept.add(at);
    split(a, at);
    split(at, b);
  };
  const forced = [...kept].sort((a, b) => a - b);
  for (let i = 1; i < forced.length; i++) split(forced[i - 1]!, forced[i]!);
  return [...kept].sort((a, b) => a - b);
}

/** The display copy of an engine result (at build time). */
export function displayCopy(r: SimulationResult): DisplayCopy {
  const idx = keptIndices(r.tMin, curvesOf(r));
  const pick = (y: Float64Array) => idx.map((k) => Number(y[k]!.toPrecision(SIGNIFICANT_DIGITS)));
  const plasma: Partial<Record<Analyte, number[]>> = {};
  for (const [a, y] of Object.entries(r.plasma)) if (y) plasma[a as Analyte] = pick(y);
  return {
    scenario: r.scenario,
    modelId: r.modelId,
    parent: r.parent,
    metabolite: r.metabolite,
    tMin: idx.map((k) => r.tMin[k]!),
    plasma,
    effectSite: pick(r.effectSite),
    totalDoseMg: r.totalDoseMg,
    systemicDoseMg: r.systemicDoseMg,
    preFirstPassDoseMg: r.preFirstPassDoseMg,
  };
}

/** Whether two scenarios are the same in every field (the copy stands for its own scenario only). */
export const sameScenario = (a: Scenario, b: Scenario): boolean =>
  scenarioKey(a) === scenarioKey(b);

/** The copy as a result the chart can draw (no occupancy and no warnings: the chart shows neither). */
export function fromDisplayCopy(c: DisplayCopy): SimulationResult {
  const plasma: Partial<Record<Analyte, Float64Array>> = {};
  for (const [a, y] of Object.entries(c.plasma)) if (y) plasma[a as Analyte] = Float64Array.from(y);
  return {
    scenario: c.scenario,
    modelId: c.modelId,
    parent: c.parent,
    metabolite: c.metabolite,
    tMin: Float64Array.from(c.tMin),
    plasma,
    effectSite: Float64Array.from(c.effectSite),
    occupancy: new Float64Array(0),
    totalDoseMg: c.totalDoseMg,
    systemicDoseMg: c.systemicDoseMg,
    preFirstPassDoseMg: c.preFirstPassDoseMg,
    warnings: [],
  };
}
