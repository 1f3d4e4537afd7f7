import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { lastDeviceMin, validateModel } from './validation';

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
    expect(lastDeviceMin(PRESETS['esk-84']!)).toBe(10);
    expect(lastDeviceMin(PRESETS['esk-56']!)).toBe(5);
    const r = PRESETS['esk-56']!.regimen;
    expect(
      lastDeviceMin({ ...PRESETS['esk-56']!, regimen: { ...r, spacingMin: 12 } } as never),
    ).toBe(12);
    expect(lastDeviceMin(PRESETS['iv-0.5']!)).toBe(0);
  });
});
