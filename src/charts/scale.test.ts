/**
 * The chart core's scales against d3-scale, which the charts used before (d3 is now only a
 * development dependency, kept for this comparison): the same ticks, nice domains and mappings
 * over many random domains, so the axes look as they did.
 */
import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleLog } from 'd3';
import { axisMap } from './chartMath';
import { linearScale, linearTicks, logScale, logTicks, niceDomain } from './scale';

/** A small seeded generator, so a failure can be replayed. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const random = generator(20261202);
/** A value of random magnitude, 1e-4 to 1e5. */
const anyValue = () => 10 ** (random() * 9 - 4) * (0.5 + random());
const domains: [number, number][] = Array.from({ length: 400 }, () => {
  const a = random() < 0.3 ? 0 : anyValue();
  const b = a + anyValue();
  return random() < 0.2 ? [b, a] : [a, b];
});
const counts = [1, 2, 3, 4, 5, 7, 10, 12];

describe('linear ticks', () => {
  it('are the ticks d3 gives, for 400 random domains and 8 tick counts', () => {
    let compared = 0;
    for (const [a, b] of domains)
      for (const n of counts) {
        expect(linearTicks(a, b, n), `${a}..${b} n=${n}`).toEqual(
          scaleLinear().domain([a, b]).ticks(n),
        );
        compared++;
      }
    expect(compared).toBe(3200);
  });

  it('are round steps of 1, 2 or 5 inside the domain', () => {
    expect(linearTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(linearTicks(0, 1, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0.03, 0.31, 3)).toEqual([0.1, 0.2, 0.3]);
    expect(linearTicks(10, 0, 2)).toEqual([10, 5, 0]);
    expect(linearTicks(3, 3, 5)).toEqual([3]);
    expect(linearTicks(0, 1, 0)).toEqual([]);
  });
});

describe('nice domains', () => {
  it('are the domains d3 nice() gives, for 400 random domains', () => {
    for (const [a, b] of domains)
      expect(niceDomain(a, b), `${a}..${b}`).toEqual(scaleLinear().domain([a, b]).nice().domain());
  });

  it('widen to whole steps', () => {
    expect(niceDomain(0, 237)).toEqual([0, 240]);
    expect(niceDomain(0.013, 0.87)).toEqual([0, 0.9]);
  });
});

describe('log ticks', () => {
  const logDomains = domains.filter(([a, b]) => a > 0 && b > 0);

  it('are the ticks d3 gives, for random positive domains', () => {
    expect(logDomains.length).toBeGreaterThan(200);
    for (const [a, b] of logDomains)
      for (const n of [2, 4, 10])
        expect(logTicks(a, b, n), `${a}..${b} n=${n}`).toEqual(scaleLog().domain([a, b]).ticks(n));
  });

  it('are decades over a wide span and 1-9 per decade over a narrow one', () => {
    expect(logTicks(0.01, 1e5, 4)).toEqual([0.01, 1, 100, 1e4]);
    expect(logTicks(1, 100, 4)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100,
    ]);
    expect(logTicks(0, 10, 4)).toEqual([]);
  });
});

describe('scales', () => {
  it('map and invert as d3 does, linear and log, clamped or not', () => {
    for (const [a, b] of domains.slice(0, 100)) {
      const ours = linearScale([a, b], [300, 0], { nice: true });
      const theirs = scaleLinear().domain([a, b]).range([300, 0]).nice();
      for (const v of [a, b, (a + b) / 2, 2 * b - a]) expect(ours(v)).toBeCloseTo(theirs(v), 9);
      expect(ours.invert(120)).toBeCloseTo(theirs.invert(120), 9);
      expect(ours.domain()).toEqual(theirs.domain());
      if (a > 0 && b > 0) {
        const ol = logScale([a, b], [0, 500], { clamp: true });
        const tl = scaleLog().domain([a, b]).range([0, 500]).clamp(true);
        for (const v of [a, b, Math.sqrt(a * b), a / 10, b * 10])
          expect(ol(v)).toBeCloseTo(tl(v), 9);
        expect(ol.invert(250) / tl.invert(250)).toBeCloseTo(1, 12);
      }
    }
  });

  it('puts every value of a zero-width domain in the middle of the range', () => {
    expect(linearScale([5, 5], [0, 100])(7)).toBe(50);
  });

  it('clamps only when asked', () => {
    expect(logScale([1, 100], [0, 200])(1000)).toBeCloseTo(300, 9);
    expect(logScale([1, 100], [0, 200], { clamp: true })(1000)).toBe(200);
  });

  it('agree with the AxisMap the curves are drawn with (chartMath.axisMap)', () => {
    const lin = linearScale([0, 237], [264, 0], { nice: true });
    const m = axisMap(lin.domain(), lin.range());
    for (const v of [0, 50, 199.5]) expect(m.a * v + m.b).toBeCloseTo(lin(v), 9);
    const log = logScale([0.3, 4000], [264, 0]);
    const ml = axisMap(log.domain(), log.range(), true);
    for (const v of [0.3, 7, 4000]) expect(ml.a * Math.log(v) + ml.b).toBeCloseTo(log(v), 9);
  });
});
