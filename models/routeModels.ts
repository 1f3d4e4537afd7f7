/**
 * Routes built from a source's summary figures: a disposition model that could be read, plus
 * first-order absorption from one depot whose bioavailability F is the source's published F and
 * whose rate constant ka is derived from the source's published time to peak (Tmax).
 *
 * Derivation of ka (the same for every model here): give the typical 70 kg, 40-year-old patient one
 * dose, simulate with the engine on a 0.05-min grid, and bisect on ka until the time of the parent's
 * peak equals the published Tmax. `npm run derive:absorption` (scripts/derive-absorption.ts) runs
 * this and prints each ka; the values below are its output rounded to 3 significant figures, and
 * models/routes.test.ts checks that they give the published Tmax within 10 %. Nothing else is
 * fitted: no value is adjusted to make a curve match another study.
 *
 * Presystemic loss: the part of a dose that does not reach the circulation (1 - F) leaves the depot
 * at the same rate as the part that does. After a swallowed or mucosal dose it is taken to be
 * broken down in the gut wall and liver into the metabolite (first pass), in parent-mass units, as
 * the engine's norketamine approximation already assumes for systemic clearance (all of it forms
 * norketamine; models/common.ts). That is an assumption: some of the lost drug forms other
 * metabolites. After an injection into muscle there is no first pass, and the lost part leaves
 * the system unchanged.
 */
import type { ModelDefinition } from '../src/engine/model';
import type {
  Administration,
  CompartmentDef,
  FlowDef,
  IndividualParameters,
  ParameterDef,
  PopulationDef,
  StateInput,
} from '../src/engine/types';
import {
  individualizeByWeight,
  MIN_PER_H,
  NORKETAMINE_NOTE,
  administerIv,
  ivKetamineStructure,
  ke0Parameter,
  ottoNorketamine,
  ottoNorketamineCovariance,
  ottoNorketamineParameters,
  parameter,
  weightFactor,
  type OttoNorketamineName,
} from './common';
import { CV_NOTE, HERD_SCALING_NOTE, herdParameters } from './ivModels';

/** The label every summary-built route carries in the UI. */
export const APPROXIMATION_LABEL = 'Approximation from published summary figures';

const ABSORPTION_NOTE =
  'Built here: the named disposition model plus first-order absorption, with the published F and a rate derived from the published time to peak (Tmax). No between-patient variability of absorption.';

const FIRST_PASS_NOTE =
  'Assumption: the part not reaching the blood unchanged (1 - F) becomes the metabolite on its first pass, at the absorption rate; some really forms other metabolites, so the metabolite curve is an upper estimate.';

type HerdName = keyof typeof herdParameters.parameters;
type RacemicName = HerdName | OttoNorketamineName | 'ke0';

/** The ketamine and norketamine compartments and flows of the racemic disposition (Herd + Otto). */
function racemicDisposition(q: IndividualParameters<RacemicName | 'weightKg'>) {
  return ivKetamineStructure(herdParameters.mammillary(q, q.weightKg), {
    p: q,
    weightKg: q.weightKg,
  });
}

/** A population described by its source's words, with adult ranges chosen here. */
function adults(description: string, source: string): PopulationDef {
  return {
    description,
    ageYears: [18, 65],
    weightKg: [50, 110],
    sampling: 'not stated',
    paediatric: false,
    rangesEvidence: 'assumption',
    source,
  };
}

/** The absorption depot: its id, and flows splitting its content between blood and first pass. */
function depotFlows(
  ka: number,
  f: number,
  central: string,
  lostTo: string | null,
): { compartment: CompartmentDef; flows: FlowDef[] } {
  const perMin = ka / MIN_PER_H;
  return {
    compartment: {
      id: 'absorption',
      label: 'Absorption site',
      kind: 'depot',
      analyte: null,
      volumeL: null,
    },
    flows: [
      { from: 'absorption', to: central, perMin: perMin * f, label: 'ka x F' },
      {
        from: 'absorption',
        to: lostTo,
        perMin: perMin * (1 - f),
        label: 'ka x (1 - F)',
        ...(lostTo ? { metabolism: true } : {}),
      },
    ],
  };
}

