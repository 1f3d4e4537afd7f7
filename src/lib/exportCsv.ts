/**
 * The data of every compared scenario as one CSV file: first a block of metadata, one
 * `# key: value` comment line each (what the file shows, when and from which link it was made,
 * the teaching notice, and per scenario its name, model and citation, dose, patient and columns),
 * then one table: a time column and each scenario's columns, on one time grid. `parseScenariosCsv`
 * reads such a file back (the tests check the round trip). Pure functions.
 */
import { formatDecimal, TIME_DIGITS, VALUE_DIGITS } from '../engine/columns';
import { valueAt } from '../engine/curve';
import type { SimulationResult } from '../engine/run';
import type { Scenario } from '../engine/scenario';
import type { Analyte } from '../engine/types';
import type { ConcUnit } from './appState';
import { doseLine, modelLine, oneLine, patientLine, toUnit, unitText } from './exportInfo';

export interface CsvScenario {
  name: string;
  scenario: Scenario;
  result: SimulationResult;
}

export interface CsvContext {
  title: string;
  /** ISO date the file was made */
  date: string;
  /** the link that reproduces the view */
  link: string;
  notice: string;
  unit: ConcUnit;
  /** whether the chart shows the metabolite (its columns follow the chart) */
  showMetabolite: boolean;
}

interface Col {
  name: string;
  t: Float64Array;
  y: ArrayLike<number>;
}

/** Two times closer than this (relative) are the same grid point. */
const SAME_TIME = 1e-9;

const suffix = (unit: ConcUnit) => (unit === 'uM' ? 'um' : 'ng_per_ml');

/** Each scenario's columns, named s<k>_<what>_<unit>, values in the chart's unit. */
function columnsOf(k: number, r: SimulationResult, ctx: CsvContext): Col[] {
  const f = (a: Analyte) => toUnit(a, ctx.unit);
  const scaled = (y: Float64Array, a: Analyte) => (f(a) === 1 ? y : y.map((v) => v * f(a)));
  const u = suffix(ctx.unit);
  const p = r.parent;
  const plasma = (a: Analyte) => {
    const y = r.plasma[a];
    if (!y) throw new Error(`Scenario ${k} has no plasma curve of ${a}`);
    return { name: `s${k}_${a}_plasma_${u}`, t: r.tMin, y: scaled(y, a) };
  };
  return [
    plasma(p),
    ...(ctx.showMetabolite && r.metabolite ? [plasma(r.metabolite)] : []),
    { name: `s${k}_${p}_effect_site_${u}`, t: r.tMin, y: scaled(r.effectSite, p) },
    { name: `s${k}_nmda_occupancy_pct`, t: r.tMin, y: r.occupancy.map((v) => v * 100) },
  ];
}

/**
 * The common grid: the coarsest output step of the scenarios, from 0 to the longest simulated
 * time. A scenario sampled on that grid (the usual case: the same step, or one that divides it)
 * keeps its own values; between its samples a value is interpolated linearly, and after its end a
 * cell is empty. The metadata says which.
 */
function commonGrid(list: readonly CsvScenario[]): { t: Float64Array; stepMin: number } {
  const stepMin = Math.max(...list.map((s) => s.scenario.options.stepMin));
  const endMin = Math.max(...list.map((s) => s.result.tMin[s.result.tMin.length - 1] ?? 0));
  const n = Math.floor(endMin / stepMin + SAME_TIME);
  const onGrid = Math.abs(n * stepMin - endMin) <= SAME_TIME * Math.max(1, endMin);
  const t = new Float64Array(n + (onGrid ? 1 : 2));
  for (let i = 0; i <= n; i++) t[i] = i * stepMin;
  if (!onGrid) t[n + 1] = endMin;
  return { t, stepMin };
}

/** Values of a column on the grid: its own samples, interpolated between them, NaN after its end. */
function onGrid(col: Col, grid: Float64Array): { values: Float64Array; interpolated: number } {
  const values = new Float64Array(grid.length);
  let interpolated = 0;
  let j = 0;
  for (let i = 0; i < grid.length; i++) {
    const tt = grid[i]!;
    while (j + 1 < col.t.length && col.t[j + 1]! <= tt + SAME_TIME * Math.max(1, tt)) j++;
    if (Math.abs(col.t[j]! - tt) <= SAME_TIME * Math.max(1, tt)) values[i] = col.y[j]!;
    else {
      values[i] = valueAt(col.t, col.y, tt);
      if (!Number.isNaN(values[i]!)) interpolated++;
    }
  }
  return { values, interpolated };
}

