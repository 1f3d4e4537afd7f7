/**
 * The engine benchmark: speed of the exact solver on 24 h profiles and a 1000-patient population,
 * its accuracy against a 50-digit decimal reference, and a comparison with mathjs RK45.
 * It prints figures; it asserts nothing about timings.
 */
import { PRESETS, runScenario, validateScenario } from '../src/registry';
import { simulatePopulation } from '../src/registryApi';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { MODELS } from '../models/index';
import type { ModelDefinition } from '../src/engine/model';
import { mulberry32 } from '../src/engine/rng';
import { outputGrid, prepareIndividual, type IndividualRun } from '../src/engine/run';
import { type Scenario } from '../src/engine/scenario';
import { decompose, modalErrorBound } from '../src/engine/modal';
import { checkedModal, simulateLinear } from '../src/engine/simulate';
import { drawEta, etaSampler } from '../src/engine/variability';
import { referenceAgreement, referenceSolution } from './reference';
import { solveRk45, type Rk45Result } from './rk45';
import { sinkValue, timeInterleaved, type Timing } from './timing';

const SCENARIO_IDS = ['iv-0.5', 'esk-84'] as const;
const RK45_TOL = 1e-8;
const REFERENCE_DIGITS = 50;
const CHECK_DIGITS = 64;
const ROUNDS = 7;
const POPULATION_SCENARIO = 'esk-84';
const POPULATION_PATIENTS = 1000;
const POPULATION_STEP_MIN = 5;

interface Prepared {
  scenario: Scenario;
  model: ModelDefinition;
  run: IndividualRun;
  grid: Float64Array;
}

function prepare(id: string): Prepared {
  const v = validateScenario(PRESETS[id]);
  if (!v.ok) throw new Error(`preset ${id} is invalid: ${JSON.stringify(v.problems)}`);
  const scenario = v.scenario;
  const model = MODELS[scenario.model]!;
  const run = prepareIndividual(model, scenario);
  const grid = outputGrid(scenario.options.endH * 60, scenario.options.stepMin);
  return { scenario, model, run, grid };
}

interface ErrorReport {
  /** max over states of (max over grid of |x - ref|) / (max over grid of |ref|) */
  err: number;
  /** the state where it occurs */
  state: string;
}

function relativeError(
  names: readonly string[],
  got: readonly Float64Array[],
  ref: readonly Float64Array[],
): ErrorReport {
  let worst: ErrorReport = { err: 0, state: '-' };
  ref.forEach((r, i) => {
    const g = got[i]!;
    if (g.length !== r.length)
      throw new Error(`${names[i]}: ${g.length} values, expected ${r.length}`);
    let peak = 0;
    let diff = 0;
    for (let k = 0; k < r.length; k++) {
      peak = Math.max(peak, Math.abs(r[k]!));
      diff = Math.max(diff, Math.abs(g[k]! - r[k]!));
    }
    const e = peak > 0 ? diff / peak : diff;
    if (!(e <= worst.err)) worst = { err: e, state: names[i]! };
  });
  return worst;
}

/** Reference concentrations as runScenario reports them: central amounts x 1000/V, Ce x 1000. */
function referenceConcentrations(p: Prepared, ref: readonly Float64Array[]): Float64Array[] {
  const { system } = p.run;
  const analytes = [p.model.parent, ...(p.model.metabolite ? [p.model.metabolite] : [])];
  const cols = analytes.map((a) => {
    const i = system.structure.compartments.findIndex(
      (c) => c.analyte === a && c.kind === 'central',
    );
    const v = system.structure.compartments[i]!.volumeL!;
    return ref[i]!.map((x) => (x * 1000) / v);
  });
  cols.push(ref[system.effectIndex]!.map((x) => x * 1000));
  return cols;
}

interface ScenarioFigures {
  id: string;
  model: string;
  states: number;
  gridPoints: number;
  breakpoints: number;
  referenceMs: number;
  referenceExponentials: number;
  referenceCheck: number;
  runScenario: Timing;
  simulateLinear: Timing;
  rk45: Timing;
  rk45Run: Rk45Result;
  speedup: number;
  denseErr: ErrorReport;
  autoErr: ErrorReport;
  autoMethod: string;
  runScenarioErr: ErrorReport;
  rk45Err: ErrorReport;
}

