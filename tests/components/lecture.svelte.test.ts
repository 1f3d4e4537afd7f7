/**
 * The lecture's state (LecturePlayer, src/modes/lecture/lecture.svelte.ts), driven directly: stepping, keys,
 * playing the time cursor (requestAnimationFrame stubbed, frames run by hand), full screen, the
 * editor's limits, share links and the address. The simulator is a small fake with the methods
 * the player may use (typed by LectureSimulator, a Pick of the Simulator), and once a real one.
 */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ivScenario } from '../../src/registry';
import { defaultState, type AppState } from '../../src/lib/appState';
import { READY_LECTURES } from '../../src/modes/lecture/lectures';
import {
  FULLSCREEN_WAIT_MS,
  LecturePlayer,
  PLAY_SECONDS,
  type LectureKey,
  type LectureSimulator,
} from '../../src/modes/lecture/lecture.svelte';
import {
  MAX_CAPTION,
  MAX_STEPS,
  MAX_TITLE,
  decodeSequence,
  encodeSequence,
  openSequence,
  sequenceLink,
  type LectureSequence,
} from '../../src/modes/lecture/sequence';
import { Simulator } from '../../src/lib/simulator.svelte';

/** The simulator's part that the lecture uses, with a record of what it was asked. */
class FakeSimulator implements LectureSimulator {
  state = $state<AppState>(defaultState());
  liveResults = $state.raw<LectureSimulator['liveResults']>([]);
  #cursor = $state(40);
  loads: AppState[] = [];
  borrows = 0;
  givebacks = 0;

  get cursorMin(): number {
    return this.#cursor;
  }
  setCursor(tMin: number) {
    if (!Number.isFinite(tMin) || tMin < 0) throw new RangeError(`bad cursor ${tMin}`);
    this.#cursor = tMin;
  }
  load(state: AppState) {
    this.loads.push(state);
    this.state = state;
  }
  borrow() {
    this.borrows += 1;
  }
  giveBack() {
    this.givebacks += 1;
  }
}

const lecture = READY_LECTURES[0]!.sequence;
const nSteps = lecture.steps.length;
const stepParam = () => new URLSearchParams(location.hash.slice(1)).get('step');
const seqInAddress = () => {
  const raw = new URLSearchParams(location.hash.slice(1)).get('seq');
  const d = raw === null ? null : decodeSequence(raw);
  return d?.ok ? d.sequence : null;
};

/** A key press as handleKey reads it; `prevented` says whether preventDefault was called. */
function key(k: string, extra: Partial<LectureKey> = {}) {
  const e = {
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target: document.body,
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
    ...extra,
  };
  return e;
}

const cleanups: (() => void)[] = [];

/** A started player on a fake simulator; it is stopped after the test. */
function started(params = '') {
  const sim = new FakeSimulator();
  const player = new LecturePlayer(sim, params);
  const stop = player.start();
  cleanups.push(stop);
  return { sim, player, stop };
}

/** A short sequence of n steps, IV doses 0.1, 0.2, ... mg/kg. */
function sequenceOf(n: number): LectureSequence {
  return {
    version: 1,
    title: 'Short',
    steps: Array.from({ length: n }, (_, k) => ({
      caption: `Step ${k + 1}`,
      sources: [],
      state: {
        ...defaultState(),
        scenarios: [{ name: `s${k}`, scenario: ivScenario(0.1 * (k + 1), 40) }],
      },
    })),
  };
}

beforeEach(() => history.replaceState(null, '', '/#mode=lecture'));
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a LecturePlayer opens', () => {
  it('and leaves the address alone once the page has moved to another view', () => {
    // The lecture was asked for, but the user went on (a quick Back) before it started.
    history.replaceState(null, '', '/#mode=patient&v=1');
    const { player } = started('mode=lecture');
    expect(location.hash).toBe('#mode=patient&v=1');
    player.next();
    expect(location.hash).toBe('#mode=patient&v=1');
  });

  it('on the first ready-made lecture, without touching the simulator before start()', () => {
    const sim = new FakeSimulator();
    const player = new LecturePlayer(sim, '');
    expect(player.sequence.title).toBe(lecture.title);
    expect(player.sequence).not.toBe(lecture);
    expect(player.stepIndex).toBe(0);
    expect(player.message).toBeNull();
    expect(sim.borrows + sim.loads.length).toBe(0);
  });

  it('on the sequence and step of its link', () => {
    const seq = sequenceOf(3);
    const { player, sim } = started(`mode=presenter&seq=${encodeSequence(seq)}&step=3`);
    expect(player.sequence.title).toBe('Short');
    expect(player.stepIndex).toBe(2);
    expect(sim.state.scenarios[0]!.name).toBe('s2');
    // a step outside the sequence is the first
    expect(new LecturePlayer(sim, `seq=${encodeSequence(seq)}&step=9`).stepIndex).toBe(0);
  });

  it('on the first ready-made lecture, saying so, when the link is damaged', () => {
    const player = new LecturePlayer(new FakeSimulator(), 'seq=not-a-sequence');
    expect(player.message).toMatch(/could not be read/);
    expect(player.sequence.title).toBe(lecture.title);
  });
});

