/**
 * What a published model is, as data plus two small functions, and how it becomes a linear system.
 */
import { zeros } from './linalg';
import type { LinearSystem } from './simulate';
import type {
  Administration,
  Analyte,
  Drug,
  Evidence,
  IndividualParameters,
  ModelStructure,
  ParameterDef,
  Patient,
  PopulationDef,
  RandomEffects,
  Route,
  StateInput,
} from './types';

export interface EffectSiteDef<P extends string = string> {
  /** analyte whose plasma concentration drives the effect site */
  analyte: Analyte;
  /** the compartment holding that plasma concentration */
  compartment: string;
  /** name of the parameter holding ke0, 1/min */
  ke0Parameter: P;
}

/** A covariance between the random effects of two parameters, by name. */
export interface IivCovariance<P extends string = string> {
  a: P;
  b: P;
  covariance: number;
  source: string;
}

/**
 * A published model. P is the union of its parameter names (the keys of `parameters`) and D the
 * names of the values it derives for itself in `individualize` (e.g. 'weightKg'), so that
 * `structure` and `administer` read `p.Vc` as a number and a misspelt name does not compile.
 * Code that handles any model (the registry, the engine) uses the defaults, `ModelDefinition`,
 * whose names are plain strings: every model is one.
 */
export interface ModelDefinition<P extends string = string, D extends string = never> {
  id: string;
  name: string;
  /** short label, e.g. "Kamp 2020" */
  shortName: string;
  /** bibliography key (src/content/references.ts) */
  citationKey: string;
  drug: Drug;
  route: Route;
  parent: Analyte;
  metabolite: Analyte | null;
  population: PopulationDef;
  parameters: Record<P, ParameterDef>;
  /**
   * Individual parameter values: the typical values, with random effects eta (on the log or logit
   * scale, by parameter name; missing means 0) and the patient's covariates applied.
   */
  individualize(eta: RandomEffects<P>, patient: Patient): IndividualParameters<P | D>;
  /** compartments and first-order flows for one individual */
  structure(p: IndividualParameters<P | D>): ModelStructure;
  /** how one administration enters the states, for one individual */
  administer(admin: Administration, p: IndividualParameters<P | D>): StateInput[];
  effectSite: EffectSiteDef<P>;
  /** covariances between random effects (by parameter name), when the paper reports them */
  iivCovariances?: readonly IivCovariance<P>[];
  /** caveats the UI shows with the model: approximations, unverified values, errata */
  notes: string[];
  /**
   * set when the model is not a published one but this project's approximation from a source's
   * summary figures (bioavailability, time to peak): the words the UI shows with it
   */
  approximation?: string;
  /**
   * ng of the metabolite per ng in its states, for a model that carries the metabolite in parent
   * mass equivalents (moles, as mg of the parent: e.g. Simons 2022, fitted in nmol/mL): the ratio
   * of the molar masses, so that its plasma column is in ng/mL of the metabolite itself. Unset (1)
   * for a model whose metabolite states are taken as its own mass.
   */
  metaboliteNgPerStateNg?: number;
  /** warnings about the doses of a regimen that only this model can give (e.g. doses not studied) */
  doseWarnings?(admins: readonly Administration[]): string[];
}

/**
 * What the page needs to know of a model without its equations: names, route, analytes, the
 * population it was fitted on, its approximation label, its parameter names (the covariates it
 * takes) and whether its random effects move the parent drug's curve. Plain data, so that
 * `npm run write:catalogue` can write it into `src/modelCatalogue.ts`, in the first script, while
 * the models themselves go only to the worker and the views that show their parameters.
 */
export interface ModelSummary extends Pick<
  ModelDefinition,
  | 'id'
  | 'name'
  | 'shortName'
  | 'citationKey'
  | 'drug'
  | 'route'
  | 'parent'
  | 'metabolite'
  | 'population'
  | 'approximation'
> {
  parameterNames: readonly string[];
  /** parentRandomEffects(model) is not empty: a variability band of the parent can be drawn */
  parentVariability: boolean;
}

