/**
 * Lecture mode's components, mounted in happy-dom on a real Simulator (its engine not started:
 * the views wait for curves, which the lecture does not need). The components only lay out a
 * LecturePlayer (tested itself in lecture.svelte.test.ts): these tests check that they show its
 * state, that their buttons and fields reach it, and that the mode cleans up when it is left.
 */
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import LectureMode from '../../src/modes/lecture/LectureMode.svelte';
import LectureBar from '../../src/modes/lecture/LectureBar.svelte';
import SequenceEditor from '../../src/modes/lecture/SequenceEditor.svelte';
import { READY_LECTURES } from '../../src/modes/lecture/lectures';
import { LecturePlayer } from '../../src/modes/lecture/lecture.svelte';
import type { Mode } from '../../src/lib/modes';
import { MAX_CAPTION, MAX_STEPS } from '../../src/modes/lecture/sequence';
import { Simulator } from '../../src/lib/simulator.svelte';
import { show } from './render';

const lecture = READY_LECTURES[0]!.sequence;
const cleanups: (() => void)[] = [];
/** A Simulator whose timers are stopped after the test. */
function simulator(): Simulator {
  const sim = new Simulator('');
  cleanups.push(() => sim.stop());
  return sim;
}
/** A started player on a new Simulator; it is stopped after the test. */
function startedPlayer(): LecturePlayer {
  const p = new LecturePlayer(simulator(), '');
  cleanups.push(p.start());
  return p;
}

beforeEach(() => history.replaceState(null, '', '/#mode=lecture'));
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const press = (key: string) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  flushSync();
};
const button = (el: HTMLElement, name: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
const typeInto = (field: HTMLInputElement | HTMLTextAreaElement, text: string) => {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
};

describe('LectureMode', () => {
  it('shows the lecture, follows the keys, edits captions and leaves', () => {
    const sim = simulator();
    const asked: Mode[] = [];
    const el = show(LectureMode, { sim, onnavigate: (m: Mode) => asked.push(m) });

    expect(el.querySelector('h1')!.textContent).toBe(lecture.title);
    expect(el.textContent).toContain(`Step 1 of ${lecture.steps.length}`);
    expect(el.querySelector('.caption-text')!.textContent).toBe(lecture.steps[0]!.caption);
    expect(el.querySelector('.caption-sources')!.textContent).toMatch(/Sources: .+; .+/);
    expect(sim.state.view.window).toBe('4h');

    press('ArrowRight');
    expect(el.textContent).toContain(`Step 2 of ${lecture.steps.length}`);
    expect(el.querySelector('.caption-text')!.textContent).toBe(lecture.steps[1]!.caption);
    expect(location.hash).toContain('step=2');

    // C opens the drawer; a caption typed there shows at once, cut to the caption limit.
    expect(el.querySelector('.drawer')).toBeNull();
    press('c');
    const caption = el.querySelector<HTMLTextAreaElement>('#caption-1')!;
    typeInto(caption, 'x'.repeat(MAX_CAPTION + 10));
    expect(el.querySelector('.caption-text')!.textContent).toBe('x'.repeat(MAX_CAPTION));
    // keys typed into the caption are the caption's
    caption.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect(el.textContent).toContain(`Step 2 of ${lecture.steps.length}`);

    button(el, 'Leave lecture').click();
    expect(asked).toEqual(['simulator']);
  });

  it('removes its listeners and gives the simulator back when unmounted', () => {
    const sim = simulator();
    const mine = $state.snapshot(sim.state);
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(LectureMode, { target, props: { sim, onnavigate: () => {} } });
    flushSync();
    expect($state.snapshot(sim.state)).not.toEqual(mine);
    unmount(app);
    flushSync();
    expect($state.snapshot(sim.state)).toEqual(mine);
    const before = location.hash;
    press('ArrowRight');
    expect(location.hash).toBe(before);
    target.remove();
  });
});

describe('LectureBar', () => {
  it('disables Previous and Next at the ends and shows Play or Pause', () => {
    const player = startedPlayer();
    const el = show(LectureBar, { player, onleave: () => {} });
    expect(button(el, 'Previous').disabled).toBe(true);
    expect(button(el, 'Next').disabled).toBe(false);
    button(el, 'Next').click();
    flushSync();
    expect(el.querySelector('.counter')!.textContent).toContain('Step 2 of');
    player.show(lecture.steps.length - 1);
    flushSync();
    expect(button(el, 'Next').disabled).toBe(true);
    expect(button(el, 'Previous').disabled).toBe(false);
    const play = button(el, 'Play');
    expect(play.getAttribute('aria-pressed')).toBe('false');
    play.click();
    flushSync();
    expect(play.textContent).toBe('Pause');
    expect(play.getAttribute('aria-pressed')).toBe('true');
    play.click();
    flushSync();
    expect(play.textContent).toBe('Play');
    button(el, 'Controls').click();
    flushSync();
    expect(player.controlsOpen).toBe(true);
    expect(button(el, 'Controls').getAttribute('aria-expanded')).toBe('true');
  });
});

describe('SequenceEditor', () => {
  it('reaches the player from its fields and buttons, within the limits', () => {
    const player = startedPlayer();
    const el = show(SequenceEditor, { player });
    const title = el.querySelector<HTMLInputElement>('#lecture-title')!;
    expect(title.value).toBe(lecture.title);
    typeInto(title, 'A new title');
    expect(player.sequence.title).toBe('A new title');
    expect(location.hash).toContain('seq=');

    const select = el.querySelector<HTMLSelectElement>('#lecture-choice')!;
    select.value = READY_LECTURES[1]!.id;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(player.sequence.title).toBe(READY_LECTURES[1]!.sequence.title);

    button(el, 'Start a new lecture from this view').click();
    flushSync();
    expect(el.querySelectorAll('ol.steps li')).toHaveLength(1);
    expect(button(el, 'Remove step 1').disabled).toBe(true);
    expect(button(el, 'Move step 1 up').disabled).toBe(true);
    const add = button(el, 'Add the current view as a new step');
    for (let k = 1; k < MAX_STEPS; k++) {
      expect(add.disabled).toBe(false);
      add.click();
      flushSync();
    }
    expect(el.querySelectorAll('ol.steps li')).toHaveLength(MAX_STEPS);
    expect(add.disabled).toBe(true);
    expect(el.querySelector('li.current label')!.textContent).toBe(`Caption of step ${MAX_STEPS}`);
    button(el, 'Show step 3').click();
    flushSync();
    expect(el.querySelector('li.current label')!.textContent).toBe('Caption of step 3');
    button(el, `Remove step ${MAX_STEPS}`).click();
    flushSync();
    expect(add.disabled).toBe(false);
  });

  it('shows the share link and what became of it', async () => {
    const player = startedPlayer();
    const el = show(SequenceEditor, { player });
    expect(el.querySelector('#share-link')).toBeNull();
    await player.share();
    flushSync();
    const link = el.querySelector<HTMLInputElement>('#share-link')!;
    expect(link.value).toContain('mode=lecture');
    expect(el.querySelector('[role="status"]')!.textContent).toBe(player.shareMessage);
  });
});
