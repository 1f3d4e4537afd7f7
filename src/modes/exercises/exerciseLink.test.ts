import { describe, expect, it } from 'vitest';
import { EXERCISES } from './exerciseSet';
import * as link from './exerciseLink';
import { hrefForMode, withModeParams } from '../../lib/modes';
import { addressWith, paramsOf } from '../../lib/address';

const { EXERCISE_PARAM, exerciseFromParams, exerciseHref, unknownExerciseMessage } = link;
const n = EXERCISES.length;

describe('the exercise named by the address', () => {
  it('opens an exercise by its number in the list, from 1', () => {
    expect(exerciseFromParams('?mode=exercises&ex=6', EXERCISES)).toEqual({
      id: EXERCISES[5]!.id,
      message: null,
    });
    expect(exerciseFromParams(`#mode=exercises&ex=${n}`, EXERCISES).id).toBe(EXERCISES[n - 1]!.id);
    expect(exerciseFromParams('mode=exercises&ex=1', EXERCISES).id).toBe(EXERCISES[0]!.id);
  });

  it('opens an exercise by its id', () => {
    expect(exerciseFromParams('mode=exercises&ex=metabolite', EXERCISES)).toEqual({
      id: 'metabolite',
      message: null,
    });
  });

  it('asks for nothing when the address has no ex (older links)', () => {
    expect(exerciseFromParams('mode=exercises', EXERCISES)).toEqual({ id: null, message: null });
    expect(exerciseFromParams('', EXERCISES)).toEqual({ id: null, message: null });
  });

  it('opens the first exercise, saying why and naming the valid range, for anything else', () => {
    for (const raw of [
      '0',
      String(n + 1),
      '99',
      '-2',
      '1.5',
      'no-such-exercise',
      '',
      'constructor',
    ]) {
      const asked = exerciseFromParams(`mode=exercises&${EXERCISE_PARAM}=${raw}`, EXERCISES);
      expect(asked.id, raw).toBe(EXERCISES[0]!.id);
      expect(asked.message, raw).toBe(unknownExerciseMessage(raw, n));
      expect(asked.message).toContain(`numbered 1 to ${n}`);
      expect(asked.message).toContain('the first exercise is open');
    }
    // A long or odd value is shortened in the message, and shown only as text.
    const long = exerciseFromParams(`ex=${'x'.repeat(200)}`, EXERCISES).message!;
    expect(long.length).toBeLessThan(220);
  });
});

describe('writing the exercise into the address', () => {
  it('sets ex to the number and keeps every other parameter', () => {
    const href = exerciseHref('v=1&state=abc&mode=exercises&ex=2', 6);
    expect(href.startsWith('#')).toBe(true);
    const p = new URLSearchParams(href.slice(1));
    expect(p.get('ex')).toBe('6');
    expect(p.get('mode')).toBe('exercises');
    expect(p.get('state')).toBe('abc');
    expect(p.get('v')).toBe('1');
    // What is written is read back as the same exercise.
    expect(exerciseFromParams(href, EXERCISES).id).toBe(EXERCISES[5]!.id);
    expect(() => exerciseHref('', 0)).toThrow(RangeError);
  });

  it('survives the simulator rewriting its state, and goes when the mode changes', () => {
    const kept = new URLSearchParams(
      withModeParams('?v=1&state=new', 'v=1&state=old&mode=exercises&ex=4').slice(1),
    );
    expect(kept.get('ex')).toBe('4');
    expect(kept.get('state')).toBe('new');
    const left = new URLSearchParams(hrefForMode('simulator', 'mode=exercises&ex=4&v=1').slice(1));
    expect(left.get('ex')).toBeNull();
  });

  it('moves an older link’s ex from the query into the fragment, as the other app parameters', () => {
    const loc = { pathname: '/app/', search: '?mode=exercises&ex=6&utm=course', hash: '' };
    const params = paramsOf(loc);
    expect(exerciseFromParams(params, EXERCISES).id).toBe(EXERCISES[5]!.id);
    const next = new URL(addressWith(exerciseHref(params, 2), loc), 'https://example.org');
    expect(next.pathname).toBe('/app/');
    // The query keeps only what is not the app's; the fragment holds the exercise and the mode.
    expect(next.search).toBe('?utm=course');
    const fragment = new URLSearchParams(next.hash.slice(1));
    expect(fragment.get('ex')).toBe('2');
    expect(fragment.get('mode')).toBe('exercises');
  });
});
