/**
 * The concentration curve in words, for a reader who cannot see the chart (or wants it read
 * out): for each scenario, where its peak is (the first-peak rule of curve.ts) and how high, how long it stays at or above a
 * level the reader chooses and when it falls below it, when the effect site peaks, and where the
 * curve ends in the time shown. Every figure comes from the curve-analysis module
 * (src/engine/curve.ts) over the time the chart shows, in the unit it shows.
 */
import { fallsBelowAt, firstPeakIndex, maxOf, minutesAtOrAbove, valueAt } from '../engine/curve';
import { formatConc, formatMinutes } from '../charts/chartMath';

export interface CurveToDescribe {
  /** the scenario's name */
  name: string;
  /** what the curve is, e.g. "ketamine" */
  analyte: string;
  /** times, min (ascending) */
  tMin: ArrayLike<number>;
  /** plasma concentration of the parent drug, in the display unit */
  plasma: ArrayLike<number>;
  /** effect-site concentration, in the display unit; null when it is not described */
  effectSite: ArrayLike<number> | null;
}

export interface DescribeOptions {
  /** end of the time shown, min */
  endMin: number;
  /** the display unit, e.g. "ng/mL" */
  unitText: string;
  /** the reader's level, in the display unit (a positive number) */
  level: number;
}

/** The part of a curve up to the end of the time shown (the grid's own points, no new ones). */
function shown(tMin: ArrayLike<number>, y: ArrayLike<number>, endMin: number) {
  let n = 0;
  while (n < tMin.length && tMin[n]! <= endMin) n++;
  return {
    t: Array.from({ length: n }, (_, i) => tMin[i]!),
    y: Array.from({ length: n }, (_, i) => y[i]!),
  };
}

/** The sentences that describe one scenario's curve over the time shown. */
export function describeCurve(c: CurveToDescribe, o: DescribeOptions): string[] {
  const { t, y } = shown(c.tMin, c.plasma, o.endMin);
  const conc = (v: number) => `${formatConc(v)} ${o.unitText}`;
  if (t.length < 2 || !(maxOf(y) > 0))
    return [`${c.name}: no ${c.analyte} in plasma in the time shown.`];
  const end = t[t.length - 1]!;
  const out: string[] = [];
  const k = firstPeakIndex(y);
  const peakT = t[k]!;
  const max = maxOf(y);
  if (k === t.length - 1) {
    out.push(
      `${c.name}: plasma ${c.analyte} is still rising at the end of the time shown (${formatMinutes(end)}), at ${conc(y[k]!)}.`,
    );
  } else {
    out.push(
      `${c.name}: plasma ${c.analyte} rises to a peak of ${conc(y[k]!)} at ${formatMinutes(peakT)}, then falls.`,
    );
  }
  const level = conc(o.level);
  if (max < o.level) {
    out.push(`It never reaches ${level}.`);
  } else {
    const above = minutesAtOrAbove(t, y, o.level);
    const below = fallsBelowAt(t, y, o.level, peakT);
    const fall = Number.isNaN(below)
      ? `it is still at or above ${level} at the end of the time shown`
      : `after the peak it falls below ${level} at ${formatMinutes(below)}`;
    out.push(`It is at or above ${level} for ${formatMinutes(above)} in all; ${fall}.`);
  }
  if (c.effectSite) {
    const e = shown(c.tMin, c.effectSite, o.endMin);
    const ke = firstPeakIndex(e.y);
    if (maxOf(e.y) > 0 && ke < e.t.length - 1) {
      const lag = e.t[ke]! - peakT;
      const when = lag > 0 ? `, ${formatMinutes(lag)} after plasma` : '';
      out.push(
        `The effect site (where the drug acts) peaks at ${formatMinutes(e.t[ke]!)}${when}, at ${conc(e.y[ke]!)}.`,
      );
    }
  }
  out.push(
    `At the end of the time shown (${formatMinutes(end)}) it is ${conc(valueAt(t, y, end))}.`,
  );
  return out;
}
