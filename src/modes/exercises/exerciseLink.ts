/**
 * Which exercise the address asks for: `ex=6` (its number in the list, from 1) or `ex=metabolite`
 * (its id), beside the other parameters of the address (`mode=exercises`, the simulator's state),
 * in the fragment or, in older links, the query (src/lib/address.ts reads both). Choosing an
 * exercise writes its number back, so the address can be copied. Without `ex` the first exercise
 * opens, as before. Pure functions: the page reads and writes the address.
 */

/** The address parameter naming the exercise. */
export const EXERCISE_PARAM = 'ex';

/** What the address asks for: an exercise id, and a message when the request was not understood. */
export interface ExerciseRequest {
  /** id of the exercise to open; null when the address names none */
  id: string | null;
  /** why the first exercise opened instead of the one asked for, else null */
  message: string | null;
}

const strip = (s: string) => s.replace(/^[?#]/, '');

/** The message for an `ex` that names no exercise: it says what the address may hold. */
export function unknownExerciseMessage(raw: string, count: number): string {
  const shown = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return `This link asks for exercise "${shown}", which does not exist. Exercises are numbered 1 to ${count} (ex=1 to ex=${count} in the address), so the first exercise is open.`;
}

/**
 * Reads `ex` from the app's parameters (with or without a leading ? or #): a whole number from 1
 * to the number of exercises, or an exercise's id. Anything else opens the first exercise, with
 * a message naming the valid range.
 */
export function exerciseFromParams(
  params: string,
  exercises: readonly { id: string }[],
): ExerciseRequest {
  let raw: string | null;
  try {
    raw = new URLSearchParams(strip(params)).get(EXERCISE_PARAM);
  } catch {
    raw = null;
  }
  if (raw === null) return { id: null, message: null };
  const text = raw.trim();
  const first = exercises[0]?.id ?? null;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    const ex = n >= 1 ? exercises[n - 1] : undefined;
    if (ex) return { id: ex.id, message: null };
  } else {
    const ex = exercises.find((e) => e.id === text);
    if (ex) return { id: ex.id, message: null };
  }
  return { id: first, message: unknownExerciseMessage(text, exercises.length) };
}

/**
 * The fragment (starting with #) for the app's parameters with `ex` set to an exercise's number
 * (from 1); every other parameter is kept as it is.
 */
export function exerciseHref(params: string, number: number): string {
  if (!Number.isInteger(number) || number < 1)
    throw new RangeError(`An exercise's number starts at 1, not ${number}`);
  const p = new URLSearchParams(strip(params));
  p.set(EXERCISE_PARAM, String(number));
  return `#${p.toString()}`;
}
