/**
 * The one shape of a sourced statement, shared by every content module (clinical, mechanism,
 * patient, session). A test, src/content/cited.test.ts, walks every export of those modules and
 * checks each object that carries `cite`: its shape, that its keys resolve, and that its plain
 * words read at grade 8 or below.
 */

/** How the evidence for a statement was gathered; the mechanism panels show it as a badge. */
export type Evidence = 'humans' | 'animals' | 'debated';

/**
 * The same words at the simulator's two reading levels: `student` (technical) and `plain`
 * (reading grade 8 or below).
 */
export interface Levels {
  student: string;
  plain: string;
}

/**
 * A sourced statement: its words, at both reading levels, or as one plain string where the
 * reader is a patient, and the keys of the references it rests on (resolved by
 * src/content/references.ts), with, where it is shown, how the evidence was gathered.
 */
export interface Cited<T extends string | Levels = Levels> {
  text: T;
  cite: readonly string[];
  evidence?: Evidence;
}
