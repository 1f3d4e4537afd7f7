/**
 * IV racemic ketamine models. Each gives ketamine disposition; the adult ones carry the norketamine
 * approximation of models/common.ts. Values, units and how far each was checked: models/SOURCES.md.
 */
import type { ModelDefinition } from '../src/engine/model';
import type {
  Evidence,
  IndividualParameters,
  ParameterDef,
  PopulationDef,
} from '../src/engine/types';
import {
  individualizeByWeight,
  NORKETAMINE_NOTE,
  administerIv,
  allometric,
  fromMicroConstants,
  ivKetamineStructure,
  ke0Parameter,
  ottoNorketamineCovariance,
  ottoNorketamineParameters,
  parameter as par,
  type Mammillary,
  type OttoNorketamineName,
} from './common';

/**
 * An IV model whose ketamine parameters (with norketamine's, when it is modelled) are P: its
 * parameter table adds ke0, and individualize adds the patient's weight, weightKg.
 */
export type IvModel<P extends string> = ModelDefinition<P | 'ke0', 'weightKg'>;

/** What an IV model says about itself, whatever its parameters. */
interface IvDescription {
  id: string;
  name: string;
  shortName: string;
  citationKey: string;
  population: PopulationDef;
  notes: string[];
}

interface IvSpec<P extends string> extends IvDescription {
  /** the ketamine parameters (ke0, and norketamine's when it is modelled, are added) */
  parameters: Record<P, ParameterDef>;
  /** the mammillary model for one individual, from individual parameters and the patient's weight */
  mammillary(q: IndividualParameters<P>, weightKg: number): Mammillary;
}

/** An IV model whose ketamine leaves the system: no metabolite is modelled. */
function ivModel<P extends string>(spec: IvSpec<P>): IvModel<P> {
  return ivModelOf<P>(spec, {
    parameters: { ...spec.parameters, ke0: ivKe0() },
    metabolite: null,
    structure: (q) => ivKetamineStructure(spec.mammillary(q, q.weightKg), null),
    notes: [...spec.notes],
  });
}

/** An IV model whose ketamine clearance forms norketamine (NORKETAMINE_NOTE, models/common.ts). */
function ivModelWithNorketamine<P extends string>(
  spec: IvSpec<P>,
): IvModel<P | OttoNorketamineName> {
  return ivModelOf<P | OttoNorketamineName>(spec, {
    parameters: { ...spec.parameters, ...ottoNorketamineParameters, ke0: ivKe0() },
    metabolite: 'norketamine',
    structure: (q) =>
      ivKetamineStructure(spec.mammillary(q, q.weightKg), { p: q, weightKg: q.weightKg }),
    iivCovariances: [ottoNorketamineCovariance],
    notes: [...spec.notes, NORKETAMINE_NOTE],
  });
}

const ivKe0 = (): ParameterDef => ke0Parameter('racemic ketamine with this model');

/**
 * The IV model of a description and of the parts that depend on its parameters (P, plus ke0) and
 * on its metabolite.
 */
function ivModelOf<P extends string>(
  spec: IvDescription,
  parts: Pick<IvModel<P>, 'parameters' | 'metabolite' | 'structure' | 'iivCovariances' | 'notes'>,
): IvModel<P> {
  const { parameters, iivCovariances } = parts;
  return {
    id: spec.id,
    name: spec.name,
    shortName: spec.shortName,
    citationKey: spec.citationKey,
    drug: 'racemic-ketamine',
    route: 'iv',
    parent: 'ketamine',
    metabolite: parts.metabolite,
    population: spec.population,
    parameters,
    individualize: individualizeByWeight(parameters),
    structure: parts.structure,
    administer: (admin) => administerIv(spec.id, 'central', admin),
    effectSite: { analyte: 'ketamine', compartment: 'central', ke0Parameter: 'ke0' },
    ...(iivCovariances ? { iivCovariances } : {}),
    notes: parts.notes,
  };
}

