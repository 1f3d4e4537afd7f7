import { describe, expect, it } from 'vitest';
import {
  DAMAGED_ELSEWHERE_MESSAGE,
  DAMAGED_NOT_COPIED_MESSAGE,
  DAMAGED_PROGRESS_MESSAGE,
  NOT_OVERWRITTEN_MESSAGE,
  NO_STORAGE_MESSAGE,
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
  REFUSED_LOAD_MESSAGE,
  REFUSED_SAVE_MESSAGE,
  badRecordsMessage,
  clearProgress,
  freshProgress,
  isProgressChange,
  loadProgress,
  mergeProgress,
  mergeRecord,
  recordAttempt,
  resetProgress,
  restoreProgress,
  saveProgress,
  syncProgress,
  type ExerciseRecord,
  type Progress,
} from './progress';
import { EXERCISE_IDS } from './exerciseSet';

/**
 * An in-memory stand-in for localStorage, shared by the "tabs" of a test as the real one is
 * shared by a browser's tabs. `refuse` makes setItem throw as a full or locked storage does, for
 * every key or for some keys only; `writes` counts the writes to each key.
 */
class FakeStorage {
  readonly data: Map<string, string>;
  readonly writes = new Map<string, number>();
  refuse: ((key: string) => boolean) | null = null;
  refuseReads = false;

  constructor(initial: Record<string, string> = {}) {
    this.data = new Map(Object.entries(initial));
  }
  getItem(key: string): string | null {
    if (this.refuseReads) throw new DOMException('Access is denied.', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuse?.(key))
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    if (this.refuseReads) throw new DOMException('Access is denied.', 'SecurityError');
    this.data.delete(key);
  }
  /** The stored progress, parsed. */
  stored(): Progress {
    return JSON.parse(this.data.get(PROGRESS_KEY) ?? 'null') as Progress;
  }
}

const ids = ['a', 'b', 'c'];
const rec = (best: number, last: number, attempts: number): ExerciseRecord => ({
  best,
  last,
  attempts,
});
const item = (results: Record<string, unknown>, version: unknown = 1) =>
  JSON.stringify({ version, results });
/** Progress holding these records. */
const progressWith = (results: Record<string, ExerciseRecord>): Progress => ({
  version: 1,
  results,
});

