/**
 * "Compare the routes": the same patient given each route the app models, at the same dose or at
 * a typical dose per route (src/content/routeComparison.ts), and what the table and the first-pass
 * diagram show of the engine's answers. Every figure comes from the engine (summarize, the
 * systemic dose, reachesCirculation) or from a model's own parameters; nothing is computed twice.
 */
import { MODELS } from '../../../../models/index';
import { buildSystem } from '../../../engine/model';
import { routeScenarioFor } from '../../../engine/presets';
import type { RunOutcome, SimulationResult } from '../../../engine/run';
import type { Regimen, Scenario } from '../../../engine/scenario';
import { DISSOCIATION_RANGE_NG_PER_ML, summarize } from '../../../engine/summary';
import { reachesCirculation } from '../../../engine/systemic';
import type { Patient } from '../../../engine/types';
import type { MarkerShape } from '../../../charts/marks';
import {
  TYPICAL_DOSES,
  type DoseSetId,
  type ExampleDose,
  type RouteArmId,
} from '../../../content/routeComparison';

/** A route as the panel draws it: its model, and how its line is told apart without colour. */
export interface RouteArm {
  id: RouteArmId;
  route: Regimen['kind'];
  modelId: string;
  /** a data colour of the palette (src/charts/palette.ts), by role */
  colour: 'blue' | 'vermillion' | 'green' | 'purple';
  /** SVG stroke-dasharray: solid for racemic ketamine, dashed for esketamine */
  dash: string;
  /** the marker at the peak (unique within each drug's lines) */
  shape: MarkerShape;
}

const ESKETAMINE_DASH = '6 3';

/** Every route of racemic ketamine and esketamine the app models, in the order shown. */
export const ROUTE_ARMS: readonly RouteArm[] = [
  { id: 'iv', route: 'iv', modelId: 'herd-adult', colour: 'blue', dash: '', shape: 'circle' },
  {
    id: 'im',
    route: 'intramuscular',
    modelId: 'im-racemic',
    colour: 'vermillion',
    dash: '',
    shape: 'square',
  },
  {
    id: 'sublingual',
    route: 'sublingual',
    modelId: 'rolan2014-sl',
    colour: 'green',
    dash: '',
    shape: 'triangle',
  },
  {
    id: 'sublingualFilm',
    route: 'sublingual',
    modelId: 'simons2022-film',
    colour: 'purple',
    dash: ESKETAMINE_DASH,
    shape: 'square',
  },
  {
    id: 'nasalRacemic',
    route: 'nasal-spray',
    modelId: 'racemic-nasal-2022',
    colour: 'purple',
    dash: '',
    shape: 'diamond',
  },
  {
    id: 'nasalEsketamine',
    route: 'intranasal',
    modelId: 'perezruixo2021',
    colour: 'blue',
    dash: ESKETAMINE_DASH,
    shape: 'triangle',
  },
  {
    id: 'oralEsketamine',
    route: 'oral',
    modelId: 'perezruixo2021-oral',
    colour: 'vermillion',
    dash: ESKETAMINE_DASH,
    shape: 'diamond',
  },
  {
    id: 'oralSKetamine',
    route: 'oral',
    modelId: 'fanta2015-oral',
    colour: 'green',
    dash: ESKETAMINE_DASH,
    shape: 'circle',
  },
];

/** The same dose for every route: 0.5 mg/kg, the IV trial dose (TYPICAL_DOSES.iv). */
export const SAME_DOSE_MG_PER_KG = TYPICAL_DOSES.iv.amount;
/** mg in one esketamine nasal device (the engine accepts no other: scenario.ts) */
const DEVICE_MG = 28;

/** A dose in mg for a patient of this weight (kg). */
export function doseMg(dose: Pick<ExampleDose, 'amount' | 'unit'>, weightKg: number): number {
  return dose.unit === 'mg/kg' ? dose.amount * weightKg : dose.amount;
}

/** The esketamine devices nearest to a dose in mg, 1 to 3 (the engine's range). */
export function devicesFor(mg: number): number {
  return Math.min(3, Math.max(1, Math.round(mg / DEVICE_MG)));
}

/** The regimen of a route for a dose in mg (mg/kg for IV and IM come from it and the weight). */
function regimenFor(arm: RouteArm, mg: number, weightKg: number): Partial<Regimen> {
  switch (arm.route) {
    case 'iv':
    case 'intramuscular':
      return { doseMgPerKg: mg / weightKg };
    case 'intranasal':
      return { devices: devicesFor(mg) };
    case 'nasal-spray':
      return { mgPerSpray: mg / 2, sprays: 2 };
    case 'oral':
    case 'sublingual':
      return { doseMg: mg };
  }
}

/**
 * The scenario of a route for this patient and dose set: the route's default regimen and options
 * (presets.ts: one session, 24 h at 1 min), its dose set from the dose set, the patient's own copy.
 */
export function armScenario(arm: RouteArm, set: DoseSetId, patient: Patient): Scenario {
  const base = routeScenarioFor(arm.modelId, arm.route);
  const dose =
    set === 'same'
      ? { amount: SAME_DOSE_MG_PER_KG, unit: 'mg/kg' as const }
      : TYPICAL_DOSES[arm.id];
  const mg = doseMg(dose, patient.weightKg);
  const regimen = { ...base.regimen, ...regimenFor(arm, mg, patient.weightKg) } as Regimen;
  return { ...base, patient: { ...patient }, regimen };
}