/** A population whose paper could not be read: adults, with age and weight ranges chosen here. */
function adultsWithAssumedRanges(
  description: string,
  ageYears: PopulationDef['ageYears'],
  weightKg: PopulationDef['weightKg'],
  source: string,
  sampling: PopulationDef['sampling'] = 'not stated',
): PopulationDef {
  return {
    description,
    ageYears,
    weightKg,
    sampling,
    paediatric: false,
    rangesEvidence: 'assumption',
    source,
  };
}

/** One peripheral compartment of a model published in micro-constants (1/min). */
interface Exchange {
  /** how the paper's compartment is named in the descriptions, e.g. "fast peripheral" */
  peripheral: string;
  /** central to peripheral */
  kOut: number;
  /** peripheral to central */
  kBack: number;
}

type TwoCompartmentMicro = 'V1' | 'k10' | 'k12' | 'k21';
type ThreeCompartmentMicro = TwoCompartmentMicro | 'k13' | 'k31';
/** What a parameterisation gives a model: its parameter table and its mammillary model. */
type SpecParts<P extends string> = Pick<IvSpec<P>, 'parameters' | 'mammillary'>;

/** The rate constants out of and back into the central compartment, by peripheral compartment. */
const EXCHANGE_NAMES = [
  ['k12', 'k21'],
  ['k13', 'k31'],
] as const;

/**
 * The parameters of a model published per kg in micro-constants, all from one source with one
 * evidence: V1 (L/kg), k10 and each peripheral compartment's exchange (1/min); volumes scale
 * linearly with weight and rate constants do not depend on it.
 */
function perKgMicroConstants(
  source: string,
  evidence: Evidence,
  v1PerKg: number,
  k10: number,
  exchanges: readonly [Exchange],
): SpecParts<TwoCompartmentMicro>;
function perKgMicroConstants(
  source: string,
  evidence: Evidence,
  v1PerKg: number,
  k10: number,
  exchanges: readonly [Exchange, Exchange],
): SpecParts<ThreeCompartmentMicro>;
function perKgMicroConstants(
  source: string,
  evidence: Evidence,
  v1PerKg: number,
  k10: number,
  exchanges: readonly Exchange[],
): SpecParts<ThreeCompartmentMicro> {
  const named = exchanges.map((e, i) => ({ ...e, names: EXCHANGE_NAMES[i]! }));
  const rate = (symbol: string, description: string, value: number) =>
    par(symbol, description, value, '1/min', source, evidence);
  const parameters: Partial<Record<ThreeCompartmentMicro, ParameterDef>> = {
    V1: par('V1', 'central volume', v1PerKg, 'L/kg', source, evidence),
    k10: rate('k10', 'elimination rate constant', k10),
  };
  for (const { names, peripheral, kOut } of named)
    parameters[names[0]] = rate(names[0], `central to ${peripheral}`, kOut);
  for (const { names, peripheral, kBack } of named)
    parameters[names[1]] = rate(names[1], `${peripheral} to central`, kBack);
  return {
    // The overloads give each model only the names of its own exchanges, all set above.
    parameters: parameters as Record<ThreeCompartmentMicro, ParameterDef>,
    mammillary: (q, wt) =>
      fromMicroConstants(
        q.V1 * wt,
        q.k10,
        named.map(({ names }) => ({ kOut: q[names[0]], kBack: q[names[1]] })),
      ),
  };
}

type TwoCompartment = 'V1' | 'V2' | 'CL' | 'Q';

/**
 * The parameters of a two-compartment model published per 70 kg (V1 and V2 in L, CL and Q in
 * L/h), all from one source with one evidence, with their between-patient CV % where published;
 * volumes scale with WT/70 and clearances with (WT/70)^0.75.
 */
