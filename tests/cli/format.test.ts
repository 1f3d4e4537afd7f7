import { PRESETS } from '../../src/registry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, toCsv, toJson, type JsonOutput } from '../../src/engine/columns';
import { summarize } from '../../src/engine/summary';
import type { Scenario } from '../../src/engine/scenario';
import { MOLAR_MASS_G_PER_MOL } from '../../src/engine/units';
import { column, expectCloseColumns, parseCsv, simulate } from './helpers';

const IV_HEADER =
  'time_min,ketamine_ng_per_ml,norketamine_ng_per_ml,' +
  'ketamine_effect_site_ng_per_ml,nmda_occupancy_pct,ketamine_um,norketamine_um';
const NASAL_HEADER =
  'time_min,esketamine_ng_per_ml,noresketamine_ng_per_ml,' +
  'esketamine_effect_site_ng_per_ml,nmda_occupancy_pct,esketamine_um,noresketamine_um';
const NO_METABOLITE_HEADER =
  'time_min,ketamine_ng_per_ml,ketamine_effect_site_ng_per_ml,nmda_occupancy_pct,ketamine_um';

const preset = (name: string): Scenario => structuredClone(PRESETS[name]!);

describe('formatDecimal', () => {
  it.each([
    [253.05183479013772, 6, '253.052'],
    [40, 6, '40'],
    [0, 6, '0'],
    [-0, 6, '0'],
    [1400.0000000000002, 6, '1400'],
    [0.000001, 6, '0.000001'],
    [1e-7, 6, '0.0000001'],
    [6.14844191544732e-9, 6, '0.00000000614844'],
    [-2.5647303159841215e-16, 6, '-0.000000000000000256473'],
    [1234567, 6, '1234570'],
    [999999.5, 6, '1000000'],
    [-1.5e21, 6, '-1500000000000000000000'],
    [0.21000000000000002, 12, '0.21'],
    [241919.95000000001, 12, '241919.95'],
    [1440, 12, '1440'],
  ])('%d to %d digits is %s', (x, digits, text) => expect(formatDecimal(x, digits)).toBe(text));

  it('never uses exponent notation and keeps 6 significant digits', () => {
    fc.assert(
      fc.property(
        fc
          .double({ noNaN: true, noDefaultInfinity: true })
          .filter((x) => x === 0 || Math.abs(x) > 1e-300),
        (x) => {
          const s = formatDecimal(x, 6);
          expect(s).toMatch(/^-?\d+(\.\d+)?$/);
          expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(5.0001e-6 * Math.abs(x));
        },
      ),
    );
  });
});

describe('toCsv', () => {
  it.each([
    // An IV model with a metabolite (the default IV model has none).
    ['iv-0.5', IV_HEADER, 'kamp2020'],
    ['iv-bolus-0.5', IV_HEADER, 'domino'],
    ['esk-28', NASAL_HEADER, undefined],
    ['esk-84', NASAL_HEADER, undefined],
  ])(
    '%s: header, one row per grid time, values as the engine computed them',
    (name, header, model) => {
      const r = simulate({ ...preset(name), ...(model ? { model } : {}) });
      const text = toCsv(r);
      expect(text.split('\n')[0]).toBe(header);
      const csv = parseCsv(text);
      expect(csv.rows).toHaveLength(r.tMin.length);
      expectCloseColumns(column(csv, 'time_min'), r.tMin, 1e-12);
      const parent = r.parent;
      const metabolite = r.metabolite!;
      expectCloseColumns(column(csv, `${parent}_ng_per_ml`), r.plasma[parent]!);
      expectCloseColumns(column(csv, `${metabolite}_ng_per_ml`), r.plasma[metabolite]!);
      expectCloseColumns(
        column(csv, `${parent}_um`),
        r.plasma[parent]!.map((v) => v / MOLAR_MASS_G_PER_MOL[parent]),
      );
      expectCloseColumns(
        column(csv, `${metabolite}_um`),
        r.plasma[metabolite]!.map((v) => v / MOLAR_MASS_G_PER_MOL[metabolite]),
      );
      expectCloseColumns(column(csv, `${parent}_effect_site_ng_per_ml`), r.effectSite);
      expectCloseColumns(
        column(csv, 'nmda_occupancy_pct'),
        r.occupancy.map((f) => f * 100),
      );
    },
  );

  it.each(['herd', 'herd-adult'])(
    'a model without a metabolite (%s) has no metabolite columns',
    (model) => {
      const r = simulate({ ...preset('iv-0.5'), model });
      expect(r.metabolite).toBeNull();
      const csv = parseCsv(toCsv(r));
      expect(csv.header.join(',')).toBe(NO_METABOLITE_HEADER);
      expectCloseColumns(column(csv, 'ketamine_ng_per_ml'), r.plasma.ketamine!);
    },
  );

  it('prints off-step grid times exactly in decimal, including an end that is off the step', () => {
    const r = simulate({ ...preset('iv-0.5'), options: { endH: 0.1, stepMin: 0.07 } });
    const times = column(parseCsv(toCsv(r)), 'time_min');
    expect(times).toHaveLength(r.tMin.length);
    expect(times[3]).toBe(0.21);
    expect(times.at(-1)).toBe(6);
    expect(times.at(-2)).toBe(5.95);
    expectCloseColumns(times, r.tMin, 1e-12);
  });
});

describe('toJson', () => {
  it.each(['iv-0.5', 'esk-84'])(
    '%s: the CSV columns at full precision, with scenario, warnings and doses',
    (name) => {
      const r = simulate(preset(name));
      const out = JSON.parse(toJson(r)) as JsonOutput;
      expect(Object.keys(out).sort()).toEqual(
        [
          'columns',
          'modelId',
          'preFirstPassDoseMg',
          'scenario',
          'summary',
          'systemicDoseMg',
          'totalDoseMg',
          'warnings',
        ].sort(),
      );
      expect(Object.keys(out.columns)).toEqual(parseCsv(toCsv(r)).header);
      expect(out.columns.time_min).toEqual(Array.from(r.tMin));
      expect(out.columns[`${r.parent}_ng_per_ml`]).toEqual(Array.from(r.plasma[r.parent]!));
      expect(out.columns[`${r.parent}_effect_site_ng_per_ml`]).toEqual(Array.from(r.effectSite));
      expect(out.columns.nmda_occupancy_pct).toEqual(Array.from(r.occupancy, (f) => f * 100));
      expect(out.scenario).toEqual(r.scenario);
      expect(out.modelId).toBe(r.modelId);
      expect(out.warnings).toEqual(r.warnings);
      expect(out.totalDoseMg).toBe(r.totalDoseMg);
      expect(out.systemicDoseMg).toBe(r.systemicDoseMg);
      expect(out.preFirstPassDoseMg).toBe(r.preFirstPassDoseMg);
      // One summary per concentration column, Tmax by the first-peak rule.
      const conc = Object.keys(out.columns).filter((k) => k.endsWith('_ng_per_ml'));
      expect(Object.keys(out.summary).sort()).toEqual(conc.sort());
      const s = summarize(r.tMin, r.plasma[r.parent]!, 100);
      expect(out.summary[`${r.parent}_ng_per_ml`]).toEqual({
        cmax: s.cmax,
        tmaxMin: s.tmaxMin,
        auc0_24: s.auc0to24NgHPerMl,
      });
    },
  );
});
