import { describe, expect, it } from 'vitest';
import { summarize } from './summary';

describe('summarize', () => {
  const t = Float64Array.from({ length: 11 }, (_, i) => i * 6); // 0..60 min
  const tri = t.map((x) => (x <= 30 ? x * 10 : (60 - x) * 10)); // peak 300 at 30 min

  it('finds Cmax and Tmax', () => {
    const s = summarize(t, tri, 100);
    expect(s.cmax).toBe(300);
    expect(s.tmaxMin).toBe(30);
  });

  it('integrates a triangle exactly (ng h/mL)', () => {
    expect(summarize(t, tri, 100).auc0to24NgHPerMl).toBeCloseTo((0.5 * 60 * 300) / 60, 10);
  });

  it('measures time at or above a threshold with interpolated crossings', () => {
    // above 100 from t = 10 to t = 50 min
    expect(summarize(t, tri, 100).minutesAtOrAbove).toBeCloseTo(40, 10);
    expect(summarize(t, tri, 400).minutesAtOrAbove).toBe(0);
  });

  it('stops the AUC at 24 h', () => {
    const long = Float64Array.of(0, 1440, 2880);
    const c = Float64Array.of(10, 10, 10);
    expect(summarize(long, c, 100).auc0to24NgHPerMl).toBeCloseTo(240, 10);
  });
});