/**
 * What every route built as "a disposition model after one absorption depot" shares (sublingual,
 * oral S-ketamine, IM): the typical values with random effects and the patient's weight; the depot
 * (a share F reaches the central compartment at ka, the rest is lost: to the metabolite on first
 * pass, or unchanged) before the disposition's compartments; a dose of the route into the depot,
 * and an IV dose into the central compartment.
 */
function depotRoute<P extends string>(spec: {
  id: string;
  parameters: Readonly<Record<P | 'ka' | 'F', ParameterDef>>;
  disposition: (q: IndividualParameters<NoInfer<P> | 'ka' | 'F' | 'weightKg'>) => {
    compartments: CompartmentDef[];
    flows: FlowDef[];
  };
  dose: 'sublingual-dose' | 'oral-dose' | 'im-injection';
  /** where first pass takes what is not absorbed, or null: lost unchanged */
  lostTo: string | null;
  /** the depot's name in the diagram, when not "Absorption site" */
  depotLabel?: string;
}): Pick<
  ModelDefinition<P | 'ka' | 'F', 'weightKg'>,
  'individualize' | 'structure' | 'administer'
> {
  return {
    individualize: individualizeByWeight(spec.parameters),
    structure(q) {
      const d = spec.disposition(q);
      const depot = depotFlows(q.ka, q.F, 'central', spec.lostTo);
      const compartment = spec.depotLabel
        ? { ...depot.compartment, label: spec.depotLabel }
        : depot.compartment;
      return {
        compartments: [compartment, ...d.compartments],
        flows: [...depot.flows, ...d.flows],
      };
    },
    administer(admin: Administration): StateInput[] {
      if (admin.kind !== spec.dose) return administerIv(spec.id, 'central', admin);
      return [
        {
          kind: 'bolus',
          compartment: 'absorption',
          timeMin: admin.timeMin,
          amountMg: admin.doseMg,
        },
      ];
    },
  };
}

const derivedKa = (value: number, source: string): ParameterDef =>
  parameter(
    'ka',
    'absorption rate constant, derived from the published Tmax (see the file header)',
    value,
    '1/h',
    source,
    'assumption',
  );

/**
 * Sublingual racemic ketamine wafer (Rolan P et al., Br J Clin Pharmacol 2014;77:1011, abstract):
 * 25 mg wafer in 8 healthy men; absolute F 29 % (90 % CI 27-31), median Tmax 0.75 h (0.25-1.0).
 * Disposition: Herd 2007 at adult size (the default IV model) with the norketamine approximation.
 */
const rolanParameters = {
  ...herdParameters.parameters,
  ...ottoNorketamineParameters,
  F: parameter(
    'F',
    'absolute bioavailability of the sublingual wafer (median)',
    0.29,
    'fraction',
    'rolan2014, abstract (29 %, 90 % CI 27-31 %)',
    'verified',
  ),
  ka: derivedKa(0.993, 'rolan2014, abstract (median Tmax 0.75 h); ka derived here from it'),
  ke0: ke0Parameter('racemic ketamine with this model'),
} satisfies Record<string, ParameterDef>;

export const rolan2014Sublingual: ModelDefinition<keyof typeof rolanParameters, 'weightKg'> = {
  id: 'rolan2014-sl',
  name: 'Sublingual racemic ketamine: Rolan 2014 bioavailability and time to peak on the Herd 2007 disposition',
  shortName: 'Sublingual (Rolan 2014)',
  citationKey: 'rolan2014',
  drug: 'racemic-ketamine',
  route: 'sublingual',
  parent: 'ketamine',
  metabolite: 'norketamine',
  population: adults(
    'Absorption: 8 healthy men given a 25 mg sublingual wafer (Rolan 2014; ages and weights not in the abstract). Disposition: Herd 2007, fitted in children and standardised to 70 kg',
    'rolan2014, abstract; age and weight ranges assumed',
  ),
  parameters: rolanParameters,
  ...depotRoute({
    id: 'rolan2014-sl',
    parameters: rolanParameters,
    disposition: racemicDisposition,
    dose: 'sublingual-dose',
    lostTo: 'norCentral',
  }),
  doseWarnings(admins) {
    // Any hold time: the approximation does not depend on it, whatever it is.
    return admins.some((a) => a.kind === 'sublingual-dose')
      ? [
          'The holding time is not modelled: the abstract of Rolan 2014 does not give the time the wafer was held, and this approximation has one F and one Tmax for the way the study gave it.',
        ]
      : [];
  },
  effectSite: { analyte: 'ketamine', compartment: 'central', ke0Parameter: 'ke0' },
  iivCovariances: [ottoNorketamineCovariance],
  approximation: `${APPROXIMATION_LABEL}: F and Tmax of Rolan 2014 on the Herd 2007 disposition`,
  notes: [
    ABSORPTION_NOTE,
    FIRST_PASS_NOTE,
    'The wafer was studied at 25 mg only; other doses assume F and the absorption rate do not change with dose.',
    HERD_SCALING_NOTE,
    CV_NOTE,
    NORKETAMINE_NOTE,
  ],
};