describe('loading progress', () => {
  it('starts fresh and silent when nothing is stored', () => {
    expect(loadProgress(new FakeStorage(), ids)).toEqual({
      progress: freshProgress(),
      message: null,
    });
  });

  it('says at once when the browser gives no storage at all', () => {
    expect(loadProgress(null, ids)).toEqual({
      progress: freshProgress(),
      message: REFUSED_LOAD_MESSAGE,
    });
  });

  it('round-trips through storage under the versioned key', () => {
    const s = new FakeStorage();
    let p = recordAttempt(freshProgress(), 'a', 60);
    p = recordAttempt(p, 'a', 85);
    p = recordAttempt(p, 'a', 70);
    p = recordAttempt(p, 'b', 40);
    expect(saveProgress(s, p, ids).message).toBeNull();
    expect(PROGRESS_KEY).toBe('ketamine-sim.exercises.v1');
    expect(s.stored()).toEqual({ version: 1, results: { a: rec(85, 70, 3), b: rec(40, 40, 1) } });
    expect(loadProgress(s, ids)).toEqual({
      progress: progressWith({ a: rec(85, 70, 3), b: rec(40, 40, 1) }),
      message: null,
    });
    expect(s.data.has(PROGRESS_BACKUP_KEY)).toBe(false);
  });

  it.each([
    ['a score above 100', { best: 150, last: 1, attempts: 1 }],
    ['a negative score', { best: 10, last: -1, attempts: 1 }],
    ['a text score', { best: '90', last: 1, attempts: 1 }],
    ['a missing score', { best: 90, attempts: 1 }],
    ['no attempts', { best: 90, last: 90, attempts: 0 }],
    ['a fraction of an attempt', { best: 90, last: 90, attempts: 1.5 }],
    ['best below last', { best: 10, last: 90, attempts: 2 }],
    ['a record that is not an object', 'done'],
    ['a null record', null],
    ['a list as a record', [90, 90, 1]],
  ])(
    'keeps the good records and sets aside one bad record (%s), with a copy kept',
    (_name, bad) => {
      const raw = item({ a: rec(90, 80, 2), b: bad, c: rec(50, 50, 1) });
      const s = new FakeStorage({ [PROGRESS_KEY]: raw });
      const r = loadProgress(s, ids);
      expect(r.progress).toEqual(progressWith({ a: rec(90, 80, 2), c: rec(50, 50, 1) }));
      expect(r.message).toBe(
        '1 saved exercise result could not be read and was set aside; the others are kept.',
      );
      // The whole stored text is kept, bad record included, before any save can drop it.
      expect(s.data.get(PROGRESS_BACKUP_KEY)).toBe(raw);
      expect(s.data.get(PROGRESS_KEY)).toBe(raw);
    },
  );

  it('counts several bad records, and says so when none is left', () => {
    const twoBad = item({ a: rec(90, 80, 2), b: 'x', c: { best: 200 } });
    expect(loadProgress(new FakeStorage({ [PROGRESS_KEY]: twoBad }), ids).message).toBe(
      '2 saved exercise results could not be read and were set aside; the others are kept.',
    );
    const allBad = item({ a: 'x' });
    const r = loadProgress(new FakeStorage({ [PROGRESS_KEY]: allBad }), ids);
    expect(r.progress).toEqual(freshProgress());
    expect(r.message).toBe(
      '1 saved exercise result could not be read and was set aside; the exercises start afresh.',
    );
    expect(badRecordsMessage(3, 1, false)).toBe(
      '3 saved exercise results could not be read; the others are kept.',
    );
  });

  it.each([
    ['not JSON', '{oops'],
    ['cut off', '{"version":1,"results":{"dose-'],
    ['JSON null', 'null'],
    ['a list', '[1,2]'],
    ['another version', item({ a: rec(90, 80, 2) }, 2)],
    ['no version', JSON.stringify({ results: {} })],
    ['results not an object', JSON.stringify({ version: 1, results: 'x' })],
    ['results a list', JSON.stringify({ version: 1, results: [] })],
  ])('starts fresh from an unreadable value (%s), with a copy kept and a message', (_name, raw) => {
    const s = new FakeStorage({ [PROGRESS_KEY]: raw });
    const r = loadProgress(s, ids);
    expect(r.progress).toEqual(freshProgress());
    expect(r.message).toBe(DAMAGED_PROGRESS_MESSAGE);
    expect(r.message).toMatch(/could not be read.*A copy of it was kept/);
    expect(s.data.get(PROGRESS_BACKUP_KEY)).toBe(raw);
  });

  it('writes the backup only when it does not already hold the same text', () => {
    const raw = '{oops';
    const s = new FakeStorage({ [PROGRESS_KEY]: raw });
    loadProgress(s, ids);
    loadProgress(s, ids);
    expect(s.writes.get(PROGRESS_BACKUP_KEY)).toBe(1);
    // A later, different unreadable value replaces the backup (one backup key, as documented).
    s.data.set(PROGRESS_KEY, '{worse');
    loadProgress(s, ids);
    expect(s.data.get(PROGRESS_BACKUP_KEY)).toBe('{worse');
  });

  it('says no copy was kept when the backup cannot be written', () => {
    const s = new FakeStorage({ [PROGRESS_KEY]: '{oops' });
    s.refuse = (key) => key === PROGRESS_BACKUP_KEY;
    expect(loadProgress(s, ids).message).toBe(DAMAGED_NOT_COPIED_MESSAGE);
    s.data.set(PROGRESS_KEY, item({ a: 'x', b: rec(1, 1, 1) }));
    expect(loadProgress(s, ids).message).toBe(
      '1 saved exercise result could not be read; the others are kept.',
    );
  });

  it('hides records of exercises it does not know, but a save keeps them stored', () => {
    const s = new FakeStorage({
      [PROGRESS_KEY]: item({ a: rec(90, 80, 2), newer: rec(70, 70, 1) }),
    });
    const r = loadProgress(s, ids);
    expect(r.message).toBeNull();
    expect(Object.keys(r.progress.results)).toEqual(['a']);
    const saved = saveProgress(s, recordAttempt(r.progress, 'b', 30), ids);
    expect(Object.keys(saved.progress.results).sort()).toEqual(['a', 'b']);
    expect(s.stored().results.newer).toEqual(rec(70, 70, 1));
  });

  it('survives a browser that refuses storage', () => {
    const s = new FakeStorage();
    s.refuseReads = true;
    s.refuse = () => true;
    const r = loadProgress(s, ids);
    expect(r.progress).toEqual(freshProgress());
    expect(r.message).toMatch(/does not allow saving/);
    const p = recordAttempt(freshProgress(), 'a', 50);
    expect(saveProgress(s, p, ids)).toEqual({ progress: p, message: REFUSED_SAVE_MESSAGE });
    expect(clearProgress(s)).toMatch(/could not be cleared/);
    expect(saveProgress(null, p, ids)).toEqual({ progress: p, message: NO_STORAGE_MESSAGE });
  });
});

