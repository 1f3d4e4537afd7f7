/**
 * The simulator's live state: the scenarios and view options (kept in the URL), the engine's
 * latest results, the variability band and the time cursor. Every change asks the engine for
 * what it affects; requests are coalesced per scenario, so dragging a slider never queues work.
 */
import { findModel } from '../catalogue';
import type { SimulationResult } from '../engine/run';
import type { Scenario } from '../engine/scenario';
import type { PopulationResult } from '../engine/variability';
import {
  MAX_SCENARIOS,
  defaultState,
  describeRegimen,
  type AppState,
  type NamedScenario,
  type ViewOptions,
} from './appState';
import { startEngine, type Coalescer, type EngineClient, type EngineMode } from './engineClient';
import { decodeState, encodeState } from './urlState';
import { withModeParams } from './modes';
import { addressWith, currentParams } from './address';
import { preview as exactPreview } from './preview';
import {
  CHUNK_NUMBERS,
  MAX_TABLE_VALUES,
  SliderTable,
  TABLE_BUDGET_NUMBERS,
  nearestFirst,
  numbersPerResult,
  sliderValues,
  type SliderRange,
} from './sliderTable';
import type { RunOutcome } from '../engine/run';
import type { PopulationOutcome } from '../engine/variability';
import type { Validation } from '../engine/validation';
import type { PopulationRequest } from '../engine/api';
import { sameScenario } from './startCurve';

/** Virtual patients in a variability band, and in its quick first version. */
export const BAND_PATIENTS = 1000;
export const BAND_FIRST_PATIENTS = 200;
/** Quiet time after the last change before the URL is rewritten, ms. */
export const URL_DELAY_MS = 150;
/** Quiet time after the last change before a band is computed, ms. */
export const BAND_DELAY_MS = 60;
/**
 * Changes closer together than this are a burst (a slider being dragged, a key held down): during
 * a burst only the concentration chart follows each change (`liveResults`); the other views
 * (`results`) catch up once the burst has paused for SETTLE_MS. A single change reaches every view
 * at once.
 */
export const BURST_MS = 150;
export const SETTLE_MS = 100;
/** Seed of the band's random numbers: the same scenario always shows the same band. */
export const BAND_SEED = 20201;

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Makes the state object `target` equal to `next` by writing only the values that differ (keys
 * that `next` lacks are deleted; arrays of equal items are kept).
 */
function assignDeep(target: Plain, next: Plain): void {
  if (target === next) return;
  for (const k of Object.keys(target)) if (!(k in next)) delete target[k];
  for (const [k, v] of Object.entries(next)) {
    const cur = target[k];
    if (isPlain(v) && isPlain(cur)) assignDeep(cur, v);
    else if (
      Array.isArray(v) &&
      Array.isArray(cur) &&
      v.length === cur.length &&
      v.every((x, j) => x === cur[j])
    )
      continue;
    else if (cur !== v) target[k] = v;
  }
}

export type ReadingLevel = 'student' | 'plain';

/** The time cursor where a fresh page puts it, min. */
const START_CURSOR_MIN = 40;

/**
 * What Undo puts back: the state before a reset or an opened scenario file, or a removed scenario
 * in its place.
 */
type UndoEntry =
  | { kind: 'reset'; state: AppState; cursorMin: number }
  | { kind: 'open'; state: AppState; cursorMin: number }
  | { kind: 'remove'; index: number; named: NamedScenario; active: number };

/** A deep copy of plain state (the URL's data is JSON, and a $state proxy cannot be cloned). */
const plainCopy = <T>(v: T): T => JSON.parse(JSON.stringify($state.snapshot(v))) as T;

interface BandRequest {
  scenario: Scenario;
  stepMin: number;
  nPatients: number;
  grid: 'regular' | 'sessions';
}

