/**
 * The exercises' state (ExerciseSession and ExerciseList, src/modes/exercises/exercise.svelte.ts), driven
 * directly: loading the reference curve, drafts from strokes and typed fields, coverage, the
 * reveal and its score, trying again, and the list's progress. The simulator is a small fake with
 * the methods a session may use (typed by ExerciseSimulator, a Pick of the Simulator) that answers
 * with the real engine (the API the worker serves), so every curve and score is the engine's own.
 * The view is mounted once too, to see it call the session.
 */
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../src/registry';
import { engineApi } from '../../src/registryApi';
import type { Scenario } from '../../src/engine/scenario';
import type { PopulationRequest } from '../../src/engine/api';
import type { RunOutcome } from '../../src/engine/run';
import type { PopulationOutcome } from '../../src/engine/variability';
import {
  ExerciseList,
  ExerciseSession,
  type ExerciseSimulator,
  type ProgressStorage,
} from '../../src/modes/exercises/exercise.svelte';
import {
  EXERCISES,
  exploreState,
  findExercise,
  seriesOf,
  type Exercise,
} from '../../src/modes/exercises/exerciseSet';
import {
  MIN_COVERAGE,
  gridTimes,
  handleText,
  paintSegment,
  tableTime,
  timeErrorText,
  type Draft,
} from '../../src/modes/exercises/exercises';
import { PROGRESS_KEY } from '../../src/modes/exercises/progress';
import ExerciseView from '../../src/modes/exercises/ExerciseView.svelte';
import ExercisesMode from '../../src/modes/exercises/ExercisesMode.svelte';
import type { Simulator } from '../../src/lib/simulator.svelte';
import { show } from './render';

/** The simulator's part that a session uses, answered by the real engine, with a record of calls. */
class FakeSimulator implements ExerciseSimulator {
  runs: Scenario[] = [];
  populations: PopulationRequest[] = [];
  /** set to make the engine fail to start, or a call fail, as a worker can */
  startError: Error | null = null;
  runError: Error | null = null;
  /** a run that waits until `release()` is called */
  held: (() => void) | null = null;
  hold = false;

  async ready(): Promise<void> {
    if (this.startError) throw this.startError;
  }
  async runOnce(scenario: Scenario): Promise<RunOutcome> {
    this.runs.push(scenario);
    if (this.hold) await new Promise<void>((resolve) => (this.held = resolve));
    if (this.runError) throw this.runError;
    return engineApi.run(scenario);
  }
  async populationOnce(scenario: Scenario, request: PopulationRequest): Promise<PopulationOutcome> {
    this.populations.push(request);
    return engineApi.population(scenario, request);
  }
  release() {
    this.hold = false;
    this.held?.();
  }
}

const exercise = (id: string): Exercise => {
  const ex = findExercise(id);
  if (!ex) throw new Error(`no exercise ${id}`);
  return ex;
};
const DOSE = exercise('dose-proportionality');

/** A curve of an exercise on its grid, computed here with the engine (not through the fake). */
function curve(scenario: Scenario, series: Exercise['baseline']['series'], ex: Exercise) {
  const r = runScenario(scenario);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
  return seriesOf(r.result, series, ex.grid);
}

/** A loaded session, with its fake simulator and the scores it reported. */
async function loaded(ex: Exercise = DOSE) {
  const sim = new FakeSimulator();
  const scores: number[] = [];
  const session = new ExerciseSession(ex, sim, { onscored: (total) => scores.push(total) });
  await session.load();
  return { sim, session, scores };
}

/** A stroke through points (t min, c ng/mL) painted as the chart paints it. */
function stroke(session: ExerciseSession, points: [number, number][]): Draft {
  let d = session.draft;
  for (let i = 1; i < points.length; i++) {
    const [t0, c0] = points[i - 1]!;
    const [t1, c1] = points[i]!;
    d = paintSegment(d, session.grid, t0, c0, t1, c1);
  }
  return d;
}

