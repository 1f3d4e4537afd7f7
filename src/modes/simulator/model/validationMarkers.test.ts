import { describe, expect, it } from 'vitest';
import { validateModel } from '../../../registryApi';
import { valueAt } from '../../../engine/curve';
import type { Validation } from '../../../engine/validation';
import { sourceMarkers } from './validationMarkers';

const validation = (id: string): Validation => {
  const v = validateModel(id);
  if ('error' in v) throw new Error(v.error);
  return v;
};

describe("the validation chart's published points", () => {
  it("draws the clinical IV peak at the infusion's end, at the observed value", () => {
    const v = validation('herd-adult');
    const peak = v.comparisons.find((c) => c.observation.id === 'iv-peak')!.observation;
    const m = sourceMarkers(v);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ role: 'observed-peak', tMin: 40, y: peak.value });
    expect(m[0]!.label).toContain(`${peak.value as number} ng/mL`);
  });

  it("puts a route source's single time to peak on the model's curve (sublingual, Rolan 2014)", () => {
    const v = validation('rolan2014-sl');
    const tmax = v.comparisons.find((c) => c.observation.id === 'sl-tmax')!.observation;
    const m = sourceMarkers(v);
    expect(m).toHaveLength(1);
    const t = tmax.value as number;
    expect(m[0]).toMatchObject({ role: 'source-tmax', tMin: t });
    const parent = v.result.plasma[v.result.parent]!;
    expect(m[0]!.y).toBeCloseTo(valueAt(v.result.tMin, parent, t), 9);
    expect(m[0]!.y).toBeGreaterThan(0);
    expect(m[0]!.label).toBe(`Source's peak time: ${t} min`);
  });

  it('gives a published range two points, its earliest and its latest (IM, as quoted)', () => {
    const v = validation('im-racemic');
    const range = v.comparisons.find((c) => c.observation.id === 'im-tmax')!.observation
      .value as readonly [number, number];
    const m = sourceMarkers(v);
    expect(m.map((x) => x.tMin)).toEqual([...range]);
    // Only the later point carries the words (two labels so close would overlap).
    expect(m.map((x) => x.label)).toEqual([
      '',
      `Source's peak time: ${range[0]} min to ${range[1]} min`,
    ]);
    // Both sit on the rising and falling sides of the model's curve, below its peak.
    const peak = Math.max(...v.result.plasma[v.result.parent]!);
    for (const x of m) expect(x.y).toBeLessThanOrEqual(peak);
  });

  it('draws no point for figures that are not times (bioavailability, metabolite ratio)', () => {
    const v = validation('perezruixo2021-oral');
    const kinds = v.comparisons.map((c) =>
      'measure' in c.observation ? c.observation.measure : '',
    );
    expect(kinds).not.toContain('tmax');
    expect(sourceMarkers(v)).toEqual([]);
  });
});
