import { PRESETS } from '../registry';
import { REGISTRY, validateModel } from '../registryApi';
import { describe, expect, it } from 'vitest';
import { firstPeakIndex } from './curve';
import { dosingLengthMin } from './regimen';
import { compare } from './validation';

const DEFAULT_IV_MODEL = REGISTRY.defaults.iv;

describe('validation view data', () => {
  it('compares the default IV model with the observed venous peak and reports the disagreement', () => {
    const v = validateModel('kamp2020');
    if ('error' in v) throw new Error(v.error);
    const peak = v.comparisons.find((c) => c.observation.id === 'iv-peak')!;
    expect(peak.observation.value).toBe(185);
    expect(peak.model).toBeGreaterThan(185);
    expect(peak.agrees).toBe(false);
    expect(peak.observation.note).toContain('arterial');
  });

  it('compares the default IV model with the observed peak and the meta-analysis clearance, each with its deviation', () => {
    const v = validateModel(DEFAULT_IV_MODEL);
    if ('error' in v) throw new Error(v.error);
    const peak = v.comparisons.find((c) => c.observation.id === 'iv-peak')!;
    expect(peak.deviationPercent).toBeCloseTo((100 * (peak.model - 185)) / 185, 9);
    const cl = v.comparisons.find((c) => c.observation.id === 'iv-clearance')!;
    expect(cl.observation.value).toBe(79);
    expect(cl.observation.interval).toEqual([69, 90]);
    // Herd 2007: CL 90 L/h per 70 kg, at the top of the meta-analysis's 95 % CI.
    expect(cl.model).toBeCloseTo(90, 9);
    expect(cl.agrees).toBe(true);
    expect(cl.deviationPercent).toBeCloseTo((100 * 11) / 79, 9);
  });

  it('measures clearance from the model itself: 84 L/h for the untraced "Kamp 2020" set', () => {
    const v = validateModel('kamp2020');
    if ('error' in v) throw new Error(v.error);
    expect(v.comparisons.find((c) => c.observation.id === 'iv-clearance')!.model).toBeCloseTo(
      84,
      9,
    );
  });

  it('gives a range comparison 0 % deviation inside and the distance to the nearer end outside', () => {
    const range = {
      id: 'r',
      label: 'r',
      value: [100, 250] as const,
      unit: 'ng/mL',
      source: 'x',
      note: '',
    };
    expect(compare(range, 200).deviationPercent).toBe(0);
    expect(compare(range, 300).deviationPercent).toBeCloseTo(20, 12);
    expect(compare(range, 50).deviationPercent).toBeCloseTo(-50, 12);
  });

  it('compares the nasal model with four label facts', () => {
    const v = validateModel('perezruixo2021');
    if ('error' in v) throw new Error(v.error);
    expect(v.comparisons.map((c) => c.observation.id)).toEqual([
      'nasal-tmax',
      'nasal-f84',
      'nasal-thalf',
      'nasal-nor-thalf',
    ]);
    const tmax = v.comparisons[0]!;
    expect(tmax.model).toBeGreaterThanOrEqual(20);
    expect(tmax.model).toBeLessThanOrEqual(40);
    expect(tmax.agrees).toBe(true);
  });

  it('gives no adult comparison for a paediatric model, and says why', () => {
    const v = validateModel('herd');
    if ('error' in v) throw new Error(v.error);
    expect(v.comparisons).toEqual([]);
    expect(v.none).toContain('paediatric');
  });

  it('names an unknown model', () => {
    expect(validateModel('toString')).toEqual({ error: 'Unknown model "toString"' });
  });

  it('measures the nasal Tmax from the last device of the regimen, not a fixed 10 min', () => {
    expect(dosingLengthMin(PRESETS['esk-84']!.regimen)).toBe(10);
    expect(dosingLengthMin(PRESETS['esk-56']!.regimen)).toBe(5);
    const r = PRESETS['esk-56']!.regimen;
    if (r.kind !== 'intranasal') throw new Error('esk-56 is nasal');
    expect(dosingLengthMin({ ...r, spacingMin: 12 })).toBe(12);
    expect(dosingLengthMin(PRESETS['iv-0.5']!.regimen)).toBe(40);
    // The validation view's Tmax after the last device, for 2 and 3 devices alike.
    const v = validateModel('perezruixo2021');
    if ('error' in v) throw new Error(v.error);
    const peakAt = v.result.tMin[firstPeakIndex(v.result.plasma.esketamine!)]!;
    expect(v.comparisons[0]!.model).toBe(peakAt - 10);
  });
});

describe('route models against their sources', () => {
  const byId = (modelId: string) => {
    const v = validateModel(modelId);
    if ('error' in v) throw new Error(v.error);
    return new Map(v.comparisons.map((c) => [c.observation.id, c]));
  };

  it('gives each route model its source dose and a comparison per recorded figure', () => {
    for (const [id, def] of Object.entries(REGISTRY.observations.routes)) {
      const v = validateModel(id);
      if ('error' in v) throw new Error(v.error);
      expect(v.scenario.regimen).toEqual(def.protocol.regimen);
      expect(v.comparisons.map((c) => c.observation.id)).toEqual(def.observations.map((o) => o.id));
      for (const c of v.comparisons)
        expect(Number.isFinite(c.model), `${id} ${c.observation.id}`).toBe(true);
    }
  });

  it('agrees where the route was built from the figure (F, Tmax)', () => {
    const sl = byId('rolan2014-sl');
    expect(sl.get('sl-f')!.agrees).toBe(true);
    expect(sl.get('sl-tmax')!.agrees).toBe(true);
    expect(byId('fanta2015-oral').get('oral-s-f')!.agrees).toBe(true);
    expect(byId('racemic-nasal-2022').get('spray-f30')!.agrees).toBe(true);
    expect(byId('im-racemic').get('im-tmax')!.agrees).toBe(true);
  });

  it('shows, not hides, the norketamine disagreement after a racemic nasal dose', () => {
    const ratio = byId('racemic-nasal-2022').get('spray-ratio30')!;
    expect(ratio.agrees).toBe(false);
    expect(ratio.deviationPercent).toBeGreaterThan(100);
    expect(ratio.observation.note).toContain('over-predicts');
  });

  it('reports the oral esketamine model within 10 % of the abstract', () => {
    expect(byId('perezruixo2021-oral').get('oral-esk-f')!.agrees).toBe(true);
  });
});
