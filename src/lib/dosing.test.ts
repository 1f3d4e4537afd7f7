import { PRESETS } from '../registry';
import { describe, expect, it } from 'vitest';
import { dosingWindows, sinceDosingEnded } from './dosing';

describe('dosing windows', () => {
  it('ends a 40 min infusion at 40 min, and three devices 5 min apart at 10 min', () => {
    expect(dosingWindows(PRESETS['iv-0.5']!)).toEqual([{ start: 0, end: 40 }]);
    expect(dosingWindows(PRESETS['esk-84']!)).toEqual([{ start: 0, end: 10 }]);
  });

  it('places a time relative to the latest session of a course', () => {
    const course = PRESETS['iv-course']!;
    expect(sinceDosingEnded(course, 20)).toEqual({ minutes: -20, session: 1 });
    expect(sinceDosingEnded(course, 2 * 1440 + 100)).toEqual({ minutes: 60, session: 2 });
  });
});
