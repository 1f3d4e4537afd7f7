/**
 * Between-patient variability: Monte Carlo over each model's published random effects
 * (virtualPatients.ts), with the random number generator passed in or the patients taken from a
 * PopulationPool, summarised as percentiles per time point.
 */
import type { Registry } from './registry';
import { bandGrid, bandGridLength, BAND_GRID_KINDS, type BandGridKind } from './bandGrid';
import { parentRandomEffects } from './model';
import type { PopulationPool } from './populationPool';
import type { Rng } from './rng';
import { individualInputs, simulateConcentrations, type Warning } from './run';
import { LIMITS, validateScenario, type Problem, type Scenario } from './scenario';
import { makePlan, type Plan } from './simulate';
import { percentilesOverTime } from './percentiles';
import type { Analyte } from './types';
import { drawEta, etaSampler, makeVirtualPatient, type VirtualPatient } from './virtualPatients';

export { drawEta, etaSampler, type EtaSampler } from './virtualPatients';
export { percentileOfSorted, percentilesOverTime } from './percentiles';

export const DEFAULT_PERCENTILES = [5, 25, 50, 75, 95] as const;

export type PopulationOptions = {
  /** number of virtual patients */
  nPatients: number;
  /** output grid step, min (on the sessions grid: its fine part); default the scenario's step */
  stepMin?: number;
  /** time points: 'regular' (default) or, for a course, 'sessions' (bandGrid.ts) */
  grid?: BandGridKind;
  /** the series to summarise; default all (parent, metabolite, effect site) */
  series?: readonly ('parent' | 'metabolite' | 'effectSite')[];
  /** percentiles to report, 0-100; default 5, 25, 50, 75, 95 */
  percentiles?: readonly number[];
} & (
  | { rng: Rng }
  /** the patients of mulberry32(seed), kept in a pool between requests */
  | { pool: PopulationPool; seed: number }
);

export type PopulationSeries = Analyte | 'effectSite';

/** Most virtual patients in one population run. */
export const MAX_PATIENTS = 20000;
/**
 * Most values held in one run, patients x time points x series: each series keeps every patient's
 * values while the percentiles are taken, 8 bytes each, so at most 64 MB. A choice of this
 * simulator, to keep a browser tab alive. The app's largest band, 1000 patients over a 26-week
 * course on the sessions grid (bandGrid.ts), parent only, is 1.4 million; on the regular
 * 30-min grid it would be 8.7 million, refused.
 */
export const MAX_PATIENT_VALUES = 8_000_000;

export interface PopulationResult {
  tMin: Float64Array;
  percentiles: number[];
  /** per series, one array per percentile (same order as `percentiles`), ng/mL */
  bands: Partial<Record<PopulationSeries, Float64Array[]>>;
  nPatients: number;
  warnings: Warning[];
}

export type PopulationOutcome =
  { ok: true; result: PopulationResult } | { ok: false; problems: Problem[] };

/**
 * What is wrong with a population request for a valid scenario (empty when nothing): the patient
 * count, the step, the grid, the patients x time points x series limit and the percentiles.
 * Checked before anything is allocated. `seriesCount` is how many series the run keeps (default:
 * those asked for, all three when none are named).
 */
export function populationProblems(
  scenario: Scenario,
  options: Pick<PopulationOptions, 'nPatients' | 'stepMin' | 'percentiles' | 'grid' | 'series'>,
  seriesCount = options.series?.length ?? 3,
): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const N = options.nPatients;
  if (!Number.isInteger(N) || N < 2 || N > MAX_PATIENTS)
    add('nPatients', `nPatients must be a whole number from 2 to ${MAX_PATIENTS}, got ${N}`);
  const kind = options.grid ?? 'regular';
  if (!BAND_GRID_KINDS.includes(kind))
    add(
      'grid',
      `grid must be "regular" or "sessions", got ${JSON.stringify(kind) ?? String(kind)}`,
    );
  const stepMin = options.stepMin ?? scenario.options.stepMin;
  const [stepLo, stepHi] = LIMITS.stepMin;
  if (typeof stepMin !== 'number' || !(stepMin >= stepLo && stepMin <= stepHi)) {
    add('stepMin', `stepMin must be a number from ${stepLo} to ${stepHi} min, got ${stepMin}`);
  } else if (Number.isInteger(N) && N >= 2 && BAND_GRID_KINDS.includes(kind)) {
    const points = bandGridLength(scenario, stepMin, kind);
    if (N * points * seriesCount > MAX_PATIENT_VALUES) {
      const course = scenario.regimen.schedule.kind === 'course' && kind === 'regular';
      add(
        'stepMin',
        `${N} patients x ${points} time points x ${seriesCount} series is more than ${MAX_PATIENT_VALUES.toLocaleString('en')} values (${(8 * MAX_PATIENT_VALUES) / 1e6} MB): use fewer patients, fewer series, a larger step or a shorter time${course ? ', or the sessions grid (grid "sessions")' : ''}`,
      );
    }
  }
  if ((options.percentiles ?? DEFAULT_PERCENTILES).some((p) => !(p >= 0 && p <= 100)))
    add('percentiles', 'Percentiles must be numbers from 0 to 100');
  return problems;
}

