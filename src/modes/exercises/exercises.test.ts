import { runScenario, validateScenario } from '../../registry';
import { simulatePopulation } from '../../registryApi';
import { describe, expect, it } from 'vitest';
import {
  applyHandle,
  areaBetween,
  completeDraft,
  coverage,
  curveStats,
  draftFromHandles,
  drawingTop,
  emptyDraft,
  formatMinutes,
  gridIndex,
  gridTimes,
  handleLabel,
  handleValues,
  paintSegment,
  peakInBand,
  scorePrediction,
  sig3,
  signedPercent,
  type Draft,
  type ExerciseGrid,
} from './exercises';
import { EXERCISES, EXERCISE_IDS, revealContext, seriesOf, type Exercise } from './exerciseSet';
import { cite } from '../../content/references';
import { mulberry32 } from '../../engine/rng';
import { halfLifeH } from '../../engine/curve';

const GRID: ExerciseGrid = { endMin: 100, stepMin: 1 };
const T = gridTimes(GRID);
/** A triangle peaking at `peak` at time `at`, 0 before `start` and after `end`. */
function triangle(start: number, at: number, end: number, peak: number): Float64Array {
  return T.map((t) =>
    t <= start || t >= end
      ? 0
      : t <= at
        ? (peak * (t - start)) / (at - start)
        : (peak * (end - t)) / (end - at),
  );
}

describe('grid', () => {
  it('runs from 0 to the end in steps, end included', () => {
    expect(T.length).toBe(101);
    expect(T[0]).toBe(0);
    expect(T[100]).toBe(100);
    expect(gridTimes({ endMin: 60, stepMin: 0.5 }).length).toBe(121);
  });
  it('finds the nearest grid point, clamped', () => {
    expect(gridIndex(GRID, 40.4)).toBe(40);
    expect(gridIndex(GRID, -5)).toBe(0);
    expect(gridIndex(GRID, 500)).toBe(100);
  });
});

describe('scoring', () => {
  const sim = triangle(0, 40, 100, 200);

  it('gives a perfect prediction 100 with no errors', () => {
    const s = scorePrediction(T, sim, sim, 30);
    expect(s.total).toBe(100);
    expect(s.areaRelError).toBe(0);
    expect(s.peakRelError).toBe(0);
    expect(s.timeErrorMin).toBe(0);
  });

  it('gives a flat-zero prediction 0', () => {
    const s = scorePrediction(T, new Float64Array(T.length), sim, 30);
    expect(s.areaRelError).toBeCloseTo(1, 12);
    expect(s.peakRelError).toBe(-1);
    expect(s.timeErrorMin).toBeNull();
    expect(s.total).toBe(0);
  });

  it('measures peak and time-of-peak errors', () => {
    // 20 % too high and 10 min late.
    const p = triangle(10, 50, 100, 240);
    const s = scorePrediction(T, p, sim, 40);
    expect(s.peakRelError).toBeCloseTo(0.2, 12);
    expect(s.timeErrorMin).toBe(10);
    expect(s.predicted.peak).toBe(240);
    expect(s.simulated.tPeakMin).toBe(40);
    expect(s.parts.peak).toBeCloseTo(0.8, 12);
    expect(s.parts.time).toBeCloseTo(0.75, 12);
    const early = scorePrediction(T, triangle(0, 25, 100, 200), sim, 40);
    expect(early.timeErrorMin).toBe(-15);
    expect(early.peakRelError).toBe(0);
  });

  it('is the area between the curves relative to the area under the simulation', () => {
    const doubled = sim.map((v) => 2 * v);
    const s = scorePrediction(T, doubled, sim, 30);
    expect(s.areaRelError).toBeCloseTo(1, 10);
    expect(s.parts.area).toBe(0);
    // peak 100 % off, time exact: 25 of 100
    expect(s.total).toBe(25);
    const half = scorePrediction(
      T,
      sim.map((v) => v / 2),
      sim,
      30,
    );
    expect(half.areaRelError).toBeCloseTo(0.5, 10);
    expect(half.total).toBe(Math.round(100 * (0.5 * 0.5 + 0.25 * 0.5 + 0.25)));
  });

  it('counts the area exactly where curves cross', () => {
    const t = [0, 60];
    // two triangles of base 30 min and height 2: 2 x (30 x 2 / 2) ng min/mL = 60 -> 1 ng h/mL
    expect(areaBetween(t, [0, 2], [2, 0])).toBeCloseTo(1, 12);
  });

  it('scores a closer prediction higher', () => {
    const near = scorePrediction(T, triangle(0, 42, 100, 190), sim, 30).total;
    const far = scorePrediction(T, triangle(0, 70, 100, 100), sim, 30).total;
    expect(near).toBeGreaterThan(far);
    expect(near).toBeLessThan(100);
  });

  it('times a plateau or equal peaks from the first', () => {
    const y = T.map((t) => ((t >= 20 && t <= 30) || (t >= 60 && t <= 70) ? 100 : 0));
    expect(curveStats(T, y).tPeakMin).toBe(20);
  });

  it('refuses curves on different grids', () => {
    expect(() => scorePrediction(T, new Float64Array(3), triangle(0, 40, 100, 1), 30)).toThrow();
  });

  it('places the predicted peak against the band', () => {
    const lo = triangle(0, 40, 100, 100);
    const hi = triangle(0, 40, 100, 300);
    expect(peakInBand(T, sim, lo, hi)?.position).toBe('inside');
    expect(peakInBand(T, triangle(0, 40, 100, 350), lo, hi)?.position).toBe('above');
    const below = peakInBand(T, triangle(0, 40, 100, 50), lo, hi)!;
    expect(below.position).toBe('below');
    expect(below.lo).toBe(100);
    expect(below.tMin).toBe(40);
    expect(peakInBand(T, new Float64Array(T.length), lo, hi)).toBeNull();
  });
});

