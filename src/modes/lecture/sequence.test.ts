import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { READY_LECTURES } from './lectures';
import { cite } from '../../content/references';
import { defaultState } from '../../lib/appState';
import {
  MAX_CAPTION,
  MAX_STEPS,
  SEQUENCE_VERSION,
  checkSequence,
  decodeSequence,
  encodeSequence,
  lectureSearch,
  sequenceHref,
  stepFromParam,
  type LectureSequence,
} from './sequence';

const simple = (caption: string): LectureSequence => ({
  version: SEQUENCE_VERSION,
  title: 'Test',
  steps: [{ caption, sources: ['berman2000'], state: defaultState() }],
});

describe('lecture sequences', () => {
  it('round-trips through a link, captions byte for byte', () => {
    const caption = '<script>alert(1)</script> & "quotes" — ünïcode ✓';
    const seq = simple(caption);
    const back = decodeSequence(encodeSequence(seq));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.sequence).toEqual(seq);
  });

  it('every ready-made lecture is valid, round-trips and cites resolvable sources', () => {
    expect(READY_LECTURES.length).toBeGreaterThanOrEqual(2);
    for (const lecture of READY_LECTURES) {
      const checked = checkSequence(JSON.parse(JSON.stringify(lecture.sequence)));
      expect(checked.ok, lecture.id).toBe(true);
      for (const step of lecture.sequence.steps)
        for (const k of step.sources) expect(() => cite(k)).not.toThrow();
      const back = decodeSequence(encodeSequence(lecture.sequence));
      expect(back.ok && back.sequence).toEqual(lecture.sequence);
    }
  });

  it('explains each kind of bad sequence', () => {
    const bad = (patch: (s: Record<string, unknown>) => void) => {
      const s = JSON.parse(JSON.stringify(simple('x'))) as Record<string, unknown>;
      patch(s);
      const r = checkSequence(s);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.message;
    };
    expect(bad((s) => (s.version = 99))).toMatch(/version/);
    expect(bad((s) => (s.steps = []))).toMatch(/1 to 20 steps/);
    expect(bad((s) => (s.steps = Array(MAX_STEPS + 1).fill((s.steps as unknown[])[0])))).toMatch(
      /steps/,
    );
    expect(
      bad((s) => ((s.steps as { caption: string }[])[0]!.caption = 'x'.repeat(MAX_CAPTION + 1))),
    ).toMatch(/caption of step 1/);
    expect(
      bad((s) => {
        const st = (
          s.steps as { state: { scenarios: { scenario: { patient: { weightKg: number } } }[] } }[]
        )[0]!;
        st.state.scenarios[0]!.scenario.patient.weightKg = 900;
      }),
    ).toMatch(/step 1, scenario 1/);
    expect(bad((s) => ((s.steps as { sources: string[] }[])[0]!.sources = ['nobody2099']))).toMatch(
      /sources of step 1/,
    );
    expect(decodeSequence('%%%').ok).toBe(false);
    expect(decodeSequence('').ok).toBe(false);
  });

  it('never throws on random or mutated links', () => {
    const good = encodeSequence(READY_LECTURES[0]!.sequence);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.base64String(),
          fc
            .tuple(fc.nat(good.length), fc.string({ maxLength: 3 }))
            .map(([i, s]) => good.slice(0, i) + s + good.slice(i + s.length)),
        ),
        (raw) => {
          const r = decodeSequence(raw);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('builds lecture links and reads the step parameter safely', () => {
    const href = sequenceHref(simple('a'), 0);
    expect(href.startsWith('#')).toBe(true);
    const p = new URLSearchParams(href.slice(1));
    expect(p.get('mode')).toBe('lecture');
    expect(decodeSequence(p.get('seq')!).ok).toBe(true);
    const here = new URLSearchParams(
      lectureSearch('?v=1&state=abc&step=9', simple('b'), 1).slice(1),
    );
    expect(here.get('state')).toBe('abc');
    expect(here.get('step')).toBe('2');
    expect(
      new URLSearchParams(lectureSearch(href, simple('b'), 0).slice(1)).get('step'),
    ).toBeNull();
    expect(stepFromParam('2', 3)).toBe(1);
    expect(stepFromParam('0', 3)).toBe(0);
    expect(stepFromParam('4', 3)).toBe(0);
    expect(stepFromParam('1e2', 3)).toBe(0);
    expect(stepFromParam(null, 3)).toBe(0);
  });
});

describe('the largest lecture the editor can make', () => {
  it('is read back from its link, even when every character takes 3 bytes', async () => {
    const { defaultState } = await import('../../lib/appState');
    const base = defaultState();
    const one = base.scenarios[0]!;
    const seq = {
      version: 1 as const,
      title: '講'.repeat(120),
      steps: Array.from({ length: 20 }, () => ({
        caption: '講'.repeat(600),
        sources: [],
        state: {
          scenarios: [0, 1, 2, 3].map(() => ({ ...one, name: '講'.repeat(80) })),
          view: { ...base.view, active: 3 },
        },
      })),
    };
    const raw = new URLSearchParams(sequenceHref(seq).slice(1)).get('seq')!;
    expect(raw.length).toBeGreaterThan(60_000); // refused as too long before
    const back = decodeSequence(raw);
    expect(back.ok).toBe(true);
  });
});
