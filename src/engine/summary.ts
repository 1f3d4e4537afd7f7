/** Summary figures of a concentration column: Cmax, Tmax, AUC and time above a threshold. */

/**
 * Plasma range associated with dissociative effects after racemic ketamine 0.5 mg/kg over 40 min,
 * ng/mL (Krystal et al. 1994, as tabulated in Zanos et al. 2018, Pharmacol Rev, Table 1).
 */
export const DISSOCIATION_RANGE_NG_PER_ML = [100, 250] as const;
export const DISSOCIATION_RANGE_SOURCE =
  'zanos2018, Table 1 (Krystal 1994; racemic ketamine, 0.5 mg/kg IV over 40 min)';

/**
 * The first-peak rule: Tmax is the time of the earliest local peak that comes within this fraction
 * of the overall highest concentration. In a course of identical sessions each later peak is a
 * little higher (a small carry-over from earlier sessions), so the highest point alone would name
 * the last session; a reader expects the first. A later session that is clearly higher (a larger
 * dose) still counts: its peak is more than 2 % above the first. A choice of this simulator.
 */
export const FIRST_PEAK_TOLERANCE = 0.02;

export interface Summary {
  /** highest concentration, ng/mL */
  cmax: number;
  /** time of the first peak by the first-peak rule (FIRST_PEAK_TOLERANCE), min */
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
  let max = 0;
  for (let i = 0; i < c.length; i++) if (c[i]! > max) max = c[i]!;
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
    cmax: max,
    tmaxMin: tMin[k] ?? 0,
    cAtTmax: c[k] ?? 0,
    auc0to24NgHPerMl: auc / 60,
    minutesAtOrAbove: above,
  };
}

/**
 * Index of the first peak: the earliest point that is a local maximum (not lower than either
 * neighbour; a plateau counts at its start) and within FIRST_PEAK_TOLERANCE of the overall maximum.
 * 0 for an empty or all-zero column.
 */
export function firstPeakIndex(c: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < c.length; i++) if (c[i]! > max) max = c[i]!;
  if (!(max > 0)) return 0;
  const floor = max * (1 - FIRST_PEAK_TOLERANCE);
  for (let i = 0; i < c.length; i++) {
    const v = c[i]!;
    if (v < floor) continue;
    const before = i > 0 ? c[i - 1]! : -Infinity;
    if (v < before) continue;
    // Walk over a plateau to see whether it is followed by a rise (then it is not a peak).
    let j = i + 1;
    while (j < c.length && c[j]! === v) j++;
    if (j >= c.length || c[j]! < v) return i;
  }
  return 0;
}