function per70KgTwoCompartment(
  source: string,
  evidence: Evidence,
  values: Record<TwoCompartment, number>,
  cvPercent?: Record<TwoCompartment, number>,
): SpecParts<TwoCompartment> {
  const per70 = (name: TwoCompartment, description: string, unit: string) =>
    par(name, `${description} per 70 kg`, values[name], unit, source, evidence, cvPercent?.[name]);
  return {
    parameters: {
      V1: per70('V1', 'central volume', 'L'),
      V2: per70('V2', 'peripheral volume', 'L'),
      CL: per70('CL', 'clearance', 'L/h'),
      Q: per70('Q', 'intercompartmental clearance', 'L/h'),
    },
    mammillary: (q, wt) => allometric(wt, q.V1, q.CL, [{ v: q.V2, q: q.Q }]),
  };
}

const KAMP =
  'kamp2020 (values from the project reference notes, copied there from a public code; not found in the paper or any source that could be read)';

export const kamp2020 = ivModelWithNorketamine({
  id: 'kamp2020',
  name: 'IV racemic ketamine, three compartments: values a public code labels "Kamp 2020" (not traced to the paper)',
  shortName: '"Kamp 2020" (untraced)',
  citationKey: 'kamp2020',
  population: adultsWithAssumedRanges(
    '14 pooled raw data sets from the systematic review (healthy adults and patients); arterial central compartment',
    [18, 65],
    [50, 110],
    'kamp2020, abstract (structure); age and weight ranges assumed: the paper was not read',
    'arterial',
  ),
  parameters: {
    V1: par('V1', 'central (arterial) volume per 70 kg', 25, 'L', KAMP, 'unverified'),
    V2: par('V2', 'fast peripheral volume per 70 kg', 56, 'L', KAMP, 'unverified'),
    V3: par('V3', 'slow peripheral volume per 70 kg', 157, 'L', KAMP, 'unverified'),
    CL: par('CL', 'elimination clearance per 70 kg', 84, 'L/h', KAMP, 'unverified'),
    Q2: par('Q2', 'intercompartmental clearance, fast, per 70 kg', 161, 'L/h', KAMP, 'unverified'),
    Q3: par('Q3', 'intercompartmental clearance, slow, per 70 kg', 79, 'L/h', KAMP, 'unverified'),
  },
  mammillary(q, wt) {
    // Assumption: volumes scale with WT/70 and clearances with (WT/70)^0.75; the paper's scaling
    // could not be read (models/SOURCES.md, section 1).
    return allometric(wt, q.V1, q.CL, [
      { v: q.V2, q: q.Q2 },
      { v: q.V3, q: q.Q3 },
    ]);
  },
  notes: [
    "Not the default any more: its six numbers appear in no primary source that could be read. They came into the project notes from one public code, whose labels disagree with the paper's abstract (the paper's raw-data model has two venous delay compartments; the abstract reports only the meta-analysis totals, Vd 252 L and CL 79 L/h per 70 kg). Kept so that old links still open, and to show how much such a model can differ.",
    'Said to predict arterial concentrations: during and just after an infusion they run higher than the venous concentrations most clinical studies report.',
    'Assumption: volumes scale with weight and clearances with weight^0.75; the paper also has two venous delay compartments, which are not included.',
    'No between-subject variability was available for ketamine in this model.',
  ],
});

export const domino = ivModelWithNorketamine({
  id: 'domino',
  name: 'IV racemic ketamine, three-compartment (Domino 1984)',
  shortName: 'Domino 1984',
  citationKey: 'domino1984',
  population: adultsWithAssumedRanges(
    'Adult subjects (details could not be read)',
    [18, 65],
    [50, 100],
    'domino1984; population ranges assumed',
  ),
  ...perKgMicroConstants('domino1984 (as in public TCI code)', 'corroborated', 0.063, 0.4381, [
    { peripheral: 'fast peripheral', kOut: 0.5921, kBack: 0.247 },
    { peripheral: 'slow peripheral', kOut: 0.59, kBack: 0.0146 },
  ]),
  notes: [
    'Volumes scale linearly with weight and rate constants are weight-independent, as the model is published per kg.',
  ],
});

