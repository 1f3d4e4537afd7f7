/**
 * The glossary: every entry is a Cited whose keys resolve and whose plain words read at grade 8 or
 * below (cited.test.ts walks it too), its ids and spellings name one entry each, and markTerms
 * finds each spelling where a page writes it, once per panel.
 */
import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntry, markTerms, type TextPart } from './glossary';
import { expectResolvingCitations } from './citations.testing';
import { fleschKincaidGrade } from './readability';

/** The ids of the entries marked in one text, in order. */
const marked = (parts: TextPart[]) =>
  parts.flatMap((p) => (typeof p === 'string' ? [] : [p.entry.id]));

describe('glossary entries', () => {
  it('holds the terms of art the modes show', () => {
    const ids = GLOSSARY.map((e) => e.id);
    for (const id of [
      'cmax',
      'tmax',
      'auc',
      'half-life',
      'clearance',
      'volume',
      'central',
      'peripheral',
      'effect-site',
      'ke0',
      'bioavailability',
      'first-pass',
      'metabolite',
      'norketamine',
      'hnk',
      'nmda',
      'occupancy',
      'ki',
      'racemic',
      'enantiomer',
      'esketamine',
      'infusion',
      'bolus',
      'intranasal',
      'variability',
      'log-scale',
      'ng-ml',
      'micromolar',
      'mg-kg',
      'dissociation',
    ])
      expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(GLOSSARY.map((e) => [e.id, e] as const))(
    '%s has a term, spellings, both definitions and resolving sources',
    (_id, e) => {
      expect(e.term).toMatch(/\S/);
      expect(e.aliases.length).toBeGreaterThan(0);
      expect(e.text.student).toMatch(/\S/);
      expect(e.text.plain).toMatch(/\S/);
      expectResolvingCitations(e.cite);
    },
  );

  it.each(GLOSSARY.map((e) => [e.id, e.text.plain] as const))(
    '%s reads at grade 8 or below in plain words',
    (_id, plain) => {
      expect(fleschKincaidGrade(plain), plain).toBeLessThanOrEqual(8);
    },
  );

  it('gives each spelling to one entry only', () => {
    const all = GLOSSARY.flatMap((e) => e.aliases.map((a) => a.toLowerCase()));
    expect(all.filter((a, i) => all.indexOf(a) !== i)).toEqual([]);
  });

  it('finds an entry by id, and names an unknown id in its error', () => {
    expect(glossaryEntry('cmax').term).toContain('Cmax');
    expect(() => glossaryEntry('no-such-term')).toThrow('Unknown glossary term "no-such-term"');
  });
});

describe('markTerms', () => {
  it.each(GLOSSARY.flatMap((e) => e.aliases.map((a) => [a, e.id] as const)))(
    'finds "%s" (%s) in a sentence',
    (alias, id) => {
      const [parts] = markTerms([`Here, ${alias} is shown.`]);
      expect(marked(parts!)).toEqual([id]);
      expect(parts!.map((p) => (typeof p === 'string' ? p : p.text)).join('')).toBe(
        `Here, ${alias} is shown.`,
      );
    },
  );

  it('marks the first mention in a panel only, across its texts', () => {
    const parts = markTerms(['The effect site lags.', 'The effect-site curve and Cmax.']);
    expect(parts.map(marked)).toEqual([['effect-site'], ['cmax']]);
  });

  it('prefers the longest spelling and matches whole words only', () => {
    const [parts] = markTerms(['NMDA receptor occupancy; noresketamine; pretmaxed; nonbolus']);
    expect(marked(parts!)).toEqual(['nmda', 'occupancy', 'norketamine']);
    expect(parts![0]).toEqual({ text: 'NMDA receptor', entry: glossaryEntry('nmda') });
  });

  it('matches short spellings as written, longer ones in any case', () => {
    expect(marked(markTerms(['ki and auc'])[0]!)).toEqual([]);
    expect(marked(markTerms(['Ki and AUC'])[0]!)).toEqual(['ki', 'auc']);
    expect(marked(markTerms(['Effect Site'])[0]!)).toEqual(['effect-site']);
  });

  it('keeps to the ids asked for', () => {
    expect(marked(markTerms(['Cmax after an infusion'], ['infusion'])[0]!)).toEqual(['infusion']);
  });
});