/**
 * The population's virtual patients, by index (asked for in order, 0 to N - 1): the pool's first
 * N, or drawn one by one from options.rng (their modal decompositions left to the solver), so
 * that a large population does not hold every patient at once.
 */
function virtualPatients(
  options: PopulationOptions,
  model: Registry['models'][string],
  scenario: Scenario,
): (i: number) => VirtualPatient {
  if ('pool' in options)
    return options.pool.patients(model, scenario.patient, options.seed, options.nPatients);
  const { rng } = options;
  const sampler = etaSampler(model);
  return () => makeVirtualPatient(model, scenario.patient, drawEta(sampler, rng), false);
}

export function simulatePopulation(
  registry: Registry,
  input: unknown,
  options: PopulationOptions,
): PopulationOutcome {
  const v = validateScenario(registry, input);
  if (!v.ok) return v;
  const scenario: Scenario = v.scenario;
  const model = registry.models[scenario.model]!;
  const wanted = new Set(options.series ?? ['parent', 'metabolite', 'effectSite']);
  const want = { metabolite: wanted.has('metabolite'), effectSite: wanted.has('effectSite') };
  const series: PopulationSeries[] = [
    model.parent,
    ...(model.metabolite && want.metabolite ? [model.metabolite] : []),
    ...(want.effectSite ? (['effectSite'] as const) : []),
  ];
  const problems = populationProblems(scenario, options, series.length);
  if (problems.length) return { ok: false, problems };
  const N = options.nPatients;
  const stepMin = options.stepMin ?? scenario.options.stepMin;
  const percentiles = [...(options.percentiles ?? DEFAULT_PERCENTILES)];
  const grid = bandGrid(scenario, stepMin, options.grid ?? 'regular');
  const T = grid.length;
  // Patient-major: patient i's series at [i T, (i + 1) T), written there by the solver directly.
  // With a pool, in its workspace, which may hold the first patients' rows from the last run.
  const pooled = 'pool' in options ? options : null;
  const key = JSON.stringify([scenario, pooled?.seed, stepMin, grid.length, options.grid, series]);
  const { arrays: all, done } = pooled
    ? pooled.pool.workspace(key, series.length, N * T)
    : { arrays: series.map(() => new Float64Array(N * T)), done: 0 };
  const patientAt = virtualPatients(options, model, scenario);
  let capped = 0;
  // Every patient gets the regimen at the same times, so the timing plan is made once.
  let plan: Plan | undefined;
  for (let i = 0; i < N; i++) {
    const { params, system, modal } = patientAt(i);
    if (params.FRn !== undefined && params.doseFRn !== undefined && params.FRn > 1) capped++;
    if (i < done) continue;
    const run = { params, system, inputs: individualInputs(model, scenario, params), modal };
    plan ??= makePlan(run.system, run.inputs, grid);
    const own = all.map((a) => a.subarray(i * T, (i + 1) * T));
    simulateConcentrations(model, run, grid, plan, want, own);
  }
  pooled?.pool.finished(key, N);
  // A course's new doses reorder the patients: its percentiles are found by selection.
  const sortBy = scenario.regimen.schedule.kind === 'course' ? 'selection' : 'insertion';
  const bands: PopulationResult['bands'] = {};
  series.forEach((s, k) => {
    bands[s] = percentilesOverTime(all[k]!, N, T, percentiles, sortBy);
  });
  const warnings: Warning[] = [];
  if (etaSampler(model).names.length === 0) {
    warnings.push({
      code: 'no-variability',
      message: `${model.shortName} has no published between-subject variability: all virtual patients are identical.`,
    });
  } else {
    const unvaried = Object.values(model.parameters).filter(
      (p) => !p.iiv && !p.covariate && p.evidence !== 'assumption',
    );
    const without = unvaried.filter((p) => !p.variabilityNotModelled).map((p) => p.symbol);
    const notModelled = unvaried.filter((p) => p.variabilityNotModelled).map((p) => p.symbol);
    if (parentRandomEffects(model).length === 0) {
      warnings.push({
        code: 'no-variability',
        message: `${model.shortName} has no published between-subject variability for ${model.parent}: the bands show only the metabolite's variability.`,
      });
    } else {
      if (without.length > 0)
        warnings.push({
          code: 'no-variability',
          message: `No between-subject variability is applied to ${without.join(', ')} (none published).`,
        });
      if (notModelled.length > 0)
        warnings.push({
          code: 'no-variability',
          message: `The source publishes variability between occasions (visits) for ${notModelled.join(', ')}; it is not applied here, so the bands are narrower than the study found.`,
        });
    }
  }
  if (capped > 0) {
    warnings.push({
      code: 'fraction-capped',
      message: `${capped} of ${N} virtual patients had a nasal fraction FRn above 1, taken as 1.`,
    });
  }
  return { ok: true, result: { tMin: grid, percentiles, bands, nPatients: N, warnings } };
}
