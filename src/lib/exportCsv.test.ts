import { describe, expect, it } from 'vitest';
import { ivScenario, nasalScenario, runScenario } from '../registry';
import { withCourse } from '../engine/presets';
import type { SimulationResult } from '../engine/run';
import type { Scenario } from '../engine/scenario';
import { MOLAR_MASS_G_PER_MOL } from '../engine/units';
import { parseScenariosCsv, scenariosCsv, type CsvContext, type CsvScenario } from './exportCsv';
import { TEACHING_NOTICE } from './exportInfo';

function run(s: Scenario): SimulationResult {
  const r = runScenario(s);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
  return r.result;
}
const named = (name: string, scenario: Scenario): CsvScenario => ({
  name,
  scenario,
  result: run(scenario),
});

const ctx: CsvContext = {
  title: 'Plasma and effect-site concentration (ng/mL)',
  date: '2026-03-04',
  link: 'https://example.org/sim/#v=1&state=abc',
  notice: TEACHING_NOTICE,
  unit: 'ng/mL',
  showMetabolite: true,
};

const iv = named('IV 0.5 mg/kg over 40 min', ivScenario(0.5, 40));
const nasal = named('Nasal, 3 devices\nsecond line', nasalScenario(3));

/** The relative difference of two numbers (the CSV keeps 6 significant digits). */
const close = (a: number | null, b: number) =>
  expect(Math.abs(a! - b)).toBeLessThanOrEqual(Math.abs(b) * 1e-5 + 1e-12);

describe('CSV of every scenario', () => {
  it('starts with the metadata, the teaching notice, date and link included', () => {
    const { meta } = parseScenariosCsv(scenariosCsv([iv, nasal], ctx));
    expect(meta.get('title')).toBe(ctx.title);
    expect(meta.get('made')).toBe('2026-03-04');
    expect(meta.get('link')).toBe(ctx.link);
    expect(meta.get('notice')).toBe(TEACHING_NOTICE);
    expect(meta.get('scenarios')).toBe('2');
    expect(meta.get('units')).toMatch(/concentrations .* in ng\/mL/);
    expect(meta.get('scenario 1 name')).toBe(iv.name);
    // A line break in a name stays on its metadata line.
    expect(meta.get('scenario 2 name')).toBe('Nasal, 3 devices second line');
    expect(meta.get('scenario 1 model')).toMatch(
      /^Herd 2007 at adult size; Herd DW et al\. 2007, /,
    );
    expect(meta.get('scenario 2 model')).toMatch(/^Perez-Ruixo 2021; Perez-Ruixo C et al\. 2021, /);
    expect(meta.get('scenario 1 dose')).toBe('IV 0.5 mg/kg over 40 min');
    expect(meta.get('scenario 2 dose')).toMatch(
      /^Nasal 84 mg \(3 devices\); devices \d+ min apart$/,
    );
    expect(meta.get('scenario 1 patient')).toBe('70 kg, 40 years');
  });

  it('has a time column and every scenario’s columns with units, matching the results', () => {
    const csv = parseScenariosCsv(scenariosCsv([iv, nasal], ctx));
    expect(csv.columns).toEqual([
      'time_min',
      's1_ketamine_plasma_ng_per_ml',
      's1_ketamine_effect_site_ng_per_ml',
      's1_nmda_occupancy_pct',
      's2_esketamine_plasma_ng_per_ml',
      's2_noresketamine_plasma_ng_per_ml',
      's2_esketamine_effect_site_ng_per_ml',
      's2_nmda_occupancy_pct',
    ]);
    expect(csv.meta.get('scenario 2 columns')).toBe(csv.columns.slice(4).join(' '));
    expect(csv.rows).toHaveLength(iv.result.tMin.length);
    for (const i of [0, 41, 300, 1440]) {
      const row = csv.rows[i]!;
      expect(row[0]).toBe(iv.result.tMin[i]);
      close(row[1]!, iv.result.plasma.ketamine![i]!);
      close(row[2]!, iv.result.effectSite[i]!);
      close(row[3]!, iv.result.occupancy[i]! * 100);
      close(row[5]!, nasal.result.plasma.noresketamine![i]!);
    }
    expect(csv.rows[41]![1]!).toBeGreaterThan(100);
  });

  it('leaves out the metabolite when the chart hides it, and writes micromolar when chosen', () => {
    const csv = parseScenariosCsv(
      scenariosCsv([nasal], { ...ctx, unit: 'uM', showMetabolite: false }),
    );
    expect(csv.columns).toEqual([
      'time_min',
      's1_esketamine_plasma_um',
      's1_esketamine_effect_site_um',
      's1_nmda_occupancy_pct',
    ]);
    expect(csv.meta.get('units')).toMatch(/in µM/);
    close(
      csv.rows[30]![1]!,
      nasal.result.plasma.esketamine![30]! / MOLAR_MASS_G_PER_MOL.esketamine,
    );
  });

  it('puts scenarios of different lengths and steps on one grid, with empty cells after an end', () => {
    const course = named('IV course', withCourse(ivScenario(0.5, 40), true));
    expect(course.scenario.options.stepMin).toBe(5);
    const csv = parseScenariosCsv(scenariosCsv([iv, course], ctx));
    const t = course.result.tMin;
    expect(csv.rows.map((r) => r[0])).toEqual(Array.from(t));
    expect(csv.meta.get('time grid')).toMatch(/every 5 min, the same for every scenario/);
    // The 1-min scenario keeps its own values at every 5 min, and has none after its 24 h.
    const at = (min: number) => csv.rows.findIndex((r) => r[0] === min);
    close(csv.rows[at(45)]![1]!, iv.result.plasma.ketamine![45]!);
    expect(csv.rows[at(1445)]![1]).toBeNull();
    expect(csv.rows[at(1445)]![4]).not.toBeNull();
    expect(csv.meta.get('scenario 1 simulated')).toBe('24 h at 1 min steps');
  });

  it('says when values had to be interpolated onto the grid', () => {
    const twoMin = ivScenario(0.5, 40);
    twoMin.options = { endH: 24, stepMin: 2 };
    const fiveMin = ivScenario(1, 10);
    fiveMin.options = { endH: 24, stepMin: 5 };
    const a = named('2 min', twoMin);
    const csv = parseScenariosCsv(scenariosCsv([a, named('5 min', fiveMin)], ctx));
    // 5, 15, 25, ... min are not on a 2-min grid: halfway between two samples.
    const row = csv.rows.find((r) => r[0] === 15)!;
    const y = a.result.plasma.ketamine!;
    close(row[1]!, (y[7]! + y[8]!) / 2);
    expect(csv.meta.get('scenario 1 simulated')).toMatch(/144 values interpolated linearly/);
    expect(csv.meta.get('scenario 2 simulated')).toBe('24 h at 5 min steps');
  });

  it('refuses no scenarios, and the parser names a bad line', () => {
    expect(() => scenariosCsv([], ctx)).toThrow(/no scenarios/);
    expect(() => parseScenariosCsv('# title x\ntime_min\n0\n')).toThrow(/Line 1/);
    expect(() => parseScenariosCsv('# a: 1\ntime_min,b\n0,1\n1\n')).toThrow(/Line 4: 1 cells/);
    expect(() => parseScenariosCsv('time_min,b\n0,x\n')).toThrow(/Line 2: b is not a number/);
    expect(() => parseScenariosCsv('# a: 1\n')).toThrow(/no table/);
  });
});