const hours = (min: number) => (min % 60 === 0 ? `${min / 60} h` : `${min} min`);

/** The CSV text of every scenario (each line ends in "\n"). */
export function scenariosCsv(list: readonly CsvScenario[], ctx: CsvContext): string {
  if (list.length === 0) throw new Error('There are no scenarios to export');
  const grid = commonGrid(list);
  const meta: [string, string][] = [
    ['title', ctx.title],
    ['made', ctx.date],
    ['link', ctx.link],
    ['notice', ctx.notice],
    [
      'time grid',
      `0 to ${hours(grid.t[grid.t.length - 1]!)} every ${grid.stepMin} min, the same for every scenario`,
    ],
    [
      'units',
      `time_min in minutes from the first dose; concentrations (plasma and effect site) in ${unitText(ctx.unit)}; occupancy in % of NMDA receptors (an estimate)`,
    ],
    ['empty cell', 'no value: that scenario was not simulated so long'],
    ['scenarios', String(list.length)],
  ];
  const table: { name: string; values: ArrayLike<number>; digits: number }[] = [
    { name: 'time_min', values: grid.t, digits: TIME_DIGITS },
  ];
  list.forEach((s, i) => {
    const k = i + 1;
    const cols = columnsOf(k, s.result, ctx);
    const sampled = cols.map((c) => ({ name: c.name, ...onGrid(c, grid.t) }));
    const interpolated = sampled[0]!.interpolated;
    const own = `${hours(s.result.tMin[s.result.tMin.length - 1]!)} at ${s.scenario.options.stepMin} min steps`;
    meta.push(
      [`scenario ${k} name`, oneLine(s.name)],
      [`scenario ${k} model`, modelLine(s.scenario.model)],
      [`scenario ${k} dose`, doseLine(s.scenario)],
      [`scenario ${k} patient`, patientLine(s.scenario)],
      [
        `scenario ${k} simulated`,
        interpolated > 0
          ? `${own}; ${interpolated} values interpolated linearly between its samples`
          : own,
      ],
      [`scenario ${k} columns`, cols.map((c) => c.name).join(' ')],
    );
    for (const c of sampled) table.push({ name: c.name, values: c.values, digits: VALUE_DIGITS });
  });
  const lines = meta.map(([k, v]) => `# ${k}: ${oneLine(v)}`);
  lines.push(table.map((c) => c.name).join(','));
  const cells = new Array<string>(table.length);
  for (let i = 0; i < grid.t.length; i++) {
    for (let j = 0; j < table.length; j++) {
      const v = table[j]!.values[i]!;
      cells[j] = Number.isNaN(v) ? '' : formatDecimal(v, table[j]!.digits);
    }
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

export interface ParsedCsv {
  /** the metadata, by key, in file order */
  meta: Map<string, string>;
  columns: string[];
  /** one row per time; an empty cell is null */
  rows: (number | null)[][];
}

/** Reads a file made by scenariosCsv; throws an Error naming the line of the first problem. */
export function parseScenariosCsv(text: string): ParsedCsv {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const meta = new Map<string, string>();
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
    const m = /^# ([^:]+): (.*)$/.exec(lines[i]!);
    if (!m) throw new Error(`Line ${i + 1}: a metadata line must read "# key: value"`);
    if (meta.has(m[1]!)) throw new Error(`Line ${i + 1}: "${m[1]}" is given twice`);
    meta.set(m[1]!, m[2]!);
  }
  const header = lines[i];
  if (header === undefined || header === '') throw new Error('The file has no table');
  const columns = header.split(',');
  const rows: (number | null)[][] = [];
  for (let n = i + 1; n < lines.length; n++) {
    const cells = lines[n]!.split(',');
    if (cells.length !== columns.length) {
      throw new Error(`Line ${n + 1}: ${cells.length} cells, the header has ${columns.length}`);
    }
    rows.push(
      cells.map((c, j) => {
        if (c === '') return null;
        const v = Number(c);
        if (!Number.isFinite(v)) throw new Error(`Line ${n + 1}: ${columns[j]} is not a number`);
        return v;
      }),
    );
  }
  return { meta, columns, rows };
}
