import { describe, expect, it } from 'vitest';
import {
  MOLAR_MASS_G_PER_MOL,
  micromolarToNgPerMl,
  ngPerMlToMicromolar,
  perHourToPerMinute,
} from './units';

describe('unit conversions', () => {
  it('185 ng/mL ketamine is 0.778 uM (to 0.1%)', () => {
    const uM = ngPerMlToMicromolar(185, MOLAR_MASS_G_PER_MOL.ketamine);
    expect(Math.abs(uM - 0.7782) / 0.7782).toBeLessThan(1e-3);
  });

  it('round-trips ng/mL -> uM -> ng/mL to 1e-12 relative', () => {
    for (const c of [0.001, 1, 185, 2500]) {
      const back = micromolarToNgPerMl(ngPerMlToMicromolar(c, 223.7), 223.7);
      expect(Math.abs(back - c) / c).toBeLessThan(1e-12);
    }
  });

  it('molar masses match the formulas C13H16ClNO and C12H14ClNO to 0.01 g/mol', () => {
    // IUPAC standard atomic weights: C 12.011, H 1.008, Cl 35.45, N 14.007, O 15.999
    const mass = (c: number, h: number) => c * 12.011 + h * 1.008 + 35.45 + 14.007 + 15.999;
    expect(Math.abs(MOLAR_MASS_G_PER_MOL.ketamine - mass(13, 16))).toBeLessThan(0.01);
    expect(Math.abs(MOLAR_MASS_G_PER_MOL.norketamine - mass(12, 14))).toBeLessThan(0.01);
  });

  it('rejects a molar mass that is not positive, naming it', () => {
    expect(() => ngPerMlToMicromolar(1, 0)).toThrow('Molar mass must be a positive number');
    expect(() => micromolarToNgPerMl(1, Number.NaN)).toThrow('got NaN');
  });

  it('60 /h is 1 /min', () => {
    expect(perHourToPerMinute(60)).toBeCloseTo(1, 12);
  });
});