describe('drawing and typing a prediction', () => {
  it('paints every grid point a stroke passes over, in either direction, never below 0', () => {
    let d = paintSegment(emptyDraft(GRID), GRID, 10.2, 0, 20.7, 105);
    expect(d[10]).toBeNull();
    expect(d[11]).toBeCloseTo((105 * 0.8) / 10.5, 10);
    expect(d[20]).toBeCloseTo((105 * 9.8) / 10.5, 10);
    expect(d[21]).toBeNull();
    d = paintSegment(d, GRID, 30, -50, 25, 10);
    expect(d[30]).toBe(0);
    expect(d[25]).toBe(10);
  });

  it('sets the nearest point for a stroke inside one grid step', () => {
    const d = paintSegment(emptyDraft(GRID), GRID, 40.1, 80, 40.3, 90);
    expect(d[40]).toBe(85);
  });

  it('needs half of the time axis before a prediction counts', () => {
    const d = paintSegment(emptyDraft(GRID), GRID, 0, 0, 40, 100);
    expect(coverage(d)).toBeCloseTo(0.4, 12);
    expect(completeDraft(d)).toBeNull();
    expect(completeDraft(paintSegment(d, GRID, 40, 100, 60, 50))).not.toBeNull();
  });

  it('joins gaps with straight lines, starts at 0 and holds the last value', () => {
    let d: Draft = emptyDraft(GRID);
    d[20] = 100;
    d[60] = 20;
    d[70] = 10;
    const c = completeDraft(d)!;
    expect(c[0]).toBe(0);
    expect(c[10]).toBe(50);
    expect(c[40]).toBe(60);
    expect(c[100]).toBe(10);
    d = emptyDraft(GRID);
    expect(completeDraft(d)).toBeNull();
  });

  it('joins a typed value to its neighbours and keeps the drawing elsewhere', () => {
    const handles = [20, 40, 60, 80, 100];
    let d = paintSegment(emptyDraft(GRID), GRID, 0, 0, 100, 100);
    d = applyHandle(d, GRID, handles, 1, 10);
    expect(d[40]).toBe(10);
    // a fall from 20 (drawn) to 10 (typed) is joined as an exponential decay
    expect(d[30]).toBeCloseTo(20 * Math.SQRT1_2, 12);
    expect(d[50]).toBe(35); // a rise is a straight line: halfway between 10 and 60
    expect(d[10]).toBe(10); // untouched drawing
    expect(d[70]).toBe(70);
    expect(handleValues(d, GRID, handles)).toEqual([20, 10, 60, 80, 100]);
  });

  it('joins the first typed value down to 0 at time 0', () => {
    const d = applyHandle(emptyDraft(GRID), GRID, [20, 60], 0, 100);
    expect(d[10]).toBe(50);
    expect(d[0]).toBeNull();
    expect(completeDraft(applyHandle(d, GRID, [20, 60], 1, 40))![0]).toBe(0);
  });

  it('gives the same prediction, and the same score, from drawing and from typing', () => {
    const handles = [10, 20, 30, 40, 60, 80, 100];
    const values = [50, 120, 180, 200, 90, 40, 10];
    const typed = completeDraft(draftFromHandles(GRID, handles, values))!;
    // A pointer tracing the typed curve, sampled once per grid step, paints the same array.
    let drawn = emptyDraft(GRID);
    for (let i = 1; i < T.length; i++)
      drawn = paintSegment(drawn, GRID, T[i - 1]!, typed[i - 1]!, T[i]!, typed[i]!);
    const fromDrawing = completeDraft(drawn)!;
    for (let i = 0; i < T.length; i++) expect(fromDrawing[i]).toBeCloseTo(typed[i]!, 9);
    const sim = triangle(0, 40, 100, 200);
    expect(scorePrediction(T, fromDrawing, sim, 30)).toEqual(scorePrediction(T, typed, sim, 30));
  });

  it('joins rising typed values with the straight lines a ruler would draw', () => {
    const handles = [10, 20, 30, 40, 100];
    const values = [50, 120, 180, 200, 200];
    const typed = completeDraft(draftFromHandles(GRID, handles, values))!;
    let drawn = emptyDraft(GRID);
    let prev = { t: 0, c: 0 };
    handles.forEach((t, k) => {
      drawn = paintSegment(drawn, GRID, prev.t, prev.c, t, values[k]!);
      prev = { t, c: values[k]! };
    });
    const fromDrawing = completeDraft(drawn)!;
    for (let i = 0; i < T.length; i++) expect(fromDrawing[i]).toBeCloseTo(typed[i]!, 9);
  });

  it('joins a typed fall as an exponential decay', () => {
    const typed = completeDraft(draftFromHandles(GRID, [50, 70, 90], [160, 40, 40]))!;
    expect(typed[60]).toBeCloseTo(80, 9); // halfway in time: halfway on a log scale
    expect(typed[25]).toBe(80); // the rise from 0 is straight
  });
});

