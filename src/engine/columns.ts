/**
 * A simulation result as named columns, then as CSV or JSON text: the output of `npm run simulate`
 * and of the app's data export.
 * Pure functions, no I/O.
 */
import type { SimulationResult, Warning } from './run';
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

/** The result as CSV: one header line, then one line per output time; each line ends in "\n". */
export function toCsv(result: SimulationResult): string {
  const columns = resultColumns(result);
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
}

export function toJsonOutput(result: SimulationResult): JsonOutput {
  const columns: Record<string, number[]> = {};
  for (const c of resultColumns(result)) columns[c.name] = Array.from(c.values);
  return {
    scenario: result.scenario,
    modelId: result.modelId,
    columns,
    warnings: result.warnings,
    totalDoseMg: result.totalDoseMg,
    systemicDoseMg: result.systemicDoseMg,
    preFirstPassDoseMg: result.preFirstPassDoseMg,
  };
}

/** The result as one line of JSON (see JsonOutput), ending in "\n". */
export function toJson(result: SimulationResult): string {
  return JSON.stringify(toJsonOutput(result)) + '\n';
}