/** The model's summary (see ModelSummary). */
export function summarizeModel(model: ModelDefinition): ModelSummary {
  const summary: ModelSummary = {
    id: model.id,
    name: model.name,
    shortName: model.shortName,
    citationKey: model.citationKey,
    drug: model.drug,
    route: model.route,
    parent: model.parent,
    metabolite: model.metabolite,
    population: model.population,
    parameterNames: Object.keys(model.parameters),
    parentVariability: parentRandomEffects(model).length > 0,
  };
  if (model.approximation !== undefined) summary.approximation = model.approximation;
  return summary;
}

/** What a warning adds about how far a population range was checked ('' when read in the paper). */
export function rangeCaveat(evidence: Evidence): string {
  if (evidence === 'assumption') return ' (assumed range: the paper could not be read)';
  if (evidence === 'verified') return '';
  return ' (range taken from public code, not read in the paper)';
}

/** Typical value of a parameter with its random effect applied (lognormal or logit-normal). */
export function withEta(def: ParameterDef, eta: number | undefined): number {
  if (!eta || !def.iiv) return def.value;
  if (def.iiv.distribution === 'lognormal') return def.value * Math.exp(eta);
  const logit = Math.log(def.value / (1 - def.value)) + eta;
  return 1 / (1 + Math.exp(-logit));
}

/**
 * Names of the random effects that change the parent drug's curve: found by moving each one and
 * seeing whether the volumes or flows of the parent's compartments (or the depots feeding them),
 * or the inputs of a standard administration, change. A model whose only variability is in its
 * metabolite has none here.
 */
export function parentRandomEffects(model: ModelDefinition): readonly string[] {
  let names = parentEffectsOf.get(model);
  if (!names) parentEffectsOf.set(model, (names = findParentRandomEffects(model)));
  return names;
}

/** parentRandomEffects per model, found once (the UI asks on every change of scenario). */
const parentEffectsOf = new WeakMap<ModelDefinition, readonly string[]>();

function findParentRandomEffects(model: ModelDefinition): string[] {
  const patient = { weightKg: 70, ageYears: 40, asian: false, japanese: false };
  const fingerprint = (eta: RandomEffects): string => {
    const q = model.individualize(eta, patient);
    const st = model.structure(q);
    const own = new Set(
      st.compartments
        .filter((c) => c.analyte === model.parent || c.analyte === null)
        .map((c) => c.id),
    );
    const parts: number[] = [];
    for (const c of st.compartments) if (own.has(c.id)) parts.push(c.volumeL ?? 0);
    for (const f of st.flows) if (own.has(f.from)) parts.push(f.perMin);
    for (const i of model.administer(standardAdministration(model.route), q))
      parts.push(i.kind === 'bolus' ? i.amountMg : i.rateMgPerMin);
    return parts.join(',');
  };
  const base = fingerprint({});
  return Object.entries(model.parameters)
    .filter(([, p]) => p.iiv && p.iiv.variance > 0)
    .map(([name]) => name)
    .filter((name) => fingerprint({ [name]: 0.1 }) !== base);
}

/** One typical administration of a route (for comparing individuals, not for dosing advice). */
export function standardAdministration(route: Route): Administration {
  switch (route) {
    case 'iv':
      return { kind: 'iv-bolus', timeMin: 0, doseMg: 35 };
    case 'intranasal':
      return { kind: 'nasal-device', timeMin: 0, doseMg: 28, deviceIndex: 0 };
    case 'nasal-spray':
      return { kind: 'nasal-spray', timeMin: 0, doseMg: 15, sessionDoseMg: 30 };
    case 'intramuscular':
      return { kind: 'im-injection', timeMin: 0, doseMg: 35 };
    case 'oral':
      return { kind: 'oral-dose', timeMin: 0, doseMg: 50 };
    case 'sublingual':
      return { kind: 'sublingual-dose', timeMin: 0, doseMg: 50, holdMin: 10 };
  }
}

