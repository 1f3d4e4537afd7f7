/**
 * Exercise progress kept on the device (localStorage), written so that a student's results are
 * never lost by the app itself. No DOM here: the storage is passed in, so all of it is unit-tested
 * in Node.
 *
 * Why each rule exists:
 *
 * - Reading checks record by record. One damaged record (a hand edit, a half-written value, a bug
 *   in an older version) costs only that record; the good ones are kept and shown.
 * - Whatever cannot be read is copied, as the raw stored text, to a backup key before anything
 *   can overwrite it: the whole item when it cannot be read at all (not JSON, another version,
 *   no results), and also the whole item when single records had to be set aside. There is one
 *   backup key; it is written only when it does not already hold that same text. A later, different
 *   unreadable item replaces an earlier backup (kept simple on purpose: the backup is for a person
 *   to recover by hand, and a second, different damage is rare). If the backup cannot be written,
 *   saving refuses to overwrite the unreadable item rather than destroy it.
 * - Saving merges: it reads what is stored now (another tab or window may have saved since this
 *   page loaded), merges it record by record with the page's progress, writes the merge and hands
 *   it back, so the page shows it. Per exercise the merge keeps the higher best score and the
 *   higher number of attempts, and the last score of the record with more attempts (on a tie, the
 *   side that is newer: the saving page when saving, the stored item when re-reading after another
 *   tab saved). Two tabs each saving a different exercise therefore end with both stored. A good
 *   stored record is never dropped by a save, even one of an exercise this version does not know
 *   (a newer version in another tab may have it); such records stay stored but are not shown.
 * - The page re-reads after a `storage` event for the progress key (see `isProgressChange`) with
 *   `syncProgress`, which merges and writes the merge back only if the stored item lacks something
 *   the page holds. That write-back matters: browsers do not lock localStorage between tabs, and a
 *   tab may read it a moment before another tab's write reaches it (a browser may keep a copy per
 *   page that is brought up to date along with the event), so two saves in the same instant can
 *   still drop a record; the tab whose record was dropped puts it back when the other tab's event
 *   arrives. Merges only ever raise best scores and attempts, so tabs writing back soon agree and
 *   stop writing.
 *
 * Reset: "Reset my progress" (after the page asked for confirmation) removes the stored item and
 * the page empties its own progress, so a later save from that page cannot bring the records back.
 * `resetProgress` hands back everything it wiped (the stored records, also those of exercises this
 * version does not know, merged with the page's), so that Undo can save them again
 * (`restoreProgress`, an ordinary merging save: results recorded since the reset are kept). Other open tabs get a `storage` event
 * for the removal, and `syncProgress` then empties their progress too. The remaining gap, accepted
 * and not covered: a tab that misses that event (a page frozen in the browser's back/forward cache,
 * or one saving in the same instant) still holds the old records, and its next save merges them
 * back. A `resetAt` time stamp could close it, but would need a time on every record and a stored
 * item after a reset; the simpler removal was chosen.
 *
 * Refused storage (private browsing, a full quota, storage switched off) never stops the page: the
 * functions report a message and the progress lasts for the visit.
 */

/** The key of the stored progress. Its version is part of the name and of the value. */
export const PROGRESS_KEY = 'ketamine-sim.exercises.v1';
/** The key holding the raw text of a stored item that could not be fully read. */
export const PROGRESS_BACKUP_KEY = `${PROGRESS_KEY}.backup`;
export const PROGRESS_VERSION = 1;

export interface ExerciseRecord {
  /** best total score, 0-100 */
  best: number;
  /** last total score, 0-100 */
  last: number;
  /** number of scored attempts, at least 1 */
  attempts: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  results: Record<string, ExerciseRecord>;
}

/** Progress and, when something went wrong, a plain-English message for the page to show. */
export interface ProgressResult {
  progress: Progress;
  message: string | null;
}

/** What `syncProgress` gives: also whether another tab cleared the progress this page showed. */
export interface SyncResult extends ProgressResult {
  cleared: boolean;
}

export function freshProgress(): Progress {
  return { version: PROGRESS_VERSION, results: {} };
}

// Messages (plain English: the page is used by students and patients).

