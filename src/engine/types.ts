/**
 * Types shared by the engine, the models and (through the scenario) the CLI, URL and worker.
 * Units are in the names or the doc comments: mg, L, min, h, kg, ng/mL.
 */

export type Analyte = 'ketamine' | 'norketamine' | 'esketamine' | 'noresketamine';
export const ANALYTES: readonly Analyte[] = [
  'ketamine',
  'norketamine',
  'esketamine',
  'noresketamine',
];

export type Drug = 'racemic-ketamine' | 'esketamine';
/**
 * How a dose is given, one per kind of regimen: 'intranasal' is the esketamine device (Spravato);
 * 'nasal-spray' is a racemic ketamine spray dosed in mg per spray.
 */
export type Route = 'iv' | 'intranasal' | 'nasal-spray' | 'intramuscular' | 'oral' | 'sublingual';
export const ROUTES: readonly Route[] = [
  'iv',
  'intranasal',
  'nasal-spray',
  'intramuscular',
  'oral',
  'sublingual',
];

/** The covariates the models use. */
export interface Patient {
  /** body weight, kg */
  weightKg: number;
  /** age, years */
  ageYears: number;
  /** Asian (Perez-Ruixo 2021: kel and noresketamine CL/F) */
  asian: boolean;
  /** Japanese (Perez-Ruixo 2021: nasal fraction FRn); a Japanese person is also Asian */
  japanese: boolean;
}

export type Evidence = 'verified' | 'corroborated' | 'unverified' | 'assumption';

/** Between-subject variability of one parameter. */
export interface IivDef {
  /** lognormal: P = P_typ * exp(eta); logitnormal: logit(P) = logit(P_typ) + eta */
  distribution: 'lognormal' | 'logitnormal';
  /** variance of eta (omega squared), on the log or logit scale */
  variance: number;
  /** what the paper reports, e.g. "CV 27.5 %" */
  reported: string;
  source: string;
}

/** One published parameter, with its unit and where it was read. */
export interface ParameterDef {
  /** the symbol used in the paper, e.g. "Vc" */
  symbol: string;
  description: string;
  value: number;
  unit: string;
  /** citation key plus table or page, e.g. "perezruixo2021, Table 3" */
  source: string;
  /** how far the value was checked (models/SOURCES.md) */
  evidence: Evidence;
  iiv?: IivDef;
  /** true for a covariate or dose effect (a factor or slope), not a structural parameter */
  covariate?: boolean;
  /**
   * variability the source publishes for this parameter that the simulator does not apply, in
   * words (e.g. a between-occasion variance), so that the page does not call it unpublished
   */
  variabilityNotModelled?: string;
  note?: string;
}

export interface PopulationDef {
  description: string;
  /** range of ages studied, years */
  ageYears: readonly [number, number];
  /** range of weights studied, kg */
  weightKg: readonly [number, number];
  sampling: 'arterial' | 'venous' | 'not stated';
  paediatric: boolean;
  /**
   * a typical person of the study (its mean or median age and weight, as published), for a
   * paediatric model: the app gives the patient these when such a model is chosen, instead of
   * keeping an adult the model was never fitted on
   */
  typicalPatient?: { ageYears: number; weightKg: number; what: 'mean' | 'median'; source: string };
  /**
   * how far the age and weight ranges were checked: verified (read in the paper or its abstract),
   * unverified (taken from a public code), assumption (the paper could not be read; chosen here)
   */
  rangesEvidence: Evidence;
  source: string;
}

export type CompartmentKind = 'depot' | 'central' | 'peripheral' | 'liver';

export interface CompartmentDef {
  id: string;
  label: string;
  kind: CompartmentKind;
  /** the analyte whose amount this compartment holds, null for an absorption depot */
  analyte: Analyte | null;
  /** volume, L (null for depots, which hold amounts only) */
  volumeL: number | null;
}

/** A first-order flow: amount moves from `from` to `to` (null: leaves the system) at perMin * amount. */
export interface FlowDef {
  from: string;
  to: string | null;
  /** first-order rate constant, 1/min */
  perMin: number;
  /** how the paper writes it, e.g. "Q1/Vc" */
  label: string;
  /** true when the flow forms a metabolite (mass-balance bookkeeping only) */
  metabolism?: boolean;
}

export interface ModelStructure {
  compartments: CompartmentDef[];
  flows: FlowDef[];
}

/** One administration of drug, before the model splits it into inputs. */
export type Administration =
  | { kind: 'iv-bolus'; timeMin: number; doseMg: number }
  | { kind: 'iv-infusion'; timeMin: number; durationMin: number; doseMg: number }
  | {
      kind: 'nasal-device';
      timeMin: number;
      /** esketamine per device, mg (28 for Spravato) */
      doseMg: number;
      /** 0 for the first device of a session, 1 and 2 for later ones */
      deviceIndex: number;
    }
  | { kind: 'im-injection'; timeMin: number; doseMg: number }
  | { kind: 'oral-dose'; timeMin: number; doseMg: number }
  | {
      kind: 'sublingual-dose';
      timeMin: number;
      doseMg: number;
      /** how long the dose is held in the mouth before the rest is swallowed, min */
      holdMin: number;
    }
  | {
      kind: 'nasal-spray';
      timeMin: number;
      /** ketamine in this spray, mg */
      doseMg: number;
      /** all the sprays of its session together, mg (a model's bioavailability may depend on it) */
      sessionDoseMg: number;
    };

/** Inputs to states: an instantaneous amount, or a zero-order rate over an interval. */
export type StateInput =
  | { kind: 'bolus'; compartment: string; timeMin: number; amountMg: number }
  | {
      kind: 'zero-order';
      compartment: string;
      startMin: number;
      endMin: number;
      rateMgPerMin: number;
    };

/**
 * One individual's parameter values by name: a model's parameters with random effects and
 * covariates applied, plus any value the model derives for itself (e.g. weightKg). N is the union
 * of those names, so a misspelt name is a type error; `string` (the default) stands for any model.
 */
export type IndividualParameters<N extends string = string> = { readonly [K in N]: number };

/** Random effects (eta) by parameter name, on the log or logit scale; a missing one means 0. */
export type RandomEffects<P extends string = string> = { readonly [K in P]?: number };