function benchScenario(id: string): ScenarioFigures {
  const p = prepare(id);
  const { system, inputs } = p.run;
  const { stateIds, A } = system;

  // 1. The decimal reference on the output grid, all states, and a check at higher precision.
  const t0 = performance.now();
  const ref = referenceSolution(A, stateIds, inputs, p.grid, REFERENCE_DIGITS);
  const referenceMs = performance.now() - t0;
  const check = referenceSolution(A, stateIds, inputs, p.grid, CHECK_DIGITS);
  const referenceCheck = referenceAgreement(ref, check);

  // 2. Engine accuracy: both steppers, all states (amounts in mg; the effect site in mg/L), and
  // the concentration columns of runScenario.
  const dense = simulateLinear(system, inputs, p.grid, { method: 'dense' });
  const auto = simulateLinear(system, inputs, p.grid, { method: 'auto' });
  const out = runScenario(PRESETS[id]);
  if (!out.ok) throw new Error(`runScenario(${id}) failed`);
  const r = out.result;
  const analytes = [r.parent, ...(r.metabolite ? [r.metabolite] : [])];
  const runScenarioErr = relativeError(
    [...analytes, 'effectSite'],
    [...analytes.map((a) => r.plasma[a]!), r.effectSite],
    referenceConcentrations(p, ref.states),
  );

  // 3. RK45 on the same system, with states scaled by their peak so that mathjs's absolute
  // tolerance acts as a relative one.
  const scale = ref.states.map((s) => {
    let peak = 0;
    for (const v of s) peak = Math.max(peak, Math.abs(v));
    return peak > 0 ? peak : 1;
  });
  let rk45Run = solveRk45(A, stateIds, inputs, p.grid, scale, RK45_TOL);

  // 4. Timings, interleaved: runScenario (the app's full path), simulateLinear on the same system,
  // inputs and grid as RK45 with all states (the like-for-like solver call; it includes the modal
  // decomposition and its check, as every call without a cached decomposition does), and RK45.
  const preset = PRESETS[id];
  const timings = timeInterleaved(
    [
      {
        name: 'runScenario',
        fn: () => {
          const o = runScenario(preset);
          return o.ok ? o.result.effectSite.length : Number.NaN;
        },
        warmup: 300,
        perRound: 300,
      },
      {
        name: 'simulateLinear',
        fn: () => simulateLinear(system, inputs, p.grid).states.length,
        warmup: 300,
        perRound: 300,
      },
      {
        name: 'rk45',
        fn: () => {
          rk45Run = solveRk45(A, stateIds, inputs, p.grid, scale, RK45_TOL);
          return rk45Run.steps;
        },
        warmup: 0,
        perRound: 1,
      },
    ],
    ROUNDS,
  );
  const simulateLinearTiming = timings.get('simulateLinear')!;
  const rk45 = timings.get('rk45')!;
  return {
    id,
    model: p.model.id,
    states: stateIds.length,
    gridPoints: p.grid.length,
    breakpoints: ref.breakpoints,
    referenceMs,
    referenceExponentials: ref.exponentials,
    referenceCheck,
    runScenario: timings.get('runScenario')!,
    simulateLinear: simulateLinearTiming,
    rk45,
    rk45Run,
    speedup: rk45.medianMs / simulateLinearTiming.medianMs,
    denseErr: relativeError(stateIds, dense.states, ref.states),
    autoErr: relativeError(stateIds, auto.states, ref.states),
    autoMethod: auto.method,
    runScenarioErr,
    rk45Err: relativeError(stateIds, rk45Run.states, ref.states),
  };
}

interface PopulationCheck {
  id: string;
  /** virtual patients for whom 'auto' falls back to the dense stepper */
  denseFallbacks: number;
  /** worst error of 'auto' over the checked patients */
  worstErr: number;
  /** the largest modal error bound among the checked patients */
  worstBound: number;
  checked: number;
}