export const clements = ivModelWithNorketamine({
  id: 'clements',
  name: 'IV racemic ketamine, two-compartment (Clements 1981)',
  shortName: 'Clements 1981',
  citationKey: 'clements1981',
  population: adultsWithAssumedRanges(
    'Adult volunteers, 250 ug/kg IV bolus (details could not be read)',
    [18, 65],
    [50, 100],
    'clements1981; population ranges assumed',
  ),
  ...perKgMicroConstants(
    'clements1981 (250 ug/kg data, as in public TCI code)',
    'unverified',
    1.7522,
    0.0109,
    [{ peripheral: 'peripheral', kOut: 0.0186, kBack: 0.0137 }],
  ),
  notes: [
    'Its very large central volume (1.75 L/kg) suggests sparse early sampling: it shows almost no early peak after a bolus.',
  ],
});

export const hijazi = ivModelWithNorketamine({
  id: 'hijazi',
  name: 'IV racemic ketamine in ICU patients with brain or spinal injury (Hijazi 2003)',
  shortName: 'Hijazi 2003',
  citationKey: 'hijazi2003',
  population: adultsWithAssumedRanges(
    '12 intensive-care adults with brain or spinal cord injury (ranges could not be read)',
    [18, 80],
    [45, 120],
    'hijazi2003, abstract; ranges assumed',
  ),
  ...perKgMicroConstants(
    'hijazi2003 (micro-constants as in public TCI code; they reproduce the abstract CL and t1/2)',
    'corroborated',
    1.08,
    0.0333,
    [{ peripheral: 'peripheral', kOut: 0.0088, kBack: 0.003 }],
  ),
  notes: [
    'Critically ill patients: larger volume and clearance than in volunteers, so a longer half-life (4.9 h).',
  ],
});

/**
 * Herd 2007's parameters, as printed in the abstract (per 70 kg; between-subject variability as
 * printed, "%", read as a coefficient of variation and converted to a log-normal variance by
 * omega^2 = ln(1 + CV^2)). Shared by the paediatric model and its use at adult size.
 */
export const herdParameters = per70KgTwoCompartment(
  'herd2007, abstract',
  'verified',
  { V1: 38.7, V2: 102, CL: 90, Q: 215 },
  { V1: 64, V2: 51.7, CL: 38.1, Q: 19 },
);

export const HERD_SCALING_NOTE =
  'Assumption: volumes scale with weight/70 and clearances with (weight/70)^0.75. The abstract says only "allometric models"; these exponents are the usual ones and are what a public code uses.';
export const CV_NOTE =
  'Between-patient variability: the abstract gives it in per cent (V1 64 %, V2 51.7 %, CL 38.1 %, Q 19 %); it is read as a coefficient of variation and turned into a log-normal variance by omega^2 = ln(1 + CV^2), with no correlation between parameters (none is published).';

/**
 * Herd 2007's population, as in the abstract: its children, or (paediatric false) the same fit
 * used at adult size.
 */
function herdPopulation(description: string, paediatric: boolean): PopulationDef {
  return {
    description,
    ageYears: [1, 14],
    weightKg: [10.8, 74.8],
    sampling: 'not stated',
    paediatric,
    typicalPatient: {
      ageYears: 8.3,
      weightKg: 32.5,
      what: 'mean',
      source: 'herd2007, abstract (54 children: age 8.3, SD 3.5, years; weight 32.5, SD 15.6, kg)',
    },
    rangesEvidence: 'unverified',
    source:
      'herd2007, abstract (mean, SD); ranges as in public TCI code (opentiva), not in the abstract',
  };
}

