/**
 * The one versioned scenario type, shared by the engine, the CLI, the URL and the worker, and its
 * validation. Validation returns every problem with a clear message; nothing is clamped.
 */
import { modelIn, type ScenarioRegistry } from './registry';
import { ROUTES, type Patient } from './types';

/**
 * Version 2 added the routes beyond IV and the esketamine device (intramuscular, oral, sublingual,
 * racemic nasal spray). A version 1 scenario (an old link or file) is read as it was: it can hold
 * only the IV and device regimens, and validation returns it as version 2.
 */
export const SCENARIO_VERSION = 2;
/** The scenario versions this engine reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

/** Days of the sessions, counted from the first session (day 0); sessions start at the same time of day. */
export type Schedule = { kind: 'single' } | { kind: 'course'; sessionDays: number[] };

export type Regimen =
  | {
      kind: 'iv';
      /** dose, mg per kg of body weight */
      doseMgPerKg: number;
      /** infusion duration, min; 0 means a bolus */
      infusionMin: number;
      schedule: Schedule;
    }
  | {
      kind: 'intranasal';
      /** number of 28 mg devices per session (1-3) */
      devices: number;
      /** esketamine per device, mg: always 28 (DEVICE_MG), the device the nasal model describes */
      deviceMg: number;
      /** time between devices, min */
      spacingMin: number;
      schedule: Schedule;
    }
  | {
      kind: 'intramuscular';
      /** dose, mg per kg of body weight, one injection per session */
      doseMgPerKg: number;
      schedule: Schedule;
    }
  | {
      kind: 'oral';
      /** dose swallowed, mg (a solution or tablet), once per session */
      doseMg: number;
      schedule: Schedule;
    }
  | {
      kind: 'sublingual';
      /** dose placed under the tongue or against the cheek, mg, once per session */
      doseMg: number;
      /** how long it is held in the mouth without swallowing, min */
      holdMin: number;
      schedule: Schedule;
    }
  | {
      kind: 'nasal-spray';
      /** racemic ketamine per spray, mg */
      mgPerSpray: number;
      /** sprays per session */
      sprays: number;
      /** time between sprays, min */
      spacingMin: number;
      schedule: Schedule;
    };

/** A regimen of one kind. */
export type RegimenOf<K extends Regimen['kind']> = Extract<Regimen, { kind: K }>;

export interface ScenarioOptions {
  /** simulated time from the first dose, h */
  endH: number;
  /** output grid step, min */
  stepMin: number;
}

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  name?: string;
  patient: Patient;
  /** a key of the registry's models (models/index.ts in the app) */
  model: string;
  regimen: Regimen;
  options: ScenarioOptions;
}

export interface Problem {
  /** where in the scenario, e.g. "regimen.doseMgPerKg" */
  path: string;
  message: string;
}

export type Validation = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/**
 * Esketamine in one nasal spray device, mg (Spravato: 28 mg in two sprays, one per nostril). The
 * nasal model (Perez-Ruixo 2021) is defined per 28 mg device, so no other size is accepted.
 */
export const DEVICE_MG = 28;

