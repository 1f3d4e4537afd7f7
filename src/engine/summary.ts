/** Summary figures of a concentration column: Cmax, Tmax, AUC and time above a threshold. */

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
  /** time of the highest concentration, min */
  tmaxMin: number;
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
  let k = 0;
  for (let i = 1; i < c.length; i++) if (c[i]! > c[k]!) k = i;
  let auc = 0;
  let above = 0;
  for (let i = 1; i < c.length; i++) {
    const t0 = tMin[i - 1]!;
    const t1 = tMin[i]!;
    const c0 = c[i - 1]!;
    const c1 = c[i]!;
    if (t0 < 24 * 60) {
      const end = Math.min(t1, 24 * 60);
      const cEnd = c0 + ((c1 - c0) * (end - t0)) / (t1 - t0);
      auc += ((end - t0) * (c0 + cEnd)) / 2;
    }
    const a0 = c0 >= thresholdNgPerMl;
    const a1 = c1 >= thresholdNgPerMl;
    if (a0 && a1) above += t1 - t0;
    else if (a0 !== a1) {
      const cross = t0 + ((thresholdNgPerMl - c0) * (t1 - t0)) / (c1 - c0);
      above += a0 ? cross - t0 : t1 - cross;
    }
  }
  return {
    cmax: c[k] ?? 0,
    tmaxMin: tMin[k] ?? 0,
    auc0to24NgHPerMl: auc / 60,
    minutesAtOrAbove: above,
  };
}