/**
 * The default IV model. No adult IV model could be read in full (Kamp 2020, Henthorn 2018, Zhao
 * 2012, Kamp 2020 BJA and Abuhelwa 2022: only abstracts are reachable, without their tables), so the
 * default is the one model whose every structural parameter and between-patient variability could
 * be read in a primary source: Herd 2007, fitted in children and standardised to 70 kg, used here
 * at adult size. What it lacks is said in its notes and in the UI (models/SOURCES.md, section 1).
 */
export const herdAdult = ivModel({
  id: 'herd-adult',
  name: 'IV racemic ketamine: Herd 2007 model (fitted in children, standardised to 70 kg) at adult size',
  shortName: 'Herd 2007 at adult size',
  citationKey: 'herd2007',
  population: herdPopulation(
    'Fitted in 54 children in an emergency department, 1-1.5 mg/kg IV; age 8.3 (SD 3.5) y, weight 32.5 (SD 15.6) kg; parameters standardised to a 70 kg person; used here for adults',
    false,
  ),
  ...herdParameters,
  notes: [
    "What this default lacks: it was fitted in children (1-14 years), not adults; every adult age is outside its population, so the app flags the result as an extrapolation. Its values are standardised to 70 kg, and the Kamp 2020 meta-analysis found no effect of covariates on clearance and volume standardised to 70 kg across adult and paediatric studies; Herd's clearance, 90 L/h per 70 kg, is at the top of that meta-analysis's 95 % CI (69-90 L/h).",
    'Sampling site not stated in the abstract (serum was assayed): the chart cannot say whether it is venous or arterial blood, and there is no arterial/venous switch (no model that could be read has both).',
    "Samples were taken 14-152 min after the dose, so the slow phase of the decline (hours later) is hardly informed: its 24 h levels and half-life are uncertain. Its volume at steady state, 141 L per 70 kg, is well below the meta-analysis's 252 L.",
    'No norketamine: no racemic parent-metabolite model with readable numbers was found (Zhao 2012 and Kamp 2020 BJA could not be read). The other adult IV models carry an approximation built from S-norketamine values (Otto 2021) that could be read only in one public code.',
    HERD_SCALING_NOTE,
    CV_NOTE,
  ],
});
export const herd = ivModel({
  id: 'herd',
  name: 'IV racemic ketamine in children (Herd 2007), paediatric',
  shortName: 'Herd 2007 (paediatric)',
  citationKey: 'herd2007',
  population: herdPopulation(
    '54 children in an emergency department, 1-1.5 mg/kg IV; age 8.3 (SD 3.5) y, weight 32.5 (SD 15.6) kg',
    true,
  ),
  ...herdParameters,
  notes: [
    'Paediatric model: for teaching the paediatric discussion only.',
    HERD_SCALING_NOTE,
    CV_NOTE,
    'No paediatric norketamine model is included.',
  ],
});

export const hornik = ivModel({
  id: 'hornik',
  name: 'IV racemic ketamine in children (Hornik 2018), paediatric',
  shortName: 'Hornik 2018 (paediatric)',
  citationKey: 'hornik2018',
  population: {
    description: '113 children (63 IV, 50 IM), median age 3.3 y, median weight 14 kg',
    ageYears: [0.02, 17.6],
    weightKg: [2.4, 176.1],
    sampling: 'not stated',
    paediatric: true,
    typicalPatient: {
      ageYears: 3.3,
      weightKg: 14,
      what: 'median',
      source: 'hornik2018, abstract (113 children: median age 3.3 years, median weight 14 kg)',
    },
    rangesEvidence: 'verified',
    source: 'hornik2018, abstract',
  },
  ...per70KgTwoCompartment(
    'hornik2018 (values as in public TCI code; not checked against the paper)',
    'unverified',
    { V1: 32.8, V2: 152, CL: 38.9, Q: 54.9 },
  ),
  notes: [
    'Paediatric model: for teaching the paediatric discussion only.',
    'CL 38.9 L/h per 70 kg is less than half of other ketamine models; the values could not be checked against the paper.',
    'No between-subject variability values were available. No paediatric norketamine model is included.',
  ],
});
