/**
 * Intranasal esketamine and noresketamine: Perez-Ruixo C et al., Clin Pharmacokinet
 * 2021;60(4):501-516, Table 3 (values as transcribed line by line in nlmixr2lib's encoding;
 * checks against the abstract in models/SOURCES.md, section 7). Time in h and volumes in L as
 * published; the structure converts rates to 1/min.
 *
 * Structure: each 28 mg device puts FRn of its dose in the nasal cavity (first order, ka_n, into
 * the central compartment); the rest is swallowed, of which Fgut escapes gut-wall metabolism and
 * enters a gut depot at a constant rate over Dsw, then passes first order (ka_sw) to a hepato-portal
 * compartment (Vh) exchanging with the central compartment at hepatic blood flow Qh. The liver
 * eliminates esketamine (kel) and forms noresketamine (kmet). Three esketamine compartments, two
 * (apparent) noresketamine compartments.
 */
import type { ModelDefinition } from '../src/engine/model';
import { typicalWithEta } from '../src/engine/model';
import type {
  Administration,
  IndividualParameters,
  ParameterDef,
  Patient,
  StateInput,
} from '../src/engine/types';
import { MIN_PER_H, administerIv, ke0Parameter, parameter } from './common';

const T3 = 'perezruixo2021, Table 3';

/** A Table 3 parameter (log-normal variability from the published CV, if any). */
function p(
  symbol: string,
  description: string,
  value: number,
  unit: string,
  evidence: ParameterDef['evidence'],
  iivCvPercent?: number,
  note?: string,
): ParameterDef {
  return parameter(symbol, description, value, unit, T3, evidence, iivCvPercent, note);
}

const parameters = {
  FRn: {
    symbol: 'FRn',
    description: 'fraction of a 28 mg device absorbed from the nasal cavity',
    value: 0.54,
    unit: 'fraction',
    source: T3,
    evidence: 'verified',
    iiv: {
      distribution: 'logitnormal',
      variance: 0.708 ** 2,
      reported: '70.8 (additive SD on the logit scale)',
      source: T3,
    },
  },
  doseFRn: {
    ...p(
      'Dose on FRn',
      'factor on FRn for the 2nd and 3rd device of a session',
      0.62,
      'factor',
      'corroborated',
    ),
    covariate: true,
  },
  japaneseFRn: {
    ...p('Japanese on FRn', 'factor on FRn in Japanese people', 1.34, 'factor', 'unverified'),
    covariate: true,
  },
  kaN: p(
    'ka,n',
    'nasal absorption rate constant',
    2.93,
    '1/h',
    'unverified',
    61.5,
    'Table 3 prints "L/h", a unit typo',
  ),
  Dsw: p('Dsw', 'duration of zero-order input of the swallowed part', 0.53, 'h', 'unverified'),
  kaSw: p(
    'ka,sw',
    'absorption rate constant of the swallowed part',
    1.45,
    '1/h',
    'unverified',
    132,
  ),
  Fgut: p(
    'Fgut',
    'fraction of the swallowed dose escaping gut-wall metabolism',
    0.64,
    'fraction',
    'unverified',
  ),
  Vc: p('Vc', 'esketamine central volume', 192, 'L', 'corroborated', 27.5),
  Q1: p('Q1', 'esketamine intercompartmental clearance, shallow', 84.3, 'L/h', 'unverified'),
  Vp1: p('Vp1', 'esketamine shallow peripheral volume', 143, 'L', 'corroborated', 49.3),
  Q2: p('Q2', 'esketamine intercompartmental clearance, deep', 37.6, 'L/h', 'unverified'),
  Vp2: p('Vp2', 'esketamine deep peripheral volume', 417, 'L', 'corroborated'),
  Qh: p('Qh', 'hepatic blood flow', 151, 'L/h', 'unverified', 23.2),
  ageQh: {
    ...p(
      'Age on Qh',
      'decrease of Qh per year of age above 60',
      2.19,
      'L/h per year',
      'unverified',
    ),
    covariate: true,
  },
  Vh: p('Vh', 'hepato-portal volume', 101, 'L', 'unverified', 34.6),
  kel: p(
    'kel',
    'hepatic elimination rate constant (to other metabolites)',
    1.11,
    '1/h',
    'unverified',
    120,
  ),
  asianKel: {
    ...p('Asian on kel', 'factor on kel in Asian people', 0.36, 'factor', 'unverified'),
    covariate: true,
  },
  kmet: p(
    'kmet',
    'hepatic rate constant of noresketamine formation',
    2.77,
    '1/h',
    'unverified',
    undefined,
    'Between-subject variability on kmet was estimated but its value is blank in Table 3: none is applied here',
  ),
  Vcn: p('Vcn/F', 'noresketamine apparent central volume', 70, 'L', 'corroborated', 31.6),
  CLn: p('CLn/F', 'noresketamine apparent clearance', 38, 'L/h', 'verified', 25.4),
  asianCLn: {
    ...p('Asian on CLn/F', 'factor on CLn/F in Asian people', 0.81, 'factor', 'unverified'),
    covariate: true,
  },
  Vpn: p('Vpn/F', 'noresketamine apparent peripheral volume', 115, 'L', 'corroborated'),
  Q3: p('Q3/F', 'noresketamine apparent intercompartmental clearance', 26.1, 'L/h', 'unverified'),
  ke0: ke0Parameter('esketamine with this (venous or unstated-site) model'),
} satisfies Record<string, ParameterDef>;

