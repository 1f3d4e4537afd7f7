import { describe, expect, it } from 'vitest';
import { READY_LECTURES } from './lectures';
import { expandReadyLecture, lectureLink, readyLectureId } from './lectureLink';
import { checkSequence, decodeSequence, openSequence, type LectureSequence } from './sequence';

const page = { href: 'https://example.org/sim/?utm=x', pathname: '/sim/', search: '?utm=x' };
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const params = (link: string) => new URLSearchParams(new URL(link).hash.slice(1));
const first = READY_LECTURES[0]!;

/** What lecture mode opens on from a link (LectureMode: expandReadyLecture, then the player). */
const opened = (link: string) =>
  openSequence(expandReadyLecture(new URL(link).hash), () => {
    throw new Error('the link named no lecture');
  });

describe('lecture links', () => {
  it('names an unchanged ready-made lecture by its id, short enough for a small QR code', () => {
    for (const lecture of READY_LECTURES) {
      const link = lectureLink(copy(lecture.sequence), 2, page);
      expect(link).toBe(`https://example.org/sim/?utm=x#mode=lecture&seq=${lecture.id}&step=3`);
      expect(link.length).toBeLessThan(120);
      const back = opened(link);
      expect(back.message).toBeNull();
      expect(back.step).toBe(2);
      const checked = checkSequence(copy(lecture.sequence));
      expect(checked.ok && back.sequence).toEqual(checked.ok && checked.sequence);
    }
  });

  it('knows a ready-made lecture again after it went through a link (checked, keys reordered)', () => {
    const viaLink = opened(lectureLink(copy(first.sequence), 0, page)).sequence;
    const reordered = Object.fromEntries(Object.entries(viaLink).reverse()) as LectureSequence;
    expect(readyLectureId(reordered)).toBe(first.id);
    expect(lectureLink(reordered, 0, page)).toMatch(new RegExp(`#mode=lecture&seq=${first.id}$`));
  });

  it('carries an edited lecture whole, with its edits, at its step', () => {
    const edited = copy(first.sequence);
    edited.steps[1]!.caption = 'Our own words.';
    expect(readyLectureId(edited)).toBeNull();
    const link = lectureLink(edited, 1, page);
    expect(params(link).get('seq')!.length).toBeGreaterThan(200);
    const back = opened(link);
    expect(back.message).toBeNull();
    expect(back.step).toBe(1);
    expect(back.sequence.steps[1]!.caption).toBe('Our own words.');
  });

  it('leaves the simulator state out and keeps the page query that is not the app', () => {
    const link = new URL(lectureLink(copy(first.sequence), 0, page));
    expect(link.search).toBe('?utm=x');
    expect([...params(link.href).keys()]).toEqual(['mode', 'seq']);
  });

  it('an id is never a readable sequence, so the two forms of seq cannot be confused', () => {
    const ids = READY_LECTURES.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(decodeSequence(id).ok).toBe(false);
  });

  it('expands only a known id; other parameters pass through as given', () => {
    expect(expandReadyLecture('mode=lecture&seq=no-such-lecture')).toBe(
      'mode=lecture&seq=no-such-lecture',
    );
    expect(expandReadyLecture('#mode=lecture')).toBe('#mode=lecture');
    const expanded = new URLSearchParams(
      expandReadyLecture(`#v=1&mode=lecture&seq=${first.id}&step=2`),
    );
    expect(expanded.get('v')).toBe('1');
    expect(expanded.get('step')).toBe('2');
    expect(decodeSequence(expanded.get('seq')!).ok).toBe(true);
  });
});