describe('loading an exercise', () => {
  it('simulates the reference curve and sets the drawing area from its peak', async () => {
    const sim = new FakeSimulator();
    const session = new ExerciseSession(DOSE, sim);
    expect(session.status).toBe('loading');
    const first = session.load();
    // A second call waits for the first: one reference run.
    expect(session.load()).toBe(first);
    await first;
    expect(session.status).toBe('ready');
    expect(session.loadError).toBe('');
    expect(sim.runs).toEqual([DOSE.baseline.scenario()]);
    expect([...session.baseline]).toEqual([
      ...curve(DOSE.baseline.scenario(), DOSE.baseline.series, DOSE),
    ]);
    // 2.6 x the 253 ng/mL reference peak, rounded up (as the e2e test sees it).
    expect(session.yTop).toBe(800);
    expect(session.t).toEqual(gridTimes(DOSE.grid));
    expect(session.draft).toHaveLength(session.t.length);
    expect(session.draft.every((v) => v === null)).toBe(true);
    expect(session.coverage).toBe(0);
    expect(session.canReveal).toBe(false);
  });

  it('says why the reference curve failed: the engine’s own problems', async () => {
    const broken: Exercise = {
      ...DOSE,
      baseline: { ...DOSE.baseline, scenario: () => ({ ...DOSE.baseline.scenario(), model: 'x' }) },
    };
    const expected = runScenario(broken.baseline.scenario());
    if (expected.ok) throw new Error('the broken scenario ran');
    const { session } = await loaded(broken);
    expect(session.status).toBe('error');
    expect(session.loadError).toBe(expected.problems.map((p) => p.message).join(' '));
    expect(session.loadError).not.toBe('');
  });

  it('says so when the engine does not start', async () => {
    const sim = new FakeSimulator();
    sim.startError = new Error('The worker could not start');
    const session = new ExerciseSession(DOSE, sim);
    await session.load();
    expect(session.status).toBe('error');
    expect(session.loadError).toBe('The worker could not start');
    expect(sim.runs).toEqual([]);
  });
});

