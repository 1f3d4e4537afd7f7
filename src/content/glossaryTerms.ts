/**
 * The glossary's index: every term of art the modes show, with its id and the spellings that name
 * it on the page, without the definitions. It is all that marking a text (markTerms) and showing a
 * closed term (src/components/Term.svelte) need, so the page's first script carries only this;
 * the definitions and their sources (./glossary.ts) load when a term is first opened, or once the
 * page is idle (src/main.ts). ./glossary.ts joins each term to its definition and checks that
 * every term has one.
 */
import type { Cited } from './cited';

export interface GlossaryTerm {
  /** a stable id, used by <Term id="..."> */
  id: string;
  /** the term as the glossary lists it */
  term: string;
  /** the spellings that name it on the page (matched by markTerms; the first is the usual one) */
  aliases: readonly string[];
}

const term = (id: string, term: string, aliases: readonly string[]): GlossaryTerm => ({
  id,
  term,
  aliases,
});

export const TERMS: readonly GlossaryTerm[] = [
  term('cmax', 'Cmax (peak concentration)', ['Cmax', 'peak concentration', 'peak level']),
  term('tmax', 'Tmax (time of peak)', ['Tmax', 'time of peak', 'time of the peak']),
  term('auc', 'AUC (area under the curve)', ['AUC', 'area under the curve']),
  term('half-life', 'Half-life', [
    'half-life',
    'half-lives',
    'terminal half-life',
    'elimination half-life',
    't½',
  ]),
  term('clearance', 'Clearance', ['clearance', 'clearances']),
  term('volume', 'Volume of distribution', [
    'volume of distribution',
    'distribution volume',
    'volumes of distribution',
  ]),
  term('compartment', 'Compartment', ['compartments', 'compartment', 'compartmental model']),
  term('central', 'Central compartment', ['central compartment']),
  term('peripheral', 'Peripheral compartment', [
    'peripheral compartment',
    'peripheral compartments',
  ]),
  term('rate-constant', 'Rate constant (first order)', [
    'rate constants',
    'rate constant',
    'first-order',
  ]),
  term('effect-site', 'Effect site', ['effect site', 'effect-site', 'effect-site concentration']),
  term('ke0', 'ke0 and the equilibration half-time', ['ke0', 'equilibration half-time', 't½ke0']),
  term('plasma', 'Plasma', ['plasma']),
  term('parent', 'Parent drug', ['parent drug', 'parent-drug']),
  term('bioavailability', 'Bioavailability', ['bioavailability', 'dose reaching the circulation']),
  term('first-pass', 'First-pass metabolism', [
    'first-pass metabolism',
    'first-pass',
    'first pass',
  ]),
  term('metabolite', 'Metabolite', ['metabolite', 'metabolites']),
  term('norketamine', 'Norketamine and noresketamine', ['norketamine', 'noresketamine']),
  term('hnk', 'Hydroxynorketamine (HNK)', [
    'hydroxynorketamine',
    '(2R,6R)-hydroxynorketamine',
    'hydroxynorketamines',
    'HNK',
  ]),
  term('nmda', 'NMDA receptor', ['NMDA receptor', 'NMDA receptors', 'NMDA']),
  term('occupancy', 'Receptor occupancy', ['receptor occupancy', 'occupancy']),
  term('ki', 'Ki (inhibition constant)', ['Ki', 'inhibition constant']),
  term('unbound', 'Unbound fraction', ['unbound fraction', 'fraction unbound', 'unbound']),
  term('antagonist', 'Antagonist', ['antagonist', 'antagonists']),
  term('racemic', 'Racemic', ['racemic', 'racemate']),
  term('enantiomer', 'Enantiomer (S- and R-ketamine)', [
    'enantiomer',
    'enantiomers',
    'S-ketamine',
    'R-ketamine',
    '(S)-ketamine',
    '(R)-ketamine',
  ]),
  term('esketamine', 'Esketamine', ['esketamine', 'Spravato']),
  term('infusion', 'Infusion', ['infusion', 'infusions', 'infused', 'drip']),
  term('bolus', 'Bolus', ['bolus']),
  term('intranasal', 'Intranasal', ['intranasal', 'nasal spray', 'nasal']),
  term('variability', 'Between-patient variability and the percentile band', [
    'between-patient variability',
    'variability band',
    'virtual patients',
    'percentile band',
  ]),
  term('covariate', 'Covariate', ['covariate', 'covariates']),
  term('log-scale', 'Log scale', ['log scale', 'logarithmic', 'log time']),
  term('ng-ml', 'ng/mL', ['ng/mL']),
  term('micromolar', 'µM (micromolar)', ['µM', 'micromolar']),
  term('mg-kg', 'mg/kg', ['mg/kg']),
  term('dissociation', 'Dissociation', ['dissociation', 'dissociative']),
  term('glutamate', 'Glutamate', ['glutamate']),
  term('ampa', 'AMPA receptor', ['AMPA receptors', 'AMPA receptor', 'AMPA']),
  term('bdnf', 'BDNF', ['BDNF', 'brain-derived neurotrophic factor']),
  term('mtor', 'mTORC1', ['mTORC1', 'mTOR']),
  term('synaptogenesis', 'Synaptogenesis (dendritic spines)', [
    'synaptogenesis',
    'dendritic spines',
    'new synapses',
    'synapses',
  ]),
  // Trials and statistics
  term('population-model', 'Population model', [
    'population model',
    'population models',
    'population pharmacokinetic model',
    'population pharmacokinetics',
  ]),
  term('percentile', 'Percentile', [
    'percentile',
    'percentiles',
    '5th percentile',
    '50th percentile',
    '95th percentile',
  ]),
  term('placebo', 'Placebo and active placebo', [
    'placebo',
    'placebos',
    'active placebo',
    'placebo-controlled',
  ]),
  term('madrs', 'MADRS (depression rating scale)', [
    'MADRS',
    'Montgomery-Åsberg Depression Rating Scale',
    'Montgomery-Asberg Depression Rating Scale',
  ]),
  term('trd', 'Treatment-resistant depression', ['treatment-resistant depression', 'TRD']),
  term('remission', 'Remission', ['remission', 'stable remission']),
  term('relapse', 'Relapse', ['relapse', 'relapses', 'relapsed']),
  term('hazard-ratio', 'Hazard ratio', ['hazard ratio', 'hazard ratios']),
  // Clinical use and safety
  term('subanaesthetic', 'Subanaesthetic dose', [
    'subanaesthetic',
    'subanesthetic',
    'sub-anaesthetic',
  ]),
  term('hypoaesthesia', 'Hypoaesthesia', ['hypoaesthesia', 'hypoesthesia']),
  term('rems', 'REMS (restricted programme)', ['REMS', 'Risk Evaluation and Mitigation Strategy']),
  term('schedule-iii', 'Schedule III controlled substance', ['Schedule III', 'CIII']),
  term('cns-depressants', 'CNS depressants', [
    'CNS depressants',
    'CNS depressant',
    'central nervous system depressants',
  ]),
  term('maoi', 'Monoamine oxidase inhibitors (MAOIs)', [
    'monoamine oxidase inhibitors',
    'monoamine oxidase inhibitor',
    'MAOIs',
    'MAOI',
  ]),
  term('cyp', 'CYP enzymes (CYP2B6, CYP3A4)', [
    'CYP2B6',
    'CYP3A4',
    'CYP enzymes',
    'cytochrome P450',
    'CYP',
  ]),
  term('n-demethylation', 'N-demethylation', ['N-demethylated', 'N-demethylation']),
  term('apoptosis', 'Apoptosis and neuroapoptosis', ['apoptosis', 'apoptotic', 'neuroapoptosis']),
  // Mechanism
  term('uncompetitive', 'Uncompetitive (open-channel) block', [
    'uncompetitive',
    'open-channel block',
    'open-channel blocker',
    'channel block',
  ]),
  term('use-dependence', 'Use dependence and trapping', [
    'use dependence',
    'use-dependence',
    'use-dependent',
    'trapping block',
  ]),
  term('pcp-site', 'PCP site', ['phencyclidine (PCP) site', 'PCP site', 'phencyclidine site']),
  term('disinhibition', 'Disinhibition', ['disinhibition']),
  term('gaba-interneurons', 'GABA interneurons', [
    'inhibitory (GABA) interneurons',
    'GABA interneurons',
    'GABA interneuron',
    'interneurons',
  ]),
  term('pyramidal', 'Pyramidal neurons', [
    'pyramidal neurons',
    'pyramidal neuron',
    'pyramidal cells',
  ]),
  term('eef2k', 'eEF2 kinase', ['eEF2 kinase', 'eEF2K']),
  term('mrs', 'Magnetic resonance spectroscopy (MRS)', ['magnetic resonance spectroscopy', 'MRS']),
  term('dmn', 'Default mode network', ['default mode network', 'default-mode network', 'DMN']),
  term('connectivity', 'Functional connectivity', [
    'resting-state functional connectivity',
    'functional connectivity',
    'functional network connectivity',
  ]),
  term('cytokines', 'Cytokines', ['pro-inflammatory cytokines', 'cytokines', 'cytokine']),
];

