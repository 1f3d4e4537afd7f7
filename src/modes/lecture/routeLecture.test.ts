/**
 * "Why the route matters": every figure its captions give is recomputed here by the engine, from
 * the very scenarios the steps show (or, where a caption names a run it does not show, from that
 * run), and must appear in the caption as written. A change to a model that moves a figure fails
 * this test until the caption is brought up to date. The table of figures is printed for the
 * record (npx vitest run src/modes/lecture/routeLecture.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { ivScenario, runScenario } from '../../registry';
import { MODELS } from '../../../models/index';
import { aucNgHPerMl, firstPeakIndex, halfLifeH, maxOf } from '../../engine/curve';
import { formatConc as sig3, formatMinutes } from '../../charts/chartMath';
import type { Scenario } from '../../engine/scenario';
import { cite } from '../../content/references';
import { markTerms } from '../../content/glossaryTerms';
import { MAX_SCENARIOS } from '../../lib/appState';
import { READY_LECTURES, ROUTE_LECTURE_SCENARIOS as R } from './lectures';
import { MAX_CAPTION } from './sequence';

interface Figures {
  /** share of the dose reaching the circulation unchanged, % */
  fPercent: number;
  doseMg: number;
  cmax: number;
  tmaxMin: number;
  /** metabolite AUC / parent AUC over the simulated 24 h (NaN without a metabolite) */
  ratio: number;
  /** half-life of the parent between 8 and 16 h, h */
  halfLifeH: number;
}

function figures(s: Scenario): Figures {
  const out = runScenario(s);
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
  const r = out.result;
  const parent = r.plasma[r.parent]!;
  const met = r.metabolite ? r.plasma[r.metabolite]! : null;
  return {
    fPercent: (100 * r.systemicDoseMg) / r.totalDoseMg,
    doseMg: r.totalDoseMg,
    cmax: maxOf(parent),
    tmaxMin: r.tMin[firstPeakIndex(parent)]!,
    ratio: met ? aucNgHPerMl(r.tMin, met) / aucNgHPerMl(r.tMin, parent) : Number.NaN,
    halfLifeH: halfLifeH(r.tMin, parent, 480, 960),
  };
}

const lecture = READY_LECTURES.find((l) => l.id === 'why-the-route-matters')!;
const caption = (k: number) => lecture.sequence.steps[k]!.caption;
const F = Object.fromEntries(
  Object.entries(R).map(([name, build]) => [name, figures(build())]),
) as Record<keyof typeof R, Figures>;

// How the captions write each figure.
const pct = (f: Figures) => `${Math.round(f.fPercent)} %`;
const peak = (f: Figures) => `${sig3(f.cmax)} ng/mL at ${formatMinutes(f.tmaxMin)}`;
const mg = (v: number) => `${Math.round(v * 10) / 10} mg`;
const times = (v: number) => `${v >= 10 ? Math.round(v) : v.toFixed(1)} times`;

/**
 * The same dose in mg into a vein over 40 min, on the disposition of another route's model: a run
 * a caption names without showing it.
 */
function intoVein(route: Scenario, doseMg: number): Scenario {
  const s = ivScenario(doseMg / route.patient.weightKg, 40);
  return { ...s, model: route.model, patient: { ...route.patient } };
}

