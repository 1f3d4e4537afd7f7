import { describe, expect, it } from 'vitest';
import { MODELS } from '../../models/index';
import { DEFAULT_PATIENT } from '../engine/run';
import { patientForModel } from './modelPatient';

const adult = { ...DEFAULT_PATIENT };

describe('the patient when the model changes', () => {
  it('a paediatric model brings the typical child of its study, and says so', () => {
    const herd = patientForModel(MODELS['herd-adult']!, MODELS['herd']!, adult);
    expect(herd.patient).toEqual({ ...adult, ageYears: 8.3, weightKg: 32.5 });
    expect(herd.message).toContain('8.3 years, 32.5 kg');
    expect(herd.message).toContain("study's mean");
    const hornik = patientForModel(MODELS['herd-adult']!, MODELS['hornik']!, adult);
    expect(hornik.patient).toMatchObject({ ageYears: 3.3, weightKg: 14 });
    expect(hornik.message).toContain("study's median");
  });

  it('every paediatric model names a typical patient inside its own studied ranges', () => {
    const paediatric = Object.values(MODELS).filter((m) => m.population.paediatric);
    expect(paediatric.length).toBeGreaterThan(0);
    for (const m of paediatric) {
      const c = m.population.typicalPatient;
      expect(c, m.id).toBeDefined();
      expect(c!.ageYears).toBeGreaterThanOrEqual(m.population.ageYears[0]);
      expect(c!.ageYears).toBeLessThanOrEqual(m.population.ageYears[1]);
      expect(c!.weightKg).toBeGreaterThanOrEqual(m.population.weightKg[0]);
      expect(c!.weightKg).toBeLessThanOrEqual(m.population.weightKg[1]);
    }
  });

  it('back to a model of adults gives the default adult; other changes keep the patient as set', () => {
    const child = { ...adult, ageYears: 6, weightKg: 20 };
    const back = patientForModel(MODELS['hornik']!, MODELS['herd-adult']!, child);
    expect(back.patient).toEqual(adult);
    expect(back.message).toContain('default adult');
    // Between two paediatric models, or two adult ones, the patient the user set stays.
    expect(patientForModel(MODELS['herd']!, MODELS['hornik']!, child)).toEqual({
      patient: child,
      message: null,
    });
    const heavy = { ...adult, weightKg: 95 };
    const adults = Object.values(MODELS).filter(
      (m) => !m.population.paediatric && m.route === 'iv',
    );
    expect(patientForModel(adults[0]!, adults[1]!, heavy)).toEqual({
      patient: heavy,
      message: null,
    });
  });
});