/**
 * Intranasal racemic ketamine (Pharmacotherapy 2022;42(4):298-310, PMC9118341, Table 6, geometric
 * means): 10 mg IV; 10, 30 and 50 mg intranasal. F 17, 13 and 11 %; ketamine Tmax 23 (n 7), 14 (n
 * 10) and 16 (n 10) min. One ka is derived from the three arms' Tmax pooled as a geometric mean
 * weighted by n: exp((7 ln 23 + 10 ln 14 + 10 ln 16) / 27) = 16.7 min. F is taken from the session's
 * total dose, linearly between the studied doses and held at the nearest one outside them (with a
 * warning).
 */
const SPRAY_DOSES_MG = [10, 30, 50] as const;
const [SPRAY_LO, , SPRAY_HI] = SPRAY_DOSES_MG;
const sprayF = (dose: number, percent: number) =>
  parameter(
    `F (${dose} mg)`,
    `bioavailability after ${dose} mg intranasal (geometric mean)`,
    percent / 100,
    'fraction',
    'pharmacotherapy2022in, Table 6',
    'verified',
  );

const sprayParameters = {
  ...herdParameters.parameters,
  ...ottoNorketamineParameters,
  F10: sprayF(10, 17),
  F30: sprayF(30, 13),
  F50: sprayF(50, 11),
  ka: derivedKa(
    2.59,
    'pharmacotherapy2022in, Table 6 (Tmax 23, 14, 16 min; pooled 16.7 min); ka derived here from it',
  ),
  kaSw: parameter(
    'ka,sw',
    'rate at which the part not absorbed from the nose leaves the gut (to first pass)',
    1.45,
    '1/h',
    'perezruixo2021, Table 3 as encoded by nlmixr2lib (swallowed part of a nasal esketamine dose), borrowed',
    'assumption',
  ),
  ke0: ke0Parameter('racemic ketamine with this model'),
} satisfies Record<string, ParameterDef>;
type SprayName = keyof typeof sprayParameters;

/** F of a session's total intranasal dose (mg): linear between the studied doses, held beyond. */
export function sprayBioavailability(
  q: IndividualParameters<'F10' | 'F30' | 'F50'>,
  sessionDoseMg: number,
): number {
  const f = [q.F10, q.F30, q.F50];
  const d = SPRAY_DOSES_MG;
  if (sessionDoseMg <= d[0]) return f[0]!;
  for (let i = 1; i < d.length; i++) {
    if (sessionDoseMg <= d[i]!) {
      const w = (sessionDoseMg - d[i - 1]!) / (d[i]! - d[i - 1]!);
      return f[i - 1]! + w * (f[i]! - f[i - 1]!);
    }
  }
  return f[f.length - 1]!;
}