export const REFUSED_LOAD_MESSAGE =
  'This browser does not allow saving on the device: progress lasts for this visit.';
export const NO_STORAGE_MESSAGE = 'This browser does not allow saving on the device.';
export const REFUSED_SAVE_MESSAGE =
  'Your progress could not be saved on this device (the browser refused); it lasts for this visit.';
export const REFUSED_CLEAR_MESSAGE =
  'The saved progress could not be cleared (the browser refused).';
export const DAMAGED_PROGRESS_MESSAGE =
  'The exercise progress saved on this device could not be read, so the exercises start afresh. A copy of it was kept on this device.';
/** As above, when even the copy could not be written. */
export const DAMAGED_NOT_COPIED_MESSAGE =
  'The exercise progress saved on this device could not be read, so the exercises start afresh.';
export const DAMAGED_ELSEWHERE_MESSAGE =
  'Progress saved in another tab or window could not be read, so this page keeps its own results. A copy of it was kept on this device.';
/** As above, when even the copy could not be written. */
export const DAMAGED_ELSEWHERE_NOT_COPIED_MESSAGE =
  'Progress saved in another tab or window could not be read, so this page keeps its own results.';
export const NOT_OVERWRITTEN_MESSAGE =
  'Your progress was not saved on this device, so as not to overwrite earlier saved progress that could not be read; it lasts for this visit.';

/**
 * The message for records that could not be read: how many, and whether any good ones remain.
 * `setAside` says whether a copy of the stored text is kept.
 */
export function badRecordsMessage(bad: number, kept: number, setAside: boolean): string {
  const what = bad === 1 ? '1 saved exercise result' : `${bad} saved exercise results`;
  const was = bad === 1 ? 'was' : 'were';
  const rest = kept > 0 ? 'the others are kept.' : 'the exercises start afresh.';
  return setAside
    ? `${what} could not be read and ${was} set aside; ${rest}`
    : `${what} could not be read; ${rest}`;
}

// Reading the stored item

const isScore = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One stored record checked field by field; null if any field is wrong. */
function parseRecord(rec: unknown): ExerciseRecord | null {
  if (!isPlainObject(rec)) return null;
  const { best, last, attempts } = rec;
  if (!isScore(best) || !isScore(last) || best < last) return null;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 1) return null;
  return { best, last, attempts };
}

/** The stored item, read and checked. */
type StoredItem =
  | { state: 'refused' }
  | { state: 'none' }
  | { state: 'unreadable'; raw: string }
  /** `records` holds every good record, of known exercises or not; `bad` counts the others. */
  | { state: 'readable'; raw: string; records: Map<string, ExerciseRecord>; bad: number };

function readStored(storage: Pick<Storage, 'getItem'>): StoredItem {
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { state: 'refused' };
  }
  if (raw === null) return { state: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { state: 'unreadable', raw };
  }
  if (!isPlainObject(data) || data.version !== PROGRESS_VERSION || !isPlainObject(data.results))
    return { state: 'unreadable', raw };
  const records = new Map<string, ExerciseRecord>();
  let bad = 0;
  for (const [id, rec] of Object.entries(data.results)) {
    const good = parseRecord(rec);
    if (good) records.set(id, good);
    else bad++;
  }
  return { state: 'readable', raw, records, bad };
}

/**
 * Copies the raw stored text to the backup key, unless the backup already holds that text.
 * Returns whether a copy is now kept.
 */
function keepBackup(storage: Pick<Storage, 'getItem' | 'setItem'>, raw: string): boolean {
  try {
    if (storage.getItem(PROGRESS_BACKUP_KEY) !== raw) storage.setItem(PROGRESS_BACKUP_KEY, raw);
    return true;
  } catch {
    return false;
  }
}

// Merging

/** Two records of one exercise merged; `newer` gives the last score when attempts are equal. */
export function mergeRecord(older: ExerciseRecord, newer: ExerciseRecord): ExerciseRecord {
  return {
    best: Math.max(older.best, newer.best),
    last: older.attempts > newer.attempts ? older.last : newer.last,
    attempts: Math.max(older.attempts, newer.attempts),
  };
}