describe('saving progress', () => {
  it('copies an unreadable stored value to the backup before overwriting it', () => {
    // Another tab (or an older version) wrote something unreadable after this page loaded.
    const s = new FakeStorage();
    const page = loadProgress(s, ids).progress;
    s.data.set(PROGRESS_KEY, '{"version":1,"results":{"a":');
    const saved = saveProgress(s, recordAttempt(page, 'b', 40), ids);
    expect(saved.message).toBeNull();
    expect(s.data.get(PROGRESS_BACKUP_KEY)).toBe('{"version":1,"results":{"a":');
    expect(s.stored()).toEqual(progressWith({ b: rec(40, 40, 1) }));
  });

  it('keeps the backup made at loading through the next save', () => {
    const raw = item({ a: rec(90, 80, 2), b: { best: 'lots' } });
    const s = new FakeStorage({ [PROGRESS_KEY]: raw });
    const page = loadProgress(s, ids).progress;
    saveProgress(s, recordAttempt(page, 'c', 20), ids);
    expect(s.data.get(PROGRESS_BACKUP_KEY)).toBe(raw);
    expect(s.stored()).toEqual(progressWith({ a: rec(90, 80, 2), c: rec(20, 20, 1) }));
  });

  it('does not overwrite an unreadable stored value it could not copy', () => {
    const s = new FakeStorage({ [PROGRESS_KEY]: '{oops' });
    s.refuse = (key) => key === PROGRESS_BACKUP_KEY;
    const p = recordAttempt(loadProgress(s, ids).progress, 'a', 60);
    expect(saveProgress(s, p, ids)).toEqual({ progress: p, message: NOT_OVERWRITTEN_MESSAGE });
    expect(s.data.get(PROGRESS_KEY)).toBe('{oops');
  });

  it('merges two tabs that each save a different exercise: both are stored', () => {
    const s = new FakeStorage();
    let tabA = loadProgress(s, ids).progress;
    let tabB = loadProgress(s, ids).progress;
    tabA = saveProgress(s, recordAttempt(tabA, 'a', 70), ids).progress;
    tabB = saveProgress(s, recordAttempt(tabB, 'b', 55), ids).progress;
    expect(s.stored()).toEqual(progressWith({ a: rec(70, 70, 1), b: rec(55, 55, 1) }));
    // The saving tab shows the merge; the other tab's next save keeps both as well.
    expect(tabB.results).toEqual({ a: rec(70, 70, 1), b: rec(55, 55, 1) });
    tabA = saveProgress(s, recordAttempt(tabA, 'a', 90), ids).progress;
    expect(s.stored()).toEqual(progressWith({ a: rec(90, 90, 2), b: rec(55, 55, 1) }));
    expect(tabA).toEqual(s.stored());
  });

  it('merges one exercise: highest best, most attempts, last of the record with more attempts', () => {
    const s = new FakeStorage({ [PROGRESS_KEY]: item({ a: rec(95, 40, 5) }) });
    const page = progressWith({ a: rec(60, 60, 2) });
    expect(saveProgress(s, page, ids).progress.results.a).toEqual(rec(95, 40, 5));
    // The page's record has more attempts: its last score is the newer one.
    s.data.set(PROGRESS_KEY, item({ a: rec(95, 40, 2) }));
    expect(saveProgress(s, progressWith({ a: rec(70, 65, 3) }), ids).progress.results.a).toEqual(
      rec(95, 65, 3),
    );
    // Equal attempts: the newer side (the saving page) gives the last score.
    expect(mergeRecord(rec(80, 80, 4), rec(50, 30, 4))).toEqual(rec(80, 30, 4));
    expect(mergeRecord(rec(50, 30, 4), rec(80, 80, 4))).toEqual(rec(80, 80, 4));
    expect(
      mergeProgress(progressWith({ a: rec(1, 1, 1) }), progressWith({ b: rec(2, 2, 1) })),
    ).toEqual(progressWith({ a: rec(1, 1, 1), b: rec(2, 2, 1) }));
  });

  it('keeps everything in memory when the quota is exceeded, with a message', () => {
    const before = item({ a: rec(80, 80, 1), c: rec(30, 30, 1) });
    const s = new FakeStorage({ [PROGRESS_KEY]: before });
    const page = loadProgress(s, ids).progress;
    s.refuse = () => true;
    const r = saveProgress(s, recordAttempt(page, 'b', 45), ids);
    expect(r.message).toBe(REFUSED_SAVE_MESSAGE);
    expect(r.message).toMatch(/could not be saved on this device.*lasts for this visit/);
    expect(r.progress).toEqual(
      progressWith({ a: rec(80, 80, 1), b: rec(45, 45, 1), c: rec(30, 30, 1) }),
    );
    expect(s.data.get(PROGRESS_KEY)).toBe(before);
    // Once the browser accepts again, the next save stores all of it.
    s.refuse = null;
    expect(saveProgress(s, recordAttempt(r.progress, 'a', 90), ids).message).toBeNull();
    expect(s.stored()).toEqual(
      progressWith({ a: rec(90, 90, 2), b: rec(45, 45, 1), c: rec(30, 30, 1) }),
    );
  });
});

