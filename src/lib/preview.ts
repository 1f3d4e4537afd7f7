/**
 * An exact preview of a dose change, drawn while the engine's worker computes the same curve.
 *
 * Every model in this simulator is a linear compartment system, and an IV dose enters it only as
 * a bolus amount or an infusion rate proportional to the dose. So, with nothing else changed,
 * every concentration (plasma parent and metabolite, effect site) is proportional to the dose:
 * C(d2)(t) = C(d1)(t) · d2 / d1, exactly (superposition; the engine's own superposition test
 * checks it). The preview is that product. It is not an approximation and it is not a second
 * engine: it rescales the engine's last answer, and the engine's answer for the new dose replaces
 * it a moment later. Occupancy is not linear in concentration, so the preview leaves it out; only
 * the concentration chart draws previews (the views that show occupancy wait for the engine).
 */
import type { SimulationResult } from '../engine/run';
import { validateScenario, type Scenario } from '../engine/scenario';

/** The scenario as text with the IV dose blanked, to compare everything else. */
function withoutDose(s: Scenario): string {
  return JSON.stringify({ ...s, regimen: { ...s.regimen, doseMgPerKg: 0 } });
}

/**
 * The result for `next` obtained by rescaling `prev`, or null when `next` differs from the
 * scenario of `prev` in anything but the IV dose (or is not a valid scenario).
 */
export function dosePreview(prev: SimulationResult, next: Scenario): SimulationResult | null {
  const a = prev.scenario.regimen;
  const b = next.regimen;
  if (a.kind !== 'iv' || b.kind !== 'iv') return null;
  if (!(a.doseMgPerKg > 0) || a.doseMgPerKg === b.doseMgPerKg) return null;
  if (withoutDose(prev.scenario) !== withoutDose(next)) return null;
  if (!validateScenario(next).ok) return null;
  const f = b.doseMgPerKg / a.doseMgPerKg;
  const plasma: SimulationResult['plasma'] = {};
  for (const [analyte, y] of Object.entries(prev.plasma)) {
    plasma[analyte as keyof typeof plasma] = y.map((v) => v * f);
  }
  return {
    ...prev,
    scenario: next,
    plasma,
    effectSite: prev.effectSite.map((v) => v * f),
    occupancy: new Float64Array(0),
    totalDoseMg: prev.totalDoseMg * f,
    bioavailableDoseMg: prev.bioavailableDoseMg * f,
  };
}
