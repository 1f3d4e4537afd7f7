/**
 * A simulation result as named columns, then as CSV or JSON text: the output of `npm run simulate`
 * and of the app's data export.
 * Pure functions, no I/O.
 */
import type { SimulationResult, Warning } from './run';
import { summarize } from './summary';
import type { Scenario } from './scenario';
import { MOLAR_MASS_G_PER_MOL, ngPerMlToMicromolar } from './units';

/** Significant digits of concentrations and occupancy in the CSV. */
export const VALUE_DIGITS = 6;
/**
 * Significant digits of times in the CSV: enough to print every grid time (at most 26 weeks at
 * 0.05 min steps, 8 digits) exactly in decimal, without the grid's floating-point noise.
 */
export const TIME_DIGITS = 12;

export interface Column {
  /** column name, ending in its unit: _min, _ng_per_ml, _um (micromolar) or _pct */
  name: string;
  /** one value per output time, in the unit of the name */
  values: ArrayLike<number>;
  /** significant digits in the CSV */
  digits: number;
}

/**
 * The result as columns, in CSV order: time_min; plasma <analyte>_ng_per_ml for the parent and,
 * when the model has one, the metabolite; <parent>_effect_site_ng_per_ml; nmda_occupancy_pct
 * (occupancy as a percentage, 0-100); then the plasma columns again in micromolar (<analyte>_um).
 */
export function resultColumns(result: SimulationResult): Column[] {
  const analytes = [result.parent, ...(result.metabolite ? [result.metabolite] : [])];
  const plasma = analytes.map((a) => {
    const values = result.plasma[a];
    if (!values) throw new Error(`The result has no plasma column for ${a}`);
    return { analyte: a, values };
  });
  return [
    { name: 'time_min', values: result.tMin, digits: TIME_DIGITS },
    ...plasma.map(({ analyte, values }) => ({
      name: `${analyte}_ng_per_ml`,
      values,
      digits: VALUE_DIGITS,
    })),
    {
      name: `${result.parent}_effect_site_ng_per_ml`,
      values: result.effectSite,
      digits: VALUE_DIGITS,
    },
    {
      name: 'nmda_occupancy_pct',
      values: result.occupancy.map((f) => f * 100),
      digits: VALUE_DIGITS,
    },
    ...plasma.map(({ analyte, values }) => ({
      name: `${analyte}_um`,
      values: values.map((v) => ngPerMlToMicromolar(v, MOLAR_MASS_G_PER_MOL[analyte])),
      digits: VALUE_DIGITS,
    })),
  ];
}

/**
 * A number as plain decimal text (never exponent notation) rounded to `digits` significant
 * digits, without trailing zeros: 253.051834 -> "253.052", 6.1484e-9 -> "0.0000000061484",
 * 40 -> "40". Values are rounded, never clamped; a tiny negative stays negative.
 */
export function formatDecimal(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const s = x.toPrecision(digits);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return stripZeros(s);
  const [, sign = '', lead = '', frac = '', expText = '0'] = m;
  const mantissa = lead + frac;
  const exp = Number(expText);
  // toPrecision switches to exponents only below 1e-6 or at or above 10^digits, so a positive
  // exponent always leaves the point after the last significant digit.
  return exp < 0
    ? sign + stripZeros(`0.${'0'.repeat(-exp - 1)}${mantissa}`)
    : sign + mantissa.padEnd(exp + 1, '0');
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * The result as CSV: one header line, then one line per output time; each line ends in "\n".
 * `extra` columns (e.g. population percentiles, one value per output time) follow the result's.
 */
export function toCsv(result: SimulationResult, extra: readonly Column[] = []): string {
  const columns = [...resultColumns(result), ...extra];
  const n = result.tMin.length;
  const lines = new Array<string>(n + 1);
  lines[0] = columns.map((c) => c.name).join(',');
  const cells = new Array<string>(columns.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j]!;
      cells[j] = formatDecimal(c.values[i]!, c.digits);
    }
    lines[i + 1] = cells.join(',');
  }
  return lines.join('\n') + '\n';
}

/** What `--format json` prints. */
export interface JsonOutput {
  /** the scenario that was run, after the command-line overrides */
  scenario: Scenario;
  modelId: string;
  /** the CSV columns by name, at full double precision */
  columns: Record<string, number[]>;
  warnings: Warning[];
  /** total dose given, mg */
  totalDoseMg: number;
  /** systemic dose, mg: the part of the dose that reaches the circulation unchanged (F x D) */
  systemicDoseMg: number;
  /** amount entering the model's first compartments before first-pass loss in the liver, mg */
  preFirstPassDoseMg: number;
  /** per concentration column of the result (<analyte>_ng_per_ml, effect site): its summary */
  summary: Record<string, ColumnSummary>;
}

export interface ColumnSummary {
  /** highest concentration, ng/mL */
  cmax: number;
  /** time of the first peak (first-peak rule, src/engine/summary.ts), min */
  tmaxMin: number;
  /** area under the curve from 0 to 24 h (or the end, if shorter), ng h/mL, trapezoidal */
  auc0_24: number;
}

export function toJsonOutput(result: SimulationResult, extra: readonly Column[] = []): JsonOutput {
  const columns: Record<string, number[]> = {};
  const summary: Record<string, ColumnSummary> = {};
  for (const c of resultColumns(result)) {
    columns[c.name] = Array.from(c.values);
    if (c.name.endsWith('_ng_per_ml')) {
      const s = summarize(result.tMin, c.values, 100);
      summary[c.name] = { cmax: s.cmax, tmaxMin: s.tmaxMin, auc0_24: s.auc0to24NgHPerMl };
    }
  }
  for (const c of extra) columns[c.name] = Array.from(c.values);
  return {
    scenario: result.scenario,
    modelId: result.modelId,
    columns,
    warnings: result.warnings,
    totalDoseMg: result.totalDoseMg,
    systemicDoseMg: result.systemicDoseMg,
    preFirstPassDoseMg: result.preFirstPassDoseMg,
    summary,
  };
}

/** The result as one line of JSON (see JsonOutput), ending in "\n". */
export function toJson(result: SimulationResult, extra: readonly Column[] = []): string {
  return JSON.stringify(toJsonOutput(result, extra)) + '\n';
}

/**
 * Population percentile columns: for each concentration column of the result, <name>_p<P> (e.g.
 * ketamine_ng_per_ml_p5), from bands computed on the same grid.
 */
export function percentileColumns(
  result: SimulationResult,
  population: {
    tMin: Float64Array;
    percentiles: number[];
    bands: Partial<Record<string, Float64Array[]>>;
  },
): Column[] {
  if (population.tMin.length !== result.tMin.length)
    throw new Error('The population was computed on another time grid');
  const named: [string, string][] = [
    [`${result.parent}_ng_per_ml`, result.parent],
    ...(result.metabolite
      ? [[`${result.metabolite}_ng_per_ml`, result.metabolite] as [string, string]]
      : []),
    [`${result.parent}_effect_site_ng_per_ml`, 'effectSite'],
  ];
  const out: Column[] = [];
  for (const [name, series] of named) {
    const bands = population.bands[series];
    if (!bands) continue;
    population.percentiles.forEach((p, k) =>
      out.push({ name: `${name}_p${p}`, values: bands[k]!, digits: VALUE_DIGITS }),
    );
  }
  return out;
}