describe('formatting', () => {
  it('writes 3 significant digits and readable times', () => {
    expect(sig3(253.06)).toBe('253');
    expect(sig3(4.1)).toBe('4.10');
    expect(sig3(0.02713)).toBe('0.0271');
    expect(sig3(0)).toBe('0');
    expect(sig3(Number.NaN)).toBe('-');
    expect(formatMinutes(40)).toBe('40 min');
    expect(formatMinutes(150)).toBe('2.5 h');
    expect(formatMinutes(2880)).toBe('2.0 days');
    expect(handleLabel(40, 240)).toBe('40 min');
    expect(handleLabel(90, 720)).toBe('1.5 h');
    expect(handleLabel(2880, 7200)).toBe('day 2');
    expect(handleLabel(2920, 7200)).toBe('day 2 + 40 min');
    expect(handleLabel(3600, 7200)).toBe('day 2 + 12 h');
    expect(handleLabel(6480, 7200)).toBe('day 4 + 12 h');
    expect(signedPercent(0.123)).toBe('+12 %');
    expect(signedPercent(-0.05)).toBe('−5 %');
    expect(signedPercent(0)).toBe('0 %');
  });
  it('rounds the drawing area up to a round number', () => {
    expect(drawingTop(253, 2.6)).toBe(800);
    expect(drawingTop(300, 1)).toBe(300);
    expect(drawingTop(101, 2.2)).toBe(250);
    expect(drawingTop(40, 2.5)).toBe(100);
    expect(drawingTop(0, 2)).toBe(1);
  });
});

/** The reference and answer curves of an exercise, on its grid, from the engine itself. */
function curvesOf(ex: Exercise) {
  const t = gridTimes(ex.grid);
  const base = runScenario(ex.baseline.scenario());
  if (!base.ok) throw new Error(base.problems.map((p) => p.message).join('; '));
  const baseline = seriesOf(base.result, ex.baseline.series, ex.grid);
  if (ex.answer.kind === 'run') {
    const ans = runScenario(ex.answer.scenario());
    if (!ans.ok) throw new Error(ans.problems.map((p) => p.message).join('; '));
    return { t, baseline, answer: seriesOf(ans.result, ex.answer.series, ex.grid) };
  }
  const pop = simulatePopulation(ex.answer.scenario(), {
    nPatients: 200,
    rng: mulberry32(ex.answer.seed),
    stepMin: ex.grid.stepMin,
    series: ['parent'],
  });
  if (!pop.ok) throw new Error('population failed');
  const cols = Object.values(pop.result.bands)[0]!;
  const at = (p: number) => cols[pop.result.percentiles.indexOf(p)]!;
  return {
    t,
    baseline,
    answer: at(ex.answer.percentile),
    band: { lo: at(5), median: at(50), hi: at(95), nPatients: 200 },
  };
}

