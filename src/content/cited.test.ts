/**
 * Every cited statement in content, found by walking what each content module exports: any object
 * with a `cite` property must have the one shape of ./cited.ts (`Cited`), cite keys that resolve in
 * the bibliography, and plain words that read at grade 8 or below. A statement added anywhere in
 * these modules is checked without being listed here.
 */
import { describe, expect, it } from 'vitest';
import * as about from './about';
import * as clinical from './clinical';
import * as glossary from './glossary';
import * as mechanism from './mechanism';
import * as patient from './patient';
import * as references from './references';
import * as routeComparison from './routeComparison';
import * as routes from './routes';
import * as session from './session';
import { expectResolvingCitations } from './citations.testing';
import { fleschKincaidGrade } from './readability';

const MODULES = {
  about,
  clinical,
  glossary,
  mechanism,
  patient,
  references,
  routeComparison,
  routes,
  session,
};
type ModuleName = keyof typeof MODULES;

/**
 * The fewest cited statements the walk must find in each module (at or a little under today's
 * counts: clinical 19, glossary 70, mechanism 17, patient 5, routeComparison 7, routes 5, session 33), so that a walk that
 * misses them fails. About and the bibliography hold none today (About names its sources in `sourceKeys`,
 * which references.test.ts resolves); a statement added there would still be checked.
 */
const AT_LEAST: Record<ModuleName, number> = {
  about: 0,
  clinical: 18,
  glossary: 40,
  mechanism: 15,
  patient: 5,
  references: 0,
  routeComparison: 7,
  routes: 5,
  session: 30,
};

interface Found {
  /** where the statement is, e.g. "mechanism.TIMELINE_STAGES.0" */
  at: string;
  value: Record<string, unknown>;
}

/** The objects with a `cite` property reachable from `value` (functions are not called). */
function findCited(value: unknown, at: string, seen: Set<object>, out: Found[] = []): Found[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  if (Object.hasOwn(value, 'cite')) out.push({ at, value: value as Record<string, unknown> });
  for (const [key, v] of Object.entries(value)) findCited(v, `${at}.${key}`, seen, out);
  return out;
}

/** The cited statements of each module, walked from its exports (not from the module object). */
const BY_MODULE = Object.fromEntries(
  Object.entries(MODULES).map(([name, mod]) => {
    const seen = new Set<object>();
    return [name, Object.entries(mod).flatMap(([key, v]) => findCited(v, `${name}.${key}`, seen))];
  }),
) as Record<ModuleName, Found[]>;
const FOUND = Object.values(BY_MODULE).flat();

const EVIDENCE = Object.keys(mechanism.EVIDENCE_LABEL);
const WORDS = expect.stringMatching(/\S/);

/** The words a patient reads: `text` itself, or its plain level. */
function plainWords({ text }: Record<string, unknown>): string {
  return typeof text === 'string' ? text : (text as { plain: string }).plain;
}

describe('cited statements in content (the shape of ./cited.ts)', () => {
  it.each(Object.entries(AT_LEAST))('finds %s: at least %i', (name, least) => {
    expect(BY_MODULE[name as ModuleName].length).toBeGreaterThanOrEqual(least);
  });

  it.each(FOUND)('$at is a Cited whose keys resolve', ({ at, value }) => {
    const { text, cite, evidence } = value;
    if (typeof text === 'string') expect(text, `${at}.text`).toEqual(WORDS);
    else expect(text, `${at}.text`).toEqual({ student: WORDS, plain: WORDS });
    expect(Array.isArray(cite), `${at}.cite is an array`).toBe(true);
    expectResolvingCitations(cite as readonly string[]);
    if (evidence !== undefined) expect(EVIDENCE, `${at}.evidence`).toContain(evidence);
  });

  // A short label without a full stop (e.g. a timeline stage) is read as one sentence.
  it.each(FOUND)('$at reads at grade 8 or below in plain words', ({ value }) => {
    const words = plainWords(value);
    const sentence = /[.!?…]$/.test(words) ? words : `${words}.`;
    expect(fleschKincaidGrade(sentence), words).toBeLessThanOrEqual(8);
  });
});
