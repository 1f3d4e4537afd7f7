/**
 * Scenarios: the one factory, and the named presets of the CLI and the tests built from it. The
 * default models are the registry's (src/registry.ts binds them: ivScenario, nasalScenario, PRESETS).
 */
import type { Registry } from './registry';
import { IV_COURSE_DAYS, esketamineLabelCourseDays } from './regimen';
import { SCENARIO_VERSION, type Regimen, type Scenario } from './scenario';
import { DEFAULT_PATIENT } from './defaultPatient';

/**
 * The one scenario factory: the CLI's presets, the app's starting points, the exercises and the
 * tests all build scenarios here, so an IV course is the same scenario everywhere (the app once
 * simulated it for 360 h and the CLI for 336 h).
 */

/**
 * Simulated time and output step for a regimen: 24 h at 1 min for a single session; for a course,
 * until 4 days after its last session (long enough for parent and metabolite to fall to near zero:
 * their half-lives are hours) at 5 min.
 */
export function optionsFor(regimen: Regimen): Scenario['options'] {
  if (regimen.schedule.kind === 'single') return { endH: 24, stepMin: 1 };
  const last = regimen.schedule.sessionDays[regimen.schedule.sessionDays.length - 1] ?? 0;
  return { endH: (last + 4) * 24, stepMin: 5 };
}

/** A course schedule for a route: 6 IV infusions over two weeks, or the esketamine label schedule. */
export function courseFor(kind: Regimen['kind']): Regimen['schedule'] {
  return kind === 'iv'
    ? { kind: 'course', sessionDays: [...IV_COURSE_DAYS] }
    : { kind: 'course', sessionDays: esketamineLabelCourseDays('every-2-weeks', 4) };
}

/** The scenario given as a single session or as its route's course, with matching options. */
export function withCourse(s: Scenario, course: boolean): Scenario {
  const regimen = {
    ...s.regimen,
    schedule: course ? courseFor(s.regimen.kind) : { kind: 'single' as const },
  } as Regimen;
  return { ...s, regimen, options: optionsFor(regimen) };
}

/** A scenario of the default patient with this model and regimen, and the regimen's options. */
function scenarioFor(model: string, regimen: Regimen): Scenario {
  return {
    version: SCENARIO_VERSION,
    patient: { ...DEFAULT_PATIENT },
    model,
    regimen,
    options: optionsFor(regimen),
  };
}

export function ivScenarioFor(model: string, doseMgPerKg = 0.5, infusionMin = 40): Scenario {
  return scenarioFor(model, { kind: 'iv', doseMgPerKg, infusionMin, schedule: { kind: 'single' } });
}

export function nasalScenarioFor(model: string, devices = 3): Scenario {
  return scenarioFor(model, {
    kind: 'intranasal',
    devices,
    deviceMg: 28,
    spacingMin: 5,
    schedule: { kind: 'single' },
  });
}

const named = (name: string, s: Scenario): Scenario => ({ ...s, name });

/** The named presets (CLI `--preset`, tests), with the registry's default models. */
export function presetsFor(defaults: Registry['defaults']): Readonly<Record<string, Scenario>> {
  const ivScenario = (dose: number, infusionMin = 40) =>
    ivScenarioFor(defaults.iv, dose, infusionMin);
  const nasalScenario = (devices: number) => nasalScenarioFor(defaults.intranasal, devices);
  return {
    'iv-0.5': named('IV ketamine 0.5 mg/kg over 40 min', ivScenario(0.5)),
    'iv-1.0': named('IV ketamine 1.0 mg/kg over 40 min', ivScenario(1.0)),
    'iv-bolus-0.5': named('IV ketamine 0.5 mg/kg bolus', ivScenario(0.5, 0)),
    'esk-28': named('Esketamine 28 mg (1 device)', nasalScenario(1)),
    'esk-56': named('Esketamine 56 mg (2 devices, 5 min apart)', nasalScenario(2)),
    'esk-84': named('Esketamine 84 mg (3 devices, 5 min apart)', nasalScenario(3)),
    'iv-course': named(
      'IV ketamine course: 6 infusions of 0.5 mg/kg over 2 weeks',
      withCourse(ivScenario(0.5), true),
    ),
    'esk-course': named(
      'Esketamine 84 mg: label schedule, weeks 1-10 (every 2 weeks from week 9)',
      withCourse(nasalScenario(3), true),
    ),
  };
}
