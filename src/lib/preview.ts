/**
 * Exact previews of a dose or infusion-time change, drawn while the engine's worker computes the
 * same curve.
 *
 * Every model in this simulator is a linear compartment system, and an IV dose enters it only as
 * a bolus amount or an infusion rate. Two consequences, both exact (superposition):
 * - Dose: with nothing else changed, every concentration (plasma parent and metabolite, effect
 *   site) is proportional to the dose, C(d2)(t) = C(d1)(t) · d2 / d1.
 * - Infusion time: an infusion at rate R over T minutes gives C(t) = R · (S(t) − S(t − T)), where
 *   S is the response to a unit-rate infusion that never stops (S = 0 before the start). On the
 *   engine's regular output grid (step h, T = m·h), S follows from the last curve by the recursion
 *   S(t) = C(t)/R + S(t − T), and the new curve is R2 · (S(t) − S(t − T2)). This needs a single
 *   session, both times a whole number of grid steps, and neither a bolus.
 * A preview is not an approximation and not a second engine: it is arithmetic on the engine's last
 * answer, and the engine's answer for the new scenario replaces it a moment later. Occupancy is
 * not linear in concentration, so previews leave it out; only the concentration chart draws
 * previews (the views that show occupancy wait for the engine).
 */
import { validateScenario } from '../catalogue';
import type { SimulationResult } from '../engine/run';
import { type Scenario } from '../engine/scenario';

/** The scenario as text with the IV dose and infusion time blanked, to compare everything else. */
function withoutDoseAndTime(s: Scenario): string {
  return JSON.stringify({ ...s, regimen: { ...s.regimen, doseMgPerKg: 0, infusionMin: 0 } });
}

/** The grid step when `t` is 0, h, 2h, ... exactly as the engine builds it; otherwise NaN. */
function regularStep(t: Float64Array): number {
  const h = t.length > 1 ? t[1]! - t[0]! : Number.NaN;
  if (!(h > 0) || t[0] !== 0) return Number.NaN;
  for (let k = 0; k < t.length; k++) if (t[k] !== k * h) return Number.NaN;
  return h;
}

/** `x / h` when it is a whole number (to rounding), else NaN. */
function steps(x: number, h: number): number {
  const m = Math.round(x / h);
  return m > 0 && Math.abs(m * h - x) < 1e-9 * Math.max(1, x) ? m : Number.NaN;
}

/**
 * The curve of an infusion over m2 grid steps from the curve y of the same dose over m1 steps:
 * S(k) = y(k) + S(k − m1) is the never-ending infusion's response (in units of y's rate), and the
 * result is (m1 / m2) · (S(k) − S(k − m2)), times `scale` (a dose change, 1 when none).
 */
export function retimedInfusion(y: Float64Array, m1: number, m2: number, scale = 1): Float64Array {
  const n = y.length;
  const S = new Float64Array(n);
  const out = new Float64Array(n);
  const f = (m1 / m2) * scale;
  for (let k = 0; k < n; k++) {
    S[k] = y[k]! + (k >= m1 ? S[k - m1]! : 0);
    out[k] = f * (S[k]! - (k >= m2 ? S[k - m2]! : 0));
  }
  return out;
}

/**
 * The result for `next` obtained from `prev` by the exact rules above, or null when `next`
 * differs from the scenario of `prev` in anything but the IV dose and infusion time, when neither
 * changed, when a changed infusion time cannot be previewed (a bolus, a course, off the grid), or
 * when `next` is not a valid scenario.
 */
export function preview(prev: SimulationResult, next: Scenario): SimulationResult | null {
  const a = prev.scenario.regimen;
  const b = next.regimen;
  if (a.kind !== 'iv' || b.kind !== 'iv') return null;
  if (!(a.doseMgPerKg > 0)) return null;
  const sameDose = a.doseMgPerKg === b.doseMgPerKg;
  const sameTime = a.infusionMin === b.infusionMin;
  if (sameDose && sameTime) return null;
  if (withoutDoseAndTime(prev.scenario) !== withoutDoseAndTime(next)) return null;
  if (!validateScenario(next).ok) return null;
  const f = b.doseMgPerKg / a.doseMgPerKg;
  let transform: (y: Float64Array) => Float64Array;
  if (sameTime) {
    transform = (y) => y.map((v) => v * f);
  } else {
    if (a.schedule.kind !== 'single' || b.schedule.kind !== 'single') return null;
    const h = regularStep(prev.tMin);
    const m1 = steps(a.infusionMin, h);
    const m2 = steps(b.infusionMin, h);
    if (!Number.isFinite(m1) || !Number.isFinite(m2)) return null;
    transform = (y) => retimedInfusion(y, m1, m2, f);
  }
  const plasma: SimulationResult['plasma'] = {};
  for (const [analyte, y] of Object.entries(prev.plasma)) {
    plasma[analyte as keyof typeof plasma] = transform(y);
  }
  return {
    ...prev,
    scenario: next,
    plasma,
    effectSite: transform(prev.effectSite),
    occupancy: new Float64Array(0),
    totalDoseMg: prev.totalDoseMg * f,
    systemicDoseMg: prev.systemicDoseMg * f,
    preFirstPassDoseMg: prev.preFirstPassDoseMg * f,
  };
}
