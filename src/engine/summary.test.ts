import { describe, expect, it } from 'vitest';
import { FIRST_PEAK_TOLERANCE, firstPeakIndex } from './curve';
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

describe('first-peak rule', () => {
  it('gives the first session of a course of identical sessions, not a later, slightly higher one', async () => {
    const { PRESETS, runScenario } = await import('../registry');
    const r = runScenario(PRESETS['iv-course']);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const c = r.result.plasma[r.result.parent]!;
    const s = summarize(r.result.tMin, c, 100);
    // The highest point of the course is in a later session (a little carry-over)...
    let k = 0;
    for (let i = 1; i < c.length; i++) if (c[i]! > c[k]!) k = i;
    expect(r.result.tMin[k]).toBeGreaterThan(24 * 60);
    // ...but Tmax is the end of the first 40-min infusion.
    expect(s.tmaxMin).toBe(40);
    expect(s.cmax).toBe(c[k]);
    expect(s.cAtTmax / s.cmax).toBeGreaterThan(1 - FIRST_PEAK_TOLERANCE);
  });

  it('takes a later peak that is clearly higher (a larger dose)', () => {
    const t = Float64Array.from({ length: 7 }, (_, i) => i);
    const c = Float64Array.of(0, 100, 0, 0, 150, 0, 0);
    expect(firstPeakIndex(c)).toBe(4);
    expect(summarize(t, c, 1).tmaxMin).toBe(4);
  });

  it('counts a plateau from its start and skips a shoulder that rises further', () => {
    expect(firstPeakIndex(Float64Array.of(0, 5, 5, 5, 1))).toBe(1);
    expect(firstPeakIndex(Float64Array.of(0, 99, 99, 100, 1))).toBe(3);
    expect(firstPeakIndex(Float64Array.of(0, 0, 0))).toBe(0);
  });
});
