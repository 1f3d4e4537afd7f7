import { describe, expect, it } from 'vitest';
import {
  aucNgHPerMl,
  fallsBelowAt,
  halfLifeH,
  maxOf,
  minutesAtOrAbove,
  valueAt,
  valueAtClamped,
} from './curve';

const t = Float64Array.of(0, 60, 120, 180);
const y = Float64Array.of(0, 100, 50, 25);

describe('curve analysis (one definition for the app)', () => {
  it('valueAt interpolates inside and is NaN outside; valueAtClamped holds the end values', () => {
    expect(valueAt(t, y, 90)).toBeCloseTo(75, 12);
    expect(valueAt(t, y, -1)).toBeNaN();
    expect(valueAt(t, y, 181)).toBeNaN();
    expect(valueAt(t, y, Number.NaN)).toBeNaN();
    expect(valueAtClamped(t, y, -1)).toBe(0);
    expect(valueAtClamped(t, y, 999)).toBe(25);
    expect(valueAtClamped(t, y, 150)).toBeCloseTo(37.5, 12);
    expect(valueAt(new Float64Array(0), new Float64Array(0), 0)).toBeNaN();
  });

  it('AUC by trapezoids in ng h/mL, cut at a time inside an interval', () => {
    // 0-60: 50 ng h/mL... areas in ng min/mL: 3000 + 4500 + 2250 = 9750 -> 162.5 ng h/mL
    expect(aucNgHPerMl(t, y)).toBeCloseTo(9750 / 60, 12);
    // up to 90 min: 3000 + (30 * (100 + 75)) / 2 = 5625 ng min/mL
    expect(aucNgHPerMl(t, y, 90)).toBeCloseTo(5625 / 60, 12);
    expect(aucNgHPerMl(t, y, 0)).toBe(0);
  });

  it('half-life of a fall, NaN when the curve does not fall', () => {
    expect(halfLifeH(t, y, 60, 180)).toBeCloseTo(1, 12);
    expect(halfLifeH(t, y, 0, 60)).toBeNaN();
  });

  it('maximum, and time at or above a level with interpolated crossings', () => {
    expect(maxOf(y)).toBe(100);
    expect(maxOf(new Float64Array(0))).toBe(0);
    // above 50 from 30 min (rising) to 120 min (falling, exactly 50 there)
    expect(minutesAtOrAbove(t, y, 50)).toBeCloseTo(90, 12);
  });

  it('fallsBelowAt: the first downward crossing after a time, interpolated; NaN when it stays above', () => {
    // 100 at 60 min, 50 at 120: 75 is crossed half-way, at 90 min.
    expect(fallsBelowAt(t, y, 75, 60)).toBeCloseTo(90, 12);
    // From inside an interval: the crossing is interpolated from the value at the start time.
    expect(fallsBelowAt(t, y, 75, 70)).toBeCloseTo(90, 12);
    // Already below at the start time: that time.
    expect(fallsBelowAt(t, y, 75, 150)).toBe(150);
    // The rise before the peak is not a fall: from 0 the curve is below 75 at once.
    expect(fallsBelowAt(t, y, 75, 0)).toBe(0);
    // Stays at or above to the end of the data, or the start time is outside the data: NaN.
    expect(fallsBelowAt(t, y, 20, 60)).toBeNaN();
    expect(fallsBelowAt(t, y, 75, 999)).toBeNaN();
    // A level met exactly is not below it.
    expect(fallsBelowAt(t, y, 25, 60)).toBeNaN();
  });
});