describe('another tab saving or clearing', () => {
  it('reacts to the progress key, or to the whole storage being cleared, only', () => {
    expect(isProgressChange(PROGRESS_KEY)).toBe(true);
    expect(isProgressChange(null)).toBe(true);
    expect(isProgressChange(PROGRESS_BACKUP_KEY)).toBe(false);
    expect(isProgressChange('something-else')).toBe(false);
  });

  it('shows what another tab saved, merged, writing nothing when the storage holds it all', () => {
    const s = new FakeStorage();
    let tabA = saveProgress(s, recordAttempt(freshProgress(), 'a', 20), ids).progress;
    saveProgress(s, recordAttempt(freshProgress(), 'b', 55), ids); // tab B
    const writes = s.writes.get(PROGRESS_KEY);
    const r = syncProgress(s, tabA, ids); // tab A gets the storage event
    expect(r).toEqual({
      progress: progressWith({ a: rec(20, 20, 1), b: rec(55, 55, 1) }),
      message: null,
      cleared: false,
    });
    expect(s.writes.get(PROGRESS_KEY)).toBe(writes);
    tabA = r.progress;
    // On a tie the stored record (the other tab's newer save) gives the last score.
    s.data.set(PROGRESS_KEY, item({ a: rec(40, 35, 1), b: rec(55, 55, 1) }));
    expect(syncProgress(s, tabA, ids).progress.results.a).toEqual(rec(40, 35, 1));
  });

  it('puts back a record that a save in the same instant dropped', () => {
    // Tab B read the storage before tab A's save reached it, so its save dropped A's record.
    const s = new FakeStorage();
    const tabA = saveProgress(s, recordAttempt(freshProgress(), 'a', 70), ids).progress;
    s.data.set(PROGRESS_KEY, item({ b: rec(55, 55, 1) }));
    // Tab A gets the storage event for B's save, shows both and stores both again.
    const r = syncProgress(s, tabA, ids);
    expect(r.progress).toEqual(progressWith({ a: rec(70, 70, 1), b: rec(55, 55, 1) }));
    expect(r.message).toBeNull();
    expect(s.stored()).toEqual(progressWith({ a: rec(70, 70, 1), b: rec(55, 55, 1) }));
    // Tab B then gets A's event: nothing is missing any more, so nothing is written.
    const writes = s.writes.get(PROGRESS_KEY);
    expect(syncProgress(s, progressWith({ b: rec(55, 55, 1) }), ids).progress).toEqual(r.progress);
    expect(s.writes.get(PROGRESS_KEY)).toBe(writes);
    // A refused write-back is reported; the page still shows everything.
    s.data.set(PROGRESS_KEY, item({ b: rec(55, 55, 1) }));
    s.refuse = () => true;
    expect(syncProgress(s, tabA, ids)).toEqual({
      progress: r.progress,
      message: REFUSED_SAVE_MESSAGE,
      cleared: false,
    });
  });

  it('keeps its own results when another tab stored something unreadable, with a copy kept', () => {
    const s = new FakeStorage({ [PROGRESS_KEY]: '{oops' });
    const page = progressWith({ a: rec(20, 20, 1) });
    expect(syncProgress(s, page, ids)).toEqual({
      progress: page,
      message: DAMAGED_ELSEWHERE_MESSAGE,
      cleared: false,
    });
    expect(s.data.get(PROGRESS_BACKUP_KEY)).toBe('{oops');
    s.data.set(PROGRESS_KEY, item({ b: 'x', c: rec(10, 10, 1) }));
    const r = syncProgress(s, page, ids);
    expect(r.progress.results).toEqual({ a: rec(20, 20, 1), c: rec(10, 10, 1) });
    expect(r.message).toMatch(/^1 saved exercise result could not be read/);
  });

  it('does nothing without storage or when reading is refused', () => {
    const page = progressWith({ a: rec(20, 20, 1) });
    expect(syncProgress(null, page, ids)).toEqual({
      progress: page,
      message: null,
      cleared: false,
    });
    const s = new FakeStorage();
    s.refuseReads = true;
    expect(syncProgress(s, page, ids)).toEqual({ progress: page, message: null, cleared: false });
  });
});