describe('the draft', () => {
  it('follows a stroke from the chart, and announces it when the stroke ends', async () => {
    const { session } = await loaded();
    const partial = stroke(session, [
      [0, 0],
      [40, 500],
    ]);
    session.draw(partial, false);
    expect(session.draft).toBe(partial);
    // 0 to 40 min of 240 min
    expect(session.coverage).toBeCloseTo(40 / 240, 10);
    expect(session.canReveal).toBe(false);
    expect(session.announcement).toBe('');
    session.draw(partial, true);
    expect(session.announcement).toBe(
      'Your prediction covers 17 % of the time axis; at least 50 % is needed.',
    );

    const full = stroke(session, [
      [40, 500],
      [120, 100],
      [240, 50],
    ]);
    session.draw(full, true);
    expect(session.coverage).toBe(1);
    expect(session.canReveal).toBe(true);
    expect(session.announcement).toBe('Your prediction: highest 500 ng/mL at 40 min.');
    // The fields show what was drawn at their times.
    expect(session.handleValues[3]).toBeCloseTo(500, 10);
    expect(session.fieldTexts[3]).toBe('500');
    expect(session.fieldTexts[DOSE.handleTimesMin.indexOf(240)]).toBe('50');
  });

  it('refuses a draft that is not on the grid', async () => {
    const { session } = await loaded();
    expect(() => session.draw([0, 1, 2], true)).toThrow(RangeError);
  });

  it('takes typed values, and refuses text that is not a number in range, per field', async () => {
    const { session } = await loaded();
    const before = session.draft;
    for (const text of ['abc', '-5', '801', 'Infinity', '1e9']) {
      expect(session.enter(0, text)).toBe(false);
      expect(session.fieldErrors[0]).toBe('Enter a number from 0 to 800.');
      expect(session.draft).toBe(before);
    }
    expect(session.announcement).toBe('');
    expect(session.fieldErrors[1]).toBeUndefined();

    expect(session.enter(0, ' 300 ')).toBe(true);
    expect(session.fieldErrors[0]).toBeUndefined();
    expect(session.handleValues[0]).toBe(300);
    expect(session.fieldTexts[0]).toBe('300');
    // From 0 at time 0 up to 300 at 10 min: 6 grid points of 121 (2 min steps).
    expect(session.coverage).toBeCloseTo(5 / 120, 10);
    expect(session.announcement).toBe(
      'Your prediction covers 4 % of the time axis; at least 50 % is needed.',
    );
    expect(session.enter(8, '50')).toBe(true);
    expect(session.coverage).toBe(1);
    expect(session.announcement).toMatch(/^Your prediction: highest 300 ng\/mL at 10 min\.$/);
    // An empty field removes its value.
    expect(session.enter(8, '')).toBe(true);
    expect(session.handleValues[8]).toBeNull();
    expect(() => session.enter(99, '1')).toThrow(RangeError);
  });

  it('clears the prediction and the fields’ messages', async () => {
    const { session } = await loaded();
    session.enter(0, '300');
    session.enter(1, 'x');
    session.clear();
    expect(session.draft.every((v) => v === null)).toBe(true);
    expect(session.fieldErrors).toEqual({});
    expect(session.announcement).toBe('Prediction cleared.');
  });

  it('is reactive: an effect reading the coverage follows the draft', async () => {
    const { session } = await loaded();
    const seen: number[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(session.coverage);
      });
    });
    flushSync();
    session.draw(
      stroke(session, [
        [0, 0],
        [120, 300],
      ]),
      false,
    );
    flushSync();
    session.clear();
    flushSync();
    stop();
    expect(seen).toEqual([0, 0.5, 0]);
  });
});

