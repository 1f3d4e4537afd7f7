import { describe, expect, it } from 'vitest';
import * as clinical from './clinical';
import * as exercises from '../modes/exercises/exerciseSet';
import * as lectures from '../modes/lecture/lectures';
import * as mechanism from './mechanism';
import * as patient from './patient';
import { SESSION_STEPS } from './session';

/** Every string reachable from a module's exports. */
function strings(value: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const v of Object.values(value)) strings(v, out, seen);
  }
  return out;
}

const texts = strings([clinical, exercises, lectures, mechanism, patient, SESSION_STEPS]);
/** The session steps' texts for patients and for the clinical panel. */
const steps = Object.values(SESSION_STEPS).flat();

describe('nasal device and spray wording (US label: one 28 mg device = 2 sprays, one per nostril; 5 min between devices)', () => {
  it('never calls a dose "2 or 3 sprays" or spaces sprays 5 minutes apart', () => {
    const wrong = texts.filter(
      (t) =>
        /\b(2|3|two|three) or (2|3|two|three) sprays\b/i.test(t) ||
        /\bsprays?,? (each )?5 min(utes)? apart\b/i.test(t) ||
        /\beach spray\b[^.]*\b5 min/i.test(t),
    );
    expect(wrong).toEqual([]);
  });

  it('says, for patients, that each device gives 2 sprays and that they wait 5 minutes between devices', () => {
    const plain = strings([patient, steps.map((s) => s.patient)]);
    expect(plain.some((t) => /each device gives 2 sprays/i.test(t))).toBe(true);
    expect(plain.some((t) => /2 or 3 small spray devices/i.test(t))).toBe(true);
    expect(plain.some((t) => /5 minutes after each device/i.test(t))).toBe(true);
  });

  it('gives students the device arithmetic: 56 mg = 2 devices (4 sprays), 84 mg = 3 devices (6 sprays)', () => {
    const student = strings([clinical, steps.map((s) => s.clinical)]);
    expect(
      student.some(
        (t) => /2 devices \(56 mg, 4 sprays\)/.test(t) && /3 devices \(84 mg, 6 sprays\)/.test(t),
      ),
    ).toBe(true);
  });
});
