/**
 * Lecture sequences: an ordered list of simulator views, each with a caption, that a lecturer
 * steps through. A sequence travels in the address's fragment as `seq=<base64url JSON>` (see
 * address.ts: a fragment is never sent to a server, so no server limits its length), so an educator can
 * share one as a link. Like the simulator's own state, a sequence from a link is never trusted:
 * every step's scenarios go through the engine's validation, captions are plain text (rendered
 * as text, never as HTML) and sizes are bounded.
 */
import type { AppState } from '../../lib/appState';
import { checkState, fromBase64Url, toBase64Url } from '../../lib/urlState';
import { references } from '../../content/references';
import { addressWith } from '../../lib/address';

const KNOWN_KEYS = new Set(references.map((r) => r.key));
const MAX_SOURCES = 8;

export const SEQUENCE_VERSION = 1;
export const MAX_STEPS = 20;
export const MAX_CAPTION = 600;
export const MAX_TITLE = 120;
/**
 * Longest `seq` parameter accepted, characters. The editor's own limits (20 steps of 4 scenarios,
 * 600-character captions, 80-character names, any script) reach about 130,000 when every character
 * takes 3 bytes, so anything the editor can make is read back; the fragment is never sent to a
 * server, so no server limit applies (browsers accept addresses of 2 MB).
 */
export const MAX_SEQUENCE_LENGTH = 200_000;

export interface LectureStep {
  caption: string;
  /** citation keys of the caption's claims (from the app's bibliography); may be empty */
  sources: string[];
  state: AppState;
}

export interface LectureSequence {
  version: typeof SEQUENCE_VERSION;
  title: string;
  steps: LectureStep[];
}

export function encodeSequence(seq: LectureSequence): string {
  return toBase64Url(JSON.stringify(seq));
}

export type SequenceDecoded =
  { ok: true; sequence: LectureSequence } | { ok: false; message: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a sequence from anywhere (a link, a file, the editor); every problem is a message. */
export function checkSequence(data: unknown): SequenceDecoded {
  const fail = (why: string): SequenceDecoded => ({
    ok: false,
    message: `This lecture sequence could not be read (${why}).`,
  });
  if (!isObject(data)) return fail('its contents are damaged');
  if (data.version !== SEQUENCE_VERSION) {
    return fail(
      `it was made by a version of the simulator this one does not read (${String(data.version).slice(0, 12)})`,
    );
  }
  if (typeof data.title !== 'string' || data.title.length > MAX_TITLE) {
    return fail(`its title must be text of at most ${MAX_TITLE} characters`);
  }
  if (!Array.isArray(data.steps) || data.steps.length < 1 || data.steps.length > MAX_STEPS) {
    return fail(`it must hold 1 to ${MAX_STEPS} steps`);
  }
  const steps: LectureStep[] = [];
  for (const [k, step] of data.steps.entries()) {
    const n = k + 1;
    if (!isObject(step)) return fail(`step ${n} is damaged`);
    if (typeof step.caption !== 'string' || step.caption.length > MAX_CAPTION) {
      return fail(`the caption of step ${n} must be text of at most ${MAX_CAPTION} characters`);
    }
    const src = step.sources ?? [];
    if (
      !Array.isArray(src) ||
      src.length > MAX_SOURCES ||
      !src.every((k) => typeof k === 'string' && KNOWN_KEYS.has(k))
    ) {
      return fail(`the sources of step ${n} are not references this simulator knows`);
    }
    const state = checkState(step.state);
    if (typeof state === 'string') return fail(`step ${n}, ${state}`);
    steps.push({
      caption: step.caption,
      sources: [...(src as string[])],
      state,
    });
  }
  return { ok: true, sequence: { version: SEQUENCE_VERSION, title: data.title, steps } };
}

/** Reads a `seq` parameter; never throws. */
export function decodeSequence(raw: string): SequenceDecoded {
  if (raw.length === 0) return { ok: false, message: 'This lecture sequence link is empty.' };
  if (raw.length > MAX_SEQUENCE_LENGTH) {
    return { ok: false, message: 'This lecture sequence could not be read (it is too long).' };
  }
  let data: unknown;
  try {
    data = JSON.parse(fromBase64Url(raw));
  } catch {
    return {
      ok: false,
      message: 'This lecture sequence could not be read (its contents are damaged).',
    };
  }
  return checkSequence(data);
}

/** Fragment of the address of a sequence at a step, in lecture mode (see address.ts). */
export function sequenceHref(seq: LectureSequence, step = 0): string {
  const params = new URLSearchParams();
  params.set('mode', 'lecture');
  params.set('seq', encodeSequence(seq));
  if (step > 0) params.set('step', String(step + 1));
  return `#${params.toString()}`;
}

/** The 1-based `step` parameter as a 0-based index within the sequence, or 0. */
export function stepFromParam(raw: string | null, nSteps: number): number {
  if (raw === null || !/^\d{1,3}$/.test(raw)) return 0;
  const k = Number(raw) - 1;
  return k >= 0 && k < nSteps ? k : 0;
}

/**
 * The current address with the lecture's parameters replaced (keeping the simulator state
 * that the simulator writes beside them).
 */
export function lectureSearch(currentSearch: string, seq: LectureSequence, step: number): string {
  const p = new URLSearchParams(currentSearch.replace(/^[?#]/, ''));
  p.set('mode', 'lecture');
  p.set('seq', encodeSequence(seq));
  if (step > 0) p.set('step', String(step + 1));
  else p.delete('step');
  return `#${p.toString()}`;
}

/** What lecture mode opens on: a sequence, a step of it, and why a link's sequence was not used. */
export interface OpenedSequence {
  sequence: LectureSequence;
  /** 0-based */
  step: number;
  /** why the `seq` parameter could not be read (`fallback` is shown instead), or null */
  message: string | null;
}

/**
 * The sequence and step of an address's app parameters (`seq`, `step`): without a `seq`, or with
 * one that cannot be read (then `message` says why), the sequence is `fallback()`. Never throws.
 */
export function openSequence(params: string, fallback: () => LectureSequence): OpenedSequence {
  const p = new URLSearchParams(params.replace(/^[?#]/, ''));
  const raw = p.get('seq');
  const decoded = raw === null ? null : decodeSequence(raw);
  const sequence = decoded?.ok ? decoded.sequence : fallback();
  return {
    sequence,
    step: stepFromParam(p.get('step'), sequence.steps.length),
    message: decoded && !decoded.ok ? decoded.message : null,
  };
}

/** The full link that opens a sequence at its first step, from the page at `page` (a Location). */
export function sequenceLink(
  seq: LectureSequence,
  page: { href: string; pathname: string; search: string },
): string {
  return new URL(addressWith(sequenceHref(seq), page), page.href).href;
}
