/**
 * The exercises mode's state and everything it does, apart from drawing (the components in
 * src/components/exercises only show this state and call its methods).
 *
 * An ExerciseSession is one exercise being done, from the reference curve to the score. It owns:
 * - the load: `load()` waits for the engine and simulates the reference curve, which also sets
 *   the top of the drawing area; `status` is 'loading', then 'ready' or 'error' (`loadError` says
 *   why);
 * - the draft prediction and its changes: from the chart (`draw`, a stroke's draft, announced when
 *   the stroke ends) and from the typed values at the fixed times (`enter`, which refuses text that
 *   is not a number from 0 to the top of the drawing area with a message for that field in
 *   `fieldErrors`, and leaves the draft as it was); `clear()` empties it;
 * - coverage and readiness: how much of the time axis the draft covers (`coverage`) and whether
 *   that is enough to reveal (`canReveal`);
 * - the reveal: `reveal()` refuses a draft that covers too little (saying why in `notReady`), else
 *   runs the second simulation (one run, or virtual patients for a percentile answer), scores the
 *   prediction and calls `onscored` once with the total; a failed simulation is told in
 *   `revealError`;
 * - what the page shows of the revealed answer: the score and curves (`revealed`), the
 *   explanation and the rows of the data table;
 * - the text of the live region (`announcement`), said when a stroke or an edit ends;
 * - `tryAgain()`: the answer hidden again, and an empty prediction.
 * It uses the simulator only through its methods (`ready`, `runOnce`, `populationOnce`).
 *
 * An ExerciseList is the list beside the exercise: which exercise is chosen (the first, or the one
 * the address asks for with `ex`, exerciseLink.ts; `linkMessage` says why when it could not be
 * opened), and the progress kept on the device (progress.ts does the reading, merging and
 * writing). It owns the progress shown, the storage and reset messages, recording a score
 * (`scored`), the reset with its confirmation and its undo (`askReset`, `cancelReset`, `reset`,
 * `undoReset`), and following what other tabs or windows of this browser save (`sync`, installed
 * by `listen()`).
 */
import type { Simulator } from '../../lib/simulator.svelte';
import {
  EXERCISES,
  revealContext,
  seriesOf,
  type Exercise,
  type RevealContext,
} from './exerciseSet';
import {
  MIN_COVERAGE,
  applyHandle,
  completeDraft,
  coverage,
  curveStats,
  drawingTop,
  emptyDraft,
  formatMinutes,
  gridTimes,
  handleText,
  handleValues,
  resample,
  sig3,
  type Draft,
  type ExerciseGrid,
} from './exercises';
import * as stored from './progress';
import type { ExerciseRecord, Progress } from './progress';
import { exerciseFromParams } from './exerciseLink';

/** What an exercise uses of the simulator. */
export type ExerciseSimulator = Pick<Simulator, 'ready' | 'runOnce' | 'populationOnce'>;

export type ExerciseStatus = 'loading' | 'ready' | 'error';

export interface ExerciseSessionOptions {
  /**
   * called once the answer is revealed, with the total score and the id of this session's
   * exercise (the page may show another exercise by the time a slow reveal ends)
   */
  onscored?: (total: number, exerciseId: string) => void;
}

/** Rows of the revealed data table: at most this many evenly spaced times (plus both peaks). */
export const TABLE_ROWS = 40;

const percent = (f: number) => Math.round(f * 100);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const problemText = (problems: readonly { message: string }[]) =>
  problems.map((p) => p.message).join(' ');

export class ExerciseSession {
  readonly exercise: Exercise;
  readonly grid: ExerciseGrid;
  /** the grid's times, min */
  readonly t: Float64Array;
  readonly #sim: ExerciseSimulator;
  readonly #onscored: (total: number, exerciseId: string) => void;
  #loading: Promise<void> | null = null;

  #status = $state<ExerciseStatus>('loading');
  #loadError = $state('');
  #baseline = $state.raw<Float64Array>(new Float64Array(0));
  #yTop = $state(1);
  #draft = $state.raw<Draft>([]);
  #fieldErrors = $state.raw<Readonly<Record<number, string>>>({});
  #announcement = $state('');
  #notReady = $state('');
  #revealing = $state(false);
  #revealError = $state('');
  #revealed = $state.raw<RevealContext | null>(null);

