/**
 * Lecture mode's state and everything it does, apart from drawing (the components in
 * src/modes/lecture only show this state and call its methods). A LecturePlayer owns:
 * - the sequence being shown and edited, and the current step; `show`, `next` and `previous`
 *   load a step's view into the simulator and put its time cursor at 0;
 * - playing the time cursor: a requestAnimationFrame loop that runs it from where it is to the end
 *   of the window in PLAY_SECONDS, and pauses there;
 * - the messages: why a link's sequence could not be read, the status line read out to screen
 *   readers, and the outcome of making a share link (and the link);
 * - the editor's operations: choose a ready-made lecture, start a new one, add (up to MAX_STEPS),
 *   update, remove and move steps, set the title and captions (cut to MAX_TITLE and MAX_CAPTION);
 * - whether the controls drawer and the key help are open, and the full-screen state;
 * - the decision of what a key press does (`handleKey`);
 * - writing the sequence and the step into the address (the simulator writes its own state).
 *
 * It reads the simulator's state and changes it only through the simulator's methods (load,
 * setCursor, borrow, giveBack). `start()` borrows the simulator and installs the page-wide
 * listeners (keys on the window, full-screen changes on the document); `stop()` removes them and
 * gives the simulator back. A component calls them from onMount: `onMount(() => player.start())`.
 */
import { READY_LECTURES } from './lectures';
import { isTextEntry } from '../../lib/textEntry';
import { windowEndMin, type AppState } from '../../lib/appState';
import { addressWith, currentParams } from '../../lib/address';
import { parseRoute } from '../../lib/modes';
import {
  MAX_CAPTION,
  MAX_STEPS,
  MAX_TITLE,
  SEQUENCE_VERSION,
  checkSequence,
  openSequence,
  lectureSearch,
  sequenceLink,
  type LectureSequence,
  type LectureStep,
} from './sequence';
import type { Simulator } from '../../lib/simulator.svelte';
import { SHARE_MESSAGES, copyLink } from '../../lib/share';

/** What the lecture uses of the simulator. */
export type LectureSimulator = Pick<
  Simulator,
  'state' | 'liveResults' | 'cursorMin' | 'load' | 'setCursor' | 'borrow' | 'giveBack'
>;

/** What `handleKey` reads of a key press (a KeyboardEvent has all of it). */
export type LectureKey = Pick<
  KeyboardEvent,
  'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'defaultPrevented' | 'target' | 'preventDefault'
>;

/** Seconds the time cursor takes to play from 0 to the end of the window. */
export const PLAY_SECONDS = 15;
/** How long a full-screen request may stay unanswered before the page says it did not start. */
export const FULLSCREEN_WAIT_MS = 3000;

/** A deep copy, so editing a sequence never changes a ready-made one (or the simulator's state). */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * Keys that belong to a control, not to the lecture: what is typed into a field, what is pressed
 * in the editor's own choices (the drawer C opens) or in an open dialog, the arrows on the chart's
 * time cursor, and space on a button or link. Anything else the presenter clicked last (Next, a reading-level
 * choice) keeps the lecture's keys working: a presentation clicker sends Page Up and Page Down
 * wherever the focus is.
 */

function ownedByControl(e: LectureKey): boolean {
  const t = e.target;
  if (typeof Element === 'undefined' || !(t instanceof Element)) return false;
  if (t.closest('dialog[open]')) return true;
  // Typing (and a range's or a list's arrows) belongs to the field, wherever it is; a choice
  // (radio, checkbox) keeps its keys only in the editor.
  if (isTextEntry(t) || t.closest('input[type="range"]')) return true;
  if (t.closest('input') && t.closest('[data-lecture-editor]')) return true;
  if (t.getAttribute('role') === 'slider' && e.key.startsWith('Arrow')) return true;
  if (e.key === ' ' && t.closest('button, a, summary')) return true;
  return false;
}

export class LecturePlayer {
  readonly #sim: LectureSimulator;

