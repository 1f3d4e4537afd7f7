import { describe, expect, it } from 'vitest';
import { ivScenario, nasalScenario } from '../registry';
import type { RunOutcome, SimulationResult } from '../engine/run';
import type { Scenario } from '../engine/scenario';
import {
  SliderTable,
  nearestFirst,
  numbersPerResult,
  scenarioKey,
  sliderValues,
} from './sliderTable';

describe('sliderValues', () => {
  it('lists every value of a range as the browser writes them', () => {
    const dose = sliderValues({ min: 0.1, max: 1, step: 0.05, value: 0.5 }, 400);
    expect(dose).toHaveLength(19);
    // 0.1 + 5 * 0.05 is 0.35000000000000003 in floating point; the slider reports "0.35"
    expect(dose[5]).toBe(Number('0.35'));
    expect(dose.at(-1)).toBe(1);
    const weight = sliderValues({ min: 40, max: 150, step: 1, value: 70 }, 400);
    expect(weight).toHaveLength(111);
    expect(weight[30]).toBe(70);
    const childAge = sliderValues({ min: 0.3, max: 16, step: 0.1, value: 4 }, 400);
    expect(childAge[37]).toBe(Number('4'));
    expect(childAge.at(-1)).toBe(16);
  });

  it('keeps the values nearest the current one when the table may not hold them all', () => {
    expect(sliderValues({ min: 40, max: 150, step: 1, value: 70 }, 5)).toEqual([
      68, 69, 70, 71, 72,
    ]);
    expect(sliderValues({ min: 40, max: 150, step: 1, value: 41 }, 5)).toEqual([
      40, 41, 42, 43, 44,
    ]);
    expect(sliderValues({ min: 40, max: 150, step: 1, value: 150 }, 4)).toEqual([
      147, 148, 149, 150,
    ]);
  });

  it('refuses a range that is not one (a bug in the caller)', () => {
    expect(() => sliderValues({ min: 1, max: 0, step: 1, value: 0 }, 10)).toThrow(RangeError);
    expect(() => sliderValues({ min: 0, max: 1, step: 0, value: 0 }, 10)).toThrow(RangeError);
    expect(() => sliderValues({ min: 0, max: 1, step: 0.1, value: NaN }, 10)).toThrow(RangeError);
  });
});

describe('scenarioKey', () => {
  it('is the same for the same content in any key order, and differs for any other value', () => {
    const s = ivScenario(0.5, 40);
    // the same fields, written in the opposite order (nested objects too)
    const reverse = (o: object): object =>
      Object.fromEntries(
        Object.entries(o)
          .reverse()
          .map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? reverse(v) : v]),
      );
    const reordered = reverse(s) as Scenario;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(s)[0]);
    expect(scenarioKey(reordered)).toBe(scenarioKey(s));
    expect(scenarioKey({ ...s, patient: { ...s.patient, weightKg: 71 } })).not.toBe(scenarioKey(s));
  });

  it('counts the numbers a result holds from the scenario grid', () => {
    expect(numbersPerResult(ivScenario(0.5, 40))).toBe(5 * (1441 + 1));
    expect(numbersPerResult(nasalScenario())).toBeGreaterThan(5 * 1441);
  });
});

describe('SliderTable', () => {
  const result = (tag: number) => ({ totalDoseMg: tag }) as unknown as SimulationResult;
  const ok = (tag: number): RunOutcome => ({ ok: true, result: result(tag) }) as RunOutcome;
  const at = (w: number) => {
    const s = ivScenario(0.5, 40);
    return { ...s, patient: { ...s.patient, weightKg: w } };
  };

  it('gives the engine result for exactly the scenario it was computed for, and nothing else', () => {
    const table = new SliderTable();
    const batch = [at(60), at(61), at(62)];
    expect(table.covers(batch)).toBe(false);
    const id = table.begin(batch);
    expect(table.covers(batch)).toBe(true);
    expect(table.get(at(61))).toBeUndefined();
    table.add(id, batch.slice(0, 2), [ok(60), { ok: false, problems: [] }]);
    table.add(id, batch.slice(2), [ok(62)]);
    expect(table.get(at(60))?.totalDoseMg).toBe(60);
    expect(table.get(at(62))?.totalDoseMg).toBe(62);
    // a failed run is left out: the engine is asked again and says what is wrong
    expect(table.get(at(61))).toBeUndefined();
    expect(table.get(at(63))).toBeUndefined();
    expect(table.get({ ...at(60), model: 'other' })).toBeUndefined();
    expect(table.size).toBe(2);
    table.clear();
    expect(table.get(at(60))).toBeUndefined();
    expect(table.covers(batch)).toBe(false);
  });

  it('drops the chunks of a table that a newer one replaced', () => {
    const table = new SliderTable();
    const old = table.begin([at(60)]);
    const now = table.begin([at(80)]);
    expect(table.current(old)).toBe(false);
    table.add(old, [at(60)], [ok(60)]);
    table.add(now, [at(80)], [ok(80)]);
    expect(table.get(at(60))).toBeUndefined();
    expect(table.get(at(80))?.totalDoseMg).toBe(80);
  });

  it('refuses answers that do not match the chunk', () => {
    const table = new SliderTable();
    expect(() => table.add(table.begin([at(60)]), [at(60)], [])).toThrow(/1 scenarios got 0/);
  });
});

describe('nearestFirst', () => {
  it('orders the values by distance from the current one, lower first on a tie', () => {
    expect(nearestFirst([1, 2, 3, 4, 5], 3)).toEqual([3, 2, 4, 1, 5]);
  });
});