describe('start() and stop()', () => {
  it('borrow the simulator and give it back, listening to the keys only in between', () => {
    const { sim, player, stop } = started();
    expect(sim.borrows).toBe(1);
    expect(sim.loads).toHaveLength(1);
    player.start();
    expect(sim.borrows).toBe(1);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    expect(player.stepIndex).toBe(1);
    stop();
    expect(sim.givebacks).toBe(1);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    expect(player.stepIndex).toBe(1);
    player.stop();
    expect(sim.givebacks).toBe(1);
  });

  it('follow full-screen changes while started', () => {
    const { player, stop } = started();
    Object.defineProperty(document, 'fullscreenElement', {
      configurable: true,
      get: () => document.documentElement,
    });
    cleanups.push(() => delete (document as { fullscreenElement?: unknown }).fullscreenElement);
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(player.fullscreen).toBe(true);
    expect(player.status).toBe('Full screen on');
    stop();
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => null });
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(player.fullscreen).toBe(true);
  });
});

describe('stepping', () => {
  it('show(k) loads a copy of the step into the simulator, puts the cursor at 0 and writes the address', () => {
    const { sim, player } = started();
    sim.setCursor(100);
    player.show(2);
    expect(player.stepIndex).toBe(2);
    expect(sim.state).toEqual(lecture.steps[2]!.state);
    expect(sim.state).not.toBe(player.sequence.steps[2]!.state);
    sim.state.scenarios[0]!.name = 'changed in the simulator';
    expect(player.sequence.steps[2]!.state.scenarios[0]!.name).not.toBe('changed in the simulator');
    expect(sim.cursorMin).toBe(0);
    expect(stepParam()).toBe('3');
    expect(seqInAddress()?.title).toBe(lecture.title);
    const loads = sim.loads.length;
    player.show(nSteps);
    player.show(-1);
    expect(player.stepIndex).toBe(2);
    expect(sim.loads).toHaveLength(loads);
  });

  it('next and previous stop at the ends', () => {
    const { player } = started();
    expect(player.atFirst).toBe(true);
    player.previous();
    expect(player.stepIndex).toBe(0);
    expect(stepParam()).toBeNull();
    for (let k = 0; k < nSteps + 2; k++) player.next();
    expect(player.stepIndex).toBe(nSteps - 1);
    expect(player.atLast).toBe(true);
    expect(player.atFirst).toBe(false);
    player.previous();
    expect(player.stepIndex).toBe(nSteps - 2);
    expect(player.step?.caption).toBe(lecture.steps[nSteps - 2]!.caption);
    expect(player.stepSources).toEqual(lecture.steps[nSteps - 2]!.sources);
  });
});

