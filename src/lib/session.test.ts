import { describe, expect, it } from 'vitest';
import { patientSteps } from '../content/session';
import {
  assignLanes,
  backNearZero,
  curveFacts,
  numberSources,
  placeSteps,
  samples,
  timesAbove,
} from './session';

const STEPS = { iv: patientSteps('iv'), intranasal: patientSteps('intranasal') };

const t = Float64Array.from({ length: 301 }, (_, k) => k);
/** A triangle: up to 200 at 40 min, down to 0 at 120 min. */
const c = t.map((x) => (x <= 40 ? 5 * x : Math.max(0, 200 - 2.5 * (x - 40))));

describe('patient timeline helpers', () => {
  it('places the steps on the first session: anchors, the curve, and bars that run on', () => {
    const iv = placeSteps(STEPS.iv, { start: 0, end: 40 }, 64);
    const by = (id: string) => iv.find((p) => p.step.id === id)!;
    expect(by('checks')).toMatchObject({ from: -20, to: 0, number: 1 });
    expect(by('drip')).toMatchObject({ from: 0, to: 40 });
    expect(by('feelings')).toMatchObject({ from: 0, to: 64 });
    expect(by('rest')).toMatchObject({ from: 40, to: null, runsOn: false });
    expect(by('next-day')).toMatchObject({ from: null });
    // No bar for the feelings when the simulated level never reaches the range.
    expect(placeSteps(STEPS.iv, { start: 0, end: 40 }, null)[2]).toMatchObject({ from: null });

    const nasal = placeSteps(STEPS.intranasal, { start: 0, end: 10 }, null);
    expect(nasal.find((p) => p.step.id === 'spray')).toMatchObject({ from: 0, to: 10 });
    expect(nasal.find((p) => p.step.id === 'monitoring')).toMatchObject({ from: 0, to: 120 });
    expect(nasal.find((p) => p.step.id === 'home')).toMatchObject({ from: 120, runsOn: true });
  });

  it('packs bars into rows without overlap', () => {
    const nasal = placeSteps(STEPS.intranasal, { start: 0, end: 10 }, null);
    const { lane, count } = assignLanes(nasal);
    expect(count).toBeLessThan(nasal.length);
    const onStrip = nasal.filter((p) => p.from !== null);
    for (const a of onStrip)
      for (const b of onStrip) {
        if (a === b || lane.get(a.step.id) !== lane.get(b.step.id)) continue;
        const endA = a.runsOn ? Infinity : (a.to ?? a.from! + 10);
        const endB = b.runsOn ? Infinity : (b.to ?? b.from! + 10);
        expect(endA <= b.from! || endB <= a.from!).toBe(true);
      }
  });

  it('finds the peak, the fall to half and the last time above a level', () => {
    expect(curveFacts(t, c, 240)).toEqual({ peak: 200, peakMin: 40, halfMin: 80 });
    expect(curveFacts(t, c, 60)!.halfMin).toBeNull();
    expect(curveFacts(t, new Float64Array(301), 240)).toBeNull();
    expect(timesAbove(t, c, 100, 240)).toEqual({ first: 20, last: 80 });
    expect(timesAbove(t, c, 100, 50)).toEqual({ first: 20, last: 50 });
    expect(timesAbove(t, c, 500, 240)).toBeNull();
  });

  it('tells whether the level goes back near zero before each session', () => {
    const days = Float64Array.from({ length: 3 * 1440 + 1 }, (_, k) => k);
    const pulse = (x: number) => Math.exp(-((x % 1440) / 100));
    const level = days.map(pulse);
    expect(backNearZero(days, level, [0, 1440, 2880])).toBe(true);
    const slow = days.map((x) => Math.exp(-x / 5000));
    expect(backNearZero(days, slow, [0, 1440, 2880])).toBe(false);
  });

  it('samples the curve on a regular grid and numbers sources by first use', () => {
    expect(samples(t, c, 0, 60, 20)).toEqual([
      { t: 0, c: 0 },
      { t: 20, c: 100 },
      { t: 40, c: 200 },
      { t: 60, c: 150 },
    ]);
    const map = numberSources([
      { text: 'a', cite: ['x', 'y'] },
      { text: 'b', note: true },
      { text: 'c', cite: ['y', 'z'] },
    ]);
    expect([...map]).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
  });
});
