/**
 * Command-line arguments of `npm run simulate`: a pure parser (no I/O) that turns argv into a
 * command or a one-line error. Ranges are not checked here: the engine's scenario validation
 * refuses out-of-range values (never clamps), so the limits live in one place.
 */
import { presetNamed } from './presets';
import { MODELS } from '../../models/index';

export type OutputFormat = 'csv' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'json'];

/** Where the base scenario comes from. */
export type ScenarioSource = { kind: 'preset'; name: string } | { kind: 'file'; path: string };

/** Values given on the command line that replace those of the base scenario. */
export interface Overrides {
  /** model id, a key of MODELS */
  model?: string;
  /** patient body weight, kg */
  weightKg?: number;
  /** simulated time from the first dose, h */
  endH?: number;
  /** output grid step, min */
  stepMin?: number;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'list-presets' }
  | { kind: 'list-models' }
  | {
      kind: 'run';
      source: ScenarioSource;
      overrides: Overrides;
      format: OutputFormat;
      /** virtual patients and random seed for percentile columns, when asked for */
      population?: { nPatients: number; seed: number };
    };

export type ParseResult = { ok: true; options: CliCommand } | { ok: false; error: string };

/** Simulated time used when neither a flag nor the scenario gives one, h. */
export const DEFAULT_END_H = 24;
/** Random seed of --population when --seed is not given. */
export const DEFAULT_SEED = 1;
/** Output step used when neither a flag nor the scenario gives one, min. */
export const DEFAULT_STEP_MIN = 1;

export const USAGE = `Usage: npm run --silent simulate -- (--preset NAME | --scenario FILE.json) [options]
       npm run --silent simulate -- --list-presets | --list-models | --help

Simulates one ketamine or esketamine scenario for the typical patient of a model and prints
concentrations on a regular time grid. A teaching tool: not for dosing decisions.

Input (exactly one):
  --preset NAME       a named scenario (see --list-presets)
  --scenario FILE     a scenario JSON file (scenario version 1, a regular file of at most 1 MiB)

Options (write "--flag value" or "--flag=value"):
  --model ID          model id, replacing the scenario's (see --list-models)
  --weight-kg W       patient body weight, kg, replacing the scenario's
  --end-h H           simulated time from the first dose, h
                      (default: the scenario's options.endH, else ${DEFAULT_END_H})
  --step-min M        output time step, min
                      (default: the scenario's options.stepMin, else ${DEFAULT_STEP_MIN})
  --format csv|json   output format (default csv)
  --population N      also simulate N virtual patients (2-20000) from the model's published
                      between-patient variability and add percentile columns
  --seed S            random seed for --population (whole number; default ${DEFAULT_SEED})
  --list-presets      list the presets, one per line, and exit
  --list-models       list the models, one per line (the default IV and nasal models marked,
                      with each model's blood sampling site), and exit
  -h, --help          show this help and exit

Every preset sets options.endH and options.stepMin as the app does: 24 h at 1 min for the single
sessions; for iv-course and esk-course, until 4 days after the last session at 5 min.

CSV output: one header line, then one row per time point. Columns: time_min; plasma
<analyte>_ng_per_ml for the parent drug and, when the model has one, its metabolite;
<parent>_effect_site_ng_per_ml; nmda_occupancy_pct (0-100); then the plasma concentrations in
micromolar, <analyte>_um.
Concentrations have up to 6 significant digits, times up to 12. JSON output: an object with
scenario, modelId, columns (the same names, full precision), warnings, totalDoseMg,
systemicDoseMg (the part reaching the circulation unchanged, F x D) and preFirstPassDoseMg (the
amount entering the model before first-pass loss in the liver), and summary: for each
<analyte>_ng_per_ml column, cmax (ng/mL), tmaxMin (the first peak: the earliest peak within 2 %
of cmax) and auc0_24 (ng h/mL, 0-24 h or to the end if shorter).
With --population N: columns <column>_p5, _p25, _p50, _p75 and _p95 for each <analyte>_ng_per_ml
column (percentiles over the N virtual patients, ng/mL), after the others; a model without
published variability for its parent drug is refused.

Engine warnings go to stderr as "warning: ..." lines. Bad arguments or an invalid scenario
print one "error: ..." line to stderr and exit with code 2.
`;