export const nasalSprayRacemic: ModelDefinition<SprayName, 'weightKg'> = {
  id: 'racemic-nasal-2022',
  name: 'Intranasal racemic ketamine: bioavailability and time to peak of the Pharmacotherapy 2022 study on the Herd 2007 disposition',
  shortName: 'Nasal racemic (2022 study)',
  citationKey: 'pharmacotherapy2022in',
  drug: 'racemic-ketamine',
  route: 'nasal-spray',
  parent: 'ketamine',
  metabolite: 'norketamine',
  population: adults(
    'Absorption: the intranasal arms (10, 30, 50 mg; 7-10 people each) of a study whose methods could not be read (only its Table 6). Disposition: Herd 2007, fitted in children and standardised to 70 kg',
    'pharmacotherapy2022in, Table 6; age and weight ranges assumed',
  ),
  parameters: sprayParameters,
  individualize: individualizeByWeight(sprayParameters),
  structure(q) {
    const d = racemicDisposition(q);
    // Two depots: the part that reaches the blood, absorbed at ka; and the part lost on first pass,
    // taken to be swallowed and to leave the gut at ka,sw (borrowed, see its parameter).
    return {
      compartments: [
        {
          id: 'absorption',
          label: 'Nose (absorbed part)',
          kind: 'depot',
          analyte: null,
          volumeL: null,
        },
        {
          id: 'swallowed',
          label: 'Gut (swallowed part)',
          kind: 'depot',
          analyte: null,
          volumeL: null,
        },
        ...d.compartments,
      ],
      flows: [
        { from: 'absorption', to: 'central', perMin: q.ka / MIN_PER_H, label: 'ka' },
        {
          from: 'swallowed',
          to: 'norCentral',
          perMin: q.kaSw / MIN_PER_H,
          label: 'ka,sw',
          metabolism: true,
        },
        ...d.flows,
      ],
    };
  },
  administer(admin: Administration, q): StateInput[] {
    if (admin.kind !== 'nasal-spray') return administerIv('racemic-nasal-2022', 'central', admin);
    const f = sprayBioavailability(q, admin.sessionDoseMg);
    const at = (compartment: string, amountMg: number): StateInput => ({
      kind: 'bolus',
      compartment,
      timeMin: admin.timeMin,
      amountMg,
    });
    return [at('absorption', admin.doseMg * f), at('swallowed', admin.doseMg * (1 - f))];
  },
  doseWarnings(admins) {
    const doses = new Set(
      admins.flatMap((a) => (a.kind === 'nasal-spray' ? [a.sessionDoseMg] : [])),
    );
    const [lo, hi] = [SPRAY_LO, SPRAY_HI];
    return [...doses]
      .filter((d) => d < lo || d > hi)
      .map(
        (d) =>
          `${d} mg per session is outside the ${lo}-${hi} mg the study gave: its bioavailability is taken as that of ${d < lo ? lo : hi} mg (${d < lo ? 17 : 11} %), an extrapolation.`,
      );
  },
  effectSite: { analyte: 'ketamine', compartment: 'central', ke0Parameter: 'ke0' },
  iivCovariances: [ottoNorketamineCovariance],
  approximation: `${APPROXIMATION_LABEL}: F and Tmax of the Pharmacotherapy 2022 study on the Herd 2007 disposition`,
  notes: [
    ABSORPTION_NOTE,
    'Assumption: the part of a nasal dose not reaching the blood unchanged is swallowed and becomes norketamine on first pass, leaving the gut at ka,sw 1.45 /h (borrowed from Perez-Ruixo 2021: this study gives no rate)',
    'F falls with dose in the study (17, 13, 11 % at 10, 30, 50 mg); the model follows the session total',
    'Only Table 6 of the study could be read: device, spray volume and sampling site unknown',
    HERD_SCALING_NOTE,
    CV_NOTE,
    NORKETAMINE_NOTE,
  ],
};

/**
 * S-ketamine disposition of Otto 2021 (Table 3, fixed to Fanta 2015), as encoded by nlmixr2lib:
 * central volume x WT/70 and clearance x (WT/70)^0.75; peripheral volumes and Q not weight-scaled.
 */
const OTTO_S = 'otto2021, Table 3 (S-ketamine values fixed to fanta2015), as in public code';
const sKetamineParameters = {
  Vc: {
    ...parameter('V1', 'S-ketamine central volume per 70 kg', 133, 'L', OTTO_S, 'unverified'),
    iiv: { distribution: 'lognormal', variance: 0.084, reported: 'omega^2 0.084', source: OTTO_S },
  },
  CLs: {
    ...parameter(
      'CL',
      'S-ketamine clearance per 70 kg',
      95.2,
      'L/h',
      `${OTTO_S}; fanta2015 abstract: 95 L/h/70 kg`,
      'corroborated',
    ),
    iiv: { distribution: 'lognormal', variance: 0.026, reported: 'omega^2 0.026', source: OTTO_S },
  },
  Vp1: parameter('Vp1', 'S-ketamine peripheral volume 1', 187, 'L', OTTO_S, 'unverified'),
  Q1: parameter(
    'Q1',
    'S-ketamine intercompartmental clearance 1',
    23.2,
    'L/h',
    OTTO_S,
    'unverified',
  ),
  Vp2: parameter('Vp2', 'S-ketamine peripheral volume 2', 98.8, 'L', OTTO_S, 'unverified'),
  Q2: parameter(
    'Q2',
    'S-ketamine intercompartmental clearance 2',
    157,
    'L/h',
    OTTO_S,
    'unverified',
  ),
} satisfies Record<string, ParameterDef>;
type SKetamineName = keyof typeof sKetamineParameters;