describe('the lecture "Why the route matters"', () => {
  it('prints the figures its captions use', () => {
    const rows = Object.entries(F).map(
      ([name, f]) =>
        `${name.padEnd(16)} dose ${sig3(f.doseMg).padStart(5)} mg  F ${f.fPercent.toFixed(1).padStart(5)} %  Cmax ${sig3(f.cmax).padStart(5)} ng/mL  Tmax ${formatMinutes(f.tmaxMin).padStart(7)}  met/parent AUC 24 h ${f.ratio.toFixed(2).padStart(6)}  t1/2 8-16 h ${f.halfLifeH.toFixed(2)} h`,
    );
    console.log(
      `\nWhy the route matters: engine figures (typical 70 kg, 40 y)\n${rows.join('\n')}\n`,
    );
    expect(rows.length).toBe(Object.keys(R).length);
  });

  it('is a valid lecture of 5-7 steps, each of at most 4 scenarios, with sources that resolve', () => {
    const steps = lecture.sequence.steps;
    expect(lecture.sequence.title).toBe('Why the route matters');
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps.length).toBeLessThanOrEqual(7);
    for (const [k, st] of steps.entries()) {
      expect(st.caption.length, `step ${k + 1}`).toBeLessThanOrEqual(MAX_CAPTION);
      expect(st.state.scenarios.length).toBeGreaterThan(0);
      expect(st.state.scenarios.length).toBeLessThanOrEqual(MAX_SCENARIOS);
      expect(st.sources.length, `step ${k + 1} cites`).toBeGreaterThan(0);
      for (const key of st.sources) expect(cite(key).key).toBe(key);
      // Every number of a simulation's output is said to be the simulation's.
      expect(st.caption, `step ${k + 1}`).toMatch(/in this simulation|simulated/i);
    }
  });

  it('marks the terms of art it teaches, so a student can open their definitions', () => {
    const found = markTerms(lecture.sequence.steps.map((s) => s.caption)).flatMap((parts) =>
      parts.flatMap((p) => (typeof p === 'string' ? [] : [p.entry.id])),
    );
    for (const id of ['bioavailability', 'first-pass', 'norketamine', 'metabolite', 'log-scale'])
      expect(found, id).toContain(id);
  });

  it('says in words when a curve shown comes from an approximation', () => {
    for (const [k, st] of lecture.sequence.steps.entries()) {
      const approximate = st.state.scenarios.filter((n) => MODELS[n.scenario.model]!.approximation);
      if (approximate.length > 0) expect(st.caption, `step ${k + 1}`).toMatch(/approximat/i);
    }
  });

  it('compares several routes side by side, and shows the metabolite where it teaches first pass', () => {
    const steps = lecture.sequence.steps;
    const routes = new Set(
      steps.flatMap((s) => s.state.scenarios.map((n) => n.scenario.regimen.kind)),
    );
    for (const r of ['iv', 'intramuscular', 'sublingual', 'oral'] as const)
      expect(routes).toContain(r);
    expect(steps.filter((s) => s.state.scenarios.length >= 3).length).toBeGreaterThanOrEqual(2);
    const withMetabolite = steps.filter((s) => s.state.view.showMetabolite);
    expect(withMetabolite.length).toBeGreaterThanOrEqual(1);
    expect(
      withMetabolite.some((s) => s.state.scenarios.some((n) => n.scenario.regimen.kind === 'oral')),
    ).toBe(true);
  });

  it('step 1, IV: all of the dose, and the peak when the drip stops', () => {
    expect(F.iv.fPercent).toBeCloseTo(100, 6);
    expect(caption(0)).toContain('100 %');
    expect(caption(0)).toContain(peak(F.iv));
    const drip = R.iv().regimen;
    if (drip.kind !== 'iv') throw new Error('step 1 is not IV');
    expect(F.iv.tmaxMin).toBe(drip.infusionMin);
    expect(caption(0)).toContain(`${drip.infusionMin} min`);
  });

  it('step 2, IM: nearly all of the dose, peaking within minutes', () => {
    expect(caption(1)).toContain(`${pct(F.im)} reaches the blood`);
    expect(caption(1)).toContain(peak(F.im));
    expect(F.im.fPercent).toBeGreaterThan(90);
    expect(F.im.tmaxMin).toBeLessThan(15);
    expect(F.im.doseMg).toBeCloseTo(F.iv.doseMg, 9);
  });

  it('step 3, sublingual: the same dose in mg, a low share, a later and lower peak', () => {
    expect(F.sublingual.doseMg).toBeCloseTo(F.iv.doseMg, 9);
    expect(caption(2)).toContain(mg(F.sublingual.doseMg));
    expect(caption(2)).toContain(`${pct(F.sublingual)} reaches the blood`);
    expect(caption(2)).toContain(`peak is ${peak(F.sublingual)}`);
    expect(F.sublingual.tmaxMin).toBeGreaterThan(F.im.tmaxMin);
    expect(F.sublingual.cmax).toBeLessThan(F.im.cmax / 3);
  });

  it('step 4, swallowed esketamine against the nasal spray of the same dose', () => {
    expect(F.oralEsketamine.doseMg).toBe(F.nasalEsketamine.doseMg);
    expect(F.oralSKetamine.doseMg).toBe(F.nasalEsketamine.doseMg);
    expect(caption(3)).toContain(mg(F.nasalEsketamine.doseMg));
    expect(caption(3)).toContain(`${pct(F.nasalEsketamine)} of the nasal dose`);
    expect(caption(3)).toContain(`only ${pct(F.oralEsketamine)} of the swallowed one`);
    expect(caption(3)).toContain(`${peak(F.oralEsketamine)} against ${peak(F.nasalEsketamine)}`);
    expect(caption(3)).toContain(`(${pct(F.oralSKetamine)}, as in this simulation)`);
    expect(F.oralEsketamine.tmaxMin).toBeGreaterThan(F.nasalEsketamine.tmaxMin);
  });

  it('step 5, racemic: first pass raises the metabolite/parent ratio; IM has none', () => {
    const ivSame = figures(intoVein(R.im(), F.im.doseMg));
    expect(times(ivSame.ratio)).toBe(times(F.im.ratio));
    expect(caption(4)).toContain(`${times(F.im.ratio)} ketamine’s`);
    expect(caption(4)).toContain(`sublingual dose it is ${times(F.sublingual.ratio)}`);
    expect(F.sublingual.ratio).toBeGreaterThan(2 * F.im.ratio);
  });

  it('step 6, esketamine: the metabolite far above the parent after an oral dose', () => {
    const ivSame = figures(intoVein(R.nasalEsketamine(), F.nasalEsketamine.doseMg));
    expect(ivSame.doseMg).toBeCloseTo(F.nasalEsketamine.doseMg, 9);
    const c = caption(5);
    expect(c).toContain(`${times(F.oralEsketamine.ratio)} esketamine’s after the oral dose`);
    expect(c).toContain(`${times(F.nasalEsketamine.ratio)} after the spray`);
    expect(c).toContain(`${times(ivSame.ratio)} after the same dose into a vein`);
    expect(c).toContain(`model gives ${times(F.oralSKetamine.ratio)}`);
    expect(F.oralEsketamine.ratio).toBeGreaterThan(F.nasalEsketamine.ratio);
    expect(F.nasalEsketamine.ratio).toBeGreaterThan(ivSame.ratio);
  });

  it('step 7: four routes at one dose, falling in parallel afterwards', () => {
    const four = [F.iv, F.im, F.sublingual, F.nasalRacemic];
    for (const f of four) expect(f.doseMg).toBeCloseTo(F.iv.doseMg, 9);
    expect(caption(6)).toContain(`${mg(F.iv.doseMg)} each`);
    expect(caption(6)).toContain(`nasal spray gives ${pct(F.nasalRacemic)}`);
    // The half-life given is the IV curve's from 8 h on; every route's is the same within 2 %.
    expect(caption(6)).toContain(`halving about every ${F.iv.halfLifeH.toFixed(1)} h from 8 h on`);
    for (const f of four) expect(Math.abs(f.halfLifeH / F.iv.halfLifeH - 1)).toBeLessThan(0.02);
  });
});