/** Limits the engine accepts; outside them a scenario is refused, never clamped. */
export const LIMITS = {
  weightKg: [2, 250],
  ageYears: [0, 110],
  ivDoseMgPerKg: [0.05, 2.0],
  /**
   * Depression protocol range, mg/kg: outside it the result is flagged. 0.5 mg/kg over 40 min is
   * the trial dose (zanos2018, Table 1); the upper end of 1.0 mg/kg is this project's brief, an
   * assumption rather than a cited limit.
   */
  ivProtocolMgPerKg: [0.5, 1.0],
  infusionMin: [0, 240],
  /** shortest infusion, min: anything shorter is given as a bolus (0) */
  shortestInfusionMin: 0.5,
  devices: [1, 3],
  spacingMin: [0, 60],
  /** IM dose, mg/kg: from sub-anaesthetic doses up to the top of the anaesthetic range in children */
  imDoseMgPerKg: [0.05, 10],
  /** oral and sublingual dose per session, mg */
  oralDoseMg: [1, 500],
  sublingualDoseMg: [1, 500],
  /** time a sublingual dose is held in the mouth, min */
  holdMin: [0, 30],
  /** racemic ketamine per nasal spray, mg */
  mgPerSpray: [1, 50],
  sprays: [1, 10],
  endH: [0.1, 24 * 7 * 26],
  stepMin: [0.05, 240],
  /** most output points in one run */
  maxPoints: 1_000_000,
  maxSessions: 200,
  maxSessionDay: 7 * 26,
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates unknown input (parsed JSON, a decoded URL) as a scenario of the registry's models. */
export function validateScenario(registry: ScenarioRegistry, input: unknown): Validation {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const num = (
    obj: Record<string, unknown>,
    key: string,
    path: string,
    [lo, hi]: readonly [number, number],
    unit: string,
  ) => {
    const v = obj[key];
    if (typeof v !== 'number' || Number.isNaN(v)) {
      add(path, `${path} must be a number (${unit}), got ${describe(v)}`);
      return undefined;
    }
    if (!Number.isFinite(v) || v < lo || v > hi) {
      add(path, `${path} must be between ${lo} and ${hi} ${unit}, got ${v}`);
      return undefined;
    }
    return v;
  };
  const only = (obj: Record<string, unknown>, allowed: readonly string[], path: string) => {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        add(
          path ? `${path}.${key}` : key,
          `Unknown field "${key}"${path ? ` in ${path}` : ''}; expected ${allowed.join(', ')}`,
        );
      }
    }
  };
  const whole = (v: number | undefined, path: string, what: string) => {
    if (v !== undefined && !Number.isInteger(v))
      add(path, `${path} must be a whole number of ${what}, got ${v}`);
  };
  const bool = (obj: Record<string, unknown>, key: string, path: string) => {
    const v = obj[key];
    if (typeof v !== 'boolean') add(path, `${path} must be true or false, got ${describe(v)}`);
  };

  if (!isObject(input)) {
    return {
      ok: false,
      problems: [{ path: '', message: `A scenario must be an object, got ${describe(input)}` }],
    };
  }
  only(input, ['version', 'name', 'patient', 'model', 'regimen', 'options'], '');
  if (typeof input.version !== 'number' || !READABLE_VERSIONS.includes(input.version)) {
    add(
      'version',
      `Unsupported scenario version ${describe(input.version)}: this engine reads versions ${READABLE_VERSIONS.join(' and ')}`,
    );
  }
  if (input.name !== undefined && (typeof input.name !== 'string' || input.name.length > 80)) {
    add('name', 'name must be text of at most 80 characters');
  }

  if (!isObject(input.patient))
    add('patient', 'patient must be an object with weightKg, ageYears, asian and japanese');
  else {
    const pt = input.patient;
    only(pt, ['weightKg', 'ageYears', 'asian', 'japanese'], 'patient');
    num(pt, 'weightKg', 'patient.weightKg', LIMITS.weightKg, 'kg');
    num(pt, 'ageYears', 'patient.ageYears', LIMITS.ageYears, 'years');
    bool(pt, 'asian', 'patient.asian');
    bool(pt, 'japanese', 'patient.japanese');
    if (pt.japanese === true && pt.asian === false) {
      add('patient.japanese', 'A Japanese patient is also Asian: set patient.asian to true');
    }
  }

  const model = modelIn(registry, input.model);
  if (!model) {
    add(
      'model',
      `Unknown model ${describe(input.model)}; known models: ${Object.keys(registry.models).join(', ')}`,
    );
  }

  if (!isObject(input.regimen)) add('regimen', `regimen must be an object with kind ${KINDS_TEXT}`);
  else {
    const r = input.regimen;
    const kind = r.kind;
    if (typeof kind !== 'string' || !(REGIMEN_KINDS as readonly string[]).includes(kind)) {
      add('regimen.kind', `regimen.kind must be ${KINDS_TEXT}, got ${describe(kind)}`);
    } else if (input.version === 1 && kind !== 'iv' && kind !== 'intranasal') {
      add(
        'regimen.kind',
        `regimen.kind "${kind}" needs scenario version ${SCENARIO_VERSION}: version 1 has only "iv" and "intranasal"`,
      );
    } else {
      validateRegimen(r, kind as Regimen['kind'], { add, num, only, whole });
      // IV dosing works with every model (each has a central compartment); any other route needs
      // a model of that route.
      if (model && kind !== 'iv' && model.route !== kind) {
        add(
          'model',
          `Model ${model.id} describes ${ROUTE_WORDS[model.route]} dosing; for ${ROUTE_WORDS[kind as Regimen['kind']]} dosing choose a model of that route`,
        );
      }
    }
    validateSchedule(r.schedule, add);
  }

  if (!isObject(input.options)) add('options', 'options must be an object with endH and stepMin');
  else {
    only(input.options, ['endH', 'stepMin'], 'options');
    const endH = num(input.options, 'endH', 'options.endH', LIMITS.endH, 'h');
    const stepMin = num(input.options, 'stepMin', 'options.stepMin', LIMITS.stepMin, 'min');
    if (endH !== undefined && stepMin !== undefined && (endH * 60) / stepMin > LIMITS.maxPoints) {
      add(
        'options.stepMin',
        `${endH} h at ${stepMin} min steps is more than ${LIMITS.maxPoints} points: use a larger step`,
      );
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  // Every field was checked above; a version 1 scenario is the same data as version 2.
  const scenario = input as unknown as Scenario;
  return {
    ok: true,
    scenario:
      scenario.version === SCENARIO_VERSION ? scenario : { ...scenario, version: SCENARIO_VERSION },
  };
}

/** Every kind of regimen, in the order the messages list them. */
export const REGIMEN_KINDS: readonly Regimen['kind'][] = ROUTES;
const KINDS_TEXT = `one of ${REGIMEN_KINDS.map((k) => `"${k}"`).join(', ')}`;

/** Each route in words, for messages. */
export const ROUTE_WORDS: Readonly<Record<Regimen['kind'], string>> = {
  iv: 'IV',
  intranasal: 'esketamine nasal device',
  'nasal-spray': 'racemic nasal spray',
  intramuscular: 'intramuscular',
  oral: 'oral',
  sublingual: 'sublingual or buccal',
};

interface Checks {
  add(path: string, message: string): void;
  num(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    range: readonly [number, number],
    unit: string,
  ): number | undefined;
  only(obj: Record<string, unknown>, allowed: readonly string[], path: string): void;
  whole(v: number | undefined, path: string, what: string): void;
}

/** The fields of a regimen of a known kind (its schedule is checked on its own). */
function validateRegimen(r: Record<string, unknown>, kind: Regimen['kind'], c: Checks) {
  const { add, num, only, whole } = c;
  const fields = (...names: string[]) => only(r, ['kind', ...names, 'schedule'], 'regimen');
  switch (kind) {
    case 'iv': {
      fields('doseMgPerKg', 'infusionMin');
      num(r, 'doseMgPerKg', 'regimen.doseMgPerKg', LIMITS.ivDoseMgPerKg, 'mg/kg');
      const inf = num(
        r,
        'infusionMin',
        'regimen.infusionMin',
        LIMITS.infusionMin,
        'min (0 for a bolus)',
      );
      if (inf !== undefined && inf > 0 && inf < LIMITS.shortestInfusionMin) {
        add(
          'regimen.infusionMin',
          `regimen.infusionMin must be 0 (a bolus) or at least ${LIMITS.shortestInfusionMin} min, got ${inf}`,
        );
      }
      return;
    }
    case 'intranasal': {
      fields('devices', 'deviceMg', 'spacingMin');
      const d = num(r, 'devices', 'regimen.devices', LIMITS.devices, 'devices');
      whole(d, 'regimen.devices', 'devices');
      if (r.deviceMg !== DEVICE_MG) {
        add(
          'regimen.deviceMg',
          `regimen.deviceMg must be ${DEVICE_MG} mg, got ${describe(r.deviceMg)}: the nasal model is defined per ${DEVICE_MG} mg device; for a larger dose use more devices (56 mg = 2, 84 mg = 3)`,
        );
      }
      num(r, 'spacingMin', 'regimen.spacingMin', LIMITS.spacingMin, 'min');
      return;
    }
    case 'nasal-spray': {
      fields('mgPerSpray', 'sprays', 'spacingMin');
      num(r, 'mgPerSpray', 'regimen.mgPerSpray', LIMITS.mgPerSpray, 'mg per spray');
      whole(
        num(r, 'sprays', 'regimen.sprays', LIMITS.sprays, 'sprays'),
        'regimen.sprays',
        'sprays',
      );
      num(r, 'spacingMin', 'regimen.spacingMin', LIMITS.spacingMin, 'min');
      return;
    }
    case 'intramuscular':
      fields('doseMgPerKg');
      num(r, 'doseMgPerKg', 'regimen.doseMgPerKg', LIMITS.imDoseMgPerKg, 'mg/kg');
      return;
    case 'oral':
      fields('doseMg');
      num(r, 'doseMg', 'regimen.doseMg', LIMITS.oralDoseMg, 'mg');
      return;
    case 'sublingual':
      fields('doseMg', 'holdMin');
      num(r, 'doseMg', 'regimen.doseMg', LIMITS.sublingualDoseMg, 'mg');
      num(r, 'holdMin', 'regimen.holdMin', LIMITS.holdMin, 'min');
      return;
  }
}

function validateSchedule(s: unknown, add: (path: string, message: string) => void) {
  if (!isObject(s)) {
    add(
      'regimen.schedule',
      'regimen.schedule must be {"kind":"single"} or {"kind":"course","sessionDays":[...]}',
    );
    return;
  }
  if (s.kind === 'single') {
    if (Object.keys(s).length > 1)
      add('regimen.schedule', 'A single-session schedule has only "kind"');
    return;
  }
  if (s.kind !== 'course') {
    add(
      'regimen.schedule.kind',
      `regimen.schedule.kind must be "single" or "course", got ${describe(s.kind)}`,
    );
    return;
  }
  const days = s.sessionDays;
  if (!Array.isArray(days) || days.length === 0) {
    add(
      'regimen.schedule.sessionDays',
      'regimen.schedule.sessionDays must be a non-empty list of days',
    );
    return;
  }
  if (days.length > LIMITS.maxSessions)
    add('regimen.schedule.sessionDays', `At most ${LIMITS.maxSessions} sessions`);
  days.forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isFinite(d) || d < 0 || d > LIMITS.maxSessionDay) {
      add(
        `regimen.schedule.sessionDays[${i}]`,
        `Session day must be a number from 0 to ${LIMITS.maxSessionDay}, got ${describe(d)}`,
      );
    } else if (i > 0 && typeof days[i - 1] === 'number' && d <= (days[i - 1] as number)) {
      add(`regimen.schedule.sessionDays[${i}]`, 'Session days must be in increasing order');
    }
  });
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (v === null) return 'null';
  return Array.isArray(v) ? 'a list' : typeof v;
}
