/**
 * The whole command line as a function: arguments and a file reader in, exit code and output
 * text out. src/cli/simulate.ts connects it to the process; tests call it directly.
 */
import { PRESETS, runScenario } from '../registry';
import { DOSE_PRESETS, presetNamed } from './presets';
import { simulatePopulation } from '../registryApi';
import { DEFAULT_IV_MODEL, DEFAULT_MODELS, MODELS } from '../../models/index';
import { ROUTE_WORDS } from '../engine/scenario';
import type { Route } from '../engine/types';
import { parentRandomEffects } from '../engine/model';
import { mulberry32 } from '../engine/rng';
import {
  DEFAULT_END_H,
  DEFAULT_STEP_MIN,
  USAGE,
  parseArgs,
  type Overrides,
  type ScenarioSource,
} from './args';
import { percentileColumns, toCsv, toJson, type Column } from '../engine/columns';

/** 0: success; 2: bad arguments or an invalid scenario. */
export type ExitCode = 0 | 2;

export interface CliOutcome {
  exitCode: ExitCode;
  /** text for stdout */
  stdout: string;
  /** lines for stderr, without their line ends: "warning: ..." or one "error: ..." */
  stderr: string[];
}

export interface CliIo {
  /** reads a UTF-8 text file; throws when it cannot */
  readTextFile(path: string): string;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Newlines in a message would break the one-line contract of "error: " and "warning: ". */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The base scenario, before overrides, as unvalidated data. */
export function loadScenario(source: ScenarioSource, io: CliIo): Outcome<unknown> {
  if (source.kind === 'preset') {
    const preset = presetNamed(source.name);
    return preset.ok ? { ok: true, value: preset.scenario } : { ok: false, error: preset.message };
  }
  let text: string;
  try {
    text = io.readTextFile(source.path);
  } catch (e) {
    return { ok: false, error: `cannot read scenario file ${source.path}: ${errorMessage(e)}` };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (e) {
    return { ok: false, error: `${source.path} is not valid JSON: ${errorMessage(e)}` };
  }
}

/**
 * The scenario with the command-line overrides applied, as a new object (the base is not
 * changed). Model and patient.weightKg are replaced when given. options.endH and options.stepMin
 * come from the flag if given, else from the scenario's own options, else 24 h and 1 min.
 * Nothing is checked or clamped here: the result goes through the engine's validation, and parts
 * that are not objects are left as they are for validation to report.
 */
export function applyOverrides(base: unknown, overrides: Overrides): unknown {
  if (!isObject(base)) return base;
  const out: Record<string, unknown> = { ...base };
  if (overrides.model !== undefined) out.model = overrides.model;
  if (overrides.weightKg !== undefined && isObject(base.patient)) {
    out.patient = { ...base.patient, weightKg: overrides.weightKg };
  }
  if (base.options === undefined || isObject(base.options)) {
    const own = base.options ?? {};
    out.options = {
      ...own,
      endH: overrides.endH ?? ('endH' in own ? own.endH : DEFAULT_END_H),
      stepMin: overrides.stepMin ?? ('stepMin' in own ? own.stepMin : DEFAULT_STEP_MIN),
    };
  }
  return out;
}

/**
 * `--list-presets`: one line per preset, its name then its description; then one line per family
 * of presets named by a dose (e.g. `sl-<mg>`), with the doses it accepts.
 */
export function listPresets(): string {
  return aligned([
    ...Object.entries(PRESETS).map(([id, s]): [string, string] => [id, s.name ?? '']),
    ...DOSE_PRESETS.map((p): [string, string] => [
      p.pattern,
      `${p.description} (${p.range[0]}-${p.range[1]} ${p.unit})`,
    ]),
  ]);
}

/** How --list-models names each route's default ("default IV model", "default nasal model"). */
const DEFAULT_LABEL: Readonly<Record<Route, string>> = {
  ...ROUTE_WORDS,
  iv: 'IV',
  intranasal: 'nasal',
};

/**
 * `--list-models`: one line per model, its id then its description, its blood sampling site, and
 * "(default IV model)" or "(default nasal model)" for the defaults.
 */
export function listModels(): string {
  return aligned(
    Object.values(MODELS).map((m) => {
      const route = (Object.keys(DEFAULT_MODELS) as Route[]).find(
        (r) => DEFAULT_MODELS[r] === m.id,
      );
      const mark = route ? ` (default ${DEFAULT_LABEL[route]} model)` : '';
      return [m.id, `${m.name}; sampling: ${m.population.sampling}${mark}`];
    }),
  );
}

function aligned(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([id]) => id.length));
  return rows.map(([id, text]) => `${id.padEnd(width)}  ${text}`.trimEnd() + '\n').join('');
}

/** Runs the command line for `argv` (the arguments after the script name). */
export function runCli(argv: readonly string[], io: CliIo): CliOutcome {
  const fail = (error: string): CliOutcome => ({
    exitCode: 2,
    stdout: '',
    stderr: [`error: ${oneLine(error)}`],
  });
  const parsed = parseArgs(argv);
  if (!parsed.ok) return fail(parsed.error);
  const command = parsed.options;
  switch (command.kind) {
    case 'help':
      return { exitCode: 0, stdout: USAGE, stderr: [] };
    case 'list-presets':
      return { exitCode: 0, stdout: listPresets(), stderr: [] };
    case 'list-models':
      return { exitCode: 0, stdout: listModels(), stderr: [] };
  }
  const base = loadScenario(command.source, io);
  if (!base.ok) return fail(base.error);
  const run = runScenario(applyOverrides(base.value, command.overrides));
  if (!run.ok) {
    return fail(`invalid scenario: ${run.problems.map((p) => p.message).join('; ')}`);
  }
  const result = run.result;
  let extra: Column[] = [];
  const warnings = [...result.warnings];
  if (command.population) {
    const model = MODELS[result.modelId]!;
    if (parentRandomEffects(model).length === 0) {
      return fail(
        `--population: model ${model.id} has no published between-patient variability for ${model.parent}; choose a model that has (see --list-models), e.g. ${DEFAULT_IV_MODEL}`,
      );
    }
    const pop = simulatePopulation(result.scenario, {
      nPatients: command.population.nPatients,
      rng: mulberry32(command.population.seed),
    });
    if (!pop.ok) return fail(`--population: ${pop.problems.map((p) => p.message).join('; ')}`);
    extra = percentileColumns(result, pop.result);
    for (const w of pop.result.warnings)
      if (!warnings.some((x) => x.message === w.message)) warnings.push(w);
  }
  return {
    exitCode: 0,
    stdout: command.format === 'json' ? toJson(result, extra) : toCsv(result, extra),
    stderr: warnings.map((w) => `warning: ${oneLine(w.message)}`),
  };
}