describe('resetting progress', () => {
  it('clears the stored value; a save right after does not bring the records back', () => {
    const s = new FakeStorage();
    let page = saveProgress(s, recordAttempt(freshProgress(), 'a', 50), ids).progress;
    page = saveProgress(s, recordAttempt(page, 'b', 60), ids).progress;
    expect(Object.keys(page.results)).toEqual(['a', 'b']);
    // What the page does on "Reset my progress": clear the storage and its own progress.
    expect(clearProgress(s)).toBeNull();
    page = freshProgress();
    expect(s.data.has(PROGRESS_KEY)).toBe(false);
    expect(loadProgress(s, ids)).toEqual({ progress: freshProgress(), message: null });
    page = saveProgress(s, recordAttempt(page, 'c', 10), ids).progress;
    expect(page).toEqual(progressWith({ c: rec(10, 10, 1) }));
    expect(s.stored()).toEqual(progressWith({ c: rec(10, 10, 1) }));
  });

  it('is passed on to another tab, whose next save then does not undo it', () => {
    const s = new FakeStorage();
    const tabA = saveProgress(s, recordAttempt(freshProgress(), 'a', 50), ids).progress;
    let tabB = syncProgress(s, freshProgress(), ids).progress;
    expect(tabB).toEqual(tabA);
    clearProgress(s); // tab A resets
    const synced = syncProgress(s, tabB, ids); // tab B gets the storage event
    expect(synced).toEqual({ progress: freshProgress(), message: null, cleared: true });
    tabB = saveProgress(s, recordAttempt(synced.progress, 'b', 30), ids).progress;
    expect(tabB).toEqual(progressWith({ b: rec(30, 30, 1) }));
    expect(s.stored()).toEqual(tabB);
    // Nothing to clear: not reported as cleared.
    clearProgress(s);
    expect(syncProgress(s, freshProgress(), ids).cleared).toBe(false);
  });

  it('comes back from a tab that missed the event (the documented, accepted gap)', () => {
    const s = new FakeStorage();
    const tabB = saveProgress(s, recordAttempt(freshProgress(), 'a', 50), ids).progress;
    clearProgress(s); // tab A resets; tab B never hears of it
    saveProgress(s, recordAttempt(tabB, 'b', 30), ids);
    expect(Object.keys(s.stored().results).sort()).toEqual(['a', 'b']);
  });

  it('leaves the backup alone, and does nothing without storage', () => {
    const s = new FakeStorage({ [PROGRESS_KEY]: '{oops', [PROGRESS_BACKUP_KEY]: '{oops' });
    expect(clearProgress(s)).toBeNull();
    expect(s.data.get(PROGRESS_BACKUP_KEY)).toBe('{oops');
    expect(clearProgress(null)).toBeNull();
  });
});