describe('revealing the answer', () => {
  it('is refused, with a message, while the prediction covers too little of the axis', async () => {
    const { sim, session, scores } = await loaded();
    session.enter(0, '300');
    expect(await session.reveal()).toBe(false);
    expect(session.notReady).toBe(
      `Draw or type your prediction over at least the first ${MIN_COVERAGE * 100} % of the time axis first (now 4 %).`,
    );
    expect(session.revealed).toBeNull();
    expect(scores).toEqual([]);
    expect(sim.runs).toHaveLength(1);
    // The message goes once the prediction changes.
    session.enter(8, '50');
    expect(session.notReady).toBe('');
  });

  it('simulates the answer, scores the prediction and calls back once', async () => {
    const { sim, session, scores } = await loaded();
    const answer = curve(DOSE.answer.scenario(), DOSE.answer.series, DOSE);
    // The exact answer, drawn, scores 100.
    session.draw([...answer], true);
    const revealing = session.reveal();
    expect(session.revealing).toBe(true);
    expect(await revealing).toBe(true);
    expect(session.revealing).toBe(false);
    expect(sim.runs).toEqual([DOSE.baseline.scenario(), DOSE.answer.scenario()]);
    const r = session.revealed!;
    expect([...r.answer]).toEqual([...answer]);
    expect(r.score.total).toBe(100);
    expect(scores).toEqual([100]);
    expect(session.explanation.join(' ')).toContain('The simulation shows a peak of 507 ng/mL');
    // The data table: evenly spaced rows, the end, and the peak at 40 min (grid index 20).
    expect(session.tableRows[0]).toBe(0);
    expect(session.tableRows.at(-1)).toBe(120);
    expect(session.tableRows).toContain(20);
    expect(new Set(session.tableRows).size).toBe(session.tableRows.length);

    // Once revealed, nothing changes the prediction, and a second reveal does nothing.
    const shown = session.draft;
    session.draw(
      session.draft.map(() => 1),
      true,
    );
    expect(session.enter(0, '5')).toBe(false);
    session.clear();
    expect(session.draft).toBe(shown);
    expect(await session.reveal()).toBe(false);
    expect(scores).toEqual([100]);
    expect(sim.runs).toHaveLength(2);
  });

  it('scores a rough prediction below 100 and one simulation at a time', async () => {
    const { sim, session, scores } = await loaded();
    session.draw(
      stroke(session, [
        [0, 0],
        [40, 500],
        [60, 200],
        [240, 50],
      ]),
      true,
    );
    sim.hold = true;
    const first = session.reveal();
    await Promise.resolve();
    expect(await session.reveal()).toBe(false);
    sim.release();
    expect(await first).toBe(true);
    expect(scores).toHaveLength(1);
    expect(scores[0]).toBeGreaterThan(50);
    expect(scores[0]).toBeLessThan(100);
    expect(scores[0]).toBe(session.revealed!.score.total);
  });

  it('says why when the simulation fails, and can be tried again', async () => {
    const { sim, session, scores } = await loaded();
    session.enter(0, '300');
    session.enter(8, '50');
    sim.runError = new Error('The engine stopped');
    expect(await session.reveal()).toBe(false);
    expect(session.revealError).toBe('The simulation failed: The engine stopped');
    expect(session.revealed).toBeNull();
    expect(scores).toEqual([]);
    sim.runError = null;
    expect(await session.reveal()).toBe(true);
    expect(session.revealError).toBe('');
    expect(scores).toHaveLength(1);
  });

  it('for variability, asks for virtual patients and checks the peak against the band', async () => {
    const ex = exercise('variability');
    const { sim, session, scores } = await loaded(ex);
    session.draw(
      stroke(session, [
        [0, 0],
        [30, 150],
        [60, 120],
        [240, 40],
      ]),
      true,
    );
    expect(await session.reveal()).toBe(true);
    expect(sim.populations).toEqual([
      { nPatients: 1000, seed: 20211, stepMin: ex.grid.stepMin, series: ['parent'] },
    ]);
    const band = session.revealed!.band!;
    expect(band.nPatients).toBe(1000);
    expect(band.check).not.toBeNull();
    for (let i = 0; i < session.t.length; i++) {
      expect(band.lo[i]!).toBeLessThanOrEqual(band.hi[i]! + 1e-12);
    }
    expect(scores).toEqual([session.revealed!.score.total]);
  });

  it('tries again from an empty prediction', async () => {
    const { session, scores } = await loaded();
    session.enter(0, '300');
    session.enter(8, '50');
    await session.reveal();
    session.tryAgain();
    expect(session.revealed).toBeNull();
    expect(session.draft.every((v) => v === null)).toBe(true);
    expect(session.coverage).toBe(0);
    expect(session.fieldErrors).toEqual({});
    expect(session.announcement).toBe('');
    expect(session.explanation).toEqual([]);
    expect(session.tableRows).toEqual([]);
    // and can be done again, scoring again
    session.enter(0, '300');
    session.enter(8, '50');
    expect(await session.reveal()).toBe(true);
    expect(scores).toHaveLength(2);
  });
});

