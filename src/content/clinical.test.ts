import { describe, expect, it } from 'vitest';
import { CLINICAL_SECTIONS, COURSE_TEXT, IV_MONITORING_NOTE } from './clinical';
import { clinicalSteps, type Anchor } from './session';
import { fleschKincaidGrade } from './readability';

// The cited statements (items, step details, DISSOCIATION_STEP, COURSE_TEXT) are checked, for their
// shape, keys and reading grade, by ./cited.test.ts; here, the texts that cite nothing and the
// facts of particular items.

/** The clinical panel's steps of both routes. */
const SESSION_STEPS = (['iv', 'intranasal'] as const).flatMap((route) =>
  clinicalSteps(route).map((s) => ({ id: s.id, route, bar: s.bar!, ...s.clinical! })),
);

/**
 * The plain texts that cite nothing: labels are read as short sentences, and the section titles,
 * of two or three words each, together as one text.
 */
const plainTexts: string[] = [
  ...SESSION_STEPS.map((s) => s.label.plain + '.'),
  CLINICAL_SECTIONS.map((s) => s.title.plain + '.').join(' '),
  IV_MONITORING_NOTE.plain,
];

describe('clinical content', () => {
  it('every session step ends after it starts for a 10 min dose', () => {
    for (const s of SESSION_STEPS) {
      const at = (a: Anchor) => (a.from === 'start' ? 0 : 10) + a.offsetMin;
      expect(s.bar, s.id).not.toBeNull();
      if (typeof s.bar.end === 'object' && s.bar.end !== null)
        expect(at(s.bar.end)).toBeGreaterThan(at(s.bar.start));
      else expect(s.bar.end, s.id).toBe('next-day');
      expect(at(s.bar.start)).toBeGreaterThanOrEqual(-30);
    }
  });

  it.each(plainTexts.map((t) => [t] as const))(
    'plain text reads at grade 8 or below: %s',
    (text) => {
      expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(8);
    },
  );

  it('places the esketamine blood-pressure rise on the session axis: about 4 h from dosing', () => {
    const bp = SESSION_STEPS.find((s) => s.id === 'blood-pressure-rise')!;
    expect(bp.route).toBe('intranasal');
    const end = bp.bar.end as Anchor;
    expect(end.offsetMin - bp.bar.start.offsetMin).toBe(240);
    expect(bp.detail.text.student).toContain('40 minutes');
  });

  it('reports Murrough 2013 only with checked numbers (not the unsourced 47 % vs 20 %)', () => {
    const trials = CLINICAL_SECTIONS.find((s) => s.id === 'trials')!.items;
    const murrough = trials.find((i) => i.cite.includes('murrough2013'))!;
    expect(murrough.text.student).toContain('16.5');
    expect(murrough.text.student).not.toMatch(/47 ?%|64 ?%/);
  });

  it('gives label side-effect rates with the placebo rate next to each', () => {
    const items = CLINICAL_SECTIONS.find((s) => s.id === 'side-effects')!.items;
    const table = items.find((i) => i.cite.includes('spravatoHcpSafety'))!;
    expect(table.text.student).toContain('dissociation 41 % vs 9 %');
    expect(table.text.student).toContain('N = 346');
  });

  it('says that the IV course is an example from a cited trial and the label schedule is cited', () => {
    expect(COURSE_TEXT.iv.text.student).toContain('example, not a recommendation');
    expect(COURSE_TEXT.iv.cite).toContain('shiroma2014');
    expect(COURSE_TEXT.intranasal.cite).toContain('spravatoLabel');
  });
});