/** The names of the model's parameters, from FRn to ke0. */
export type PerezRuixoParameter = keyof typeof parameters;

export const perezruixo2021: ModelDefinition<PerezRuixoParameter> = {
  id: 'perezruixo2021',
  name: 'Intranasal esketamine with noresketamine (Perez-Ruixo 2021)',
  shortName: 'Perez-Ruixo 2021',
  citationKey: 'perezruixo2021',
  drug: 'esketamine',
  route: 'intranasal',
  parent: 'esketamine',
  metabolite: 'noresketamine',
  population: {
    description:
      '820 adults in 13 studies: 256 healthy volunteers and 564 patients with treatment-resistant depression; intranasal 14-112 mg, IV 28 mg, oral 84 mg',
    ageYears: [18, 86],
    weightKg: [39, 170],
    sampling: 'not stated',
    paediatric: false,
    rangesEvidence: 'unverified',
    source:
      'perezruixo2021, Table 2 as transcribed by nlmixr2lib (the paper itself could not be read)',
  },
  parameters,
  individualize(eta, patient): IndividualParameters<PerezRuixoParameter> {
    const q = withLiverCovariates(typicalWithEta({ parameters }, eta), eta.Qh, patient);
    if (patient.japanese) q.FRn = q.FRn * q.japaneseFRn;
    return q;
  },
  structure(q) {
    const h = MIN_PER_H;
    return {
      compartments: [
        { id: 'nasal', label: 'Nasal cavity', kind: 'depot', analyte: null, volumeL: null },
        { id: 'gut', label: 'Gut (swallowed part)', kind: 'depot', analyte: null, volumeL: null },
        {
          id: 'central',
          label: 'Esketamine central',
          kind: 'central',
          analyte: 'esketamine',
          volumeL: q.Vc,
        },
        {
          id: 'peripheral1',
          label: 'Esketamine shallow peripheral',
          kind: 'peripheral',
          analyte: 'esketamine',
          volumeL: q.Vp1,
        },
        {
          id: 'peripheral2',
          label: 'Esketamine deep peripheral',
          kind: 'peripheral',
          analyte: 'esketamine',
          volumeL: q.Vp2,
        },
        {
          id: 'liver',
          label: 'Liver (hepato-portal)',
          kind: 'liver',
          analyte: 'esketamine',
          volumeL: q.Vh,
        },
        {
          id: 'norCentral',
          label: 'Noresketamine central',
          kind: 'central',
          analyte: 'noresketamine',
          volumeL: q.Vcn,
        },
        {
          id: 'norPeripheral',
          label: 'Noresketamine peripheral',
          kind: 'peripheral',
          analyte: 'noresketamine',
          volumeL: q.Vpn,
        },
      ],
      flows: [
        { from: 'nasal', to: 'central', perMin: q.kaN / h, label: 'ka,n' },
        { from: 'gut', to: 'liver', perMin: q.kaSw / h, label: 'ka,sw' },
        { from: 'central', to: 'peripheral1', perMin: q.Q1 / q.Vc / h, label: 'Q1/Vc' },
        { from: 'peripheral1', to: 'central', perMin: q.Q1 / q.Vp1 / h, label: 'Q1/Vp1' },
        { from: 'central', to: 'peripheral2', perMin: q.Q2 / q.Vc / h, label: 'Q2/Vc' },
        { from: 'peripheral2', to: 'central', perMin: q.Q2 / q.Vp2 / h, label: 'Q2/Vp2' },
        { from: 'central', to: 'liver', perMin: q.Qh / q.Vc / h, label: 'Qh/Vc' },
        { from: 'liver', to: 'central', perMin: q.Qh / q.Vh / h, label: 'Qh/Vh' },
        { from: 'liver', to: null, perMin: q.kel / h, label: 'kel' },
        { from: 'liver', to: 'norCentral', perMin: q.kmet / h, label: 'kmet', metabolism: true },
        { from: 'norCentral', to: 'norPeripheral', perMin: q.Q3 / q.Vcn / h, label: 'Q3/Vcn' },
        { from: 'norPeripheral', to: 'norCentral', perMin: q.Q3 / q.Vpn / h, label: 'Q3/Vpn' },
        { from: 'norCentral', to: null, perMin: q.CLn / q.Vcn / h, label: 'CLn/Vcn' },
      ],
    };
  },
  administer(admin: Administration, q): StateInput[] {
    if (admin.kind !== 'nasal-device') return administerIv('perezruixo2021', 'central', admin);
    const fr = nasalFraction(q, admin.deviceIndex);
    const swallowedMg = admin.doseMg * (1 - fr) * q.Fgut;
    const dswMin = q.Dsw * MIN_PER_H;
    // The swallowed input is kept even when it is 0 mg (a nasal fraction capped at 1): every
    // patient then has inputs at the same times into the same states, so one timing plan fits a
    // whole population (a missing input made the band throw for Japanese patients).
    return [
      { kind: 'bolus', compartment: 'nasal', timeMin: admin.timeMin, amountMg: admin.doseMg * fr },
      {
        kind: 'zero-order',
        compartment: 'gut',
        startMin: admin.timeMin,
        endMin: admin.timeMin + dswMin,
        rateMgPerMin: swallowedMg / dswMin,
      },
    ];
  },
  effectSite: { analyte: 'esketamine', compartment: 'central', ke0Parameter: 'ke0' },
  notes: [
    'Plasma sampling site is not stated in what could be read; clinical-trial samples are most likely venous.',
    'Systemic clearance from Table 3 is Qh x E = 109 L/h; the abstract reports 114 L/h.',
    'Noresketamine AUC is over-predicted about 1.4-1.6-fold by this literal encoding of Table 3 (an erratum documented by nlmixr2lib); its Cmax agrees.',
    'Between-patient variability: Table 3 gives CV %; each is turned into a log-normal variance by omega^2 = ln(1 + CV^2), except FRn, whose 70.8 is an SD on the logit scale (variance 0.708^2 = 0.501). No correlations are applied (none could be read).',
    'The 2nd and 3rd device of a session absorb 0.62 x FRn from the nose (Table 3 dose effect), which reproduces the abstract bioavailabilities of 54 % (56 mg) and 51 % (84 mg).',
  ],
};

