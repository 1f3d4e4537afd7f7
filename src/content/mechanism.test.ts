import { describe, expect, it } from 'vitest';
import { MECHANISM_PANELS, TIMELINE_STAGES, stagesUnderWay } from './mechanism';
import { fleschKincaidGrade, syllables } from './readability';

// The claims and timeline stages are cited statements: their shape, keys and reading grade (a
// stage's label read as a short sentence) are checked by ./cited.test.ts.

const claims = MECHANISM_PANELS.flatMap((p) => p.claims.map((c) => [p.id, c] as const));

describe('mechanism content', () => {
  it('the panel titles in plain language read at grade 8 or below', () => {
    const text = MECHANISM_PANELS.map((p) => `${p.title.plain}.`).join(' ');
    expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(8);
  });

  it('every timeline stage has an ordered window', () => {
    for (const s of TIMELINE_STAGES) expect(s.startMin, s.id).toBeLessThan(s.endMin);
  });

  it('lists the default mode network and inflammation as debated ideas, each with its source', () => {
    const debated = MECHANISM_PANELS.find((p) => p.id === 'debated')!.claims;
    const dmn = debated.find((c) => c.text.student.includes('Default mode network'))!;
    const inflammation = debated.find((c) => c.text.student.includes('Anti-inflammatory'))!;
    expect(dmn.evidence).toBe('debated');
    expect(dmn.cite).toEqual(['scheidegger2012']);
    expect(inflammation.evidence).toBe('debated');
    expect(inflammation.cite).toEqual(['kopra2021']);
  });

  it('the student texts are harder than the plain ones (the measure can tell them apart)', () => {
    const grade = (level: 'student' | 'plain') =>
      fleschKincaidGrade(claims.map(([, c]) => c.text[level]).join(' '));
    expect(grade('student')).toBeGreaterThan(grade('plain') + 3);
  });
});

describe('readability', () => {
  it.each([
    ['cat', 1],
    ['table', 2],
    ['receptor', 3],
    ['glutamate', 3],
    ['antidepressant', 5],
  ])('%s has %i syllable(s)', (w, n) => expect(syllables(w)).toBe(n));

  it('grades a children’s sentence low and a technical one high', () => {
    expect(fleschKincaidGrade('The cat sat on the mat. It was a sunny day.')).toBeLessThan(2);
    expect(
      fleschKincaidGrade(
        'Uncompetitive antagonism at the phencyclidine binding site necessitates prior channel activation.',
      ),
    ).toBeGreaterThan(14);
  });
});

describe('stages under way at the time cursor', () => {
  it('shows none at the very start of dosing, when no drug has reached the brain', () => {
    // t = 0 of a 40-min infusion: 40 min before dosing ends, occupancy 0
    expect(stagesUnderWay(-40, 0)).toEqual([]);
  });

  it('shows dissociation and the glutamate burst once the drug has reached the brain', () => {
    expect(stagesUnderWay(-20, 0.3).map((s) => s.id)).toEqual(['dissociation', 'glutamate-burst']);
  });

  it('still shows the later stages after the drug is gone', () => {
    expect(stagesUnderWay(3 * 1440, 0).map((s) => s.id)).toEqual(['synapses', 'clinical-response']);
  });
});
