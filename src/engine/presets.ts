/**
 * Scenarios: the one factory, and the named presets of the CLI and the tests built from it. The
 * default models are the registry's (src/registry.ts binds them: ivScenario, nasalScenario, PRESETS).
 */
import type { Registry } from './registry';
import { HOME_COURSE_DAYS, IV_COURSE_DAYS, esketamineLabelCourseDays } from './regimen';
import { LIMITS, SCENARIO_VERSION, type Regimen, type Scenario } from './scenario';
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

/**
 * A course schedule for a route: 6 sessions over two weeks for IV and IM (given in a clinic), the
 * label schedule for the esketamine device, a session every 3 days for 4 weeks for doses taken at
 * home (HOME_COURSE_DAYS).
 */
export function courseFor(kind: Regimen['kind']): Extract<Regimen['schedule'], { kind: 'course' }> {
  switch (kind) {
    case 'iv':
    case 'intramuscular':
      return { kind: 'course', sessionDays: [...IV_COURSE_DAYS] };
    case 'intranasal':
      return { kind: 'course', sessionDays: esketamineLabelCourseDays('every-2-weeks', 4) };
    case 'nasal-spray':
    case 'oral':
    case 'sublingual':
      return { kind: 'course', sessionDays: [...HOME_COURSE_DAYS] };
  }
}

/**
 * Each route's starting regimen (single session), an example and not a recommendation; the
 * sources of the doses are in docs/research/routes.md section 7 and models/SOURCES.md.
 */
export function defaultRegimen(route: Regimen['kind']): Regimen {
  const schedule = { kind: 'single' } as const;
  switch (route) {
    case 'iv':
      return { kind: 'iv', doseMgPerKg: 0.5, infusionMin: 40, schedule };
    case 'intranasal':
      return { kind: 'intranasal', devices: 3, deviceMg: 28, spacingMin: 5, schedule };
    case 'intramuscular':
      // 0.5 mg/kg: the top of the titration in Loo 2016 (IM for depression, abstract).
      return { kind: 'intramuscular', doseMgPerKg: 0.5, schedule };
    case 'oral':
      // 50 mg: the starting dose of the oral case series of Al Shirawi et al.
      return { kind: 'oral', doseMg: 50, schedule };
    case 'sublingual':
      // 25 mg: the wafer dose of Rolan 2014; held 10 min (the no-swallow time of Simons 2022).
      return { kind: 'sublingual', doseMg: 25, holdMin: 10, schedule };
    case 'nasal-spray':
      // 30 mg as 2 sprays of 15 mg, 5 min apart: the middle dose of the 2022 study (its device
      // and spray volume could not be read).
      return { kind: 'nasal-spray', mgPerSpray: 15, sprays: 2, spacingMin: 5, schedule };
  }
}