/** Esketamine (S-ketamine) and noresketamine compartments and flows (Otto 2021). */
function sKetamineDisposition(
  q: IndividualParameters<SKetamineName | OttoNorketamineName | 'weightKg'>,
) {
  const vc = q.Vc * weightFactor(q.weightKg, 1);
  const cl = (q.CLs * weightFactor(q.weightKg, 0.75)) / MIN_PER_H;
  const nor = ottoNorketamine(q, q.weightKg);
  const compartments: CompartmentDef[] = [
    {
      id: 'central',
      label: 'Esketamine central',
      kind: 'central',
      analyte: 'esketamine',
      volumeL: vc,
    },
    {
      id: 'peripheral1',
      label: 'Esketamine peripheral 1',
      kind: 'peripheral',
      analyte: 'esketamine',
      volumeL: q.Vp1,
    },
    {
      id: 'peripheral2',
      label: 'Esketamine peripheral 2',
      kind: 'peripheral',
      analyte: 'esketamine',
      volumeL: q.Vp2,
    },
    ...nor.compartments.map((c) => ({
      ...c,
      analyte: 'noresketamine' as const,
      label: c.label.replace('Norketamine', 'Noresketamine'),
    })),
  ];
  const h = MIN_PER_H;
  const flows: FlowDef[] = [
    { from: 'central', to: 'peripheral1', perMin: q.Q1 / vc / h, label: 'Q1/V1' },
    { from: 'peripheral1', to: 'central', perMin: q.Q1 / q.Vp1 / h, label: 'Q1/Vp1' },
    { from: 'central', to: 'peripheral2', perMin: q.Q2 / vc / h, label: 'Q2/V1' },
    { from: 'peripheral2', to: 'central', perMin: q.Q2 / q.Vp2 / h, label: 'Q2/Vp2' },
    { from: 'central', to: 'norCentral', perMin: cl / vc, label: 'CL/V1', metabolism: true },
    ...nor.flows,
  ];
  return { compartments, flows };
}

/**
 * Oral S-ketamine (Fanta S et al., Eur J Clin Pharmacol 2015;71:441, abstract): 0.25 mg/kg in 11
 * healthy men; F 8 %. The abstract gives no Tmax and Fanta's absorption parameters could not be
 * read, so ka is borrowed from the oral esketamine solution of Perez-Ruixo 2021 (ka_po 0.97 /h,
 * as encoded by nlmixr2lib), an assumption.
 */
const fantaParameters = {
  ...sKetamineParameters,
  ...ottoNorketamineParameters,
  F: parameter(
    'F',
    'oral bioavailability of S-ketamine',
    0.08,
    'fraction',
    'fanta2015, abstract (8 %, between-subject variability 11 %)',
    'verified',
  ),
  ka: parameter(
    'ka',
    'oral absorption rate constant, borrowed from the oral arm of Perez-Ruixo 2021 (ka_po)',
    0.97,
    '1/h',
    'perezruixo2021, Table 3 as encoded by nlmixr2lib (no Tmax or ka of Fanta 2015 could be read)',
    'assumption',
  ),
  ke0: ke0Parameter('esketamine with this model'),
} satisfies Record<string, ParameterDef>;
type FantaName = keyof typeof fantaParameters;