describe('the exercises', () => {
  it('has at least 8 exercises with unique ids', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(EXERCISE_IDS).size).toBe(EXERCISES.length);
  });

  it('covers the principles the issue asks for', () => {
    const titles = EXERCISES.map((e) => e.title.toLowerCase()).join(' | ');
    for (const word of [
      'dose proportionality',
      'infusion duration',
      'bioavailability',
      'devices',
      'metabolite',
      'half-life',
      'variability',
      'effect-site lag',
    ])
      expect(titles).toContain(word);
  });

  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    '%s: valid scenarios, 8-12 handles on the grid, citations that resolve',
    (_id, ex) => {
      expect(validateScenario(ex.baseline.scenario()).ok).toBe(true);
      expect(validateScenario(ex.answer.scenario()).ok).toBe(true);
      expect(ex.handleTimesMin.length).toBeGreaterThanOrEqual(8);
      expect(ex.handleTimesMin.length).toBeLessThanOrEqual(12);
      ex.handleTimesMin.forEach((t, k) => {
        expect(t).toBeGreaterThan(0);
        expect(t).toBeLessThanOrEqual(ex.grid.endMin);
        expect(Math.abs(t / ex.grid.stepMin - Math.round(t / ex.grid.stepMin))).toBeLessThan(1e-9);
        if (k > 0) expect(t).toBeGreaterThan(ex.handleTimesMin[k - 1]!);
      });
      expect(ex.cite.length).toBeGreaterThan(0);
      for (const key of ex.cite) expect(cite(key).key).toBe(key);
      expect(ex.yLabel).toMatch(/\(ng\/mL\)$/);
    },
  );

  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    '%s: the answer fits the drawing area, is worth predicting, and is explained with real numbers',
    (_id, ex) => {
      const { t, baseline, answer, band } = curvesOf(ex);
      const top = drawingTop(curveStats(t, baseline).peak, ex.yMaxFactor);
      expect(curveStats(t, answer).peak).toBeLessThanOrEqual(top);
      // A perfect prediction scores 100; copying the reference curve does not.
      expect(revealContext(ex, t, baseline, answer, answer, band).score.total).toBe(100);
      const copy = revealContext(ex, t, baseline, answer, baseline, band);
      expect(copy.score.total).toBeLessThan(90);
      // Typing the answer's own values at the handles scores well.
      const atHandles = ex.handleTimesMin.map((h) => answer[gridIndex(ex.grid, h)]!);
      const typed = completeDraft(draftFromHandles(ex.grid, ex.handleTimesMin, atHandles))!;
      expect(revealContext(ex, t, baseline, answer, typed, band).score.total).toBeGreaterThan(60);
      const text = ex.explain(copy).join(' ');
      expect(text).not.toMatch(/NaN|undefined|Infinity|null| - ng/);
      expect(text).toMatch(/\d ng\/mL/);
      expect(text).toMatch(/simulation/i);
    },
  );

  it('explains dose doubling with the doubled peak', () => {
    const ex = EXERCISES.find((e) => e.id === 'dose-proportionality')!;
    const { t, baseline, answer } = curvesOf(ex);
    const ctx = revealContext(ex, t, baseline, answer, answer);
    expect(ctx.answerStats.peak / ctx.baselineStats.peak).toBeCloseTo(2, 6);
    expect(ctx.answerStats.tPeakMin).toBe(40);
    expect(ex.explain(ctx)[0]).toContain('2.00 times as high');
  });

  it('shows no accumulation across the course: the second peak equals the first', () => {
    const ex = EXERCISES.find((e) => e.id === 'course-washout')!;
    const { t, baseline, answer } = curvesOf(ex);
    const ctx = revealContext(ex, t, baseline, answer, answer);
    expect(ctx.answerStats.tPeakMin).toBe(40);
    const hl = halfLifeH(t, baseline, 360, 720);
    expect(hl).toBeGreaterThan(1);
    expect(hl).toBeLessThan(6);
    expect(ex.explain(ctx).join(' ')).toMatch(/does not accumulate/);
  });

  it('places the effect-site peak after the plasma peak', () => {
    for (const id of ['effect-site-lag', 'bolus-effect-site']) {
      const ex = EXERCISES.find((e) => e.id === id)!;
      const { t, baseline, answer } = curvesOf(ex);
      const ctx = revealContext(ex, t, baseline, answer, answer);
      expect(ctx.answerStats.tPeakMin!).toBeGreaterThan(ctx.baselineStats.tPeakMin!);
    }
  });

  it('checks the predicted peak against the band in the variability exercise', () => {
    const ex = EXERCISES.find((e) => e.id === 'variability')!;
    const { t, baseline, answer, band } = curvesOf(ex);
    const typical = revealContext(ex, t, baseline, answer, baseline, band);
    expect(typical.band?.check?.position).toBe('inside');
    const tooHigh = revealContext(
      ex,
      t,
      baseline,
      answer,
      answer.map((v) => v * 2),
      band,
    );
    expect(tooHigh.band?.check?.position).toBe('above');
    expect(ex.explain(tooHigh).join(' ')).toContain('above the top of the 5-95 % band');
  });
});
