/** Summary figures of a concentration column: Cmax, Tmax, AUC and time above a threshold. */
import { aucNgHPerMl, firstPeakIndex, maxOf, minutesAtOrAbove } from './curve';

/**
 * Plasma range associated with dissociative effects after racemic ketamine 0.5 mg/kg over 40 min,
 * ng/mL (Krystal et al. 1994, as tabulated in Zanos et al. 2018, Pharmacol Rev, Table 1).
 */
export const DISSOCIATION_RANGE_NG_PER_ML = [100, 250] as const;
export const DISSOCIATION_RANGE_SOURCE =
  'zanos2018, Table 1 (Krystal 1994; racemic ketamine, 0.5 mg/kg IV over 40 min)';

export interface Summary {
  /** highest concentration, ng/mL */
  cmax: number;
  /** time of the first peak by the first-peak rule (FIRST_PEAK_TOLERANCE, curve.ts), min */
  tmaxMin: number;
  /** concentration at tmaxMin, ng/mL (equal to cmax, or within 2 % of it) */
  cAtTmax: number;
  /** area under the curve from 0 to 24 h (or to the end, if shorter), ng h/mL, trapezoidal */
  auc0to24NgHPerMl: number;
  /** time at or above the threshold, min (linear interpolation between grid points) */
  minutesAtOrAbove: number;
}

export function summarize(
  tMin: ArrayLike<number>,
  c: ArrayLike<number>,
  thresholdNgPerMl: number,
): Summary {
  const k = firstPeakIndex(c);
  return {
    cmax: maxOf(c),
    tmaxMin: tMin[k] ?? 0,
    cAtTmax: c[k] ?? 0,
    auc0to24NgHPerMl: aucNgHPerMl(tMin, c, 24 * 60),
    minutesAtOrAbove: minutesAtOrAbove(tMin, c, thresholdNgPerMl),
  };
}
