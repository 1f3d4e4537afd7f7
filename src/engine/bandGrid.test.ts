import { PRESETS, REGISTRY } from '../registry';
import { describe, expect, it } from 'vitest';
import {
  bandGrid,
  bandGridLength,
  COARSE_FRACTION,
  FINE_AFTER_DOSING_MIN,
  MAX_COARSE_STEP_MIN,
} from './bandGrid';
import { longestEsketamineCourse } from './courseScenarios';
import { dosingLengthMin, sessionStartsMin } from './regimen';
import { mulberry32 } from './rng';
import { outputGrid } from './run';
import type { Scenario } from './scenario';
import { simulatePopulation, type PopulationResult } from './variability';

const course26 = longestEsketamineCourse(PRESETS['esk-84']!);
const ivCourse = PRESETS['iv-course']!;

describe('bandGrid', () => {
  it('is the regular grid for a single session, whichever kind is asked for', () => {
    for (const s of [PRESETS['esk-84']!, PRESETS['iv-0.5']!]) {
      for (const step of [5, 7, 30]) {
        const regular = Array.from(outputGrid(s.options.endH * 60, step));
        expect(Array.from(bandGrid(s, step, 'sessions'))).toEqual(regular);
        expect(Array.from(bandGrid(s, step, 'regular'))).toEqual(regular);
        expect(bandGridLength(s, step, 'sessions')).toBe(regular.length);
      }
    }
  });

  it('for a course: points of the regular grid, fine in each session, and its length', () => {
    const rng = mulberry32(5);
    for (const base of [course26, ivCourse, PRESETS['esk-course']!]) {
      for (const step of [30, 5, 7, 45, 240]) {
        const endH = rng() < 0.5 ? base.options.endH : base.options.endH - 1.3;
        const s: Scenario = { ...base, options: { ...base.options, endH } };
        const endMin = endH * 60;
        const g = bandGrid(s, step, 'sessions');
        expect(bandGridLength(s, step, 'sessions')).toBe(g.length);
        expect(g[0]).toBe(0);
        expect(g[g.length - 1]).toBe(endMin);
        const regular = new Set(outputGrid(endMin, step));
        const longest = Math.max(step, MAX_COARSE_STEP_MIN);
        // Ascending, on the regular grid, no step longer than the longest coarse step.
        const bad = Array.from(g).filter(
          (t, k) => k > 0 && !(t > g[k - 1]! && regular.has(t) && t - g[k - 1]! <= longest),
        );
        expect(bad).toEqual([]);
        // Every point of the regular grid from the one at or before each session's start to
        // FINE_AFTER_DOSING_MIN after its last dose is a point.
        const points = new Set(g);
        const dosing = dosingLengthMin(s.regimen);
        const missing: number[] = [];
        for (const start of sessionStartsMin(s.regimen.schedule)) {
          const first = Math.floor(start / step + 1e-9) * step;
          for (let t = first; t <= start + dosing + FINE_AFTER_DOSING_MIN && t <= endMin; t += step)
            if (!points.has(t)) missing.push(t);
        }
        expect(missing).toEqual([]);
      }
    }
  });

  it('has 1387 points for the 26-week course at 30 min, against 8737 regular ones', () => {
    expect(bandGridLength(course26, 30, 'sessions')).toBe(1387);
    expect(bandGridLength(course26, 30, 'regular')).toBe(8737);
    expect(COARSE_FRACTION).toBe(0.15);
  });
});

/** The band on the regular 30-min grid and on the sessions grid, 200 patients, two series. */
function bands(s: Scenario): { regular: PopulationResult; sessions: PopulationResult } {
  const run = (grid: 'regular' | 'sessions') => {
    const r = simulatePopulation(REGISTRY, s, {
      nPatients: 200,
      rng: mulberry32(20201),
      stepMin: 30,
      series: ['parent', 'metabolite'],
      grid,
    });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    return r.result;
  };
  return { regular: run('regular'), sessions: run('sessions') };
}

/**
 * The largest gap, over every series and percentile and every point of the regular grid, between
 * the band there and the straight line the chart draws between the sessions grid's points: as a
 * fraction of the series' largest value (linear axis), and in decades (log axis: a straight line
 * between the logarithms, where both ends are within the four decades below the peak).
 */
function gaps({ regular, sessions }: ReturnType<typeof bands>): { linear: number; log: number } {
  let linear = 0;
  let log = 0;
  const g = sessions.tMin;
  for (const [series, rb] of Object.entries(regular.bands)) {
    const sb = sessions.bands[series as keyof typeof sessions.bands]!;
    const peak = Math.max(...rb.map((b) => Math.max(...b)));
    rb.forEach((band, j) => {
      let k = 0;
      regular.tMin.forEach((t, q) => {
        while (g[k + 1]! < t) k++;
        const f = (t - g[k]!) / (g[k + 1]! - g[k]!);
        const [a, b] = [sb[j]![k]!, sb[j]![k + 1]!];
        linear = Math.max(linear, Math.abs(a + (b - a) * f - band[q]!) / peak);
        if (Math.min(a, b, band[q]!) > peak / 1e4) {
          const line = Math.log10(a) + (Math.log10(b) - Math.log10(a)) * f;
          log = Math.max(log, Math.abs(line - Math.log10(band[q]!)));
        }
      });
    });
  }
  return { linear, log };
}

describe('a course band on the sessions grid', () => {
  it.each([
    ['the 26-week esketamine course', course26],
    ['the IV course', ivCourse],
  ])('%s: exact at its points, and within 0.3 % of the peak between them', (_, s) => {
    const b = bands(s);
    expect(Array.from(b.sessions.tMin)).toEqual(Array.from(bandGrid(s, 30, 'sessions')));
    expect(b.sessions.tMin.length).toBeLessThan(b.regular.tMin.length / 3);
    // At its own points the band is the regular band (both exact; the stepping differs, so to
    // rounding).
    const at = new Map(Array.from(b.regular.tMin, (t, q) => [t, q]));
    for (const [series, sb] of Object.entries(b.sessions.bands)) {
      const rb = b.regular.bands[series as keyof typeof b.regular.bands]!;
      sb.forEach((band, j) => {
        const off = band.filter((v, k) => {
          const want = rb[j]![at.get(b.sessions.tMin[k]!)!]!;
          return !(Math.abs(v - want) <= 1e-9 * Math.max(1, want));
        });
        expect(off.length).toBe(0);
      });
    }
    const { linear, log } = gaps(b);
    console.log(
      `${_}: largest gap ${(linear * 100).toFixed(3)} % of the peak, ${log.toFixed(4)} decades`,
    );
    expect(linear).toBeLessThan(0.003);
    expect(log).toBeLessThan(0.02);
  });

  it("puts every session's start and peak on the fine part", () => {
    const { regular } = bands(course26);
    const starts = sessionStartsMin(course26.regimen.schedule);
    const fineEnd = dosingLengthMin(course26.regimen) + FINE_AFTER_DOSING_MIN;
    for (const bandsOf of Object.values(regular.bands)) {
      for (const band of [bandsOf[0]!, bandsOf[2]!, bandsOf[4]!]) {
        starts.forEach((start, i) => {
          // The peak of the parent and of the metabolite between this session and the next.
          const until = starts[i + 1] ?? Infinity;
          let peakAt = start;
          regular.tMin.forEach((t, q) => {
            if (t >= start && t < until && band[q]! > band[regular.tMin.indexOf(peakAt)]!)
              peakAt = t;
          });
          expect(peakAt - start).toBeLessThanOrEqual(fineEnd);
        });
      }
    }
  });
});