/** The flags that take a value ("--flag value" or "--flag=value"). */
export const VALUE_FLAGS = [
  '--preset',
  '--scenario',
  '--model',
  '--weight-kg',
  '--end-h',
  '--step-min',
  '--format',
  '--population',
  '--seed',
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
/** The flags that take none. */
export const SWITCHES = ['--help', '-h', '--list-presets', '--list-models'] as const;
type Switch = (typeof SWITCHES)[number];

const isValueFlag = (s: string): s is ValueFlag => (VALUE_FLAGS as readonly string[]).includes(s);
const isSwitch = (s: string): s is Switch => (SWITCHES as readonly string[]).includes(s);

/** A plain decimal number ("70", "-5", "0.5", "1e2"); hex, "Infinity" and blanks are refused. */
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal number, or returns undefined when the text is not one. */
export function parseDecimal(text: string): number | undefined {
  if (!NUMBER_RE.test(text)) return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

const NUMERIC_FLAGS: Record<
  '--weight-kg' | '--end-h' | '--step-min',
  { key: 'weightKg' | 'endH' | 'stepMin'; unit: string }
> = {
  '--weight-kg': { key: 'weightKg', unit: 'kg' },
  '--end-h': { key: 'endH', unit: 'h' },
  '--step-min': { key: 'stepMin', unit: 'min' },
};

const quote = (s: string) => JSON.stringify(s);

/**
 * Parses the arguments after the script name (process.argv.slice(2)). `--help` anywhere wins;
 * otherwise any unknown flag, stray argument, missing or repeated value, unknown preset, model
 * or format, or non-numeric number gives `{ ok: false, error }` with a one-line message.
 */
export function parseArgs(argv: readonly string[]): ParseResult {
  if (argv.includes('--help') || argv.includes('-h'))
    return { ok: true, options: { kind: 'help' } };

  const values = new Map<ValueFlag, string>();
  const switches = new Set<Switch>();
  const fail = (error: string): ParseResult => ({ ok: false, error });

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    if (isSwitch(flag)) {
      if (eq >= 0) return fail(`${flag} takes no value`);
      if (switches.has(flag)) return fail(`${flag} given more than once`);
      switches.add(flag);
      continue;
    }
    if (!isValueFlag(flag)) {
      return arg.startsWith('-')
        ? fail(`unknown option ${quote(flag)} (see --help)`)
        : fail(`unexpected argument ${quote(arg)} (see --help)`);
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      // "--weight-kg -5" passes -5 on (validation refuses it); "--preset --format" lacks a value.
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') return fail(`${flag} needs a value (see --help)`);
    if (values.has(flag)) return fail(`${flag} given more than once`);
    values.set(flag, value);
  }

  const lists = [...switches].filter((s) => s === '--list-presets' || s === '--list-models');
  if (lists.length > 0) {
    if (lists.length > 1 || values.size > 0) return fail(`${lists[0]} takes no other options`);
    return {
      ok: true,
      options: { kind: lists[0] === '--list-presets' ? 'list-presets' : 'list-models' },
    };
  }

  const preset = values.get('--preset');
  const file = values.get('--scenario');
  if (preset !== undefined && file !== undefined)
    return fail('give either --preset or --scenario, not both');
  if (preset === undefined && file === undefined)
    return fail('give --preset NAME or --scenario FILE.json (see --help)');
  let source: ScenarioSource;
  if (preset !== undefined) {
    const found = presetNamed(preset);
    if (!found.ok) return fail(found.message);
    source = { kind: 'preset', name: preset };
  } else source = { kind: 'file', path: file! };

  const overrides: Overrides = {};
  const model = values.get('--model');
  if (model !== undefined) {
    if (!Object.hasOwn(MODELS, model))
      return fail(`unknown model ${quote(model)}; models: ${Object.keys(MODELS).join(', ')}`);
    overrides.model = model;
  }
  for (const [flag, { key, unit }] of Object.entries(NUMERIC_FLAGS)) {
    const text = values.get(flag as keyof typeof NUMERIC_FLAGS);
    if (text === undefined) continue;
    const v = parseDecimal(text);
    if (v === undefined) return fail(`${flag} must be a number (${unit}), got ${quote(text)}`);
    overrides[key] = v;
  }

  const formatText = values.get('--format') ?? 'csv';
  const format = OUTPUT_FORMATS.find((f) => f === formatText);
  if (format === undefined)
    return fail(`unknown format ${quote(formatText)}; formats: ${OUTPUT_FORMATS.join(', ')}`);

  const populationText = values.get('--population');
  const seedText = values.get('--seed');
  if (seedText !== undefined && populationText === undefined)
    return fail('--seed needs --population N (see --help)');
  let population: { nPatients: number; seed: number } | undefined;
  if (populationText !== undefined) {
    const n = parseDecimal(populationText);
    if (n === undefined || !Number.isInteger(n))
      return fail(`--population must be a whole number of patients, got ${quote(populationText)}`);
    const seed = seedText === undefined ? DEFAULT_SEED : parseDecimal(seedText);
    if (seed === undefined || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
      return fail(`--seed must be a whole number from 0 to 4294967295, got ${quote(seedText!)}`);
    population = { nPatients: n, seed };
  }

  return {
    ok: true,
    options: { kind: 'run', source, overrides, format, ...(population ? { population } : {}) },
  };
}