/**
 * Accuracy beyond the typical patient: draws the population's patients as simulatePopulation does
 * (mulberry32(1)), counts those whose modal decomposition fails the engine's check (they run
 * dense), and compares 'auto' with the reference on the 5-min grid for the patients that run modal
 * with the largest error bound (the worst conditioned), where modal errors would show first.
 */
function populationCheck(id: string, worstCount: number): PopulationCheck {
  const p = prepare(id);
  const sampler = etaSampler(p.model);
  const rng = mulberry32(1);
  const grid = outputGrid(p.scenario.options.endH * 60, POPULATION_STEP_MIN);
  let denseFallbacks = 0;
  const modal: { run: IndividualRun; bound: number }[] = [];
  for (let i = 0; i < POPULATION_PATIENTS; i++) {
    const run = prepareIndividual(p.model, p.scenario, drawEta(sampler, rng));
    if (!checkedModal(run.system.A)) {
      denseFallbacks++;
      continue;
    }
    const dec = decompose(run.system.A);
    modal.push({ run, bound: dec ? modalErrorBound(run.system.A, dec) : Number.NaN });
  }
  modal.sort((a, b) => b.bound - a.bound);
  const worst = modal.slice(0, worstCount);
  let worstErr = 0;
  for (const { run } of worst) {
    const { stateIds, A } = run.system;
    const ref = referenceSolution(A, stateIds, run.inputs, grid, REFERENCE_DIGITS);
    const got = simulateLinear(run.system, run.inputs, grid);
    worstErr = Math.max(worstErr, relativeError(stateIds, got.states, ref.states).err);
  }
  return {
    id,
    denseFallbacks,
    worstErr,
    worstBound: worst[0]?.bound ?? Number.NaN,
    checked: worst.length,
  };
}

