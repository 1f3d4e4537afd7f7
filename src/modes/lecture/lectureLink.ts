/**
 * The link that the lecture's Share button and QR code give: this lecture, at the step shown.
 *
 * A whole sequence in the address is long (the first ready-made lecture is about 5,400
 * characters), more than any QR code holds (2,953 bytes) and far more than one with modules large
 * enough to scan from the back of a hall. So a ready-made lecture that was not edited travels by
 * its id: `#mode=lecture&seq=iv-vs-nasal&step=3`. An id is never a readable encoded sequence (it
 * does not decode to JSON), so the two forms cannot be confused, and a version of the app that
 * does not know the form says the sequence could not be read and shows its first lecture. Any
 * other sequence travels whole (`seq=<base64url JSON>`). The simulator's own state (`v`, `state`)
 * is left out: a lecture shows the view of its step, whatever the address says beside it.
 */
import { READY_LECTURES } from './lectures';
import { checkSequence, encodeSequence, type LectureSequence } from './sequence';
import { addressWith } from '../../lib/address';

/** JSON with every object's keys in order, so two equal sequences give the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A sequence as checked (the form a link's sequence takes once read), in canonical text. */
function checkedText(seq: unknown): string | null {
  const checked = checkSequence(JSON.parse(JSON.stringify(seq)));
  return checked.ok ? canonical(checked.sequence) : null;
}

let readyTexts: Map<string, string> | null = null;

/** The id of the ready-made lecture that `seq` is, unchanged, or null. */
export function readyLectureId(seq: LectureSequence): string | null {
  readyTexts ??= new Map(READY_LECTURES.map((l) => [checkedText(l.sequence) ?? '', l.id]));
  const text = checkedText(seq);
  return text === null ? null : (readyTexts.get(text) ?? null);
}

/**
 * App parameters (address.ts) in which a `seq` that names a ready-made lecture is replaced by
 * that lecture's whole sequence, for the lecture to open; other parameters are returned as given.
 */
export function expandReadyLecture(params: string): string {
  const p = new URLSearchParams(params.replace(/^[?#]/, ''));
  const ready = READY_LECTURES.find((l) => l.id === p.get('seq'));
  if (!ready) return params;
  p.set('seq', encodeSequence(ready.sequence));
  return p.toString();
}

/**
 * The full link that opens `seq` at `step` (from 0) in lecture mode, from the page at `page`
 * (a Location): by the ready-made lecture's id where it is one, else with the whole sequence.
 */
export function lectureLink(
  seq: LectureSequence,
  step: number,
  page: { href: string; pathname: string; search: string },
): string {
  const p = new URLSearchParams();
  p.set('mode', 'lecture');
  p.set('seq', readyLectureId(seq) ?? encodeSequence(seq));
  if (step > 0) p.set('step', String(step + 1));
  return new URL(addressWith(`#${p.toString()}`, page), page.href).href;
}
