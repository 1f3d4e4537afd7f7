import { describe, expect, it } from 'vitest';
import { about } from './about';
import { cite, firstAuthor, formatReference, references, shortSource } from './references';

describe('bibliography', () => {
  it('has unique keys', () => {
    const keys = references.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(references.map((r) => [r.key, r] as const))(
    '%s has authors, title, source, a plausible year and a DOI, PMID or URL (or says it was not read, with its volume and pages)',
    (_key, ref) => {
      expect(ref.authors.trim().length).toBeGreaterThan(0);
      expect(ref.title.trim().length).toBeGreaterThan(0);
      expect(ref.source.trim().length).toBeGreaterThan(0);
      expect(ref.year).toBeGreaterThanOrEqual(1950);
      expect(ref.year).toBeLessThanOrEqual(2026);
      if (ref.notRead) {
        // A paper cited only as where others' figures come from: found by its volume and pages.
        expect(ref.notRead.length).toBeGreaterThan(20);
        expect(ref.locator).toMatch(/^\d+(\(\d+\))?:\d+-\d+$/);
      } else expect(Boolean(ref.doi || ref.pmid || ref.url)).toBe(true);
      if (ref.doi) expect(ref.doi).toMatch(/^10\.\d{4,9}\/\S+$/);
      if (ref.pmid) expect(ref.pmid).toMatch(/^\d{5,9}$/);
    },
  );

  it('resolves every key cited by the About section', () => {
    for (const key of about.sourceKeys) expect(cite(key).key).toBe(key);
  });

  it('names an unknown key in its error', () => {
    expect(() => cite('no-such-paper')).toThrow('Unknown citation key "no-such-paper"');
  });

  it('formats a reference with year and locator', () => {
    expect(formatReference(cite('kamp2020'))).toContain('Anesthesiology. 2020;133(6):1192-1213.');
  });
});

describe('shortSource', () => {
  it('writes the first author, et al. for several, and keeps the table', () => {
    expect(shortSource('perezruixo2021, Table 3')).toBe('Perez-Ruixo C et al. 2021, Table 3');
    expect(shortSource('spravatoLabel2019')).toBe('Janssen Pharmaceuticals 2019');
    expect(shortSource('no-such-key, p. 3')).toBe('no-such-key, p. 3');
  });
});

describe('firstAuthor', () => {
  it('keeps a sole author and writes et al. after the first of several, trimmed', () => {
    expect(firstAuthor('Janssen Pharmaceuticals')).toBe('Janssen Pharmaceuticals');
    expect(firstAuthor(' Herd DW, Anderson BJ, Holford NH')).toBe('Herd DW et al.');
    expect(firstAuthor('Hornik CP, et al.; Pediatric Trials Network')).toBe('Hornik CP et al.');
  });
});
