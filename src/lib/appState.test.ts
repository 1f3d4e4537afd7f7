import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, defaultState, windowEndMin } from './appState';

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

describe('the default view', () => {
  it('opens on a window in which the default infusion takes a sixth of the width, not 3 %', () => {
    const regimen = defaultState().scenarios[0]!.scenario.regimen;
    expect(regimen.kind).toBe('iv');
    const infusionMin = regimen.kind === 'iv' ? regimen.infusionMin : 0;
    expect(infusionMin / windowEndMin(DEFAULT_VIEW.window, [])).toBeGreaterThanOrEqual(1 / 6);
  });
});
