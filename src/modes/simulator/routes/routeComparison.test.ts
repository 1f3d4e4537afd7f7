/**
 * "Compare the routes": the scenarios each dose set builds, the table's figures recomputed through
 * the engine (src/registry.ts), the first-pass steps against the engine's own F, and the panel's
 * words (src/content/routeComparison.ts) checked as cited.test.ts checks the other content modules.
 * The table of both dose sets is printed for the record.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../registry';
import { MODELS } from '../../../../models/index';
import { DEFAULT_PATIENT } from '../../../engine/defaultPatient';
import { aucNgHPerMl, firstPeakIndex, maxOf, minutesAtOrAbove } from '../../../engine/curve';
import type { SimulationResult } from '../../../engine/run';
import { formatConc, formatMinutes } from '../../../charts/chartMath';
import * as content from '../../../content/routeComparison';
import { expectResolvingCitations } from '../../../content/citations.testing';
import { fleschKincaidGrade } from '../../../content/readability';
import {
  FIRST_PASS_MODELS,
  RANGE_LOW_NG_PER_ML,
  ROUTE_ARMS,
  SAME_DOSE_MG_PER_KG,
  armFigures,
  armNotices,
  armScenario,
  devicesFor,
  doseMg,
  firstPassSteps,
  modelF,
} from './routeComparison';

const SETS = ['same', 'typical'] as const;
const PATIENTS = [DEFAULT_PATIENT, { ...DEFAULT_PATIENT, weightKg: 95, ageYears: 67 }];

function run(s: ReturnType<typeof armScenario>): SimulationResult {
  const out = runScenario(s);
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
  return out.result;
}

describe('the routes compared', () => {
  it('has each route once, on a model of that route, told apart without colour', () => {
    expect(new Set(ROUTE_ARMS.map((a) => a.id)).size).toBe(ROUTE_ARMS.length);
    for (const a of ROUTE_ARMS) {
      const model = MODELS[a.modelId]!;
      expect(model.route, a.id).toBe(a.route);
      // Dashed lines are esketamine, solid racemic ketamine, as the legend says.
      expect(a.dash !== '', a.id).toBe(model.drug === 'esketamine');
    }
    const pairs = (f: (a: (typeof ROUTE_ARMS)[number]) => string) =>
      new Set(ROUTE_ARMS.map(f)).size;
    expect(pairs((a) => `${a.colour}|${a.dash}`)).toBe(ROUTE_ARMS.length);
    expect(pairs((a) => `${a.shape}|${a.dash}`)).toBe(ROUTE_ARMS.length);
  });

  it.each(PATIENTS)('gives every route the dose of its set ($weightKg kg)', (patient) => {
    for (const a of ROUTE_ARMS) {
      const same = run(armScenario(a, 'same', patient));
      const mg = SAME_DOSE_MG_PER_KG * patient.weightKg;
      const expected = a.route === 'intranasal' ? 28 * devicesFor(mg) : mg;
      expect(same.totalDoseMg, `${a.id} same`).toBeCloseTo(expected, 9);
      const typical = run(armScenario(a, 'typical', patient));
      const dose = content.TYPICAL_DOSES[a.id];
      expect(typical.totalDoseMg, `${a.id} typical`).toBeCloseTo(doseMg(dose, patient.weightKg), 9);
      expect(same.scenario.patient).toEqual(patient);
    }
  });

  it.each(SETS)('table figures (%s dose) are the engine curve figures (within 1e-9)', (set) => {
    for (const a of ROUTE_ARMS) {
      const r = run(armScenario(a, set, DEFAULT_PATIENT));
      const f = armFigures(r);
      const parent = r.plasma[r.parent]!;
      const met = r.metabolite ? r.plasma[r.metabolite]! : null;
      expect(f.cmax).toBeCloseTo(maxOf(parent), 9);
      expect(f.tmaxMin).toBe(r.tMin[firstPeakIndex(parent)]);
      const day = 24 * 60;
      if (met) {
        const ratio = aucNgHPerMl(r.tMin, met, day) / aucNgHPerMl(r.tMin, parent, day);
        expect(Math.abs(f.metaboliteRatio / ratio - 1)).toBeLessThan(1e-9);
      } else expect(f.metaboliteRatio).toBeNaN();
      expect(f.minutesInRange).toBeCloseTo(
        minutesAtOrAbove(r.tMin, parent, RANGE_LOW_NG_PER_ML),
        9,
      );
      expect(f.fPercent).toBeCloseTo((100 * r.systemicDoseMg) / r.totalDoseMg, 9);
      // A model with its own F parameter gives that F (within 1e-9), whatever the dose.
      const own = modelF(a.modelId);
      if (own) expect(f.fPercent / 100).toBeCloseTo(own.value, 9);
    }
  });

  it.each(PATIENTS)(
    'first-pass steps multiply to the engine F of the route (within 1e-9; $weightKg kg)',
    (patient) => {
      for (const id of FIRST_PASS_MODELS) {
        const arm = ROUTE_ARMS.find((a) => a.id === id)!;
        const steps = firstPassSteps(arm.modelId, patient);
        const product = steps.reduce((p, s) => p * s.through, 1);
        const r = run(armScenario(arm, 'typical', patient));
        expect(product, id).toBeCloseTo(r.systemicDoseMg / r.totalDoseMg, 9);
        for (const s of steps) {
          expect(s.through).toBeGreaterThan(0);
          expect(s.through).toBeLessThanOrEqual(1);
          expect(s.source).toMatch(/\S/);
        }
      }
    },
  );

  it("passes on each run's warnings and a refused run's reasons, by route, each once", () => {
    const outs = ROUTE_ARMS.map((a) => runScenario(armScenario(a, 'same', DEFAULT_PATIENT)));
    // A run the engine refuses: the film arm at a dose beyond the engine's range.
    const film = ROUTE_ARMS.findIndex((a) => a.id === 'sublingualFilm');
    const tooMuch = armScenario(ROUTE_ARMS[film]!, 'same', DEFAULT_PATIENT);
    outs[film] = runScenario({ ...tooMuch, regimen: { ...tooMuch.regimen, doseMg: 900 } });
    expect(outs[film]!.ok).toBe(false);
    const notices = armNotices(outs);
    const refused = notices.filter((n) => n.kind === 'refused');
    expect(refused.map((n) => n.id)).toEqual(['sublingualFilm']);
    expect(refused[0]!.messages).toEqual(['regimen.doseMg must be between 1 and 500 mg, got 900']);
    // Every warning of every other run is there, under its route, once.
    outs.forEach((o, i) => {
      if (!o.ok) return;
      const mine = notices.find((n) => n.id === ROUTE_ARMS[i]!.id);
      const said = new Set(o.result.warnings.map((w) => w.message));
      expect(mine?.messages ?? []).toEqual([...said]);
    });
    // The sublingual wafer's holding-time caveat reaches the panel.
    const wafer = notices.find((n) => n.id === 'sublingual')!;
    expect(wafer.messages.join(' ')).toContain('holding time is not modelled');
  });

  it('prints the table of both dose sets (typical 70 kg, 40 y)', () => {
    const lines = SETS.flatMap((set) => [
      `${set} dose:`,
      ...ROUTE_ARMS.map((a) => {
        const f = armFigures(run(armScenario(a, set, DEFAULT_PATIENT)));
        return `  ${a.id.padEnd(16)} ${formatConc(f.doseMg).padStart(5)} mg  F ${f.fPercent.toFixed(1).padStart(5)} %  Cmax ${formatConc(f.cmax).padStart(5)} ng/mL  Tmax ${formatMinutes(f.tmaxMin).padStart(7)}  met/parent 0-24 h ${f.metaboliteRatio.toFixed(2).padStart(5)}  >= ${RANGE_LOW_NG_PER_ML} ng/mL ${Math.round(f.minutesInRange)} min`;
      }),
    ]);
    console.log(`\nCompare the routes\n${lines.join('\n')}\n`);
    expect(lines.length).toBe(2 * (ROUTE_ARMS.length + 1));
  });
});

/** The objects with a `cite` property reachable from a value (as cited.test.ts walks). */
function cited(value: unknown, seen = new Set<object>()): Record<string, unknown>[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const here = Object.hasOwn(value, 'cite') ? [value as Record<string, unknown>] : [];
  return [...here, ...Object.values(value).flatMap((v) => cited(v, seen))];
}

describe('the words of the route comparison (src/content/routeComparison.ts)', () => {
  const found = Object.values(content).flatMap((v) => cited(v));

  it('has a cited example dose for every route, and the notice in plain words', () => {
    for (const a of ROUTE_ARMS) expectResolvingCitations(content.TYPICAL_DOSES[a.id].cite);
    expect(content.ROUTE_NOTICE).toBe(
      'Example doses, not a recommendation. A teaching tool, not a dosing guide.',
    );
    expect(found.length).toBeGreaterThanOrEqual(ROUTE_ARMS.length + 1);
  });

  it('has cited statements whose keys resolve and whose plain words read at grade 8 or below', () => {
    for (const c of found) {
      expectResolvingCitations(c.cite as readonly string[]);
      const text = c.text as string | { plain: string };
      const plain = typeof text === 'string' ? text : text.plain;
      expect(fleschKincaidGrade(plain), plain).toBeLessThanOrEqual(8);
    }
  });
});