  #sequence = $state<LectureSequence>({ version: SEQUENCE_VERSION, title: '', steps: [] });
  #stepIndex = $state(0);
  #playing = $state(false);
  #controlsOpen = $state(false);
  #helpOpen = $state(false);
  #fullscreen = $state(false);
  #message = $state<string | null>(null);
  #status = $state('');
  #shareLink = $state('');
  #shareMessage = $state('');

  /** the step shown (undefined only if the sequence were empty, which it never is) */
  readonly step = $derived<LectureStep | undefined>(this.#sequence.steps[this.#stepIndex]);
  /** citation keys of the shown step's caption */
  readonly stepSources = $derived<readonly string[]>(this.step?.sources ?? []);
  readonly atFirst = $derived(this.#stepIndex === 0);
  readonly atLast = $derived(this.#stepIndex >= this.#sequence.steps.length - 1);
  readonly canAddStep = $derived(this.#sequence.steps.length < MAX_STEPS);
  readonly canRemoveStep = $derived(this.#sequence.steps.length > 1);

  /**
   * `params`: the app parameters of the address (address.ts); `seq` and `step` choose the
   * sequence and the step, else the first ready-made lecture is shown (with a message when a
   * `seq` could not be read). The simulator is not touched until `start()`.
   */
  constructor(sim: LectureSimulator, params: string = currentParams()) {
    this.#sim = sim;
    const opened = openSequence(params, () => copy(READY_LECTURES[0]!.sequence));
    this.#sequence = opened.sequence;
    this.#stepIndex = opened.step;
    this.#message = opened.message;
  }

  // Read by the components; changed only through the methods below. The sequence is the live
  // state object (the editor's fields read it), but it is changed only through the methods too.

  readonly sequence: LectureSequence = $derived(this.#sequence);
  /** index of the step shown, from 0 */
  readonly stepIndex: number = $derived(this.#stepIndex);
  /** true while the time cursor plays */
  readonly playing: boolean = $derived(this.#playing);
  readonly controlsOpen: boolean = $derived(this.#controlsOpen);
  readonly helpOpen: boolean = $derived(this.#helpOpen);
  /** true while the page is in full screen (as the browser last said) */
  readonly fullscreen: boolean = $derived(this.#fullscreen);
  /** why the sequence of the link could not be read, if it could not */
  readonly message: string | null = $derived(this.#message);
  /** the status line (play, pause, full screen), for screen readers */
  readonly status: string = $derived(this.#status);
  /** the last link made by `share`, or '' */
  readonly shareLink: string = $derived(this.#shareLink);
  /** what became of the last `share`, or '' */
  readonly shareMessage: string = $derived(this.#shareMessage);

  /** End of the time axis of the current view, min (as the chart computes it). */
  get windowEnd(): number {
    return windowEndMin(this.#sim.state.view.window, this.#sim.liveResults);
  }

  /** The simulator's current view, as a step's state (a copy). */
  #currentView(): AppState {
    return copy($state.snapshot(this.#sim.state) as AppState);
  }

  /**
   * Writes the sequence and the step into the address's fragment, while the address is the
   * lecture's: a lecture that starts (or steps) after the page has already moved to another view,
   * e.g. a quick Back, must not take the address back to the lecture.
   */
  writeAddress() {
    if (typeof history === 'undefined') return;
    if (parseRoute(currentParams()).mode !== 'lecture') return;
    const seq = $state.snapshot(this.#sequence) as LectureSequence;
    history.replaceState(
      history.state,
      '',
      addressWith(lectureSearch(currentParams(), seq, this.#stepIndex)),
    );
  }

  /** Shows step k (from 0): its view in the simulator, the cursor at 0. Out of range: nothing. */
  show(k: number) {
    const s = this.#sequence.steps[k];
    if (!s) return;
    this.pause();
    this.#stepIndex = k;
    this.#sim.load(copy($state.snapshot(s.state) as AppState));
    this.#sim.setCursor(0);
    this.writeAddress();
  }

  next() {
    this.show(Math.min(this.#stepIndex + 1, this.#sequence.steps.length - 1));
  }

  previous() {
    this.show(Math.max(this.#stepIndex - 1, 0));
  }

  // The animated time cursor.
  #frame = 0;
  #last = 0;

  #tick = (now: number) => {
    const dt = this.#last ? (now - this.#last) / 1000 : 0;
    this.#last = now;
    const end = this.windowEnd;
    const next = this.#sim.cursorMin + (end / PLAY_SECONDS) * dt;
    if (next >= end) {
      this.#sim.setCursor(end);
      this.pause();
      return;
    }
    this.#sim.setCursor(next);
    this.#frame = requestAnimationFrame(this.#tick);
  };

  /** Plays the time cursor to the end of the window (from 0 if it is already there). */
  play() {
    if (this.#playing) return;
    if (this.#sim.cursorMin >= this.windowEnd) this.#sim.setCursor(0);
    this.#playing = true;
    this.#status = 'Playing the time cursor';
    this.#last = 0;
    this.#frame = requestAnimationFrame(this.#tick);
  }

  /** Stops the time cursor, on a whole minute. */
  pause() {
    if (!this.#playing) return;
    this.#playing = false;
    cancelAnimationFrame(this.#frame);
    this.#sim.setCursor(Math.round(this.#sim.cursorMin));
    this.#status = 'Paused';
  }

  togglePlay() {
    if (this.#playing) this.pause();
    else this.play();
  }

  toggleControls() {
    this.#controlsOpen = !this.#controlsOpen;
  }

  openHelp() {
    this.#helpOpen = true;
  }

  closeHelp() {
    this.#helpOpen = false;
  }

  /**
   * Asks the browser for full screen, or to leave it. The outcome comes as a fullscreenchange
   * (see start); a refusal, or a request left unanswered (some browsers neither grant nor refuse
   * it), is said in the status line rather than left silent.
   */
  async toggleFullscreen(): Promise<void> {
    const leaving = !!document.fullscreenElement;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unanswered = new Promise<'unanswered'>((resolve) => {
      timer = setTimeout(() => resolve('unanswered'), FULLSCREEN_WAIT_MS);
    });
    try {
      const request = leaving
        ? document.exitFullscreen()
        : document.documentElement.requestFullscreen();
      const outcome = await Promise.race([request.then(() => 'done' as const), unanswered]);
      if (outcome === 'unanswered' && !leaving && !document.fullscreenElement)
        this.#status =
          'Full screen did not start. The browser’s own full-screen key (often F11) works too.';
    } catch {
      this.#status = 'Full screen is not available in this browser window.';
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * What a key press does: arrows and Page Up/Down step, 1-9 jump to a step, space plays or
   * pauses, F full screen, ? the key help, C the controls. Keys with Ctrl, Meta or Alt, keys
   * already handled and keys that belong to a control (a text field, a slider's arrows, space on
   * a button) are left alone. Returns true (and prevents the default) when the key was used.
   */
  handleKey(e: LectureKey): boolean {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || ownedByControl(e)) return false;
    const k = e.key;
    if (k === 'ArrowRight' || k === 'PageDown') this.next();
    else if (k === 'ArrowLeft' || k === 'PageUp') this.previous();
    else if (k === ' ') this.togglePlay();
    else if (/^[1-9]$/.test(k)) this.show(Number(k) - 1);
    else if (k === 'f' || k === 'F') void this.toggleFullscreen();
    else if (k === '?') this.openHelp();
    else if (k === 'c' || k === 'C') this.toggleControls();
    else return false;
    e.preventDefault();
    return true;
  }

  #onKeydown = (e: KeyboardEvent) => void this.handleKey(e);

  #onFullscreenChange = () => {
    this.#fullscreen = !!document.fullscreenElement;
    this.#status = this.#fullscreen ? 'Full screen on' : 'Full screen off';
  };

  #started = false;

  /**
   * Borrows the simulator (the user's scenarios come back at `stop`), shows the current step and
   * listens for keys and full-screen changes. Returns `stop`, for onMount.
   */
  start(): () => void {
    if (!this.#started) {
      this.#started = true;
      this.#sim.borrow();
      this.show(this.#stepIndex);
      window.addEventListener('keydown', this.#onKeydown);
      document.addEventListener('fullscreenchange', this.#onFullscreenChange);
    }
    return () => this.stop();
  }

  /** Stops the cursor, removes the listeners and gives the simulator back. */
  stop() {
    if (!this.#started) return;
    this.#started = false;
    cancelAnimationFrame(this.#frame);
    this.#playing = false;
    window.removeEventListener('keydown', this.#onKeydown);
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
    this.#sim.giveBack();
  }

  // Editing the sequence.

  /** Shows a ready-made lecture (a copy: editing it leaves the original alone). */
  chooseLecture(id: string) {
    const ready = READY_LECTURES.find((l) => l.id === id);
    if (!ready) return;
    this.#sequence = copy(ready.sequence);
    this.#message = null;
    this.show(0);
  }

  /** A new sequence of one step: the simulator's current view. */
  newSequence() {
    this.#sequence = {
      version: SEQUENCE_VERSION,
      title: 'My lecture',
      steps: [{ caption: '', sources: [], state: this.#currentView() }],
    };
    this.show(0);
  }

  /** The current view as a new step after the current one, which it becomes (up to MAX_STEPS). */
  addStep() {
    if (!this.canAddStep) return;
    this.#sequence.steps.splice(this.#stepIndex + 1, 0, {
      caption: '',
      sources: [],
      state: this.#currentView(),
    });
    this.#stepIndex += 1;
    this.writeAddress();
  }

  /** Step k takes the simulator's current view. */
  updateStep(k: number) {
    const s = this.#sequence.steps[k];
    if (!s) return;
    s.state = this.#currentView();
    this.writeAddress();
  }

  /** Removes step k (never the last one left) and shows the step now at the current place. */
  removeStep(k: number) {
    if (!this.canRemoveStep || !this.#sequence.steps[k]) return;
    this.#sequence.steps.splice(k, 1);
    this.show(Math.min(this.#stepIndex, this.#sequence.steps.length - 1));
  }

  /** Moves step k one place up (-1) or down (1); the current step stays current. */
  moveStep(k: number, by: -1 | 1) {
    const j = k + by;
    const steps = this.#sequence.steps;
    if (k < 0 || k >= steps.length || j < 0 || j >= steps.length) return;
    const [s] = steps.splice(k, 1);
    steps.splice(j, 0, s!);
    if (this.#stepIndex === k) this.#stepIndex = j;
    else if (this.#stepIndex === j) this.#stepIndex = k;
    this.writeAddress();
  }

  /**
   * Sets the title (cut to MAX_TITLE characters). The address is written by `writeAddress`, once
   * the edit is done (the field's change event), not at every key.
   */
  setTitle(title: string) {
    this.#sequence.title = title.slice(0, MAX_TITLE);
  }

  /** Sets step k's caption (cut to MAX_CAPTION characters); see setTitle for the address. */
  setCaption(k: number, caption: string) {
    const s = this.#sequence.steps[k];
    if (!s) return;
    s.caption = caption.slice(0, MAX_CAPTION);
  }

  /** Makes a link to the sequence (checked as a link's would be) and copies it if it can. */
  async share(): Promise<void> {
    this.#shareMessage = '';
    const checked = checkSequence($state.snapshot(this.#sequence));
    if (!checked.ok) {
      this.#shareMessage = checked.message;
      return;
    }
    this.#shareLink = sequenceLink(checked.sequence, location);
    this.#shareMessage = SHARE_MESSAGES[await copyLink(this.#shareLink)];
  }
}