describe('the exercise view', () => {
  it('loads, shows a refused field, and reveals with the keyboard on the score', async () => {
    const sim = new FakeSimulator();
    const scores: number[] = [];
    const ids: string[] = [];
    const el = show(ExerciseView, {
      exercise: DOSE,
      sim,
      number: 1,
      best: null,
      // The id comes with the score: the page may show another exercise when a reveal ends.
      onscored: (total: number, id: string) => {
        scores.push(total);
        ids.push(id);
      },
      onnext: null,
      onexplore: null,
    });
    expect(el.textContent).toContain('Loading the reference curve');
    await until(() => el.querySelector('#ex-dose-proportionality-h0') !== null);
    const field = (k: number) =>
      el.querySelector<HTMLInputElement>(`#ex-dose-proportionality-h${k}`)!;
    expect(field(0).max).toBe('800');
    const type = (k: number, v: string) => {
      field(k).value = v;
      field(k).dispatchEvent(new Event('change', { bubbles: true }));
      flushSync();
    };
    type(0, '-5');
    expect(field(0).getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#ex-dose-proportionality-h0-err')!.textContent).toBe(
      'Enter a number from 0 to 800.',
    );
    type(0, '300');
    type(8, '50');
    expect(field(0).hasAttribute('aria-invalid')).toBe(false);
    expect(el.querySelector('[role="status"]')!.textContent).toBe(
      'Your prediction: highest 300 ng/mL at 10 min.',
    );
    const button = [...el.querySelectorAll('button')].find(
      (b) => b.textContent === 'Reveal the answer',
    )!;
    button.click();
    await until(() => document.activeElement?.id === 'ex-dose-proportionality-result');
    expect(document.activeElement!.textContent).toMatch(/^Your score: \d+ \/ 100$/);
    expect(scores).toHaveLength(1);
    expect(ids).toEqual(['dose-proportionality']);
    // The first feedback names what this student drew: a peak of 300 ng/mL at 10 min.
    const feedback = el.querySelector('.feedback')!.textContent!;
    expect(feedback).toMatch(
      /^You predicted a peak of 300 ng\/mL at 10 min; the simulation peaks at \d+ ng\/mL at 40 min: your peak was /,
    );
    expect(feedback).toContain('Your peak came 30 min earlier than the simulation');
    // The score's table names each measure's share of the change.
    const table = el.querySelector('.score-table')!;
    expect(table.textContent).toContain('How much of the change you predicted');
    expect(table.textContent).toContain('No change to predict');
  });
});