/** Each parameter table's entries, listed once (a population asks for them 1000 times). */
const parameterEntries = new WeakMap<object, [string, ParameterDef][]>();

/**
 * All parameters' typical values with random effects applied, before covariates: one value per
 * parameter name, in a new object the model may adjust for covariates before returning it.
 */
export function typicalWithEta<P extends string>(
  model: { parameters: Readonly<Record<P, ParameterDef>> },
  eta: RandomEffects<P>,
): Record<P, number> {
  const table: Readonly<Record<string, ParameterDef>> = model.parameters;
  const effects: RandomEffects = eta;
  let entries = parameterEntries.get(table);
  if (!entries) parameterEntries.set(table, (entries = Object.entries(table)));
  const out: Record<string, number> = {};
  for (const [name, def] of entries) out[name] = withEta(def, effects[name]);
  // Every key of the table, hence every name in P, was given a value just above.
  return out as Record<P, number>;
}

export const EFFECT_STATE = 'effect-site';
export const ELIMINATED_STATE = 'eliminated';

export interface BuiltSystem extends LinearSystem {
  structure: ModelStructure;
  /** index of the effect-site state; it holds a concentration, mg/L, not an amount */
  effectIndex: number;
  /** index of the accumulator of eliminated drug, when asked for, else -1 */
  eliminatedIndex: number;
}

/**
 * The rate matrix of a model for one individual. Each compartment is a state holding an amount
 * (mg); an effect-site state holds a concentration (mg/L) following dCe/dt = ke0 (Cp - Ce); with
 * trackElimination, one more state accumulates all drug that leaves the system.
 */
export function buildSystem<P extends string, D extends string = never>(
  model: ModelDefinition<P, D>,
  p: IndividualParameters<P | D>,
  options: { trackElimination?: boolean } = {},
): BuiltSystem {
  const structure = model.structure(p);
  const ids = structure.compartments.map((c) => c.id);
  const effectIndex = ids.length;
  ids.push(EFFECT_STATE);
  const eliminatedIndex = options.trackElimination ? ids.length : -1;
  if (options.trackElimination) ids.push(ELIMINATED_STATE);
  const n = ids.length;
  const A = zeros(n);
  const indexOf = (id: string): number | undefined => {
    const i = ids.indexOf(id);
    return i < 0 ? undefined : i;
  };
  for (const f of structure.flows) {
    const from = indexOf(f.from);
    if (from === undefined)
      throw new Error(`Model ${model.id}: flow from unknown compartment "${f.from}"`);
    if (!(f.perMin >= 0) || !Number.isFinite(f.perMin)) {
      throw new RangeError(
        `Model ${model.id}: rate constant ${f.label} is ${f.perMin} /min, not a finite value >= 0`,
      );
    }
    A.data[from * n + from]! -= f.perMin;
    if (f.to !== null) {
      const to = indexOf(f.to);
      if (to === undefined)
        throw new Error(`Model ${model.id}: flow to unknown compartment "${f.to}"`);
      A.data[to * n + from]! += f.perMin;
    } else if (eliminatedIndex >= 0) {
      A.data[eliminatedIndex * n + from]! += f.perMin;
    }
  }
  const drive = structure.compartments.find((c) => c.id === model.effectSite.compartment);
  if (!drive || !drive.volumeL)
    throw new Error(`Model ${model.id}: effect site driven by a compartment without volume`);
  // A model handled as any model (names as strings) may lack the name: hence number | undefined.
  const ke0: number | undefined = p[model.effectSite.ke0Parameter];
  if (ke0 === undefined || !(ke0 > 0)) throw new Error(`Model ${model.id}: ke0 must be > 0 /min`);
  const driver = indexOf(drive.id)!;
  A.data[effectIndex * n + driver] = ke0 / drive.volumeL;
  A.data[effectIndex * n + effectIndex] = -ke0;
  return { stateIds: ids, A, structure, effectIndex, eliminatedIndex };
}