export const fanta2015Oral: ModelDefinition<FantaName, 'weightKg'> = {
  id: 'fanta2015-oral',
  name: 'Oral S-ketamine (esketamine): Fanta 2015 bioavailability on the Otto 2021 / Fanta 2015 disposition',
  shortName: 'Oral S-ketamine (Fanta 2015)',
  citationKey: 'fanta2015',
  drug: 'esketamine',
  route: 'oral',
  parent: 'esketamine',
  metabolite: 'noresketamine',
  population: {
    description:
      'Absorption: 11 healthy men given 0.25 mg/kg oral S-ketamine (Fanta 2015). Disposition: Otto 2021, 48 healthy adults, venous samples',
    ageYears: [18, 65],
    weightKg: [50, 110],
    sampling: 'venous',
    paediatric: false,
    rangesEvidence: 'assumption',
    source: 'fanta2015, abstract; otto2021; age and weight ranges assumed',
  },
  parameters: fantaParameters,
  ...depotRoute({
    id: 'fanta2015-oral',
    parameters: fantaParameters,
    disposition: sKetamineDisposition,
    dose: 'oral-dose',
    lostTo: 'norCentral',
  }),
  effectSite: { analyte: 'esketamine', compartment: 'central', ke0Parameter: 'ke0' },
  iivCovariances: [
    { a: 'Vc', b: 'CLs', covariance: 0.023, source: OTTO_S },
    ottoNorketamineCovariance,
  ],
  approximation: `${APPROXIMATION_LABEL}: F of Fanta 2015 on the Otto 2021 disposition, with a borrowed absorption rate`,
  notes: [
    'Built here: the Otto 2021 disposition (S-ketamine fixed to Fanta 2015) plus first-order absorption with the published F of 8 %. Fanta 2015 had a presystemic norketamine pathway whose values could not be read; the rate is borrowed from Perez-Ruixo 2021 (oral arm).',
    FIRST_PASS_NOTE,
    'Fanta 2015 simulated a norketamine/S-ketamine AUC ratio of 16.5 at steady state: see the validation view. S-ketamine is esketamine.',
  ],
};

/**
 * Intramuscular racemic ketamine in adults. No primary source of adult IM figures could be read
 * (docs/research/im-route.md): the F of 93 % and the time to peak of 5-15 min are quoted widely and
 * attributed to Clements, Nimmo and Grant (J Pharm Sci 1982;71:539), but the paper itself was not
 * reached. They are used here as unverified leads, and ka is derived from the middle of that range
 * (10 min). The one IM bioavailability read in a primary source is 41 % in children (Hornik 2018,
 * abstract), shown beside this model in its notes.
 */
const imParameters = {
  ...herdParameters.parameters,
  ...ottoNorketamineParameters,
  F: parameter(
    'F',
    'bioavailability after an intramuscular injection (adults)',
    0.93,
    'fraction',
    'clements1982, as quoted in secondary and tertiary summaries; the paper could not be read',
    'unverified',
  ),
  ka: derivedKa(
    5.83,
    'clements1982 as quoted (Tmax 5-15 min, unverified); ka derived here from its middle, 10 min',
  ),
  ke0: ke0Parameter('racemic ketamine with this model'),
} satisfies Record<string, ParameterDef>;

export const intramuscularRacemic: ModelDefinition<keyof typeof imParameters, 'weightKg'> = {
  id: 'im-racemic',
  name: 'Intramuscular racemic ketamine: commonly quoted adult bioavailability and time to peak on the Herd 2007 disposition',
  shortName: 'Intramuscular (quoted figures)',
  citationKey: 'clements1982',
  drug: 'racemic-ketamine',
  route: 'intramuscular',
  parent: 'ketamine',
  metabolite: 'norketamine',
  population: adults(
    'Absorption: adult figures quoted from Clements 1982 (the paper could not be read). Disposition: Herd 2007, fitted in children and standardised to 70 kg',
    'clements1982 (not read); age and weight ranges assumed',
  ),
  parameters: imParameters,
  ...depotRoute({
    id: 'im-racemic',
    parameters: imParameters,
    disposition: racemicDisposition,
    dose: 'im-injection',
    lostTo: null,
    depotLabel: 'Muscle (injection site)',
  }),
  effectSite: { analyte: 'ketamine', compartment: 'central', ke0Parameter: 'ke0' },
  iivCovariances: [ottoNorketamineCovariance],
  approximation: `${APPROXIMATION_LABEL}, and those figures could not be checked: F 93 % and a 10-min time to peak, widely quoted for adults`,
  notes: [
    ABSORPTION_NOTE,
    'Unverified: F 93 % and a peak at 5-15 min are widely quoted for adults (attributed to Clements 1982, not read). The only IM F read in a primary source is 41 % in children (Hornik 2018, abstract)',
    'No first pass after an injection into muscle: the 7 % not absorbed is taken as lost unchanged',
    HERD_SCALING_NOTE,
    CV_NOTE,
    NORKETAMINE_NOTE,
  ],
};