  /** the draft's value at each fixed time of the typed fields (null where there is none) */
  readonly handleValues: readonly (number | null)[];
  /** the text each typed field shows: what was drawn or typed there, or '' */
  readonly fieldTexts: readonly string[];
  /** how much of the time axis the draft covers, 0-1 */
  readonly coverage: number;
  /** whether the draft covers enough of the axis to be revealed */
  readonly canReveal: boolean;
  /** the explanation's paragraphs, once revealed */
  readonly explanation: readonly string[];
  /** grid indices of the data table's rows, once revealed: evenly spaced, the end and both peaks */
  readonly tableRows: readonly number[];

  constructor(exercise: Exercise, sim: ExerciseSimulator, options: ExerciseSessionOptions = {}) {
    this.exercise = exercise;
    this.grid = exercise.grid;
    this.t = gridTimes(exercise.grid);
    this.#sim = sim;
    this.#onscored = options.onscored ?? (() => {});
    this.#baseline = new Float64Array(this.t.length);
    this.#draft = emptyDraft(exercise.grid);
    this.handleValues = $derived(handleValues(this.#draft, exercise.grid, exercise.handleTimesMin));
    this.fieldTexts = $derived(this.handleValues.map(handleText));
    this.coverage = $derived(coverage(this.#draft));
    this.canReveal = $derived(this.coverage >= MIN_COVERAGE);
    this.explanation = $derived(this.#revealed ? exercise.explain(this.#revealed) : []);
    this.tableRows = $derived(this.#revealed ? this.#rowsOf(this.#revealed) : []);
  }

  // Read by the components; changed only through the methods below.

  readonly status: ExerciseStatus = $derived(this.#status);
  /** why the reference curve could not be computed, when it could not */
  readonly loadError: string = $derived(this.#loadError);
  /** the reference curve on the grid (zeros until loaded) */
  readonly baseline: Float64Array = $derived(this.#baseline);
  /** top of the drawing area, ng/mL */
  readonly yTop: number = $derived(this.#yTop);
  /** the prediction being made: one value per grid point, or null */
  readonly draft: Draft = $derived(this.#draft);
  /** per typed field (by index), why its text was refused */
  readonly fieldErrors: Readonly<Record<number, string>> = $derived(this.#fieldErrors);
  /** what the live region says about the prediction */
  readonly announcement: string = $derived(this.#announcement);
  /** why the last reveal was refused, until the prediction changes */
  readonly notReady: string = $derived(this.#notReady);
  /** true while the answer is being simulated */
  readonly revealing: boolean = $derived(this.#revealing);
  /** why the last reveal's simulation failed, or '' */
  readonly revealError: string = $derived(this.#revealError);
  /** the revealed answer, its curves and the score; null until revealed */
  readonly revealed: RevealContext | null = $derived(this.#revealed);

  /**
   * Waits for the engine and simulates the reference curve. Safe to call more than once: later
   * calls wait for the first.
   */
  load(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<void> {
    const ex = this.exercise;
    try {
      await this.#sim.ready();
      const r = await this.#sim.runOnce(ex.baseline.scenario());
      if (!r.ok) throw new Error(problemText(r.problems));
      const baseline = seriesOf(r.result, ex.baseline.series, this.grid);
      this.#baseline = baseline;
      this.#yTop = drawingTop(curveStats(this.t, baseline).peak, ex.yMaxFactor);
      this.#status = 'ready';
    } catch (e) {
      this.#loadError = messageOf(e);
      this.#status = 'error';
    }
  }

  /**
   * A new draft from the chart; `done` is true when the stroke ends (then the live region
   * describes the prediction). Ignored once the answer is revealed. A draft of another length
   * than the grid is a bug and throws.
   */
  draw(next: Draft, done: boolean) {
    if (this.#revealed) return;
    if (next.length !== this.t.length)
      throw new RangeError(`A draft has ${this.t.length} values, not ${next.length}`);
    this.#draft = next;
    this.#notReady = '';
    if (done) this.#announcement = this.#describe(next);
  }

  /**
   * The text typed into field k: a number from 0 to the top of the drawing area sets the value at
   * that fixed time (and joins it to its neighbours), an empty field removes it. Anything else is
   * refused with a message for the field, and the draft stays as it was. Returns whether the text
   * was taken. Ignored once the answer is revealed.
   */
  enter(k: number, text: string): boolean {
    if (this.#revealed) return false;
    if (!Number.isInteger(k) || k < 0 || k >= this.exercise.handleTimesMin.length)
      throw new RangeError(`This exercise has no field ${k}`);
    const trimmed = text.trim();
    const v = trimmed === '' ? null : Number(trimmed);
    if (v !== null && (!Number.isFinite(v) || v < 0 || v > this.#yTop)) {
      this.#fieldErrors = { ...this.#fieldErrors, [k]: `Enter a number from 0 to ${this.#yTop}.` };
      return false;
    }
    const { [k]: _gone, ...rest } = this.#fieldErrors;
    this.#fieldErrors = rest;
    this.#draft = applyHandle(this.#draft, this.grid, this.exercise.handleTimesMin, k, v);
    this.#notReady = '';
    this.#announcement = this.#describe(this.#draft);
    return true;
  }

  /** Empties the prediction and the fields' messages. */
  clear() {
    if (this.#revealed) return;
    this.#draft = emptyDraft(this.grid);
    this.#fieldErrors = {};
    this.#announcement = 'Prediction cleared.';
  }

  /**
   * Reveals the answer: refused (false, with `notReady` saying why) while the draft covers less
   * than MIN_COVERAGE of the axis; otherwise simulates the answer, scores the prediction, calls
   * `onscored` and resolves true. A failed simulation resolves false with `revealError` set.
   * While a reveal runs, or once revealed, further calls do nothing (false).
   */
  async reveal(): Promise<boolean> {
    if (this.#status !== 'ready' || this.#revealing || this.#revealed) return false;
    const prediction = completeDraft(this.#draft);
    if (!prediction) {
      this.#notReady = `Draw or type your prediction over at least the first ${percent(MIN_COVERAGE)} % of the time axis first (now ${percent(this.coverage)} %).`;
      return false;
    }
    this.#revealing = true;
    this.#revealError = '';
    try {
      const ctx = await this.#answer(prediction);
      this.#revealed = ctx;
      this.#onscored(ctx.score.total, this.exercise.id);
      return true;
    } catch (e) {
      this.#revealError = `The simulation failed: ${messageOf(e)}`;
      return false;
    } finally {
      this.#revealing = false;
    }
  }

  /** Hides the answer and starts again from an empty prediction. */
  tryAgain() {
    this.#revealed = null;
    this.#draft = emptyDraft(this.grid);
    this.#fieldErrors = {};
    this.#announcement = '';
    this.#notReady = '';
    this.#revealError = '';
  }

  /** The answer's simulation, and everything the revealed view shows. */
  async #answer(prediction: Float64Array): Promise<RevealContext> {
    const ex = this.exercise;
    const a = ex.answer;
    const { grid, t } = this;
    if (a.kind === 'run') {
      const r = await this.#sim.runOnce(a.scenario());
      if (!r.ok) throw new Error(problemText(r.problems));
      return revealContext(ex, t, this.#baseline, seriesOf(r.result, a.series, grid), prediction);
    }
    const p = await this.#sim.populationOnce(a.scenario(), {
      nPatients: a.nPatients,
      seed: a.seed,
      stepMin: grid.stepMin,
      series: ['parent'],
    });
    if (!p.ok) throw new Error(problemText(p.problems));
    const cols = Object.values(p.result.bands)[0];
    const at = (pc: number) => {
      const col = cols?.[p.result.percentiles.indexOf(pc)];
      if (!col) throw new Error(`The simulation has no ${pc}th percentile`);
      return resample(p.result.tMin, col, grid);
    };
    return revealContext(ex, t, this.#baseline, at(a.percentile), prediction, {
      lo: at(5),
      median: at(50),
      hi: at(95),
      nPatients: p.result.nPatients,
    });
  }

  /** What the live region says about a draft. */
  #describe(d: Draft): string {
    const full = completeDraft(d);
    if (!full)
      return `Your prediction covers ${percent(coverage(d))} % of the time axis; at least ${percent(MIN_COVERAGE)} % is needed.`;
    const s = curveStats(this.t, full);
    return `Your prediction: highest ${sig3(s.peak)} ng/mL at ${s.tPeakMin === null ? '-' : formatMinutes(s.tPeakMin)}.`;
  }

  #rowsOf(reveal: RevealContext): number[] {
    const n = this.t.length;
    const k = Math.max(1, Math.ceil((n - 1) / TABLE_ROWS));
    const picked: number[] = [n - 1];
    for (let i = 0; i < n; i += k) picked.push(i);
    for (const s of [reveal.score.predicted, reveal.score.simulated]) {
      if (s.tPeakMin !== null) picked.push(Math.round(s.tPeakMin / this.grid.stepMin));
    }
    return picked.sort((a, b) => a - b).filter((v, j, all) => j === 0 || v !== all[j - 1]);
  }
}

/** Said when another tab or window of this browser reset the progress. */
const CLEARED_ELSEWHERE =
  'Progress was cleared in another tab or window: every exercise is marked as not done.';

/** What the list uses of the device's storage (localStorage, or null where it is refused). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What `sync` reads of a `storage` event. */
export type ProgressEvent = Pick<StorageEvent, 'key' | 'storageArea'>;

export class ExerciseList {
  readonly exercises: readonly Exercise[];
  readonly #ids: readonly string[];
  readonly #storage: ProgressStorage | null;

  #progress = $state.raw<Progress>(stored.freshProgress());
  #storageMessage = $state<string | null>(null);
  #resetMessage = $state('');
  #selected = $state('');
  #linkMessage = $state<string | null>(null);
  #confirming = $state(false);
  /** what the last reset wiped, while it can be undone */
  #wiped = $state.raw<Progress | null>(null);

  /** position of the chosen exercise in the list, from 0 */
  readonly index: number;
  /** the chosen exercise */
  readonly current: Exercise;
  /** the exercise after the chosen one, if there is one */
  readonly next: Exercise | null;
  /** how many exercises have a score */
  readonly doneCount: number;

  /**
   * Reads the progress saved on the device, and chooses the exercise the address's parameters
   * (`params`, e.g. `mode=exercises&ex=6`) ask for, else the first.
   */
  constructor(
    storage: ProgressStorage | null,
    exercises: readonly Exercise[] = EXERCISES,
    params = '',
  ) {
    if (exercises.length === 0) throw new RangeError('The list needs at least one exercise');
    const ids = exercises.map((e) => e.id);
    this.exercises = exercises;
    this.#ids = ids;
    this.#storage = storage;
    const loaded = stored.loadProgress(storage, ids);
    this.#progress = loaded.progress;
    this.#storageMessage = loaded.message;
    const asked = exerciseFromParams(params, exercises);
    this.#selected = asked.id ?? exercises[0]!.id;
    this.#linkMessage = asked.message;
    this.index = $derived(
      Math.max(
        0,
        exercises.findIndex((e) => e.id === this.#selected),
      ),
    );
    this.current = $derived(exercises[this.index]!);
    this.next = $derived(exercises[this.index + 1] ?? null);
    this.doneCount = $derived(ids.filter((id) => this.#progress.results[id]).length);
  }

  /** the progress shown (what this page holds, merged with what was saved) */
  readonly progress: Progress = $derived(this.#progress);
  /** what went wrong with the device's storage, if something did */
  readonly storageMessage: string | null = $derived(this.#storageMessage);
  /** said after a reset (here or in another tab), else '' */
  readonly resetMessage: string = $derived(this.#resetMessage);
  /** id of the chosen exercise */
  readonly selected: string = $derived(this.#selected);
  /** why the exercise the address asked for could not be opened, until another is chosen */
  readonly linkMessage: string | null = $derived(this.#linkMessage);
  /** true while the page asks whether to reset the progress */
  readonly confirmingReset: boolean = $derived(this.#confirming);
  /** true after a reset, while Undo can bring the wiped progress back */
  readonly canUndo: boolean = $derived(this.#wiped !== null);

  /** The record of an exercise, if it has a score. */
  record(id: string): ExerciseRecord | undefined {
    return this.#progress.results[id];
  }

  /**
   * Chooses an exercise of the list; an id not in the list is a bug and throws. The messages of
   * the list go, a pending reset question is dropped, and so is the offer to undo a reset.
   */
  choose(id: string) {
    if (!this.#ids.includes(id)) throw new RangeError(`There is no exercise ${id}`);
    this.#selected = id;
    this.#resetMessage = '';
    this.#linkMessage = null;
    this.#confirming = false;
    this.#wiped = null;
  }

  /**
   * Follows an address changed outside the page (Back, Forward, a fragment typed in): the
   * exercise its `ex` asks for is chosen, or the first with a message. Without `ex` the choice
   * stays.
   */
  follow(params: string) {
    const asked = exerciseFromParams(params, this.exercises);
    if (asked.id === null || asked.id === this.#selected) {
      this.#linkMessage = asked.message;
      return;
    }
    this.choose(asked.id);
    this.#linkMessage = asked.message;
  }

  /** Saves a score. Saving merges with what another tab may have saved meanwhile: shows that. */
  scored(id: string, total: number) {
    const saved = stored.saveProgress(
      this.#storage,
      stored.recordAttempt(this.#progress, id, total),
      this.#ids,
    );
    this.#progress = saved.progress;
    this.#storageMessage = saved.message;
  }

  /** The first step of a reset: the page asks whether to go on (nothing is changed yet). */
  askReset() {
    this.#confirming = true;
    this.#resetMessage = '';
  }

  /** The reset question answered no: nothing changes. */
  cancelReset() {
    this.#confirming = false;
  }

  /**
   * Resets the progress (the question answered yes): clears what is saved and empties this page's
   * progress too, so that its next save cannot bring the records back. What was wiped is kept
   * until another exercise is chosen, so that `undoReset` can bring it back.
   */
  reset() {
    const { wiped, message } = stored.resetProgress(this.#storage, this.#progress);
    this.#confirming = false;
    this.#progress = stored.freshProgress();
    this.#storageMessage = message;
    // A second reset before Undo keeps what the first one wiped too.
    this.#wiped = this.#wiped ? stored.mergeProgress(this.#wiped, wiped) : wiped;
    this.#resetMessage = 'Progress cleared: every exercise is marked as not done.';
  }

  /**
   * Undoes the last reset: the wiped records are shown and saved again, merged with any result
   * recorded since (and with what another tab saved meanwhile). Does nothing when there is no
   * reset to undo.
   */
  undoReset() {
    const wiped = this.#wiped;
    if (!wiped) return;
    const saved = stored.restoreProgress(this.#storage, wiped, this.#progress, this.#ids);
    this.#wiped = null;
    this.#progress = saved.progress;
    this.#storageMessage = saved.message;
    const done = this.doneCount;
    this.#resetMessage = `Progress restored: ${done} of ${this.exercises.length} exercises ${done === 1 ? 'is' : 'are'} marked as done again.`;
  }

  /**
   * Another tab or window of this browser saved or cleared the progress (the browser sends the
   * event to every other page of the site, never to the one that wrote): shows the merge, or the
   * reset. A message already shown stays unless there is a new one.
   */
  sync(event: ProgressEvent) {
    if (
      !this.#storage ||
      event.storageArea !== this.#storage ||
      !stored.isProgressChange(event.key)
    )
      return;
    const synced = stored.syncProgress(this.#storage, this.#progress, this.#ids);
    this.#progress = synced.progress;
    if (synced.message) this.#storageMessage = synced.message;
    if (synced.cleared) this.#resetMessage = CLEARED_ELSEWHERE;
    // Records back after a reset elsewhere (its Undo, or a new result there): the news is old.
    else if (this.#resetMessage === CLEARED_ELSEWHERE && this.doneCount > 0)
      this.#resetMessage = '';
  }

  /** Follows the `storage` events of a window; returns the function that stops. */
  listen(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
    const onstorage = (e: StorageEvent) => this.sync(e);
    target.addEventListener('storage', onstorage);
    return () => target.removeEventListener('storage', onstorage);
  }
}
