/**
 * The figures the glossary writes in words are the ones the models compute with: if a model's
 * constant changes, its definition must change too (the glossary is text and cannot import them).
 */
import { describe, expect, it } from 'vitest';
import { glossaryEntry } from '../../src/content/glossary';
import { KE0_PER_MIN } from '../../models/common';
import { OCCUPANCY } from '../../models/occupancy';
import { MOLAR_MASS_G_PER_MOL } from '../../src/engine/units';

describe('the glossary and the models agree', () => {
  it("gives ke0's equilibration half-time as the models use it", () => {
    const halfTime = (Math.LN2 / KE0_PER_MIN).toFixed(1);
    expect(glossaryEntry('ke0').text.student).toContain(`${halfTime} min for S-ketamine`);
  });

  it('gives the S- and R-ketamine Ki of the occupancy model', () => {
    const ki = Object.fromEntries(
      OCCUPANCY['racemic-ketamine'].affinities.map((a) => [a.label, a.kiMicromolar]),
    );
    const text = glossaryEntry('ki').text.student;
    expect(text).toContain(`${ki['S-ketamine']} µM for S-`);
    expect(text).toContain(`${ki['R-ketamine']} µM for R-ketamine`);
  });

  it("gives ketamine's molar mass and the ng/mL in 1 µM from the unit conversion", () => {
    const mass = MOLAR_MASS_G_PER_MOL.ketamine;
    const text = glossaryEntry('micromolar').text.student;
    expect(text).toContain(`${mass.toFixed(1)} g/mol`);
    expect(text).toContain(`1 µM is about ${Math.round(mass)} ng/mL`);
  });
});
