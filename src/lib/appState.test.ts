import { describe, expect, it } from 'vitest';
import { windowEndMin } from './appState';

describe('windowEndMin', () => {
  const course = { tMin: Float64Array.from([0, 5, 20160]) };
  const day = { tMin: Float64Array.from([0, 1, 1440]) };
  it('gives the fixed windows and the longest simulation for the whole course', () => {
    expect(windowEndMin('4h', [course])).toBe(240);
    expect(windowEndMin('24h', [course])).toBe(1440);
    expect(windowEndMin('course', [day, null, course])).toBe(20160);
    expect(windowEndMin('course', [null])).toBe(1440);
  });
});
