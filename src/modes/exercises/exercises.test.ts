import { ivScenario, nasalScenario, runScenario, validateScenario } from '../../registry';
import { simulatePopulation } from '../../registryApi';
import { describe, expect, it } from 'vitest';
import {
  MEASURES,
  SCORE_WEIGHTS,
  applyHandle,
  areaBetween,
  compared,
  completeDraft,
  coverage,
  curveStats,
  draftFromHandles,
  drawingTop,
  emptyDraft,
  feedbackText,
  formatMinutes,
  gridIndex,
  gridTimes,
  handleLabel,
  handleValues,
  paintSegment,
  peakInBand,
  scorePrediction,
  shareText,
  sig3,
  signedPercent,
  type Draft,
  type ExerciseGrid,
} from './exercises';
import { EXERCISES, EXERCISE_IDS, revealContext, seriesOf, type Exercise } from './exerciseSet';
import type { Scenario } from '../../engine/scenario';
import { cite } from '../../content/references';
import { mulberry32 } from '../../engine/rng';
import { halfLifeH, valueAtClamped } from '../../engine/curve';

const GRID: ExerciseGrid = { endMin: 100, stepMin: 1 };
/** A ratio as the explanations write it. */
const ratio2 = (v: number) => v.toFixed(2);
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
  // The principle of these cases: the dose doubles. The peak and the area double; the time of the
  // peak stays.
  const ref = triangle(0, 40, 100, 100);
  const sim = triangle(0, 40, 100, 200);
  const score = (p: Float64Array, tol = 30) => scorePrediction(T, p, sim, ref, tol);

  it('gives the exact answer 100, with no error in any measure', () => {
    const s = score(sim);
    expect(s.total).toBe(100);
    expect(s.progress).toBe(1);
    expect(s.closeness).toBe(1);
    for (const m of MEASURES) expect(s.parts[m].error).toBe(0);
    expect(s.areaRelError).toBe(0);
    expect(s.peakRelError).toBe(0);
    expect(s.timeErrorMin).toBe(0);
  });

  it('gives the reference, drawn unchanged, none of the points for the change', () => {
    const s = score(ref);
    expect(s.progress).toBe(0);
    for (const m of MEASURES) expect(s.parts[m].error).toBe(s.parts[m].change);
    expect(s.total).toBe(Math.round(100 * SCORE_WEIGHTS.curve * s.closeness));
    expect(s.total).toBeLessThanOrEqual(100 * SCORE_WEIGHTS.curve);
    expect(s.reference.peak).toBe(100);
  });

  it('weights each measure by how much the principle changes it', () => {
    const { parts } = score(ref);
    // Doubling: peak, area and the whole curve are each a third apart (|1 - 2| / (1 + 2)).
    for (const m of ['curve', 'area', 'peak'] as const) {
      expect(parts[m].change).toBeCloseTo(1 / 3, 10);
      expect(parts[m].weight).toBeCloseTo(1 / 3, 10);
      expect(parts[m].changed).toBe(true);
    }
    // The time of the peak does not change: it carries no weight, and has no share to earn.
    expect(parts.time.change).toBe(0);
    expect(parts.time.weight).toBe(0);
    expect(parts.time.changed).toBe(false);
    expect(parts.time.share).toBeNull();
  });

  it('scores a prediction half-way between the reference and the answer about half', () => {
    const s = score(triangle(0, 40, 100, 150));
    expect(s.parts.peak.share!).toBeGreaterThan(0.4);
    expect(s.parts.peak.share!).toBeLessThan(0.7);
    expect(s.total).toBeGreaterThan(score(ref).total);
    expect(s.total).toBeGreaterThan(40);
    expect(s.total).toBeLessThan(70);
  });

  it('scores a change the wrong way below the reference drawn unchanged', () => {
    const wrong = score(triangle(0, 40, 100, 50));
    expect(wrong.progress).toBeLessThan(0);
    expect(wrong.parts.peak.share!).toBeLessThan(0);
    expect(wrong.total).toBeLessThan(score(ref).total);
  });

  it('costs points for moving a measure the principle leaves as it was', () => {
    // The doubled curve, but with its peak 10 min late.
    const late = score(triangle(10, 50, 100, 200), 40);
    expect(late.parts.time.error).toBeCloseTo(10 / 40, 12);
    expect(late.parts.time.share).toBeNull();
    expect(late.total).toBeLessThan(90);
    // The reference moved later scores below the reference itself.
    expect(score(triangle(10, 50, 100, 100), 40).total).toBeLessThan(score(ref, 40).total);
  });

  it('gives a flat line at 0 nothing', () => {
    const s = score(new Float64Array(T.length));
    expect(s.timeErrorMin).toBeNull();
    for (const m of MEASURES) expect(s.parts[m].error).toBe(1);
    expect(s.closeness).toBe(0);
    expect(s.total).toBe(0);
  });

  it('measures values as their difference over their sum, and time against the tolerance', () => {
    // 20 % too high and 10 min late.
    const s = score(triangle(10, 50, 100, 240), 40);
    expect(s.peakRelError).toBeCloseTo(0.2, 12);
    expect(s.parts.peak.error).toBeCloseTo(40 / 440, 12);
    expect(s.timeErrorMin).toBe(10);
    expect(s.predicted.peak).toBe(240);
    expect(s.simulated.tPeakMin).toBe(40);
    const a = s.predicted.aucNgHPerMl;
    const b = s.simulated.aucNgHPerMl;
    expect(s.parts.area.error).toBeCloseTo(Math.abs(a - b) / (a + b), 12);
    expect(s.parts.curve.error).toBeCloseTo(s.gapNgHPerMl.predicted / (a + b), 12);
    expect(s.areaRelError).toBeCloseTo(s.gapNgHPerMl.predicted / b, 12);
    // A peak more than the tolerance off is as wrong in time as can be, and no worse.
    expect(score(triangle(0, 95, 100, 200), 30).parts.time.error).toBe(1);
    const early = score(triangle(0, 25, 100, 200), 40);
    expect(early.timeErrorMin).toBe(-15);
    expect(early.peakRelError).toBe(0);
  });

  it('counts the area exactly where curves cross', () => {
    const t = [0, 60];
    // two triangles of base 30 min and height 2: 2 x (30 x 2 / 2) ng min/mL = 60 -> 1 ng h/mL
    expect(areaBetween(t, [0, 2], [2, 0])).toBeCloseTo(1, 12);
  });

  it('scores a closer prediction higher', () => {
    const near = score(triangle(0, 42, 100, 190)).total;
    const far = score(triangle(0, 70, 100, 120)).total;
    expect(near).toBeGreaterThan(far);
    expect(near).toBeLessThan(100);
  });

  it('with a reference equal to the answer, counts only the exact answer as progress', () => {
    expect(scorePrediction(T, sim, sim, sim, 30).progress).toBe(1);
    const off = scorePrediction(T, ref, sim, sim, 30);
    expect(off.progress).toBe(0);
    expect(off.total).toBeLessThanOrEqual(100 * SCORE_WEIGHTS.curve);
  });

  it('times a plateau or equal peaks from the first', () => {
    const y = T.map((t) => ((t >= 20 && t <= 30) || (t >= 60 && t <= 70) ? 100 : 0));
    expect(curveStats(T, y).tPeakMin).toBe(20);
  });

  it('refuses curves on different grids, a simulation at 0 and a tolerance of 0', () => {
    expect(() => scorePrediction(T, new Float64Array(3), sim, ref, 30)).toThrow(/same grid/);
    expect(() => scorePrediction(T, sim, sim, new Float64Array(3), 30)).toThrow(/same grid/);
    expect(() => scorePrediction(T, sim, new Float64Array(T.length), ref, 30)).toThrow(
      /0 everywhere/,
    );
    expect(() => scorePrediction(T, sim, sim, ref, 0)).toThrow(/tolerance/);
  });

  it('says how much of each change was predicted', () => {
    const s = score(triangle(0, 40, 100, 150));
    expect(shareText(s.parts.peak)).toBe(`${Math.round(s.parts.peak.share! * 100)} %`);
    expect(shareText(score(triangle(0, 40, 100, 50)).parts.peak)).toMatch(/^None: further/);
    expect(shareText(s.parts.time)).toBe('No change to predict, and you kept it');
    expect(shareText(score(triangle(0, 70, 100, 200)).parts.time)).toMatch(/moved it/);
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

describe('feedback in words', () => {
  const peakWords = { more: 'higher', less: 'lower', as: 'as high', than: 'it' };
  const areaWords = { more: 'larger', less: 'smaller', as: 'as large', than: "the simulation's" };

  it('compares a value with the simulation’s in plain words', () => {
    expect(compared(50, 100, peakWords)).toBe('about half of it');
    expect(compared(34, 100, peakWords)).toBe('about a third of it');
    expect(compared(103, 100, peakWords)).toBe('close to it');
    expect(compared(80, 100, peakWords)).toBe('about 20 % lower');
    expect(compared(130, 100, peakWords)).toBe('about 30 % higher');
    expect(compared(40, 100, peakWords)).toBe('about 40 % of it');
    expect(compared(5, 100, peakWords)).toBe('less than a tenth of it');
    expect(compared(200, 100, peakWords)).toBe('about twice as high');
    expect(compared(340, 100, peakWords)).toBe('about 3.5 times as high');
    expect(compared(80, 100, areaWords)).toBe("about 20 % smaller than the simulation's");
    expect(compared(300, 100, areaWords)).toBe("about 3 times as large as the simulation's");
  });

  const ref = triangle(0, 40, 100, 100);
  const sim = triangle(0, 40, 100, 200);

  it('names the student’s own peak against the simulation’s', () => {
    const s = scorePrediction(T, ref, sim, ref, 30);
    const text = feedbackText(s, 1);
    expect(text).toMatch(
      /^You predicted a peak of 100 ng\/mL at 40 min; the simulation peaks at 200 ng\/mL at 40 min: your peak was about half of it\./,
    );
    // The principle changes the area: it is named, with the reference's.
    expect(text).toContain(
      `The area under your curve is ${sig3(s.predicted.aucNgHPerMl)} ng·h/mL, the simulation's ${sig3(s.simulated.aucNgHPerMl)} ng·h/mL and the reference's ${sig3(s.reference.aucNgHPerMl)} ng·h/mL: yours was about half of the simulation's.`,
    );
    // The timing is unchanged and was right: nothing is said of it.
    expect(text).not.toMatch(/timing|came/);
  });

  it('names a timing error, and whether the principle moves the peak', () => {
    const late = feedbackText(scorePrediction(T, triangle(20, 60, 100, 200), sim, ref, 60), 1);
    expect(late).toContain(
      "Your peak came 20 min later than the simulation's, which comes at the same time as the reference's.",
    );
    const earlier = triangle(0, 20, 100, 200);
    const right = feedbackText(scorePrediction(T, earlier, earlier, ref, 60), 1);
    expect(right).toContain(
      "You had the timing right: the simulation's peak comes 20 min earlier than the reference's.",
    );
  });

  it('names the area when the prediction gets wrong an area the principle keeps', () => {
    const s = scorePrediction(
      T,
      sim.map((v) => v * 1.3),
      sim,
      triangle(0, 20, 100, 200),
      60,
    );
    expect(s.parts.area.changed).toBe(false);
    expect(feedbackText(s, 1)).toContain(
      "yours was about 30 % larger than the simulation's, though the simulation's area is about the same as the reference's.",
    );
    // Right, and unchanged: not mentioned.
    expect(
      feedbackText(scorePrediction(T, sim, sim, triangle(0, 20, 100, 200), 60), 1),
    ).not.toMatch(/area/);
  });

  it('says so when the prediction has no peak', () => {
    const s = scorePrediction(T, new Float64Array(T.length), sim, ref, 30);
    expect(feedbackText(s, 1, 'the simulated 95th percentile')).toBe(
      'Your prediction stays at 0, so it has no peak; the simulated 95th percentile peaks at 200 ng/mL at 40 min.',
    );
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
    const ref = triangle(0, 40, 100, 100);
    expect(scorePrediction(T, fromDrawing, sim, ref, 30)).toEqual(
      scorePrediction(T, typed, sim, ref, 30),
    );
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
      'first pass',
      'bioavailability by route',
      'time to peak by route',
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
      const copy = revealContext(ex, t, baseline, answer, baseline, band);
      // Typing the answer's own values at the handles (the keyboard path) scores well.
      const atHandles = ex.handleTimesMin.map((h) => answer[gridIndex(ex.grid, h)]!);
      const typed = completeDraft(draftFromHandles(ex.grid, ex.handleTimesMin, atHandles))!;
      expect(revealContext(ex, t, baseline, answer, typed, band).score.total).toBeGreaterThan(80);
      const text = ex.explain(copy).join(' ');
      expect(text).not.toMatch(/NaN|undefined|Infinity|null| - ng/);
      expect(text).toMatch(/\d ng\/mL/);
      expect(text).toMatch(/simulation/i);
    },
  );

  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    '%s: rewards predicting the change: the reference scores low, the answer 100, half-way between',
    (_id, ex) => {
      const { t, baseline, answer, band } = curvesOf(ex);
      const total = (p: Float64Array) =>
        revealContext(ex, t, baseline, answer, p, band).score.total;
      const reference = total(baseline);
      const midpoint = total(baseline.map((v, i) => (v + answer[i]!) / 2));
      expect(reference).toBeLessThanOrEqual(20);
      expect(total(answer)).toBe(100);
      expect(midpoint).toBeGreaterThan(reference);
      expect(midpoint).toBeLessThan(100);
      // "About half": the peak time of a mixed curve jumps to one curve's or the other's, so loosely.
      expect(midpoint).toBeGreaterThanOrEqual(25);
      expect(midpoint).toBeLessThanOrEqual(85);
    },
  );

  it.each(EXERCISES.map((e) => [e.id, e] as const))(
    '%s: a change predicted the wrong way scores below the reference drawn unchanged',
    (_id, ex) => {
      const { t, baseline, answer, band } = curvesOf(ex);
      const ctx = (p: Float64Array) => revealContext(ex, t, baseline, answer, p, band);
      const { parts, reference: r, simulated: a } = ctx(baseline).score;
      // The reference moved against the principle: its peak shifted the other way in time (when
      // the principle moves it and the axis leaves room: a peak at 0 cannot come earlier), and
      // scaled the other way (by the peak, else by the area).
      const lag = a.tPeakMin! - r.tPeakMin!;
      const shift = parts.time.changed && r.tPeakMin! - lag >= 0 ? lag : 0;
      const grows = parts.peak.changed ? a.peak > r.peak : a.aucNgHPerMl > r.aucNgHPerMl;
      const factor = grows ? 0.7 : 1.3;
      const wrong = t.map((tt) => factor * valueAtClamped(t, baseline, tt + shift));
      const w = ctx(wrong).score;
      expect(w.progress).toBeLessThan(0);
      expect(w.total).toBeLessThan(ctx(baseline).score.total);
    },
  );

  it('scores copying the reference low when the dose doubles, and the unchanged timing right', () => {
    const ex = EXERCISES.find((e) => e.id === 'dose-proportionality')!;
    const { t, baseline, answer } = curvesOf(ex);
    const score = (p: Float64Array) => revealContext(ex, t, baseline, answer, p).score;
    const copy = score(baseline);
    // The dose does not move the peak: its time carries no weight, so copying earns nothing for it.
    expect(copy.parts.time.weight).toBe(0);
    expect(copy.progress).toBe(0);
    expect(copy.total).toBeLessThanOrEqual(20);
    // The doubled curve drawn 20 min late loses points for the timing the dose does not change.
    const later = (y: Float64Array) => t.map((tt) => valueAtClamped(t, y, tt - 20));
    const late = score(later(answer));
    expect(late.parts.time.error).toBeGreaterThan(0);
    expect(late.total).toBeLessThan(90);
    expect(score(later(baseline)).total).toBeLessThan(copy.total);
  });

  it('feeds back the student’s own peak, its timing and the area where they matter', () => {
    const ex = EXERCISES.find((e) => e.id === 'dose-proportionality')!;
    const { t, baseline, answer } = curvesOf(ex);
    const copy = revealContext(ex, t, baseline, answer, baseline);
    const b = copy.baselineStats;
    const a = copy.answerStats;
    expect(copy.feedback).toMatch(
      new RegExp(
        `^You predicted a peak of ${sig3(b.peak)} ng/mL at 40 min; the simulation peaks at ${sig3(a.peak)} ng/mL at 40 min: your peak was about half of it\\. `,
      ),
    );
    expect(copy.feedback).toContain("yours was about half of the simulation's.");
    const late = revealContext(
      ex,
      t,
      baseline,
      answer,
      t.map((tt) => valueAtClamped(t, answer, tt - 20)),
    );
    expect(late.feedback).toContain(
      "Your peak came 20 min later than the simulation's, which comes at the same time as the reference's.",
    );
    const fast = EXERCISES.find((e) => e.id === 'infusion-duration')!;
    const c = curvesOf(fast);
    expect(revealContext(fast, c.t, c.baseline, c.answer, c.answer).feedback).toContain(
      "You had the timing right: the simulation's peak comes 20 min earlier than the reference's.",
    );
  });

  it.each(EXERCISES.map((e) => [e.id, e] as const))('%s: the feedback reads cleanly', (_id, ex) => {
    const { t, baseline, answer, band } = curvesOf(ex);
    for (const p of [baseline, answer, baseline.map((v) => v / 2)]) {
      const text = revealContext(ex, t, baseline, answer, p, band).feedback;
      expect(text).toMatch(/^You predicted a peak of \d/);
      expect(text).not.toMatch(/NaN|undefined|Infinity|null|not comparable| - /);
      if (ex.answer.kind === 'percentile')
        expect(text).toContain(`the simulated ${ex.answer.percentile}th percentile peaks at`);
    }
  });

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

  it('keeps the numbers of the first nine exercises: the route exercises come after them', () => {
    // Links made before the route exercises (ex=1 to ex=9) still open the exercise they named.
    expect(EXERCISE_IDS.slice(0, 9)).toEqual([
      'dose-proportionality',
      'infusion-duration',
      'iv-vs-nasal',
      'adding-devices',
      'metabolite',
      'course-washout',
      'variability',
      'effect-site-lag',
      'bolus-effect-site',
    ]);
    expect(EXERCISE_IDS.slice(9)).toEqual([
      'first-pass-metabolite',
      'sublingual-bioavailability',
      'im-time-to-peak',
    ]);
  });
});

/** One run's parent and metabolite on a grid, with their stats. */
function parentAndMetabolite(s: Scenario, grid: ExerciseGrid) {
  const t = gridTimes(grid);
  const out = runScenario(s);
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
  const parent = curveStats(t, seriesOf(out.result, 'parent', grid));
  const metabolite = curveStats(t, seriesOf(out.result, 'metabolite', grid));
  return { parent, metabolite, ratio: metabolite.aucNgHPerMl / parent.aucNgHPerMl };
}

describe('the route exercises reward the principle of the route', () => {
  const get = (id: string) => EXERCISES.find((e) => e.id === id)!;
  const scoreOf = (ex: Exercise) => {
    const c = curvesOf(ex);
    return { ...c, score: (p: Float64Array) => revealContext(ex, c.t, c.baseline, c.answer, p) };
  };

  it('first pass: the metabolite drawn like the parent, or lower, scores low', () => {
    const ex = get('first-pass-metabolite');
    const { baseline, answer, score } = scoreOf(ex);
    const copy = score(baseline).score;
    expect(copy.total).toBeLessThanOrEqual(20);
    expect(copy.parts.peak.changed && copy.parts.area.changed).toBe(true);
    // "Less drug reached the blood, so less metabolite": half the parent scores below the copy.
    const less = score(baseline.map((v) => v / 2)).score;
    expect(less.progress).toBeLessThan(0);
    expect(less.total).toBeLessThan(copy.total);
    // The metabolite stands several times above the parent in this simulation.
    expect(curveStats(gridTimes(ex.grid), answer).peak).toBeGreaterThan(3 * copy.reference.peak);
    const fb = score(baseline).feedback;
    expect(fb).toMatch(/your peak was (about|less than) [^.]*(of it|lower)/);
  });

  it('first pass: after the oral dose the metabolite lags least and stands highest, as explained', () => {
    const ex = get('first-pass-metabolite');
    const grid = ex.grid;
    const oral = parentAndMetabolite(ex.answer.scenario(), grid);
    // The same disposition (Perez-Ruixo 2021) given by the nasal spray and into a vein.
    const nasal = parentAndMetabolite(
      { ...nasalScenario(3), options: ex.answer.scenario().options },
      grid,
    );
    const vein = parentAndMetabolite(
      {
        ...ivScenario(84 / 70, 10),
        model: 'perezruixo2021',
        options: ex.answer.scenario().options,
      },
      grid,
    );
    const lag = (r: typeof oral) => r.metabolite.tPeakMin! - r.parent.tPeakMin!;
    expect(lag(oral)).toBeLessThan(lag(nasal));
    expect(lag(oral)).toBeLessThan(lag(vein));
    expect(oral.ratio).toBeGreaterThan(nasal.ratio);
    expect(nasal.ratio).toBeGreaterThan(vein.ratio);
    const ctx = revealContext(
      ex,
      gridTimes(grid),
      ...(() => {
        const c = curvesOf(ex);
        return [c.baseline, c.answer, c.answer] as const;
      })(),
    );
    expect(ex.explain(ctx)[0]).toContain(`${ratio2(oral.ratio)} times the area`);
  });

  it('bioavailability: the IV curve drawn unchanged scores low; scaled by F it does better', () => {
    const ex = get('sublingual-bioavailability');
    const { t, baseline, answer, score } = scoreOf(ex);
    const copy = score(baseline).score;
    expect(copy.total).toBeLessThanOrEqual(20);
    expect(copy.parts.area.changed && copy.parts.peak.changed).toBe(true);
    // The share reaching the blood, computed by the engine for the answer's run.
    const run = runScenario(ex.answer.scenario());
    if (!run.ok) throw new Error('run failed');
    const f = run.result.systemicDoseMg / run.result.totalDoseMg;
    expect(f).toBeGreaterThan(0.1);
    expect(f).toBeLessThan(0.5);
    const scaled = score(baseline.map((v) => v * f)).score;
    expect(scaled.total).toBeGreaterThan(copy.total + 20);
    // ... but the slow absorption is part of the principle: F alone does not reach the answer.
    expect(scaled.total).toBeLessThan(score(answer).score.total);
    expect(curveStats(t, answer).peak).toBeLessThan(f * copy.reference.peak);
    expect(score(baseline).feedback).toContain('your peak was about');
  });

  it('bioavailability: the same dose, on the same disposition, in both curves', () => {
    const ex = get('sublingual-bioavailability');
    const iv = runScenario(ex.baseline.scenario());
    const sl = runScenario(ex.answer.scenario());
    if (!iv.ok || !sl.ok) throw new Error('run failed');
    expect(sl.result.totalDoseMg).toBeCloseTo(iv.result.totalDoseMg, 9);
    // The sublingual model's own disposition, dosed into a vein, is the reference curve.
    const ivOnSl = runScenario({ ...ex.baseline.scenario(), model: ex.answer.scenario().model });
    if (!ivOnSl.ok) throw new Error('run failed');
    const p = (r: typeof iv) => (r.ok ? r.result.plasma[r.result.parent]! : new Float64Array());
    const a = p(iv);
    const b = p(ivOnSl);
    for (let i = 0; i < a.length; i += 17) expect(b[i]!).toBeCloseTo(a[i]!, 6);
  });

  it('time to peak: the IV curve drawn unchanged scores low, and the timing carries the most weight', () => {
    const ex = get('im-time-to-peak');
    const { t, baseline, answer, score } = scoreOf(ex);
    const copy = score(baseline);
    expect(copy.score.total).toBeLessThanOrEqual(20);
    expect(copy.score.parts.time.changed).toBe(true);
    for (const m of ['area', 'peak'] as const)
      expect(copy.score.parts.time.weight).toBeGreaterThan(copy.score.parts[m].weight);
    // The IM curve right in height but peaking when the drip would end scores low too.
    const lag = copy.score.reference.tPeakMin! - copy.score.simulated.tPeakMin!;
    expect(lag).toBeGreaterThan(0);
    const late = score(t.map((tt) => valueAtClamped(t, answer, tt - lag))).score;
    expect(late.total).toBeLessThan(60);
    // The feedback names the student's own timing error against the route's.
    expect(copy.feedback).toContain(
      `Your peak came ${formatMinutes(lag)} later than the simulation's, which comes ${formatMinutes(lag)} earlier than the reference's.`,
    );
    expect(ex.explain(revealContext(ex, t, baseline, answer, answer)).join(' ')).toContain(
      `${formatMinutes(lag)} before the infusion's peak`,
    );
  });
});