function table(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const us = (t: Timing) => (t.medianMs * 1000).toFixed(0);
const exp = (x: number) => x.toExponential(1);

/** Runs the benchmark; `more` adds lines before the summary and keys to its last line. */
export function runBenchmark(more?: { lines: string[]; keys: string }): void {
  const startLoad = loadavg()[0]!;
  const started = performance.now();
  const figures = SCENARIO_IDS.map(benchScenario);
  const checks = SCENARIO_IDS.map((id) => populationCheck(id, 3));

  let popPoints = 0;
  const pop = timeInterleaved(
    [
      {
        name: 'population',
        fn: () => {
          const o = simulatePopulation(PRESETS[POPULATION_SCENARIO], {
            nPatients: POPULATION_PATIENTS,
            rng: mulberry32(1),
            stepMin: POPULATION_STEP_MIN,
          });
          popPoints = o.ok ? o.result.tMin.length : Number.NaN;
          return popPoints;
        },
        warmup: 1,
        perRound: 1,
      },
    ],
    ROUNDS,
  ).get('population')!;

  console.log(
    `Engine benchmark: Node ${process.version}, ${cpus().length} CPUs, load average ` +
      `${startLoad.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end ` +
      `(wall times: other busy processes slow them), ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log('');
  console.log(
    table(
      [
        'scenario',
        'model',
        'states',
        'runScenario µs',
        'simulateLinear µs',
        'RK45 ms',
        'speedup',
        'dense err',
        'auto err (stepper)',
        'runScenario err',
        'RK45 err',
      ],
      figures.map((f) => [
        f.id,
        f.model,
        String(f.states),
        us(f.runScenario),
        us(f.simulateLinear),
        f.rk45.medianMs.toFixed(1),
        `${f.speedup.toFixed(0)}x`,
        exp(f.denseErr.err),
        `${exp(f.autoErr.err)} (${f.autoMethod})`,
        exp(f.runScenarioErr.err),
        exp(f.rk45Err.err),
      ]),
    ),
  );
  console.log('');
  console.log(
    `population: simulatePopulation('${POPULATION_SCENARIO}', ${POPULATION_PATIENTS} patients, mulberry32(1),`,
  );
  console.log(
    `  ${POPULATION_STEP_MIN}-min grid over 24 h (${popPoints} points), median of ${pop.runs} runs: ` +
      `${pop.medianMs.toFixed(1)} ms (fastest ${pop.minMs.toFixed(1)} ms)`,
  );
  for (const c of checks) {
    console.log(
      `  ${c.id} patients: ${c.denseFallbacks} of ${POPULATION_PATIENTS} run the dense stepper ` +
        `(modal check failed); the ${c.checked} worst-conditioned modal ones (error bound up to ` +
        `${exp(c.worstBound)}) have max error ${exp(c.worstErr)} against the reference`,
    );
  }
  console.log('');
  console.log('What the figures measure (wall time, medians of interleaved calls after warm-up):');
  const notes = [
    'runScenario µs     runScenario(PRESETS[id]): validation, model, exact solution over 24 h at 1-min',
    '                   steps (1441 points), parent, metabolite and effect-site ng/mL, occupancy',
    'simulateLinear µs  simulateLinear(system, inputs, grid) from prepareIndividual, same 1441-point',
    "                   grid, all states, method 'auto' (modal decomposition and check included):",
    '                   the like-for-like counterpart of the RK45 run',
    `RK45 ms            mathjs solveODE 'RK45', tol ${RK45_TOL} on states scaled by their peak (a`,
    '                   relative tolerance), restarted at every breakpoint, boluses as jumps, all states',
    'speedup            RK45 median / simulateLinear median',
    'errors             max over states and grid points of |x - ref| / (peak |ref| of that state),',
    `                   against a ${REFERENCE_DIGITS}-digit decimal.js reference; dense = method 'dense',`,
    "                   auto = method 'auto' (the stepper it chose), runScenario = its ng/mL columns",
  ];
  for (const n of notes) console.log(`  ${n}`);
  console.log('');
  for (const f of figures) {
    console.log(
      `${f.id}: ${f.gridPoints} grid points, ${f.breakpoints} breakpoints; reference ` +
        `${f.referenceMs.toFixed(0)} ms, ${f.referenceExponentials} exponential(s), agrees with a ` +
        `${CHECK_DIGITS}-digit run to ${exp(f.referenceCheck)}`,
    );
    console.log(
      `  worst state: dense ${f.denseErr.state}, auto ${f.autoErr.state}, runScenario ` +
        `${f.runScenarioErr.state}, RK45 ${f.rk45Err.state}; RK45 ${f.rk45Run.steps} steps, ` +
        `${f.rk45Run.evaluations} evaluations per run`,
    );
    console.log(
      `  fastest call: runScenario ${(f.runScenario.minMs * 1000).toFixed(0)} µs, simulateLinear ` +
        `${(f.simulateLinear.minMs * 1000).toFixed(0)} µs, RK45 ${f.rk45.minMs.toFixed(1)} ms; ` +
        `timed calls ${f.runScenario.runs}, ${f.simulateLinear.runs}, ${f.rk45.runs}`,
    );
  }
  console.log('');
  if (more) console.log([...more.lines, ''].join('\n'));
  const speedup = Math.min(...figures.map((f) => f.speedup));
  const maxErr = Math.max(...figures.flatMap((f) => [f.denseErr.err, f.autoErr.err]));
  const single = Math.max(...figures.map((f) => f.runScenario.medianMs * 1000));
  console.log(
    'Summary: engine_vs_rk45_speedup is the smaller of the two scenarios; max_rel_err the worst of',
  );
  console.log(
    '  dense and auto over both; population_1000_ms the population median above (5-min grid);',
  );
  console.log('  single_24h_us the larger of the two runScenario medians.');
  if (!Number.isFinite(sinkValue())) throw new Error('a timed call failed (returned NaN)');
  console.log(
    `engine_vs_rk45_speedup=${speedup.toFixed(1)} max_rel_err=${exp(maxErr)} ` +
      `population_1000_ms=${pop.medianMs.toFixed(1)} single_24h_us=${single.toFixed(0)}` +
      (more ? ` ${more.keys}` : ''),
  );
}