/** What the table shows of one route's run. */
export interface ArmFigures {
  /** dose given, mg */
  doseMg: number;
  /** share of the dose reaching the circulation unchanged (systemic dose / dose), % */
  fPercent: number;
  /** parent's highest plasma concentration, ng/mL */
  cmax: number;
  /** time of the parent's first peak, min */
  tmaxMin: number;
  /** metabolite AUC / parent AUC, both 0-24 h (NaN without a metabolite) */
  metaboliteRatio: number;
  /** time with the parent at or above the lower edge of the dissociation-linked range, min */
  minutesInRange: number;
}

/** The lower edge of the range linked to dissociation, ng/mL (engine/summary.ts, its source). */
export const RANGE_LOW_NG_PER_ML = DISSOCIATION_RANGE_NG_PER_ML[0];

/** The table's figures of a run, from the engine's own summaries. */
export function armFigures(r: SimulationResult): ArmFigures {
  const parent = summarize(r.tMin, r.plasma[r.parent]!, RANGE_LOW_NG_PER_ML);
  const metColumn = r.metabolite ? r.plasma[r.metabolite] : undefined;
  const met = metColumn ? summarize(r.tMin, metColumn, RANGE_LOW_NG_PER_ML) : null;
  return {
    doseMg: r.totalDoseMg,
    fPercent: (100 * r.systemicDoseMg) / r.totalDoseMg,
    cmax: parent.cmax,
    tmaxMin: parent.tmaxMin,
    metaboliteRatio: met ? met.auc0to24NgHPerMl / parent.auc0to24NgHPerMl : Number.NaN,
    minutesInRange: parent.minutesAtOrAbove,
  };
}

/** What the engine said of one route's run: its warnings, or why it refused to run it. */
export interface ArmNotice {
  id: RouteArmId;
  kind: 'warning' | 'refused';
  messages: string[];
}

/**
 * The engine's words on each route's run, in ROUTE_ARMS order (outs[i] is the run of
 * ROUTE_ARMS[i]): a refused run with its problems, a run with warnings with them (each once), and
 * nothing for a run without either.
 */
export function armNotices(outs: readonly RunOutcome[]): ArmNotice[] {
  return outs.flatMap((o, i): ArmNotice[] => {
    const id = ROUTE_ARMS[i]!.id;
    if (!o.ok) return [{ id, kind: 'refused', messages: o.problems.map((p) => p.message) }];
    const messages = [...new Set(o.result.warnings.map((w) => w.message))];
    return messages.length > 0 ? [{ id, kind: 'warning', messages }] : [];
  });
}

/** How a model sets F: its own parameter (value and source), or none (F follows from its flows). */
export function modelF(modelId: string): { value: number; source: string } | null {
  const p = MODELS[modelId]?.parameters['F'];
  return p ? { value: p.value, source: p.source } : null;
}

/** The models whose first pass the diagram can draw, in the order offered. */
export const FIRST_PASS_MODELS: readonly RouteArmId[] = [
  'oralEsketamine',
  'oralSKetamine',
  'sublingual',
  'sublingualFilm',
];

/** One step of the way from the dose to the blood. */
export interface PassStep {
  /** where the drug goes through */
  place: string;
  /** share that gets through this step unchanged, 0-1 */
  through: number;
  /** where that share comes from */
  source: string;
}

/**
 * The way from a swallowed or sublingual dose to the blood in a model, for this patient: a
 * model with Fgut (Perez-Ruixo 2021, oral arm) has the gut wall (Fgut) and then the liver (the
 * chance that drug entering the hepato-portal compartment reaches the circulation, from its flows:
 * reachesCirculation); a model built from a published F has one step, its absorption depot.
 * The steps multiply to the model's F.
 */
export function firstPassSteps(modelId: string, patient: Patient): PassStep[] {
  const model = MODELS[modelId]!;
  const q = model.individualize({}, patient);
  const h = reachesCirculation(buildSystem(model, q).structure, model.parent);
  const fgut = model.parameters['Fgut'];
  if (fgut) {
    return [
      { place: 'Gut wall', through: q['Fgut']!, source: `${fgut.source} (Fgut)` },
      {
        place: 'Liver',
        through: h.get('liver')!,
        source: `${model.parameters['Qh']!.source} (Qh, Vh, kel, kmet: the liver's flows)`,
      },
    ];
  }
  const f1 = model.parameters['F1'];
  if (f1) {
    // Simons 2022: the dose enters the mouth's lining (share F1) and the gut (share F2); what
    // each passes to the blood is its share times its chance to get there (the gut's is 0).
    return [
      {
        place: 'Mouth lining (the swallowed rest: liver)',
        through: q['F1']! * h.get('mucosa')! + q['F2']! * h.get('gut')!,
        source: `${f1.source} (F1; the swallowed part F2 reaches only the liver)`,
      },
    ];
  }
  return [
    {
      place: 'Mouth or gut, gut wall and liver (one step in this model)',
      through: h.get('absorption')!,
      source: `${model.parameters['F']!.source} (F)`,
    },
  ];
}