const byId = new Map(TERMS.map((t) => [t.id, t]));

/** The term of an id; throws with the id's name when there is none. */
export function glossaryTerm(id: string): GlossaryTerm {
  const t = byId.get(id);
  if (!t) throw new Error(`Unknown glossary term "${id}": add it to src/content/glossary.ts`);
  return t;
}

/** The definitions by id, once ./glossary.ts has run (it hands them here as it loads). */
let definitions: ReadonlyMap<string, Cited> | undefined;
/**
 * A citation key as a short source ("Kamp J et al. 2020"), handed over with the definitions, so
 * that the bibliography loads with them rather than with the page's first chunk.
 */
let shortSourceOf: (source: string) => string = (s) => s;

/** Called by ./glossary.ts only, as it loads. */
export function provideDefinitions(
  all: ReadonlyMap<string, Cited>,
  shortSource: (source: string) => string,
): void {
  definitions = all;
  shortSourceOf = shortSource;
}

/** A loaded definition's sources, short and in one line: "Kamp J et al. 2020; ...". */
export function definitionSources(d: Cited): string {
  return d.cite.map(shortSourceOf).join('; ');
}

/** A term's definition and sources if they have loaded, else undefined (see loadDefinition). */
export function loadedDefinition(id: string): Cited | undefined {
  return definitions?.get(id);
}