describe('the exercise list and its progress', () => {
  /** localStorage of happy-dom, emptied for each test. */
  function storage(): ProgressStorage {
    localStorage.clear();
    return localStorage;
  }

  it('chooses exercises, saves scores and resets', () => {
    const store = storage();
    const list = new ExerciseList(store);
    expect(list.current).toBe(EXERCISES[0]);
    expect(list.index).toBe(0);
    expect(list.next).toBe(EXERCISES[1]);
    expect(list.doneCount).toBe(0);
    expect(list.storageMessage).toBeNull();

    list.scored(DOSE.id, 70);
    list.scored(DOSE.id, 60);
    expect(list.record(DOSE.id)).toEqual({ best: 70, last: 60, attempts: 2 });
    expect(list.doneCount).toBe(1);
    expect(JSON.parse(store.getItem(PROGRESS_KEY)!).results[DOSE.id].best).toBe(70);
    // A new page reads it back.
    expect(new ExerciseList(store).record(DOSE.id)?.best).toBe(70);

    const last = EXERCISES.at(-1)!;
    list.choose(last.id);
    expect(list.current).toBe(last);
    expect(list.next).toBeNull();
    expect(() => list.choose('no-such-exercise')).toThrow(RangeError);

    list.reset();
    expect(list.doneCount).toBe(0);
    expect(list.resetMessage).toBe('Progress cleared: every exercise is marked as not done.');
    expect(store.getItem(PROGRESS_KEY)).toBeNull();
    list.choose(DOSE.id);
    expect(list.resetMessage).toBe('');
  });

  it('asks before a reset, and can undo it, in this page and in storage', () => {
    const store = storage();
    const list = new ExerciseList(store);
    list.scored(DOSE.id, 70);
    list.scored('metabolite', 40);
    const saved = store.getItem(PROGRESS_KEY);

    // Asking changes nothing; answering no changes nothing.
    list.askReset();
    expect(list.confirmingReset).toBe(true);
    expect(list.doneCount).toBe(2);
    expect(store.getItem(PROGRESS_KEY)).toBe(saved);
    list.cancelReset();
    expect(list.confirmingReset).toBe(false);
    expect(list.canUndo).toBe(false);

    list.askReset();
    list.reset();
    expect(list.confirmingReset).toBe(false);
    expect(list.doneCount).toBe(0);
    expect(store.getItem(PROGRESS_KEY)).toBeNull();
    expect(list.canUndo).toBe(true);
    // A result recorded after the reset is kept by the undo.
    list.scored('variability', 55);
    // A second reset before the undo keeps what the first one wiped.
    list.reset();
    list.undoReset();
    expect(list.canUndo).toBe(false);
    expect(list.record(DOSE.id)).toEqual({ best: 70, last: 70, attempts: 1 });
    expect(list.record('metabolite')?.best).toBe(40);
    expect(list.record('variability')?.best).toBe(55);
    expect(list.resetMessage).toBe(
      `Progress restored: 3 of ${EXERCISES.length} exercises are marked as done again.`,
    );
    const stored = JSON.parse(store.getItem(PROGRESS_KEY)!);
    expect(Object.keys(stored.results).sort()).toEqual([DOSE.id, 'metabolite', 'variability']);
    expect(new ExerciseList(store).doneCount).toBe(3);
    // Nothing left to undo: nothing happens.
    list.undoReset();
    expect(list.doneCount).toBe(3);
  });

  it('drops the reset question and the undo when another exercise is chosen', () => {
    const list = new ExerciseList(storage());
    list.scored(DOSE.id, 70);
    list.askReset();
    list.choose('metabolite');
    expect(list.confirmingReset).toBe(false);
    list.reset();
    list.choose(DOSE.id);
    expect(list.canUndo).toBe(false);
    expect(list.resetMessage).toBe('');
  });

  it('shows another tab’s undo of a reset', () => {
    const store = storage();
    const here = new ExerciseList(store);
    const other = new ExerciseList(store);
    other.scored(DOSE.id, 70);
    here.sync({ key: PROGRESS_KEY, storageArea: store as Storage });
    other.reset();
    here.sync({ key: PROGRESS_KEY, storageArea: store as Storage });
    expect(here.doneCount).toBe(0);
    expect(here.resetMessage).toMatch(/^Progress was cleared in another tab/);
    other.undoReset();
    here.sync({ key: PROGRESS_KEY, storageArea: store as Storage });
    expect(here.record(DOSE.id)?.best).toBe(70);
    expect(here.resetMessage).toBe('');
  });

  it('opens the exercise the address names, by number or id, or the first with a message', () => {
    const store = storage();
    expect(new ExerciseList(store, EXERCISES, 'mode=exercises&ex=6').current).toBe(EXERCISES[5]);
    expect(new ExerciseList(store, EXERCISES, 'mode=exercises&ex=metabolite').selected).toBe(
      'metabolite',
    );
    const old = new ExerciseList(store, EXERCISES, 'mode=exercises');
    expect(old.current).toBe(EXERCISES[0]);
    expect(old.linkMessage).toBeNull();
    const bad = new ExerciseList(store, EXERCISES, 'mode=exercises&ex=42');
    expect(bad.current).toBe(EXERCISES[0]);
    expect(bad.linkMessage).toContain(`numbered 1 to ${EXERCISES.length}`);
    bad.choose(DOSE.id);
    expect(bad.linkMessage).toBeNull();
    // An address changed from outside (Back, an edited fragment) is followed.
    bad.follow('mode=exercises&ex=3');
    expect(bad.index).toBe(2);
    bad.follow('mode=exercises');
    expect(bad.index).toBe(2);
    bad.follow('mode=exercises&ex=nope');
    expect(bad.index).toBe(0);
    expect(bad.linkMessage).toContain('does not exist');
  });

  it('follows what another tab saves or clears, and only for its own storage and key', () => {
    const store = storage();
    const list = new ExerciseList(store);
    const other = new ExerciseList(store);
    other.scored('infusion-duration', 88);
    // The event of another storage, or another key, changes nothing.
    list.sync({ key: PROGRESS_KEY, storageArea: sessionStorage });
    list.sync({ key: 'something-else', storageArea: store as Storage });
    expect(list.doneCount).toBe(0);

    const target = new EventTarget();
    const stop = list.listen(target as unknown as Window);
    const event = (key: string | null) =>
      Object.assign(new Event('storage'), { key, storageArea: store });
    target.dispatchEvent(event(PROGRESS_KEY));
    expect(list.record('infusion-duration')?.best).toBe(88);

    other.reset();
    target.dispatchEvent(event(PROGRESS_KEY));
    expect(list.doneCount).toBe(0);
    expect(list.resetMessage).toBe(
      'Progress was cleared in another tab or window: every exercise is marked as not done.',
    );
    stop();
    other.scored(DOSE.id, 50);
    target.dispatchEvent(event(null));
    expect(list.doneCount).toBe(0);
  });

  it('works without storage, saying so', () => {
    const list = new ExerciseList(null);
    expect(list.storageMessage).not.toBeNull();
    list.scored(DOSE.id, 40);
    expect(list.record(DOSE.id)?.best).toBe(40);
    expect(list.storageMessage).toBe('This browser does not allow saving on the device.');
  });
});