describe('keys', () => {
  it('step with the arrows and Page Up/Down, jump with 1-9, and toggle help and controls', () => {
    const { player } = started();
    const press = (k: string) => {
      const e = key(k);
      const used = player.handleKey(e);
      expect(e.prevented).toBe(used);
      return used;
    };
    expect(press('ArrowRight')).toBe(true);
    expect(player.stepIndex).toBe(1);
    press('PageDown');
    expect(player.stepIndex).toBe(2);
    press('ArrowLeft');
    press('PageUp');
    expect(player.stepIndex).toBe(0);
    press('4');
    expect(player.stepIndex).toBe(3);
    // 9 is past the end of a 5-step lecture: the key is the lecture's, but nothing moves
    expect(press('9')).toBe(true);
    expect(player.stepIndex).toBe(3);
    expect(press('0')).toBe(false);
    expect(press('x')).toBe(false);
    press('?');
    expect(player.helpOpen).toBe(true);
    player.closeHelp();
    expect(player.helpOpen).toBe(false);
    press('c');
    expect(player.controlsOpen).toBe(true);
    press('C');
    expect(player.controlsOpen).toBe(false);
  });

  it('space plays and pauses the time cursor', () => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const { player } = started();
    player.handleKey(key(' '));
    expect(player.playing).toBe(true);
    player.handleKey(key(' '));
    expect(player.playing).toBe(false);
  });

  it('leave alone keys with modifiers, keys already handled and keys that belong to a control', () => {
    const { player } = started();
    const input = document.createElement('input');
    const slider = document.createElement('div');
    slider.setAttribute('role', 'slider');
    const button = document.createElement('button');
    // A choice in the editor keeps its keys; the same choice elsewhere on the page does not.
    const editor = document.createElement('section');
    editor.setAttribute('data-lecture-editor', '');
    const editorChoice = document.createElement('input');
    editorChoice.type = 'radio';
    editor.append(editorChoice);
    const pageChoice = document.createElement('input');
    pageChoice.type = 'radio';
    document.body.append(input, slider, button, editor, pageChoice);
    cleanups.push(() => [input, slider, button, editor, pageChoice].forEach((n) => n.remove()));
    const ignored = [
      key('ArrowRight', { ctrlKey: true }),
      key('ArrowRight', { metaKey: true }),
      key('ArrowRight', { altKey: true }),
      key('ArrowRight', { defaultPrevented: true }),
      key('ArrowRight', { target: input }),
      key('c', { target: input }),
      key('ArrowRight', { target: slider }),
      key(' ', { target: button }),
      key('ArrowRight', { target: editorChoice }),
      key('PageDown', { target: editorChoice }),
    ];
    for (const e of ignored) {
      expect(player.handleKey(e)).toBe(false);
      expect(e.prevented).toBe(false);
    }
    expect(player.stepIndex).toBe(0);
    expect(player.controlsOpen).toBe(false);
    expect(player.playing).toBe(false);
    // a slider's own keys are its arrows only
    expect(player.handleKey(key('c', { target: slider }))).toBe(true);
    expect(player.handleKey(key('ArrowRight', { target: button }))).toBe(true);
    expect(player.stepIndex).toBe(1);
    // a presenter's clicker after a click on a reading-level choice
    const page = key('PageDown', { target: pageChoice });
    expect(player.handleKey(page)).toBe(true);
    expect(page.prevented).toBe(true);
    expect(player.stepIndex).toBe(2);
  });
});

describe('playing the time cursor', () => {
  /** requestAnimationFrame by hand: `frame(now)` runs the callbacks waiting for the next frame. */
  function stubFrames() {
    let waiting = new Map<number, FrameRequestCallback>();
    let id = 0;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      waiting.set(++id, cb);
      return id;
    });
    vi.stubGlobal('cancelAnimationFrame', (k: number) => waiting.delete(k));
    return {
      frame(now: number) {
        const due = waiting;
        waiting = new Map();
        for (const cb of due.values()) cb(now);
      },
      pending: () => waiting.size,
    };
  }

  it('runs from the cursor to the end of the window in PLAY_SECONDS and pauses there', () => {
    const frames = stubFrames();
    const { sim, player } = started();
    expect(player.windowEnd).toBe(240);
    player.play();
    expect(player.playing).toBe(true);
    expect(player.status).toBe('Playing the time cursor');
    frames.frame(1000);
    expect(sim.cursorMin).toBe(0);
    frames.frame(2000);
    expect(sim.cursorMin).toBeCloseTo(240 / PLAY_SECONDS, 9);
    for (let s = 3; s <= PLAY_SECONDS + 2; s++) frames.frame(s * 1000);
    expect(sim.cursorMin).toBe(240);
    expect(player.playing).toBe(false);
    expect(player.status).toBe('Paused');
    expect(frames.pending()).toBe(0);
    // played again from the end, it starts over
    player.play();
    expect(sim.cursorMin).toBe(0);
  });

  it('pauses on a whole minute, and when another step is shown', () => {
    const frames = stubFrames();
    const { sim, player } = started();
    player.play();
    frames.frame(300);
    frames.frame(2000);
    expect(sim.cursorMin).toBeCloseTo(1.7 * 16, 9);
    player.togglePlay();
    expect(sim.cursorMin).toBe(27);
    expect(frames.pending()).toBe(0);
    player.play();
    frames.frame(5000);
    player.next();
    expect(player.playing).toBe(false);
    expect(sim.cursorMin).toBe(0);
    expect(frames.pending()).toBe(0);
  });

  it('stops with the player', () => {
    const frames = stubFrames();
    const { player, stop } = started();
    player.play();
    stop();
    expect(player.playing).toBe(false);
    expect(frames.pending()).toBe(0);
  });
});