/** A term's definition and sources, loading the definitions on first use. */
export async function loadDefinition(id: string): Promise<Cited> {
  if (!definitions) await import('./glossary');
  const d = definitions?.get(id);
  if (!d) throw new Error(`Unknown glossary term "${id}": add it to src/content/glossary.ts`);
  return d;
}

/** A piece of text: plain words, or the words that name a glossary entry. */
export type TextPart = string | { text: string; entry: GlossaryTerm };

/**
 * Short aliases (Ki, AUC, µM, HNK) match only as written; longer ones in any case. A match is a
 * whole word: no letter, digit or hyphen just before or after it.
 */
const ALIASES = TERMS.flatMap((e) => e.aliases.map((alias) => ({ alias, entry: e }))).sort(
  (a, b) => b.alias.length - a.alias.length,
);
const WORD = /[\p{L}\p{N}-]/u;
const exact = (alias: string) => alias.length <= 4;
/** Where a name can start: a run of word characters, or an opening bracket, "(S)-ketamine". */
const STARTS = /[\p{L}\p{N}-]+|\(/gu;
/** The first run of a text (or its opening bracket), in lower case: how candidates are found. */
const head = (text: string) => (text.match(STARTS)?.[0] ?? '').toLowerCase();
/**
 * The aliases by the first word they start with, longest first. Looking up the word at each
 * place in a text is far cheaper than trying every alias at every character (a single pattern of
 * 189 alternatives made the marking of a panel's texts a visible part of the page's start).
 */
const BY_HEAD = new Map<string, { alias: string; lower: string; entry: GlossaryTerm }[]>();
for (const { alias, entry } of ALIASES) {
  const key = head(alias);
  const list = BY_HEAD.get(key) ?? [];
  list.push({ alias, lower: alias.toLowerCase(), entry });
  BY_HEAD.set(key, list);
}

/** The glossary name at `at` in `text` (whole words only), the longest first, if any. */
function nameAt(text: string, at: number, word: string) {
  for (const c of BY_HEAD.get(word.toLowerCase()) ?? []) {
    const words = text.slice(at, at + c.alias.length);
    if (words.length !== c.alias.length) continue;
    if (exact(c.alias) ? words !== c.alias : words.toLowerCase() !== c.lower) continue;
    if (WORD.test(text.charAt(at + words.length))) continue;
    return { words, entry: c.entry };
  }
  return undefined;
}

/**
 * Splits texts that are read together (one panel) into parts, marking the first place where each
 * glossary entry is named; later mentions stay plain words. `only`, if given, limits the marks to
 * those entry ids.
 */
export function markTerms(texts: readonly string[], only?: readonly string[]): TextPart[][] {
  const seen = new Set<string>();
  return texts.map((text) => {
    const parts: TextPart[] = [];
    let last = 0;
    /** the end of the last name found, marked or not: the words inside a name are not names */
    let end = 0;
    for (const m of text.matchAll(STARTS)) {
      // A run inside a name already found, or a bracket inside a word, is no start.
      if (m.index < end || (m[0] === '(' && WORD.test(text.charAt(m.index - 1)))) continue;
      const found = nameAt(text, m.index, m[0]);
      if (!found) continue;
      const { words, entry } = found;
      end = m.index + words.length;
      if (seen.has(entry.id) || (only && !only.includes(entry.id))) continue;
      seen.add(entry.id);
      if (m.index > last) parts.push(text.slice(last, m.index));
      parts.push({ text: words, entry });
      last = m.index + words.length;
    }
    if (last < text.length) parts.push(text.slice(last));
    return parts;
  });
}