/** A new scenario of a route with its default regimen and the given model. */
export function routeScenarioFor(model: string, route: Regimen['kind']): Scenario {
  return scenarioFor(model, defaultRegimen(route));
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
  return scenarioFor(model, { ...defaultRegimen('intranasal'), devices } as Regimen);
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

/** A family of presets named by a dose: `sl-25` is the pattern `sl-<mg>` with 25 mg. */
export interface DosePreset {
  /** the name before the dose, e.g. "sl-" */
  prefix: string;
  /** how the pattern is listed, e.g. "sl-<mg>" */
  pattern: string;
  /** the dose's unit in the name */
  unit: 'mg' | 'mg/kg';
  /** what it is, for --list-presets */
  description: string;
  /** the accepted doses, inclusive, in `unit` */
  range: readonly [number, number];
  build(dose: number): Scenario;
}

/** The models the dose presets use, by what they give. */
export interface DosePresetModels {
  sublingual: string;
  /** the sublingual or buccal S-ketamine film */
  film: string;
  oralSKetamine: string;
  oralEsketamine: string;
  nasalSpray: string;
  intramuscular: string;
}

/** The route presets named by their dose (CLI `--preset sl-25`, `im-0.5`, ...). */
export function dosePresetsFor(m: DosePresetModels): readonly DosePreset[] {
  const single = { kind: 'single' } as const;
  const build = (name: string, model: string, regimen: Regimen) =>
    named(name, scenarioFor(model, regimen));
  return [
    {
      prefix: 'im-',
      pattern: 'im-<mg/kg>',
      unit: 'mg/kg',
      description: 'Intramuscular racemic ketamine, one injection of <mg/kg>',
      range: LIMITS.imDoseMgPerKg,
      build: (d) =>
        build(`IM ketamine ${d} mg/kg`, m.intramuscular, {
          kind: 'intramuscular',
          doseMgPerKg: d,
          schedule: single,
        }),
    },
    {
      prefix: 'sl-',
      pattern: 'sl-<mg>',
      unit: 'mg',
      description: 'Sublingual racemic ketamine, <mg> held 10 min',
      range: LIMITS.sublingualDoseMg,
      build: (d) =>
        build(`Sublingual ketamine ${d} mg`, m.sublingual, {
          kind: 'sublingual',
          doseMg: d,
          holdMin: 10,
          schedule: single,
        }),
    },
    {
      prefix: 'film-',
      pattern: 'film-<mg>',
      unit: 'mg',
      description: 'Sublingual or buccal S-ketamine film (Simons 2022), <mg> held 10 min',
      range: LIMITS.sublingualDoseMg,
      build: (d) =>
        build(`S-ketamine film ${d} mg`, m.film, {
          kind: 'sublingual',
          doseMg: d,
          holdMin: 10,
          schedule: single,
        }),
    },
    {
      prefix: 'oral-',
      pattern: 'oral-<mg>',
      unit: 'mg',
      description: 'Oral S-ketamine (Fanta 2015 bioavailability), <mg> swallowed',
      range: LIMITS.oralDoseMg,
      build: (d) =>
        build(`Oral S-ketamine ${d} mg`, m.oralSKetamine, {
          kind: 'oral',
          doseMg: d,
          schedule: single,
        }),
    },
    {
      prefix: 'esk-oral-',
      pattern: 'esk-oral-<mg>',
      unit: 'mg',
      description: 'Oral esketamine solution (Perez-Ruixo 2021 oral arm), <mg> swallowed',
      range: LIMITS.oralDoseMg,
      build: (d) =>
        build(`Oral esketamine ${d} mg`, m.oralEsketamine, {
          kind: 'oral',
          doseMg: d,
          schedule: single,
        }),
    },
    {
      prefix: 'in-racemic-',
      pattern: 'in-racemic-<mg>',
      unit: 'mg',
      description: 'Intranasal racemic ketamine, <mg> as 2 equal sprays 5 min apart',
      range: [2 * LIMITS.mgPerSpray[0], 2 * LIMITS.mgPerSpray[1]],
      build: (d) =>
        build(`Intranasal racemic ketamine ${d} mg`, m.nasalSpray, {
          kind: 'nasal-spray',
          mgPerSpray: d / 2,
          sprays: 2,
          spacingMin: 5,
          schedule: single,
        }),
    },
  ];
}

/**
 * The scenario a dose preset's name asks for (e.g. "sl-25"), or a message saying what is wrong
 * with the name; undefined when the name is of no dose preset.
 */
export function fromDosePreset(
  presets: readonly DosePreset[],
  name: string,
): { ok: true; scenario: Scenario } | { ok: false; message: string } | undefined {
  // The longest prefix first: "esk-oral-" before "oral-".
  const preset = [...presets]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((p) => name.startsWith(p.prefix));
  if (!preset) return undefined;
  const text = name.slice(preset.prefix.length);
  const dose = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  const [lo, hi] = preset.range;
  if (!Number.isFinite(dose)) {
    return {
      ok: false,
      message: `preset ${name}: after "${preset.prefix}" give a dose in ${preset.unit}, e.g. ${preset.prefix}${lo < 1 ? 0.5 : 25}`,
    };
  }
  if (dose < lo || dose > hi) {
    return {
      ok: false,
      message: `preset ${name}: the dose must be from ${lo} to ${hi} ${preset.unit}, got ${dose}`,
    };
  }
  return { ok: true, scenario: preset.build(dose) };
}