describe('full screen', () => {
  it('says when the browser window cannot go full screen', async () => {
    const player = new LecturePlayer(new FakeSimulator(), '');
    const root = document.documentElement as { requestFullscreen?: unknown };
    const had = Object.getOwnPropertyDescriptor(root, 'requestFullscreen');
    Object.defineProperty(root, 'requestFullscreen', {
      configurable: true,
      value: () => Promise.reject(new TypeError('not allowed')),
    });
    cleanups.push(() =>
      had ? Object.defineProperty(root, 'requestFullscreen', had) : delete root.requestFullscreen,
    );
    await player.toggleFullscreen();
    expect(player.status).toBe('Full screen is not available in this browser window.');
  });

  it('says when a request stays unanswered', async () => {
    vi.useFakeTimers();
    const player = new LecturePlayer(new FakeSimulator(), '');
    const root = document.documentElement as { requestFullscreen?: unknown };
    Object.defineProperty(root, 'requestFullscreen', {
      configurable: true,
      value: () => new Promise(() => {}),
    });
    cleanups.push(() => delete root.requestFullscreen);
    const asked = player.toggleFullscreen();
    await vi.advanceTimersByTimeAsync(FULLSCREEN_WAIT_MS - 1);
    expect(player.status).toBe('');
    await vi.advanceTimersByTimeAsync(1);
    await asked;
    expect(player.status).toMatch(/^Full screen did not start/);
  });
});

describe('the editor', () => {
  it('adds the current view after the current step, up to MAX_STEPS', () => {
    const { sim, player } = started();
    player.show(1);
    sim.load({ ...defaultState(), scenarios: [{ name: 'mine', scenario: ivScenario(1, 40) }] });
    player.addStep();
    expect(player.stepIndex).toBe(2);
    expect(player.sequence.steps).toHaveLength(nSteps + 1);
    expect(player.sequence.steps[2]!.state.scenarios[0]!.name).toBe('mine');
    expect(player.sequence.steps[2]!.state).not.toBe(sim.state);
    expect(player.sequence.steps[3]!.caption).toBe(lecture.steps[2]!.caption);
    expect(seqInAddress()?.steps).toHaveLength(nSteps + 1);
    while (player.canAddStep) player.addStep();
    expect(player.sequence.steps).toHaveLength(MAX_STEPS);
    player.addStep();
    expect(player.sequence.steps).toHaveLength(MAX_STEPS);
  });

  it('removes steps but never the last one, showing the step now in the current place', () => {
    const { sim, player } = started(`seq=${encodeSequence(sequenceOf(3))}&step=3`);
    player.removeStep(2);
    expect(player.stepIndex).toBe(1);
    expect(sim.state.scenarios[0]!.name).toBe('s1');
    player.removeStep(0);
    expect(player.sequence.steps.map((s) => s.caption)).toEqual(['Step 2']);
    expect(player.canRemoveStep).toBe(false);
    player.removeStep(0);
    expect(player.sequence.steps).toHaveLength(1);
  });

  it('moves steps, keeping the current one current', () => {
    const { player } = started(`seq=${encodeSequence(sequenceOf(3))}`);
    player.moveStep(0, 1);
    expect(player.sequence.steps.map((s) => s.caption)).toEqual(['Step 2', 'Step 1', 'Step 3']);
    expect(player.stepIndex).toBe(1);
    player.moveStep(2, -1);
    expect(player.sequence.steps.map((s) => s.caption)).toEqual(['Step 2', 'Step 3', 'Step 1']);
    expect(player.stepIndex).toBe(2);
    expect(stepParam()).toBe('3');
    player.moveStep(0, -1);
    player.moveStep(2, 1);
    expect(player.sequence.steps.map((s) => s.caption)).toEqual(['Step 2', 'Step 3', 'Step 1']);
  });

  it('cuts titles and captions to their limits', () => {
    const { player } = started();
    player.setTitle('T'.repeat(MAX_TITLE + 50));
    expect(player.sequence.title).toHaveLength(MAX_TITLE);
    player.setCaption(1, 'c'.repeat(MAX_CAPTION + 1));
    expect(player.sequence.steps[1]!.caption).toHaveLength(MAX_CAPTION);
    player.setCaption(99, 'nowhere');
    expect(player.sequence.steps).toHaveLength(nSteps);
    // the address follows once the edit is done
    player.writeAddress();
    expect(seqInAddress()?.title).toBe('T'.repeat(MAX_TITLE));
  });

  it('updates a step from the current view and starts new lectures from it', () => {
    const { sim, player } = started();
    sim.load({ ...defaultState(), scenarios: [{ name: 'now', scenario: ivScenario(0.7, 40) }] });
    player.updateStep(3);
    expect(player.sequence.steps[3]!.state.scenarios[0]!.name).toBe('now');
    player.newSequence();
    expect(player.sequence.title).toBe('My lecture');
    expect(player.sequence.steps).toHaveLength(1);
    expect(player.sequence.steps[0]!.state.scenarios[0]!.name).toBe('now');
    expect(player.stepIndex).toBe(0);
  });

  it('chooses a ready-made lecture as a copy, which can be edited without changing it', () => {
    const { player } = started('seq=damaged');
    expect(player.message).not.toBeNull();
    const second = READY_LECTURES[1]!;
    player.chooseLecture(second.id);
    expect(player.message).toBeNull();
    expect(player.sequence.title).toBe(second.sequence.title);
    player.setCaption(0, 'edited');
    expect(second.sequence.steps[0]!.caption).not.toBe('edited');
    player.chooseLecture('no-such-lecture');
    expect(player.sequence.title).toBe(second.sequence.title);
  });
});