describe('undoing a reset', () => {
  it('hands back everything the reset wiped, including exercises this version does not know', () => {
    const s = new FakeStorage({
      [PROGRESS_KEY]: item({ a: rec(70, 60, 2), newer: rec(90, 90, 1) }),
    });
    const page = loadProgress(s, ids).progress;
    expect(Object.keys(page.results)).toEqual(['a']);
    const { wiped, message } = resetProgress(s, recordAttempt(page, 'b', 40));
    expect(message).toBeNull();
    expect(s.data.has(PROGRESS_KEY)).toBe(false);
    expect(wiped).toEqual(
      progressWith({ a: rec(70, 60, 2), newer: rec(90, 90, 1), b: rec(40, 40, 1) }),
    );
    // Undo saves it all again; the page shows the exercises it knows.
    const restored = restoreProgress(s, wiped, freshProgress(), ids);
    expect(restored).toEqual({
      progress: progressWith({ a: rec(70, 60, 2), b: rec(40, 40, 1) }),
      message: null,
    });
    expect(s.stored()).toEqual(wiped);
  });

  it('keeps results recorded since the reset, here and in other tabs', () => {
    const s = new FakeStorage();
    const page = saveProgress(s, recordAttempt(freshProgress(), 'a', 50), ids).progress;
    const { wiped } = resetProgress(s, page);
    // After the reset, this page does 'a' again and another tab saves 'c'.
    const since = saveProgress(s, recordAttempt(freshProgress(), 'a', 80), ids).progress;
    saveProgress(s, recordAttempt(freshProgress(), 'c', 30), ids);
    const restored = restoreProgress(s, wiped, since, ids).progress;
    expect(restored.results.a).toEqual(rec(80, 80, 1));
    expect(restored.results.c).toEqual(rec(30, 30, 1));
    expect(s.stored()).toEqual(restored);
  });

  it('works without storage, and says so when the browser refuses', () => {
    const page = recordAttempt(freshProgress(), 'a', 50);
    const gone = resetProgress(null, page);
    expect(gone.wiped).toEqual(page);
    expect(restoreProgress(null, gone.wiped, freshProgress(), ids).progress).toEqual(page);
    const s = new FakeStorage();
    s.refuse = () => true;
    const refused = restoreProgress(s, page, freshProgress(), ids);
    expect(refused.progress).toEqual(page);
    expect(refused.message).toBe(REFUSED_SAVE_MESSAGE);
  });
});

describe('recording an attempt', () => {
  it('counts attempts, keeps the best and the last score, and leaves the input alone', () => {
    const p0 = freshProgress();
    const p1 = recordAttempt(p0, 'a', 60);
    const p2 = recordAttempt(p1, 'a', 40);
    expect(p0).toEqual(freshProgress());
    expect(p1.results.a).toEqual(rec(60, 60, 1));
    expect(p2.results.a).toEqual(rec(60, 40, 2));
    expect(recordAttempt(p2, 'a', 75).results.a).toEqual(rec(75, 75, 3));
  });
});

describe('progress saved before the route exercises were added', () => {
  // The ids of the nine exercises this version's list began with: results are kept by id.
  const before = EXERCISE_IDS.slice(0, 9);
  const added = EXERCISE_IDS.slice(9);

  it('loads whole with the longer list, and the new exercises start as not done', () => {
    expect(added.length).toBeGreaterThanOrEqual(3);
    const saved = Object.fromEntries(before.map((id, k) => [id, rec(50 + k, 40 + k, k + 1)]));
    const store = new FakeStorage({ [PROGRESS_KEY]: item(saved) });
    const loaded = loadProgress(store, EXERCISE_IDS);
    expect(loaded.message).toBeNull();
    expect(loaded.progress.results).toEqual(saved);
    for (const id of added) expect(loaded.progress.results[id]).toBeUndefined();
    // A first result of a new exercise is added beside the old ones, none of which change.
    const next = saveProgress(store, recordAttempt(loaded.progress, added[0]!, 88), EXERCISE_IDS);
    expect(next.message).toBeNull();
    expect(store.stored().results).toEqual({ ...saved, [added[0]!]: rec(88, 88, 1) });
    // A tab still running the older list keeps its results and does not drop the new one.
    const older = saveProgress(store, recordAttempt(loaded.progress, before[0]!, 99), before);
    expect(older.progress.results[added[0]!]).toBeUndefined();
    expect(store.stored().results[added[0]!]).toEqual(rec(88, 88, 1));
    expect(store.stored().results[before[0]!]).toEqual(rec(99, 99, 2));
  });
});
