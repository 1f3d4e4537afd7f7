/**
 * The one bibliography of the app. Every citation key used in content or models must resolve here
 * (checked by src/content/references.test.ts).
 */
export interface Reference {
  key: string;
  authors: string;
  title: string;
  /** journal, or publisher for a label or book */
  source: string;
  year: number;
  /** volume(issue):pages, when the source has them */
  locator?: string;
  doi?: string;
  pmid?: string;
  url?: string;
}

export const references: readonly Reference[] = [
  {
    key: 'kamp2020',
    authors: 'Kamp J, Olofsen E, Henthorn TK, van Velzen M, Niesters M, Dahan A',
    title:
      'Ketamine pharmacokinetics: a systematic review of the literature, meta-analysis, and population analysis',
    source: 'Anesthesiology',
    year: 2020,
    locator: '133(6):1192-1213',
    doi: '10.1097/ALN.0000000000003577',
    pmid: '32997732',
  },
  {
    key: 'perezruixo2021',
    authors: 'Perez-Ruixo C, Rossenu S, Zannikos P, Nandy P, Singh J, Drevets WC, Perez-Ruixo JJ',
    title:
      'Population pharmacokinetics of esketamine nasal spray and its metabolite noresketamine in healthy subjects and patients with treatment-resistant depression',
    source: 'Clinical Pharmacokinetics',
    year: 2021,
    locator: '60(4):501-516',
    doi: '10.1007/s40262-020-00953-4',
  },
];

const byKey = new Map(references.map((r) => [r.key, r]));

/** The reference for a citation key; throws with the key's name when it does not resolve. */
export function cite(key: string): Reference {
  const ref = byKey.get(key);
  if (!ref) throw new Error(`Unknown citation key "${key}": add it to src/content/references.ts`);
  return ref;
}

/** A one-line citation in the Vancouver style used across the app. */
export function formatReference(ref: Reference): string {
  const where = ref.locator ? `${ref.year};${ref.locator}` : `${ref.year}`;
  return `${ref.authors}. ${ref.title}. ${ref.source}. ${where}.`;
}