/**
 * FRn for one device: the individual's FRn, times 0.62 for a session's 2nd and later devices.
 * A fraction cannot exceed 1: when the Japanese factor (x 1.34) and a random effect push it past 1,
 * it is taken as 1 (the whole device absorbed nasally), and runScenario reports this as a warning.
 */
export function nasalFraction(
  q: IndividualParameters<'FRn' | 'doseFRn'>,
  deviceIndex: number,
): number {
  return Math.min(1, q.FRn * (deviceIndex > 0 ? q.doseFRn : 1));
}

/**
 * The covariates shared by the nasal and oral arms, applied to typical values with random effects:
 * Qh falls by 2.19 L/h per year above 60 (its random effect multiplies the covariate-adjusted
 * value); Asian people have lower kel and noresketamine CL/F.
 */
function withLiverCovariates<
  Q extends Record<'Qh' | 'kel' | 'asianKel' | 'CLn' | 'asianCLn', number>,
>(q: Q, etaQh: number | undefined, patient: Patient): Q {
  const qhTypical =
    parameters.Qh.value - parameters.ageQh.value * Math.max(0, patient.ageYears - 60);
  q.Qh = qhTypical * Math.exp(etaQh ?? 0);
  if (patient.asian) {
    q.kel = q.kel * q.asianKel;
    q.CLn = q.CLn * q.asianCLn;
  }
  return q;
}