describe('the simulator view of an exercise, and the result texts', () => {
  it('opens both regimens, the right window and series, or nothing it cannot show', () => {
    const dose = exploreState(DOSE)!;
    expect(dose.scenarios).toHaveLength(2);
    expect(dose.view.window).toBe('4h');
    expect(dose.view.showBand).toBe(false);
    const metabolite = exploreState(exercise('metabolite'))!;
    expect(metabolite.scenarios).toHaveLength(1);
    expect(metabolite.view.window).toBe('24h');
    expect(metabolite.view.showMetabolite).toBe(true);
    expect(exploreState(exercise('variability'))!.view.showBand).toBe(true);
    expect(exploreState(exercise('course-washout'))!.view.window).toBe('course');
    // IV esketamine with the nasal model's disposition has no place in the simulator's controls.
    expect(exploreState(exercise('iv-vs-nasal'))).toBeNull();
  });

  it('formats field values, table times and timing errors', () => {
    expect(handleText(null)).toBe('');
    expect(handleText(300)).toBe('300');
    expect(handleText(12.3456)).toBe('12.3');
    expect(tableTime(40, 240)).toBe('40 min');
    expect(tableTime(90, 720)).toBe('1.5 h');
    expect(timeErrorText(null, 2)).toBe('no peak in your prediction');
    expect(timeErrorText(0.5, 2)).toBe('on time');
    expect(timeErrorText(30, 2)).toBe('30 min late');
    expect(timeErrorText(-180, 2)).toBe('3.0 h early');
  });
});