describe('sharing', () => {
  it('makes a link that opens the sequence, and copies it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const { player } = started();
    player.setTitle('Shared');
    await player.share();
    expect(player.shareMessage).toBe('Link copied.');
    expect(writeText).toHaveBeenCalledWith(player.shareLink);
    const url = new URL(player.shareLink);
    expect(url.origin).toBe(location.origin);
    const p = new URLSearchParams(url.hash.slice(1));
    expect(p.get('mode')).toBe('lecture');
    const back = new LecturePlayer(new FakeSimulator(), url.hash.slice(1));
    expect(back.message).toBeNull();
    expect(back.sequence.title).toBe('Shared');
  });

  it('builds links on the page’s own path, keeping a query that is not the app’s', () => {
    const page = {
      href: 'https://example.org/course/?utm=a&mode=presenter#v=1',
      pathname: '/course/',
      search: '?utm=a&mode=presenter',
    };
    const link = new URL(sequenceLink(sequenceOf(1), page));
    expect(`${link.origin}${link.pathname}${link.search}`).toBe(
      'https://example.org/course/?utm=a',
    );
    expect(openSequence(link.hash, () => sequenceOf(2)).sequence.steps).toHaveLength(1);
  });

  it('says to copy the link by hand when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('no')) } });
    const { player } = started();
    await player.share();
    expect(player.shareMessage).toBe('Select the link and copy it.');
    expect(player.shareLink).toContain('mode=lecture');
  });

  it('says why a sequence cannot be shared', async () => {
    const { sim, player } = started();
    sim.load({ ...defaultState(), scenarios: [{ name: 'x', scenario: ivScenario(99, 40) }] });
    player.updateStep(0);
    await player.share();
    expect(player.shareMessage).toMatch(/^This lecture sequence could not be read \(step 1/);
    expect(player.shareLink).toBe('');
  });
});

describe('reactivity', () => {
  it('derived values follow the state', () => {
    const { player } = started(`seq=${encodeSequence(sequenceOf(2))}`);
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(`${player.stepIndex}:${player.atLast}:${player.step?.caption}`);
      });
    });
    cleanups.push(stop);
    flushSync();
    player.next();
    flushSync();
    player.setCaption(1, 'new words');
    flushSync();
    expect(seen).toEqual(['0:false:Step 1', '1:true:Step 2', '1:true:new words']);
  });
});

describe('with the real Simulator', () => {
  it('loads the step, moves its cursor and gives the user state back', () => {
    const sim = new Simulator('');
    cleanups.push(() => sim.stop());
    const mine = $state.snapshot(sim.state);
    const player = new LecturePlayer(sim, '');
    const stop = player.start();
    expect($state.snapshot(sim.state)).toEqual(lecture.steps[0]!.state);
    expect(sim.cursorMin).toBe(0);
    player.show(3);
    expect(sim.state.scenarios).toHaveLength(3);
    stop();
    expect($state.snapshot(sim.state)).toEqual(mine);
  });
});