export class Simulator {
  state = $state<AppState>({ scenarios: [], view: {} as ViewOptions });
  /** each scenario's latest curve, for every view (during a burst, once it pauses) */
  results = $state.raw<(SimulationResult | null)[]>([]);
  /** each scenario's latest curve at once, for the concentration chart under the hand */
  liveResults = $state.raw<(SimulationResult | null)[]>([]);
  errors = $state<(string | null)[]>([]);
  band = $state.raw<{ forIndex: number; nPatients: number; result: PopulationResult } | null>(null);
  bandPending = $state(false);
  #cursorMin = $state(START_CURSOR_MIN);
  #undo = $state.raw<UndoEntry | null>(null);
  #undoMessage = $state('');
  #readingLevel = $state<ReadingLevel>('student');
  mode = $state<EngineMode | 'starting'>('starting');
  #engineNotice = $state<string | null>(null);
  /** why the active scenario's variability band could not be drawn, if it could not */
  bandError = $state<string | null>(null);
  #urlMessage = $state<string | null>(null);

  // Components read these and change them only through the methods below.

  /** time of the cursor that the chart, the mechanism panels and the timeline follow, min */
  readonly cursorMin: number = $derived(this.#cursorMin);
  /** reading level of the mechanism and clinical panels */
  readonly readingLevel: ReadingLevel = $derived(this.#readingLevel);
  /** what happened to the engine's worker, when the page must say so (every view shows it) */
  readonly engineNotice: string | null = $derived(this.#engineNotice);
  /** why the address could not be read, when it could not */
  readonly urlMessage: string | null = $derived(this.#urlMessage);

  /** true while the last reset or removal can be undone (until the next change) */
  readonly canUndo: boolean = $derived(this.#undo !== null);
  /** the Undo button's words for what it would undo, or '' */
  get undoLabel(): string {
    const u = this.#undo;
    if (!u) return '';
    if (u.kind === 'reset') return 'Undo reset all';
    if (u.kind === 'open') return 'Undo open file';
    return `Undo remove "${u.named.name}"`;
  }
  /** what the last reset, removal or undo did, said once (a polite live region shows it) */
  readonly undoMessage: string = $derived(this.#undoMessage);

  /** Any other change ends the chance to undo (one level only). */
  private changed() {
    this.#undo = null;
    this.#undoMessage = '';
  }

  /**
   * Back to the start state of a fresh page (appState's defaultState: one default scenario, the
   * default view options, the cursor at START_CURSOR_MIN); Undo puts back exactly what was there.
   */
  resetAll() {
    const before: UndoEntry = {
      kind: 'reset',
      state: plainCopy(this.state),
      cursorMin: this.#cursorMin,
    };
    this.load(defaultState());
    this.#cursorMin = START_CURSOR_MIN;
    this.#undo = before;
    this.#undoMessage = 'All scenarios and view options reset. Undo available.';
  }

  /** Undoes the last reset or removal, if it still can be; returns whether it did. */
  undo(): boolean {
    const u = this.#undo;
    if (!u) return false;
    if (u.kind === 'reset' || u.kind === 'open') {
      this.load(plainCopy(u.state));
      this.#cursorMin = u.cursorMin;
      this.#undoMessage =
        u.kind === 'reset'
          ? 'Reset undone: your scenarios and view options are back.'
          : 'Opening the file undone: your scenarios are back.';
    } else {
      if (this.state.scenarios.length >= MAX_SCENARIOS) return false;
      const at = Math.min(u.index, this.state.scenarios.length);
      this.state.scenarios.splice(at, 0, plainCopy(u.named));
      const answers = [...this.answers];
      answers.splice(at, 0, null);
      this.setResults(answers);
      this.errors.splice(at, 0, null);
      this.band = null;
      this.setView({ active: u.active });
      this.state.scenarios.forEach((_, k) => {
        if (k >= at) void this.compute(k);
      });
      this.#undoMessage = `Scenario "${u.named.name}" restored.`;
    }
    this.#undo = null;
    return true;
  }

  /** Moves the time cursor; a time that is not a finite number of minutes >= 0 is a bug. */
  setCursor(tMin: number) {
    if (!Number.isFinite(tMin) || tMin < 0)
      throw new RangeError(`The cursor time must be a finite number of minutes >= 0, not ${tMin}`);
    this.#cursorMin = tMin;
  }

  setReadingLevel(level: ReadingLevel) {
    if (level !== 'student' && level !== 'plain')
      throw new RangeError(`Unknown reading level ${String(level)}`);
    this.#readingLevel = level;
  }

  dismissUrlMessage() {
    this.#urlMessage = null;
  }

  dismissEngineNotice() {
    this.#engineNotice = null;
  }

  private engine: EngineClient | null = null;
  private runs: Coalescer<Scenario, RunOutcome>[] = [];
  private bandChannel: Coalescer<BandRequest, PopulationOutcome> | null = null;
  /** the engine's curves for the values of the slider last taken hold of (sliderTable.ts) */
  private readonly table = new SliderTable();

  /** `params`: the app parameters of the address (address.ts), e.g. `v=1&state=...` */
  constructor(params: string) {
    const decoded = decodeState(params);
    this.state = decoded.state;
    this.#urlMessage = decoded.message;
    this.setResults(decoded.state.scenarios.map(() => null));
    this.errors = decoded.state.scenarios.map(() => null);
  }

  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private lastChange = Number.NEGATIVE_INFINITY;

  /**
   * The engine's latest answer per slot. Never a preview: `liveResults` may hold one (no
   * occupancy, see preview.ts), and the views fed by `results` must not see it, so `results`
   * catches up from here, not from `liveResults`.
   */
  private answers: (SimulationResult | null)[] = [];

  /** Sets the results of every view at once (no burst pending). */
  private setResults(results: (SimulationResult | null)[]) {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.answers = [...results];
    this.liveResults = results;
    this.results = results;
  }

  /** A new result for slot i: the chart at once; the other views now, or when the burst pauses. */
  private publish(i: number, result: SimulationResult, burst: boolean) {
    this.answers[i] = result;
    const live = [...this.liveResults];
    live[i] = result;
    this.liveResults = live;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    if (!burst) {
      this.results = [...this.answers];
      return;
    }
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.results = [...this.answers];
    }, SETTLE_MS);
  }

  get active(): number {
    return this.state.view.active;
  }

  /** True while a pointer holds a slider: the band waits for its release (see computeBand). */
  private sliderHeld = false;
  /** The same, as state for the page (a plain field above, so the band's logic depends on none). */
  private heldShown = $state(false);

  /**
   * true while a pointer holds a slider: the concentration chart's axis does not shrink then, so
   * a lower curve is drawn lower against the same axis
   */
  get holding(): boolean {
    return this.heldShown;
  }
  private bandDeferred = $state(false);

  /** true while a held slider keeps the variability band waiting (the chart's legend says so) */
  get bandWaiting(): boolean {
    return this.bandDeferred;
  }

  /**
   * An attachment for the app's root element (`{@attach sim.followSliders}`): while the element is
   * on the page, pointers pressing and releasing range inputs anywhere on the page are followed
   * (on window, so a release outside the app still counts); the listeners go with the element.
   */
  readonly followSliders = (_root: Element): (() => void) => {
    const press = (e: PointerEvent) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'range')
        this.sliderHeld = this.heldShown = true;
    };
    const release = () => {
      if (!this.sliderHeld) return;
      this.sliderHeld = this.heldShown = false;
      if (this.bandDeferred) {
        this.bandDeferred = false;
        this.computeBand();
      }
    };
    window.addEventListener('pointerdown', press, true);
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    return () => {
      window.removeEventListener('pointerdown', press, true);
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
    };
  };

  /** Stops the engine's workers and pending timers (the app's cleanup). */
  stop() {
    this.engine?.dispose();
    if (this.urlTimer) clearTimeout(this.urlTimer);
    if (this.bandTimer) clearTimeout(this.bandTimer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
  }

  private markReady: () => void = () => {};
  private engineReady = new Promise<void>((resolve) => (this.markReady = resolve));

  async start(): Promise<void> {
    // Requests made now wait for the engine (compute awaits engineReady).
    this.state.scenarios.forEach((_, i) => void this.compute(i));
    this.engine = await startEngine({
      // A worker that dies later is restarted, or the main thread takes over: say so.
      onstatus: (status) => {
        this.mode = status.mode;
        this.#engineNotice = status.notice;
      },
    });
    this.mode = this.engine.mode;
    const engine = this.engine;
    this.runs = Array.from({ length: MAX_SCENARIOS }, () =>
      engine.channel((b, s: Scenario) => b.run(s)),
    );
    this.bandChannel = engine.channel((b, a: BandRequest) =>
      // The chart draws the parent drug's band only.
      b.population(a.scenario, {
        nPatients: a.nPatients,
        seed: BAND_SEED,
        stepMin: a.stepMin,
        series: ['parent'],
        grid: a.grid,
      }),
    );
    this.markReady();
  }

  /**
   * A slider of scenario i was taken hold of (pointer down, keyboard focus): the engine computes
   * the curve for each value it can take (or, for a long course, the values nearest the current
   * one that TABLE_BUDGET_NUMBERS allows), so that its steps are drawn in their own frame (see
   * sliderTable.ts). `build` gives the scenario at a slider value. Only with a worker: on the page
   * itself the batch would hold up the page.
   */
  prepareSlider(i: number, range: SliderRange, build: (value: number) => Scenario): void {
    const named = this.state.scenarios[i];
    const engine = this.engine;
    if (!named || !engine || engine.mode !== 'worker') return;
    const perResult = numbersPerResult($state.snapshot(named.scenario) as Scenario);
    const count = Math.min(MAX_TABLE_VALUES, Math.floor(TABLE_BUDGET_NUMBERS / perResult));
    if (count < 2) return;
    const values = nearestFirst(sliderValues(range, count), range.value);
    const scenarios = values.map((v) => $state.snapshot(build(v)) as Scenario);
    if (this.table.covers(scenarios)) return;
    const batch = this.table.begin(scenarios);
    const size = Math.max(1, Math.floor(CHUNK_NUMBERS / perResult));
    void (async () => {
      // One chunk at a time, nearest values first; a curve the hand asks for meanwhile is
      // answered between two chunks.
      for (let k = 0; k < scenarios.length && this.table.current(batch); k += size) {
        const chunk = scenarios.slice(k, k + size);
        try {
          this.table.add(batch, chunk, await engine.backend.runMany(chunk));
        } catch {
          // A table is only a head start: without it, each step goes to the engine as before.
          if (this.table.current(batch)) this.table.clear();
          return;
        }
      }
    })();
  }

  /** Changes per slot, so an answer to an older change of the slot is dropped. */
  private generation: number[] = [];

  /**
   * Runs scenario i in the engine's worker (coalesced per slot, so a drag never queues work) and,
   * for the active one, its variability band.
   */
  private async compute(i: number, burst = false): Promise<void> {
    const named = this.state.scenarios[i];
    if (!named) return;
    const scenario = $state.snapshot(named.scenario) as Scenario;
    const generation = (this.generation[i] = (this.generation[i] ?? 0) + 1);
    // The engine's answer for exactly this scenario is already here: a slider's table (see
    // prepareSlider). Published before any await, so the input's own frame shows it.
    const known = this.table.get(scenario);
    if (known) {
      this.publish(i, known, burst);
      this.errors[i] = null;
      if (i === this.active) this.computeBand();
      return;
    }
    // The band is asked for now, beside the curve (the bands worker computes it while the curves
    // worker computes the curve), rather than once the curve has come back; before the workers
    // have started, once they have.
    const bandNow = i === this.active && this.bandChannel !== null;
    if (bandNow) this.computeBand();
    try {
      await this.engineReady;
      const channel = this.runs[i];
      if (!channel) return;
      const r = await channel.request(scenario);
      if (r.superseded) return;
      const outcome = r.value;
      if (generation !== this.generation[i]) return;
      if (outcome.ok) {
        this.publish(i, outcome.result, burst);
        this.errors[i] = null;
      } else {
        // Keep the last good curve and say what is wrong.
        this.errors[i] = outcome.problems.map((p) => p.message).join(' ');
      }
    } catch (e) {
      if (generation !== this.generation[i]) return;
      this.errors[i] = `The engine failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (i === this.active && !bandNow) this.computeBand();
  }

  private bandTimer: ReturnType<typeof setTimeout> | null = null;

  private lastBandCall = Number.NEGATIVE_INFINITY;

  /**
   * The active scenario's variability band, at once after a single change, or once a burst of
   * changes has paused for BAND_DELAY_MS:
   * first from BAND_FIRST_PATIENTS virtual patients (quick), then from BAND_PATIENTS (the same
   * seed, so the first patients are the same people and the band only sharpens).
   */
  private computeBand(): void {
    // Before the workers have started there is nothing to ask; start() asks once they have.
    if (!this.bandChannel) return;
    if (this.bandTimer) clearTimeout(this.bandTimer);
    // While a slider is held, even a slow drag's pauses do not start a band: a band of 1000
    // patients keeps a core busy for about 0.1 s, which on a two-core machine delayed the frames
    // of the curve under the hand. It comes when the slider is let go.
    if (this.sliderHeld) {
      this.bandDeferred = true;
      return;
    }
    const now = performance.now();
    // A single change (after a pause) gets its band at once; a burst (a slider being dragged)
    // waits until it pauses, so bands never compete with the curve under the hand.
    const quiet = now - this.lastBandCall > 3 * BAND_DELAY_MS;
    this.lastBandCall = now;
    if (quiet) void this.computeBandNow();
    else this.bandTimer = setTimeout(() => void this.computeBandNow(), BAND_DELAY_MS);
  }

  private async computeBandNow(): Promise<void> {
    const i = this.active;
    const named = this.state.scenarios[i];
    if (!this.bandChannel || !named || !this.state.view.showBand) return;
    const scenario = $state.snapshot(named.scenario) as Scenario;
    const model = findModel(scenario.model);
    // No published variability for the parent: no band to compute (the option says so).
    if (!model?.parentVariability) {
      this.band = null;
      this.bandPending = false;
      this.bandError = null;
      return;
    }
    // A single session: every 5 min. A course (up to 26 weeks): every 30 min in each session's
    // first hours and coarser between sessions, where the curve only decays (the sessions grid,
    // src/engine/bandGrid.ts): about 1,400 time points instead of 8,700, so the band of 1000
    // patients stays quick and small.
    const course = scenario.regimen.schedule.kind === 'course';
    const stepMin = course ? 30 : 5;
    const grid = course ? 'sessions' : 'regular';
    this.bandPending = true;
    this.bandError = null;
    for (const nPatients of [BAND_FIRST_PATIENTS, BAND_PATIENTS]) {
      try {
        const r = await this.bandChannel.request({ scenario, stepMin, nPatients, grid });
        if (r.superseded) return;
        if (r.value.ok) this.band = { forIndex: i, nPatients, result: r.value.result };
        else {
          // Never a silent blank: the legend says why there is no band.
          this.band = null;
          this.bandError = r.value.problems.map((p) => p.message).join(' ');
          break;
        }
      } catch (e) {
        this.band = null;
        this.bandError = e instanceof Error ? e.message : String(e);
        break;
      }
    }
    this.bandPending = false;
  }

  private urlTimer: ReturnType<typeof setTimeout> | null = null;

  /** Writes the state to the URL once changes pause (a drag would otherwise write it per pixel). */
  private syncUrl() {
    if (typeof history === 'undefined') return;
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => this.flushUrl(), URL_DELAY_MS);
  }

  /** Writes the state to the address's fragment now (before the address is pushed, for one). */
  flushUrl() {
    if (typeof history === 'undefined') return;
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.urlTimer = null;
    const encoded = encodeState($state.snapshot(this.state) as AppState);
    history.replaceState(history.state, '', addressWith(withModeParams(encoded, currentParams())));
  }

  /**
   * After Back or Forward (or a fragment typed into the address bar): the view shows what the
   * address holds, so the address and the view never disagree (a reload then shows the same).
   */
  loadFromAddress(params: string) {
    const decoded = decodeState(params);
    this.#urlMessage = decoded.message;
    const same =
      JSON.stringify(decoded.state) === JSON.stringify($state.snapshot(this.state) as AppState);
    if (!same) this.load(decoded.state);
  }

  private borrowed: AppState | null = null;

  /**
   * A mode that loads its own scenarios (the lecture) borrows the simulator: the user's state is
   * kept, and `giveBack` restores it when the mode is left, so a lecture never replaces it.
   */
  borrow() {
    this.borrowed ??= $state.snapshot(this.state) as AppState;
  }

  giveBack() {
    const saved = this.borrowed;
    this.borrowed = null;
    if (!saved) return;
    this.load(saved);
    this.flushUrl();
  }

  updateScenario(i: number, scenario: Scenario) {
    const named = this.state.scenarios[i];
    if (!named) return;
    const now = performance.now();
    const burst = now - this.lastChange < BURST_MS;
    this.lastChange = now;
    this.changed();
    const autoName = named.name === describeRegimen(named.scenario);
    // Written value by value into the state, not replaced: only what changed (e.g. the dose) tells
    // its readers, so a drag does not redo every view that reads the patient or the model.
    assignDeep(named.scenario as unknown as Plain, scenario as unknown as Plain);
    if (autoName) named.name = describeRegimen(scenario);
    if (i === this.active) this.band = null;
    // A change of the IV dose or infusion time alone is drawn at once, exactly, from the last
    // curve (see preview.ts); the engine's answer replaces it when it comes.
    const prev = this.liveResults[i];
    const next = $state.snapshot(named.scenario) as Scenario;
    const preview = prev && !this.table.get(next) ? exactPreview(prev, next) : null;
    if (preview) {
      const live = [...this.liveResults];
      live[i] = preview;
      this.liveResults = live;
    }
    this.syncUrl();
    void this.compute(i, burst);
  }

  rename(i: number, name: string) {
    const named = this.state.scenarios[i];
    if (!named) return;
    this.changed();
    named.name = name.slice(0, 80);
    this.syncUrl();
  }

  setView(patch: Partial<ViewOptions>) {
    const before = this.state.view.active;
    this.changed();
    Object.assign(this.state.view, patch);
    this.syncUrl();
    if ((patch.active !== undefined && patch.active !== before) || patch.showBand) {
      this.band = null;
      this.computeBand();
    }
  }

  /** Adds a copy of the active scenario to compare against (at most MAX_SCENARIOS). */
  addScenario() {
    if (this.state.scenarios.length >= MAX_SCENARIOS) return;
    const copy = $state.snapshot(
      this.state.scenarios[this.active]!,
    ) as AppState['scenarios'][number];
    this.state.scenarios.push(copy);
    this.setResults([...this.answers, null]);
    this.errors.push(null);
    this.setView({ active: this.state.scenarios.length - 1 });
    void this.compute(this.state.scenarios.length - 1);
  }

  /** Removes scenario i (never the last one); Undo puts it back in its place. */
  removeScenario(i: number) {
    if (this.state.scenarios.length <= 1) return;
    const named = this.state.scenarios[i];
    if (!named) return;
    const removed: UndoEntry = {
      kind: 'remove',
      index: i,
      named: plainCopy(named),
      active: this.active,
    };
    this.state.scenarios.splice(i, 1);
    this.setResults(this.answers.filter((_, k) => k !== i));
    this.errors.splice(i, 1);
    const active = Math.min(this.active, this.state.scenarios.length - 1);
    this.band = null;
    this.setView({ active });
    // Channels are per slot: recompute the slots that moved.
    this.state.scenarios.forEach((_, k) => {
      if (k >= i) void this.compute(k);
    });
    this.#undo = removed;
    this.#undoMessage = `Scenario "${removed.named.name}" removed. Undo available.`;
  }

  /**
   * One run outside the compared scenarios (exercises, lecture steps): not coalesced, so every
   * call gets its own answer.
   */
  async runOnce(scenario: Scenario): Promise<RunOutcome> {
    if (!this.engine) throw new Error('The engine has not started yet');
    return this.engine.backend.run(scenario);
  }

  /** A variability band outside the compared scenarios (e.g. an exercise about variability). */
  async populationOnce(scenario: Scenario, request: PopulationRequest): Promise<PopulationOutcome> {
    if (!this.engine) throw new Error('The engine has not started yet');
    return this.engine.backend.population(scenario, request);
  }

  /**
   * The build's curve of the default scenario (startCurve.ts), drawn at once when the page has
   * opened on that one scenario and the engine has not answered yet: by the concentration chart
   * alone (`liveResults`, as a preview is; the other views wait for the engine, whose answer
   * replaces it). Any other state ignores it.
   */
  showStartCurve(curve: SimulationResult): void {
    const only = this.state.scenarios.length === 1 ? this.state.scenarios[0] : undefined;
    if (!only || this.answers[0]) return;
    if (!sameScenario($state.snapshot(only.scenario) as Scenario, curve.scenario)) return;
    this.liveResults = [curve];
  }

  /** Resolves once the engine has started (at once if it already has). */
  ready(): Promise<void> {
    return this.engineReady;
  }

  private validations: Record<string, Promise<Validation | { error: string }>> =
    Object.create(null);

  /**
   * The model's standard curve and its comparison with published observations. It depends on the
   * model alone, so each model is validated once: the view asks again on every change of the
   * scenario, and gets the same object back (no work in the worker, nothing to redraw).
   */
  async validate(modelId: string): Promise<Validation | { error: string }> {
    if (!this.engine) return { error: 'The engine has not started yet' };
    let v = this.validations[modelId];
    if (!v) {
      v = this.engine.backend.validate(modelId);
      this.validations[modelId] = v;
      // A failure is not kept: the next call tries again.
      v.catch(() => delete this.validations[modelId]);
    }
    return v;
  }

  /** Replaces the whole state (e.g. a ready-made comparison). */
  load(state: AppState) {
    this.changed();
    this.state = state;
    this.setResults(state.scenarios.map(() => null));
    this.errors = state.scenarios.map(() => null);
    this.band = null;
    this.syncUrl();
    state.scenarios.forEach((_, i) => void this.compute(i));
  }

  /**
   * Replaces the compared scenarios with checked ones (an opened scenario file: scenarioFile.ts
   * checks it as a link is checked), keeping the view options; the first becomes the selected one.
   * Undo puts back what it replaced, as after a reset. `from` names the source for the message
   * (the file's name). A list of the wrong length is a bug.
   */
  replaceScenarios(scenarios: readonly NamedScenario[], from = 'the file') {
    if (scenarios.length < 1 || scenarios.length > MAX_SCENARIOS)
      throw new RangeError(`1 to ${MAX_SCENARIOS} scenarios, not ${scenarios.length}`);
    const before: UndoEntry = {
      kind: 'open',
      state: plainCopy(this.state),
      cursorMin: this.#cursorMin,
    };
    this.load({
      scenarios: plainCopy([...scenarios]),
      view: { ...before.state.view, active: 0 },
    });
    const n = scenarios.length;
    this.#undo = before;
    this.#undoMessage = `Opened ${n} scenario${n > 1 ? 's' : ''} from ${from}. Undo available.`;
  }
}