describe('the exercises page', () => {
  function page(hash = '#mode=exercises') {
    localStorage.clear();
    history.replaceState(null, '', `/${hash}`);
    const sim = new FakeSimulator() as unknown as Simulator;
    return show(ExercisesMode, { sim, onnavigate: () => {} });
  }
  const button = (el: HTMLElement, name: string | RegExp) =>
    [...el.querySelectorAll('button')].find((b) =>
      typeof name === 'string' ? b.textContent!.trim() === name : name.test(b.textContent!),
    );
  const heading = (el: HTMLElement) => el.querySelector('article h2')!.textContent;

  it('puts the reset after the exercise, not between the list and the exercise', async () => {
    const el = page();
    const reset = button(el, 'Reset my progress')!;
    const lastPick = [...el.querySelectorAll('nav button')].at(-1)!;
    const exercise = el.querySelector('article')!;
    expect(el.querySelector('nav')!.contains(reset)).toBe(false);
    // In the document's order, and so in the tab order: the list, the exercise, then the reset.
    expect(
      lastPick.compareDocumentPosition(exercise) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(exercise.compareDocumentPosition(reset) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('asks before resetting, moves the keyboard along, says the outcome once and undoes', async () => {
    localStorage.clear();
    localStorage.setItem(
      PROGRESS_KEY,
      JSON.stringify({ version: 1, results: { [DOSE.id]: { best: 80, last: 80, attempts: 1 } } }),
    );
    history.replaceState(null, '', '/#mode=exercises');
    const el = show(ExercisesMode, {
      sim: new FakeSimulator() as unknown as Simulator,
      onnavigate: () => {},
    });
    const saved = localStorage.getItem(PROGRESS_KEY);
    const status = () => el.querySelector('.progress-panel [role="status"]')!.textContent!.trim();

    button(el, 'Reset my progress')!.click();
    await until(() => document.activeElement?.textContent === 'No, keep my progress');
    expect(el.querySelector('[role="group"]')!.textContent).toContain('Reset your progress?');
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(saved);
    // Escape answers no: back on the reset button, nothing changed.
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    await until(() => document.activeElement?.textContent === 'Reset my progress');
    expect(el.querySelector('[role="group"]')).toBeNull();
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(saved);

    button(el, 'Reset my progress')!.click();
    await until(() => button(el, 'Yes, reset my progress') !== undefined);
    button(el, 'Yes, reset my progress')!.click();
    await until(() => document.activeElement?.textContent === 'Undo the reset');
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
    expect(el.querySelector('nav')!.textContent).toContain('(0 of');
    expect(status()).toBe('Progress cleared: every exercise is marked as not done.');
    // Said once: no other live region holds it.
    const live = [...el.querySelectorAll('[role="status"], [role="alert"], [aria-live]')];
    expect(live.filter((n) => n.textContent!.includes('Progress cleared'))).toHaveLength(1);

    button(el, 'Undo the reset')!.click();
    await until(() => document.activeElement?.textContent === 'Reset my progress');
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).results[DOSE.id].best).toBe(80);
    expect(el.querySelector('nav')!.textContent).toContain('Done, best 80 / 100');
    expect(status()).toMatch(/^Progress restored: 1 of \d+ exercises is marked as done again\.$/);
    expect(button(el, 'Undo the reset')).toBeUndefined();
  });

  it('opens the exercise the address names, and writes the one chosen into the address', async () => {
    const el = page('#v=1&mode=exercises&ex=6');
    expect(heading(el)).toBe(`Exercise 6: ${EXERCISES[5]!.title}`);
    button(el, new RegExp(EXERCISES[1]!.title))!.click();
    await until(() => heading(el) === `Exercise 2: ${EXERCISES[1]!.title}`);
    const p = new URLSearchParams(location.hash.slice(1));
    expect(p.get('ex')).toBe('2');
    expect(p.get('mode')).toBe('exercises');
    expect(p.get('v')).toBe('1');
    // By id, too.
    expect(heading(page('#mode=exercises&ex=metabolite'))).toMatch(/^Exercise \d+: Metabolite/);
  });

  it('opens the first exercise with a clear message for an exercise that does not exist', () => {
    const el = page('#mode=exercises&ex=99');
    expect(heading(el)).toBe(`Exercise 1: ${EXERCISES[0]!.title}`);
    expect(el.querySelector('.intro [role="status"]')!.textContent).toBe(
      `This link asks for exercise "99", which does not exist. Exercises are numbered 1 to ${EXERCISES.length} (ex=1 to ex=${EXERCISES.length} in the address), so the first exercise is open.`,
    );
  });
});

/** Waits (up to 10 s) until a condition holds, flushing Svelte's updates meanwhile. */
function until(ok: () => boolean): Promise<void> {
  return vi.waitFor(
    () => {
      flushSync();
      if (!ok()) throw new Error('not yet');
    },
    { timeout: 10_000, interval: 5 },
  );
}
