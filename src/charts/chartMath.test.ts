import { describe, expect, it } from 'vitest';
import { areaPath, axisMap, curvePath, formatConc, formatTime, timeUnitFor } from './chartMath';
import { valueAt } from '../engine/curve';

describe('valueAt', () => {
  const t = Float64Array.of(0, 10, 20);
  const y = Float64Array.of(0, 100, 50);
  it.each([
    [0, 0],
    [5, 50],
    [15, 75],
    [20, 50],
  ])('at %s is %s', (tt, want) => expect(valueAt(t, y, tt)).toBeCloseTo(want, 12));
  it('is NaN outside the data', () => expect(valueAt(t, y, 21)).toBeNaN());
});

describe('formatting', () => {
  it('picks min, h or days by span', () => {
    expect(timeUnitFor(240)).toBe('min');
    expect(timeUnitFor(1440)).toBe('h');
    expect(timeUnitFor(20160)).toBe('d');
  });
  it('formats times and concentrations', () => {
    expect(formatTime(90, 'h')).toBe('1.5 h');
    expect(formatTime(2880, 'd')).toBe('2 days');
    expect(formatConc(253.14)).toBe('253');
    expect(formatConc(0.012345)).toBe('0.0123');
    expect(formatConc(0)).toBe('0');
  });
});

describe('curvePath', () => {
  /** The path's points, as [x, y] pairs per run. */
  const runs = (d: string) =>
    d
      .split('M')
      .filter(Boolean)
      .map((run) => run.split('L').map((p) => p.split(',').map(Number) as [number, number]));
  /** Distance of point p from the polyline pts. */
  const distance = (p: [number, number], pts: [number, number][]) => {
    let best = Infinity;
    for (let k = 0; k + 1 < pts.length; k++) {
      const [ax, ay] = pts[k]!;
      const [bx, by] = pts[k + 1]!;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const u =
        len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2));
      best = Math.min(best, Math.hypot(p[0] - ax - u * dx, p[1] - ay - u * dy));
    }
    return best;
  };
  // A 24 h curve at 1 min: an infusion rise to a peak at 40 min, then two-phase decay.
  const t = Float64Array.from({ length: 1441 }, (_, i) => i);
  const y = t.map((m) =>
    m <= 40
      ? 250 * (1 - Math.exp(-m / 12))
      : 240 * Math.exp(-(m - 40) / 30) + 12 * Math.exp(-(m - 40) / 300),
  );
  const xMap = axisMap([0, 1440], [0, 540]);
  const yMap = axisMap([0, 300], [264, 0]);

  it('maps as a linear and a clamped log scale do', () => {
    expect(xMap.a * 720 + xMap.b).toBeCloseTo(270, 12);
    const log = axisMap([0.1, 1000], [264, 0], true);
    expect(log.a * Math.log(10) + log.b).toBeCloseTo(132, 10);
    expect([log.lo, log.hi]).toEqual([0, 264]);
  });

  it('stays within a quarter pixel of the data with far fewer points, and keeps the peak', () => {
    const d = curvePath(t, y, { t0: 0, t1: 1440, xMap, yMap });
    const [pts] = runs(d);
    expect(runs(d)).toHaveLength(1);
    expect(pts!.length).toBeLessThan(250);
    for (let i = 0; i < t.length; i++) {
      const p: [number, number] = [xMap.a * t[i]! + xMap.b, yMap.a * y[i]! + yMap.b];
      expect(distance(p, pts!)).toBeLessThanOrEqual(0.25 + 0.08);
    }
    const top = Math.min(...pts!.map((p) => p[1]));
    expect(top).toBeCloseTo(yMap.a * Math.max(...y) + yMap.b, 0);
    expect(pts![0]).toEqual([0, 264]);
    expect(pts![pts!.length - 1]![0]).toBe(540);
  });

  it('never loses a one-sample spike among many points per pixel', () => {
    const tt = Float64Array.from({ length: 20001 }, (_, i) => i);
    const yy = tt.map((x) => (x === 10007 ? 1000 : 1 + Math.sin(x / 50)));
    const [pts] = runs(
      curvePath(tt, yy, {
        t0: 0,
        t1: 20000,
        xMap: axisMap([0, 20000], [0, 300]),
        yMap: axisMap([0, 1000], [100, 0]),
      }),
    );
    expect(Math.min(...pts!.map((p) => p[1]))).toBe(0);
    expect(pts!.length).toBeLessThanOrEqual(4 * 301);
  });

  it('restricts to the window with one point either side', () => {
    const [pts] = runs(
      curvePath(t, y, { t0: 100, t1: 200, xMap: axisMap([100, 200], [0, 500]), yMap }),
    );
    expect(pts![0]![0]).toBe(-5);
    expect(pts![pts!.length - 1]![0]).toBe(505);
  });

  it('breaks the line at values a log axis cannot place, and at NaN', () => {
    const yy = Float64Array.of(1, 10, 0, 100, 1000, Number.NaN, 10);
    const tt = Float64Array.from({ length: 7 }, (_, i) => i * 100);
    const log = axisMap([0.1, 1000], [100, 0], true);
    expect(
      runs(curvePath(tt, yy, { t0: 0, t1: 600, xMap: axisMap([0, 600], [0, 600]), yMap: log })),
    ).toHaveLength(3);
    expect(
      curvePath(tt, yy, {
        t0: 0,
        t1: 600,
        xMap: axisMap([0, 600], [0, 600]),
        yMap: axisMap([0, 1000], [100, 0]),
      }),
    ).not.toContain('NaN');
  });

  it('is empty for no data', () => {
    expect(curvePath(new Float64Array(0), new Float64Array(0), { t0: 0, t1: 10, xMap, yMap })).toBe(
      '',
    );
  });
});

describe('areaPath', () => {
  const t = Float64Array.from({ length: 289 }, (_, i) => i * 5);
  const mid = t.map((m) => 100 * Math.exp(-m / 300));
  const lower = mid.map((v) => v * 0.6);
  const upper = mid.map((v) => v * 1.5);
  const xMap = axisMap([0, 1440], [0, 540]);

  it('goes along the upper curve and back along the lower one, closed', () => {
    const d = areaPath(t, lower, upper, {
      t0: 0,
      t1: 1440,
      xMap,
      yMap: axisMap([0, 160], [264, 0]),
    });
    expect(d.startsWith('M0,')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
    const pts = d
      .slice(1, -1)
      .split('L')
      .map((p) => p.split(',').map(Number));
    // starts at the top of the band (150 -> 16.5 px) and ends at its bottom (60 -> 165 px) at t = 0
    expect(pts[0]).toEqual([0, 16.5]);
    expect(pts[pts.length - 1]).toEqual([0, 165]);
    expect(Math.max(...pts.map((p) => p[0]!))).toBe(540);
  });

  it('leaves out, on a log axis, the stretches where either edge is 0', () => {
    const lo = lower.map((v, i) => (i < 3 || (i > 100 && i < 110) ? 0 : v));
    const d = areaPath(t, lo, upper, {
      t0: 0,
      t1: 1440,
      xMap,
      yMap: axisMap([0.01, 200], [264, 0], true),
    });
    expect(d.split('M')).toHaveLength(3);
    expect(d.split('Z')).toHaveLength(3);
  });
});
