/**
 * The glossary: every entry is a Cited whose keys resolve and whose plain words read at grade 8 or
 * below (cited.test.ts walks it too), its ids and spellings name one entry each, and markTerms
 * finds each spelling where a page writes it, once per panel.
 */
import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntry } from './glossary';
import { glossaryTerm, markTerms, type TextPart } from './glossaryTerms';
import { expectResolvingCitations } from './citations.testing';
import { fleschKincaidGrade } from './readability';
import { CLINICAL_SECTIONS } from './clinical';
import { MECHANISM_PANELS } from './mechanism';
import { READY_LECTURES } from '../modes/lecture/lectures';
import { EXERCISES } from '../modes/exercises/exerciseSet';

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
      'population-model',
      'percentile',
      'placebo',
      'madrs',
      'trd',
      'remission',
      'relapse',
      'hazard-ratio',
      'subanaesthetic',
      'rems',
      'cyp',
      'apoptosis',
      'uncompetitive',
      'use-dependence',
      'pcp-site',
      'disinhibition',
      'gaba-interneurons',
      'pyramidal',
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
    expect(parts![0]).toEqual({ text: 'NMDA receptor', entry: glossaryTerm('nmda') });
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

/** The student texts of a clinical section or a mechanism panel, read together as the page does. */
const clinical = (id: string) => CLINICAL_SECTIONS.find((s) => s.id === id)!.items;
const mechanism = (id: string) => MECHANISM_PANELS.find((p) => p.id === id)!.claims;
const student = (items: readonly { text: { student: string } }[]) =>
  items.map((c) => c.text.student);
const caption = (lecture: string, step: number) =>
  READY_LECTURES.find((l) => l.id === lecture)!.sequence.steps[step]!.caption;
const exercise = (id: string) => EXERCISES.find((e) => e.id === id)!;

describe('terms of trials, clinical use and mechanism, where the modes show them', () => {
  it.each([
    [
      'clinical: what trials found',
      student(clinical('trials')),
      ['placebo', 'trd', 'madrs', 'remission', 'relapse', 'hazard-ratio'],
    ],
    ['clinical: side effects', student(clinical('side-effects')), ['placebo', 'hypoaesthesia']],
    ['clinical: safety', student(clinical('safety')), ['schedule-iii', 'rems']],
    [
      'clinical: interactions',
      student(clinical('interactions')),
      ['cns-depressants', 'maoi', 'n-demethylation', 'cyp'],
    ],
    ['clinical: development', student(clinical('development')), ['apoptosis', 'subanaesthetic']],
    [
      'mechanism: NMDA block',
      student(mechanism('nmda')),
      ['uncompetitive', 'pcp-site', 'use-dependence'],
    ],
    [
      'mechanism: glutamate',
      student(mechanism('glutamate')),
      ['disinhibition', 'gaba-interneurons', 'pyramidal', 'subanaesthetic', 'mrs'],
    ],
    ['mechanism: synapse', student(mechanism('synapse')), ['eef2k']],
    [
      'mechanism: debated',
      student(mechanism('debated')),
      ['dmn', 'placebo', 'connectivity', 'cytokines'],
    ],
    ['lecture: nasal spray', [caption('iv-vs-nasal', 1)], ['population-model']],
    [
      'lecture: log scale',
      [caption('why-the-course-matters', 3)],
      ['remission', 'relapse', 'placebo'],
    ],
    ['exercise: variability', [exercise('variability').task], ['percentile']],
  ])('%s marks its terms', (_where, texts, ids) => {
    const found = markTerms(texts).flatMap(marked);
    for (const id of ids) expect(found, id).toContain(id);
  });

  it('marks the spellings these panels use, as whole words', () => {
    const words = (text: string) =>
      markTerms([text])[0]!.flatMap((p) => (typeof p === 'string' ? [] : [[p.entry.id, p.text]]));
    // hyphenated and bracketed spellings, as written in clinical.ts and mechanism.ts
    expect(words('the first placebo-controlled trial')).toEqual([
      ['placebo', 'placebo-controlled'],
    ]);
    expect(words('the inhibitory (GABA) interneurons first')).toEqual([
      ['gaba-interneurons', 'inhibitory (GABA) interneurons'],
    ]);
    expect(words('binds the phencyclidine (PCP) site inside it')).toEqual([
      ['pcp-site', 'phencyclidine (PCP) site'],
    ]);
    expect(words('lowers the pro-inflammatory cytokines IL-6')).toEqual([
      ['cytokines', 'pro-inflammatory cytokines'],
    ]);
    // the 95th percentile is its own entry; the percentile band stays the variability entry's
    expect(words('the 95th percentile and the percentile band')).toEqual([
      ['percentile', '95th percentile'],
      ['variability', 'percentile band'],
    ]);
    // short spellings only as written, and not inside another word
    expect(words('Mrs Smith, rems sleep, cyp, ¹³C-MRS, CYP2B6x')).toEqual([]);
    expect(words('REMS, MRS and CYP3A4')).toEqual([
      ['rems', 'REMS'],
      ['mrs', 'MRS'],
      ['cyp', 'CYP3A4'],
    ]);
  });
});