/** Two sets of records merged record by record (see `mergeRecord`); none is ever dropped. */
function mergeRecords(
  older: ReadonlyMap<string, ExerciseRecord>,
  newer: ReadonlyMap<string, ExerciseRecord>,
): Map<string, ExerciseRecord> {
  const out = new Map(older);
  for (const [id, rec] of newer) {
    const before = out.get(id);
    out.set(id, before ? mergeRecord(before, rec) : rec);
  }
  return out;
}

/** Two progress values merged record by record; `newer` gives the last score on a tie. */
export function mergeProgress(older: Progress, newer: Progress): Progress {
  return progressOf(mergeRecords(recordsOf(older), recordsOf(newer)), null);
}

/** Whether two sets of records hold the same exercises with the same values. */
function sameRecords(
  a: ReadonlyMap<string, ExerciseRecord>,
  b: ReadonlyMap<string, ExerciseRecord>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || x.best !== y.best || x.last !== y.last || x.attempts !== y.attempts) return false;
  }
  return true;
}

function recordsOf(progress: Progress): Map<string, ExerciseRecord> {
  return new Map(Object.entries(progress.results));
}

/** Progress from records, keeping only the exercises in `knownIds` (all when null). */
function progressOf(
  records: ReadonlyMap<string, ExerciseRecord>,
  knownIds: readonly string[] | null,
): Progress {
  const entries = [...records].filter(([id]) => knownIds === null || knownIds.includes(id));
  return { version: PROGRESS_VERSION, results: Object.fromEntries(entries) };
}

// What the page calls

/**
 * Reads the progress for the page. Nothing stored: a fresh start, no message. Unreadable as a
 * whole: a fresh start, the raw text copied to the backup key, and a message. Some bad records:
 * the good ones kept, the raw text copied to the backup key, and a message saying how many were
 * set aside. Records of exercises not in `knownIds` are not shown (they stay stored).
 */
export function loadProgress(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  knownIds: readonly string[],
): ProgressResult {
  // No storage at all (the browser refuses it): say so at once, not only after the first result.
  if (!storage) return { progress: freshProgress(), message: REFUSED_LOAD_MESSAGE };
  const item = readStored(storage);
  switch (item.state) {
    case 'refused':
      return { progress: freshProgress(), message: REFUSED_LOAD_MESSAGE };
    case 'none':
      return { progress: freshProgress(), message: null };
    case 'unreadable':
      return {
        progress: freshProgress(),
        message: keepBackup(storage, item.raw)
          ? DAMAGED_PROGRESS_MESSAGE
          : DAMAGED_NOT_COPIED_MESSAGE,
      };
    case 'readable': {
      const progress = progressOf(item.records, knownIds);
      if (item.bad === 0) return { progress, message: null };
      const copied = keepBackup(storage, item.raw);
      return { progress, message: badRecordsMessage(item.bad, item.records.size, copied) };
    }
  }
}

/**
 * Saves the page's progress merged with what is stored now, and returns the merge for the page
 * to show (with a message if the browser refused). An item that is not fully readable is copied
 * to the backup key first; if that copy cannot be made, nothing is written. On any refusal the
 * returned progress still holds everything the page had, so nothing is lost for the visit.
 */
export function saveProgress(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  progress: Progress,
  knownIds: readonly string[],
): ProgressResult {
  if (!storage) return { progress, message: NO_STORAGE_MESSAGE };
  const item = readStored(storage);
  if (item.state === 'refused') return { progress, message: REFUSED_SAVE_MESSAGE };
  const damaged = item.state === 'unreadable' || (item.state === 'readable' && item.bad > 0);
  if (damaged && !keepBackup(storage, item.raw))
    return { progress, message: NOT_OVERWRITTEN_MESSAGE };
  const stored = item.state === 'readable' ? item.records : new Map<string, ExerciseRecord>();
  const merged = mergeRecords(stored, recordsOf(progress));
  const shown = progressOf(merged, knownIds);
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progressOf(merged, null)));
  } catch {
    return { progress: shown, message: REFUSED_SAVE_MESSAGE };
  }
  return { progress: shown, message: null };
}

