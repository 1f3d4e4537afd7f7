import { describe, expect, it } from 'vitest';
import { describeCurve, type CurveToDescribe } from './describeCurve';

// A curve on a 10 min grid: rises to 200 at 40 min, falls by half every 60 min after it.
const t = Array.from({ length: 25 }, (_, i) => i * 10);
const plasma = t.map((m) => (m <= 40 ? 5 * m : 200 * 0.5 ** ((m - 40) / 60)));
const effect = t.map((m) => (m <= 60 ? 2.5 * m : 150 * 0.5 ** ((m - 60) / 60)));
const curve: CurveToDescribe = {
  name: 'IV test',
  analyte: 'ketamine',
  tMin: t,
  plasma,
  effectSite: effect,
};

describe('the curve in words', () => {
  it('names the first peak, the time at or above the level, the fall below it, the effect site and the end', () => {
    const s = describeCurve(curve, { endMin: 240, unitText: 'ng/mL', level: 100 }).join(' ');
    expect(s).toContain('rises to a peak of 200 ng/mL at 40 min, then falls');
    // At or above 100 from 20 min to 100 min: 80 min; the fall below 100 is at 100 min.
    expect(s).toContain('at or above 100 ng/mL for 80 min in all');
    expect(s).toContain('falls below 100 ng/mL at 100 min');
    expect(s).toContain(
      'effect site (where the drug acts) peaks at 60 min, 20 min after plasma, at 150 ng/mL',
    );
    expect(s).toContain('At the end of the time shown (4.0 h) it is 19.8 ng/mL');
  });

  it('says when the level is never reached, and when the curve is still above it at the end', () => {
    expect(
      describeCurve(curve, { endMin: 240, unitText: 'ng/mL', level: 300 }).join(' '),
    ).toContain('It never reaches 300 ng/mL.');
    const short = describeCurve(curve, { endMin: 60, unitText: 'ng/mL', level: 100 }).join(' ');
    expect(short).toContain('still at or above 100 ng/mL at the end of the time shown');
  });

  it('describes only the time shown: a window that ends on the rise says the curve is still rising', () => {
    const s = describeCurve(curve, { endMin: 30, unitText: 'µM', level: 100 }).join(' ');
    expect(s).toContain('is still rising at the end of the time shown (30 min), at 150 µM');
    expect(s).not.toContain('a peak of');
  });

  it('names the peak by the first-peak rule (a later, clearly higher peak wins) and handles an empty curve', () => {
    const twice = {
      ...curve,
      plasma: plasma.map((v, i) => (t[i]! >= 180 ? v + 300 : v)),
      effectSite: null,
    };
    expect(describeCurve(twice, { endMin: 240, unitText: 'ng/mL', level: 100 }).join(' ')).toMatch(
      /a peak of 3\d\d ng\/mL at 3\.0 h/,
    );
    const none = { ...curve, plasma: t.map(() => 0) };
    expect(describeCurve(none, { endMin: 240, unitText: 'ng/mL', level: 100 })).toEqual([
      'IV test: no ketamine in plasma in the time shown.',
    ]);
  });
});