/** The nasal model's parameters that an oral dose does not use. */
const NASAL_ONLY = ['FRn', 'doseFRn', 'japaneseFRn', 'kaN', 'Dsw', 'kaSw'] as const;
type NasalOnly = (typeof NASAL_ONLY)[number];

const oralParameters = {
  ...(Object.fromEntries(
    Object.entries(parameters).filter(
      ([name]) => !(NASAL_ONLY as readonly string[]).includes(name),
    ),
  ) as Omit<typeof parameters, NasalOnly>),
  Dpo: p(
    'Dpo',
    'duration of zero-order input of an oral dose',
    0.32,
    'h',
    'unverified',
    undefined,
    'Table 3 prints "h/L", a unit typo (nlmixr2lib)',
  ),
  kaPo: p(
    'ka,po',
    'absorption rate constant of an oral dose',
    0.97,
    '1/h',
    'unverified',
    132,
    'Table 3 prints "L/h", a unit typo (nlmixr2lib)',
  ),
} satisfies Record<string, ParameterDef>;
type OralName = keyof typeof oralParameters;

/**
 * Oral esketamine: the oral arm of the same model (84 mg oral solution in 18 healthy people, study
 * ESKETINTRD1009). The dose passes the gut wall (Fgut), enters the gut depot at a constant rate over
 * Dpo, then passes first order (ka,po) to the hepato-portal compartment, where the liver's first
 * pass removes most of it before it reaches the blood.
 */
export const perezruixo2021Oral: ModelDefinition<OralName> = {
  citationKey: perezruixo2021.citationKey,
  drug: perezruixo2021.drug,
  parent: perezruixo2021.parent,
  metabolite: perezruixo2021.metabolite,
  population: perezruixo2021.population,
  id: 'perezruixo2021-oral',
  name: 'Oral esketamine with noresketamine (Perez-Ruixo 2021, oral arm)',
  shortName: 'Perez-Ruixo 2021 (oral)',
  route: 'oral',
  parameters: oralParameters,
  individualize(eta, patient): IndividualParameters<OralName> {
    return withLiverCovariates(
      typicalWithEta({ parameters: oralParameters }, eta),
      eta.Qh,
      patient,
    );
  },
  structure(q) {
    // The nasal model's structure without its nasal cavity, the gut emptying at ka,po.
    const nasal = perezruixo2021.structure({
      ...q,
      FRn: 0,
      doseFRn: 0,
      japaneseFRn: 0,
      kaN: 0,
      Dsw: 0,
      kaSw: q.kaPo,
    });
    return {
      compartments: nasal.compartments
        .filter((c) => c.id !== 'nasal')
        .map((c) => (c.id === 'gut' ? { ...c, label: 'Gut (swallowed dose)' } : c)),
      flows: nasal.flows
        .filter((f) => f.from !== 'nasal')
        .map((f) => (f.from === 'gut' ? { ...f, label: 'ka,po' } : f)),
    };
  },
  administer(admin: Administration, q): StateInput[] {
    if (admin.kind !== 'oral-dose') return administerIv('perezruixo2021-oral', 'central', admin);
    const dpoMin = q.Dpo * MIN_PER_H;
    return [
      {
        kind: 'zero-order',
        compartment: 'gut',
        startMin: admin.timeMin,
        endMin: admin.timeMin + dpoMin,
        rateMgPerMin: (admin.doseMg * q.Fgut) / dpoMin,
      },
    ];
  },
  effectSite: { analyte: 'esketamine', compartment: 'central', ke0Parameter: 'ke0' },
  notes: [
    'Oral data: one study, 18 healthy people, 84 mg oral solution.',
    "Its F follows from the model: Fgut x (1 - liver extraction) = 18 % (abstract: 18.6 % of a swallowed nasal dose). The manufacturer's information says about 8 %, as Fanta 2015 found for S-ketamine; the difference could not be resolved.",
    'Noresketamine AUC is over-predicted 1.4-1.6-fold by this literal encoding of Table 3 (nlmixr2lib erratum), so after an oral dose its curve is an upper estimate. Sampling site not stated.',
  ],
};
