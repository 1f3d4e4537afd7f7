import { describe, expect, it } from 'vitest';
import { decimate, formatConc, formatTime, linePath, timeUnitFor, valueAt } from './chartMath';

describe('decimate', () => {
  const t = Float64Array.from({ length: 10001 }, (_, i) => i);
  const y = t.map((x) => (x === 5003 ? 1000 : Math.sin(x / 100)));

  it('keeps every point when there are few', () => {
    expect(decimate(t.subarray(0, 50), y, 0, 49, 100)).toHaveLength(50);
  });

  it('keeps at most about 2 points per pixel and never loses a spike', () => {
    const idx = decimate(t, y, 0, 10000, 200);
    expect(idx.length).toBeLessThanOrEqual(2 * 202);
    expect(idx).toContain(5003);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('restricts to the window, with one point either side', () => {
    const idx = decimate(t, y, 100, 200, 1000);
    expect(idx[0]).toBe(99);
    expect(idx[idx.length - 1]).toBe(201);
  });
});

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

describe('linePath', () => {
  it('moves, draws, and breaks at undefined points, rounding to 0.1 px', () => {
    const d = linePath(
      [0, 1, 2, 3],
      (i) => i * 10.04,
      () => 5,
      (i) => i !== 2,
    );
    expect(d).toBe('M0,5L10,5M30.1,5');
  });
});