/**
 * After another tab or window changed the stored progress: the page's progress merged with what
 * is stored now. The merge is written back only if the stored item lacks something the page holds
 * (see the module comment for why), after a copy of any bad records was kept; a refused write
 * gives the usual message. If the stored item is gone, another tab reset the progress
 * (or the browser's data was cleared), so the page's progress is emptied too and `cleared` says
 * whether there was anything to empty; this keeps a reset from coming back with this page's next
 * save. An unreadable item leaves the page's progress as it is, with a copy kept and a message.
 */
export function syncProgress(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  progress: Progress,
  knownIds: readonly string[],
): SyncResult {
  if (!storage) return { progress, message: null, cleared: false };
  const item = readStored(storage);
  switch (item.state) {
    case 'refused':
      return { progress, message: null, cleared: false };
    case 'none':
      return {
        progress: freshProgress(),
        message: null,
        cleared: Object.keys(progress.results).length > 0,
      };
    case 'unreadable':
      return {
        progress,
        message: keepBackup(storage, item.raw)
          ? DAMAGED_ELSEWHERE_MESSAGE
          : DAMAGED_ELSEWHERE_NOT_COPIED_MESSAGE,
        cleared: false,
      };
    case 'readable': {
      const merged = mergeRecords(recordsOf(progress), item.records);
      const shown = progressOf(merged, knownIds);
      const copied = item.bad === 0 || keepBackup(storage, item.raw);
      let message = item.bad === 0 ? null : badRecordsMessage(item.bad, item.records.size, copied);
      if (copied && !sameRecords(merged, item.records)) {
        try {
          storage.setItem(PROGRESS_KEY, JSON.stringify(progressOf(merged, null)));
        } catch {
          message = REFUSED_SAVE_MESSAGE;
        }
      }
      return { progress: shown, message, cleared: false };
    }
  }
}

/**
 * Whether a `storage` event with this key concerns the progress: its own key, or null, which is
 * what the event carries when the whole storage was cleared.
 */
export function isProgressChange(key: string | null): boolean {
  return key === null || key === PROGRESS_KEY;
}

/** Clears saved progress; returns a message if the browser refused. The backup is left alone. */
export function clearProgress(storage: Pick<Storage, 'removeItem'> | null): string | null {
  if (!storage) return null;
  try {
    storage.removeItem(PROGRESS_KEY);
    return null;
  } catch {
    return REFUSED_CLEAR_MESSAGE;
  }
}

/** Progress with one more attempt at an exercise. */
export function recordAttempt(progress: Progress, id: string, total: number): Progress {
  const before = progress.results[id];
  const rec: ExerciseRecord = before
    ? { best: Math.max(before.best, total), last: total, attempts: before.attempts + 1 }
    : { best: total, last: total, attempts: 1 };
  return { version: PROGRESS_VERSION, results: { ...progress.results, [id]: rec } };
}

/** What a reset wiped, for Undo, and a message if the browser refused to clear. */
export interface ResetResult {
  /** every record the reset removed: the stored ones (of any exercise) and the page's */
  wiped: Progress;
  message: string | null;
}

/**
 * Clears the saved progress (see `clearProgress`) after reading what it held, so the reset can be
 * undone. A stored item that cannot be read is not kept here (its text is in the backup key
 * already, copied when it was first read); the page's own records are.
 */
export function resetProgress(
  storage: Pick<Storage, 'getItem' | 'removeItem'> | null,
  progress: Progress,
): ResetResult {
  const item = storage ? readStored(storage) : null;
  const stored = item?.state === 'readable' ? item.records : new Map<string, ExerciseRecord>();
  const wiped = progressOf(mergeRecords(stored, recordsOf(progress)), null);
  return { wiped, message: clearProgress(storage) };
}

/**
 * Undoes a reset: saves the records it wiped merged with the page's progress now (results
 * recorded since the reset are kept; per exercise the higher best score and number of attempts
 * win), and returns what the page shows, as `saveProgress` does.
 */
export function restoreProgress(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  wiped: Progress,
  progress: Progress,
  knownIds: readonly string[],
): ProgressResult {
  return saveProgress(storage, mergeProgress(wiped, progress), knownIds);
}
