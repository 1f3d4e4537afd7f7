/**
 * Sublingual or buccal S-ketamine (esketamine) oral thin film: the published population model of
 * Simons P, Olofsen E, van Velzen M, et al., Front Pain Res 2022;3:946486 ("S-Ketamine Oral Thin
 * Film, Part 1"), Table 4 and Figure 2.
 *
 * How far it was read (models/SOURCES.md, section 15): the abstract (F 26 +/- 1 %, 80 % of
 * S-ketamine to S-norketamine, 56 % to S-hydroxynorketamine, the film held 10 min without
 * swallowing) and, in the first author's thesis (Leiden 2024), the methods (arterial samples), the
 * population (ages 19-32, weights 53-93 kg) and the discussion (mucosal absorption "on average 13
 * min"). Table 4 itself was not stored; its values are read from the nlmixr2lib encoding
 * (Simons_2022_s_ketamine), which quotes it line by line. Every value has the status that allows.
 *
 * Structure (Figure 2 as the encoding describes it), in S-ketamine mass (moles) throughout; the
 * noresketamine column is converted to its own mass (metaboliteNgPerStateNg):
 * - the film dose enters two depots at once, each over its own zero-order duration: F1 of it
 *   into the mouth's lining over D1, absorbed into the circulation at KA1; F2 of it into the gut
 *   over D2, leaving at KA2 into a gut-to-liver delay (mean transit time MTTG), from which it goes
 *   straight into the liver's metabolism without reaching the circulation;
 * - S-ketamine has three compartments; its clearance CLK1 and the swallowed drug both enter a
 *   two-compartment metabolism delay (mean transit time MTT K->NK, each compartment 2 / MTT), of
 *   whose output a fixed 80 % forms S-norketamine (the rest is lost to other metabolites);
 * - S-norketamine has two compartments and shares the S-ketamine central volume (VN1 = VK1).
 *   Its clearance CLN1 leaves the system here: the model goes on to S-hydroxynorketamine, which
 *   this simulator does not show (it cannot flow back, so the two curves shown are unchanged).
 *
 * F2 is 116 % of the film dose: with F1 the model puts 1.42 times the dose into its states. The
 * encoding explains it as a scale absorbed from the metabolite volumes (identifiable only because
 * the 80 % is fixed), not a physical fraction; it is implemented as published, and said in the UI.
 * Weight scaling: Table 4 gives values "@ 70 kg" without exponents; 1 for volumes and 0.75 for
 * clearances are assumed, as in the encoding. Between-occasion variability (Table 4) is not
 * modelled: a single session's band shows between-person variability only.
 */
import type { ModelDefinition } from '../src/engine/model';
import type { Administration, ParameterDef, StateInput } from '../src/engine/types';
import { MOLAR_MASS_G_PER_MOL } from '../src/engine/units';
import {
  administerIv,
  individualizeByWeight,
  ke0Parameter,
  parameter,
  weightFactor,
} from './common';

const T4 = 'simons2022, Table 4, as encoded by nlmixr2lib (Simons_2022_s_ketamine)';

/** Table 4's between-occasion variances (nu^2) of the absorption, by symbol: not modelled here. */
const BETWEEN_OCCASIONS: Readonly<Record<string, number>> = {
  F1: 0.06,
  D1: 0.154,
  KA1: 0.062,
  F2: 0.057,
  D2: 0.611,
  KA2: 0.376,
  MTTG: 0.937,
};
const betweenOccasions = (nu2: number) =>
  `between-occasion nu^2 ${nu2} (Table 4), not applied: each virtual patient is drawn once`;

/** A Table 4 value read only in the encoding, with its between-person variance where it has one. */
function table4(
  symbol: string,
  description: string,
  value: number,
  unit: string,
  omega2?: number,
): ParameterDef {
  const p = parameter(symbol, description, value, unit, T4, 'unverified');
  const iov = BETWEEN_OCCASIONS[symbol];
  if (iov !== undefined) p.variabilityNotModelled = betweenOccasions(iov);
  return omega2 === undefined
    ? p
    : {
        ...p,
        iiv: {
          distribution: 'lognormal',
          variance: omega2,
          reported: `omega^2 ${omega2}`,
          source: T4,
        },
      };
}

const simonsParameters = {
  F1: {
    ...parameter(
      'F1',
      'share of the film dose absorbed through the lining of the mouth into the blood',
      0.263,
      'fraction',
      `${T4}; simons2022 abstract: bioavailability 26 +/- 1 % (estimate +/- SE)`,
      'corroborated',
    ),
    variabilityNotModelled: betweenOccasions(BETWEEN_OCCASIONS['F1']!),
  },
  D1: {
    ...parameter(
      'D1',
      'duration over which the film releases its dose into the lining of the mouth',
      13.1,
      'min',
      `${T4}; simons2024thesis, chapter 2 discussion: local absorption "took on average 13 min"`,
      'corroborated',
    ),
    variabilityNotModelled: betweenOccasions(BETWEEN_OCCASIONS['D1']!),
  },
  KA1: table4('KA1', 'absorption rate from the lining of the mouth into the blood', 0.04, '1/min'),
  F2: table4(
    'F2',
    'swallowed route: amount reaching the liver, as a share of the film dose (a model scale, over 100 %)',
    1.16,
    'fraction',
  ),
  D2: table4('D2', 'duration of the swallowed input into the gut', 29.9, 'min'),
  KA2: table4('KA2', 'rate at which the swallowed drug leaves the gut', 0.049, '1/min'),
  MTTG: table4('MTTG', 'mean transit time from gut to liver', 10.7, 'min'),
  VK1: table4(
    'VK1',
    'S-ketamine central volume per 70 kg (also the S-norketamine one)',
    11.6,
    'L',
    0.057,
  ),
  VK2: table4('VK2', 'S-ketamine peripheral volume 1 per 70 kg', 39.0, 'L'),
  VK3: table4('VK3', 'S-ketamine peripheral volume 2 per 70 kg', 174, 'L'),
  CLK1: table4(
    'CLK1',
    'S-ketamine clearance (into its metabolism) per 70 kg',
    1.48,
    'L/min',
    0.029,
  ),
  CLK2: table4('CLK2', 'S-ketamine intercompartmental clearance 1 per 70 kg', 2.43, 'L/min'),
  CLK3: table4('CLK3', 'S-ketamine intercompartmental clearance 2 per 70 kg', 1.21, 'L/min', 0.026),
  MTTKN: table4(
    'MTT K->NK',
    'mean transit time of the two-step metabolism delay from S-ketamine to S-norketamine',
    20.1,
    'min',
    0.021,
  ),
  fNK: parameter(
    'fNK',
    'share of metabolised S-ketamine that forms S-norketamine (fixed in the model)',
    0.8,
    'fraction',
    'simons2022, abstract (80 % of S-ketamine metabolised into S-norketamine); fixed in the model',
    'verified',
  ),
  VN2: table4('VN2', 'S-norketamine peripheral volume per 70 kg', 221, 'L'),
  CLN1: table4(
    'CLN1',
    'S-norketamine clearance (into hydroxynorketamine and other metabolites) per 70 kg',
    1.0,
    'L/min',
    0.05,
  ),
  CLN2: table4('CLN2', 'S-norketamine intercompartmental clearance per 70 kg', 2.63, 'L/min'),
  ke0: ke0Parameter('esketamine with this model'),
} satisfies Record<string, ParameterDef>;
type SimonsName = keyof typeof simonsParameters;

/** The hold time of the study: the film left to dissolve, no swallowing (abstract). */
export const SIMONS_HOLD_MIN = 10;

export const simons2022Film: ModelDefinition<SimonsName, 'weightKg'> = {
  id: 'simons2022-film',
  name: 'Sublingual or buccal S-ketamine (esketamine) oral thin film: Simons 2022 population model',
  shortName: 'S-ketamine film (Simons 2022)',
  citationKey: 'simons2022',
  drug: 'esketamine',
  route: 'sublingual',
  parent: 'esketamine',
  metabolite: 'noresketamine',
  population: {
    description:
      '20 healthy volunteers (10 men, 10 women) given one film (50 mg) and, on another day, two (100 mg), sublingually (15) or buccally (5); arterial samples for 8 h',
    ageYears: [19, 32],
    weightKg: [53, 93],
    sampling: 'arterial',
    paediatric: false,
    rangesEvidence: 'verified',
    source:
      'simons2022, abstract; simons2024thesis, chapter 3 results (ages 19-32 y, weights 53-93 kg) and chapter 2 methods (radial artery line)',
  },
  parameters: simonsParameters,
  individualize: individualizeByWeight(simonsParameters),
  structure(q) {
    const v = weightFactor(q.weightKg, 1);
    const c = weightFactor(q.weightKg, 0.75);
    const vk1 = q.VK1 * v;
    const vk2 = q.VK2 * v;
    const vk3 = q.VK3 * v;
    const vn2 = q.VN2 * v;
    const [clk1, clk2, clk3, cln1, cln2] = [q.CLK1, q.CLK2, q.CLK3, q.CLN1, q.CLN2].map(
      (x) => x * c,
    ) as [number, number, number, number, number];
    const chain = 2 / q.MTTKN;
    return {
      compartments: [
        { id: 'mucosa', label: 'Lining of the mouth', kind: 'depot', analyte: null, volumeL: null },
        { id: 'gut', label: 'Gut (swallowed part)', kind: 'depot', analyte: null, volumeL: null },
        { id: 'portal', label: 'Gut to liver', kind: 'liver', analyte: null, volumeL: null },
        { id: 'met1', label: 'Liver metabolism 1', kind: 'liver', analyte: null, volumeL: null },
        { id: 'met2', label: 'Liver metabolism 2', kind: 'liver', analyte: null, volumeL: null },
        {
          id: 'central',
          label: 'Esketamine central',
          kind: 'central',
          analyte: 'esketamine',
          volumeL: vk1,
        },
        {
          id: 'peripheral1',
          label: 'Esketamine peripheral 1',
          kind: 'peripheral',
          analyte: 'esketamine',
          volumeL: vk2,
        },
        {
          id: 'peripheral2',
          label: 'Esketamine peripheral 2',
          kind: 'peripheral',
          analyte: 'esketamine',
          volumeL: vk3,
        },
        {
          id: 'norCentral',
          label: 'Noresketamine central',
          kind: 'central',
          analyte: 'noresketamine',
          volumeL: vk1,
        },
        {
          id: 'norPeripheral',
          label: 'Noresketamine peripheral',
          kind: 'peripheral',
          analyte: 'noresketamine',
          volumeL: vn2,
        },
      ],
      flows: [
        { from: 'mucosa', to: 'central', perMin: q.KA1, label: 'KA1' },
        { from: 'gut', to: 'portal', perMin: q.KA2, label: 'KA2' },
        { from: 'portal', to: 'met1', perMin: 1 / q.MTTG, label: '1/MTTG' },
        { from: 'central', to: 'peripheral1', perMin: clk2 / vk1, label: 'CLK2/VK1' },
        { from: 'peripheral1', to: 'central', perMin: clk2 / vk2, label: 'CLK2/VK2' },
        { from: 'central', to: 'peripheral2', perMin: clk3 / vk1, label: 'CLK3/VK1' },
        { from: 'peripheral2', to: 'central', perMin: clk3 / vk3, label: 'CLK3/VK3' },
        { from: 'central', to: 'met1', perMin: clk1 / vk1, label: 'CLK1/VK1' },
        { from: 'met1', to: 'met2', perMin: chain, label: '2/MTT' },
        {
          from: 'met2',
          to: 'norCentral',
          perMin: chain * q.fNK,
          label: '0.8 x 2/MTT',
          metabolism: true,
        },
        { from: 'met2', to: null, perMin: chain * (1 - q.fNK), label: '0.2 x 2/MTT' },
        { from: 'norCentral', to: 'norPeripheral', perMin: cln2 / vk1, label: 'CLN2/VN1' },
        { from: 'norPeripheral', to: 'norCentral', perMin: cln2 / vn2, label: 'CLN2/VN2' },
        { from: 'norCentral', to: null, perMin: cln1 / vk1, label: 'CLN1/VN1' },
      ],
    };
  },
  administer(admin: Administration, q): StateInput[] {
    if (admin.kind !== 'sublingual-dose') return administerIv('simons2022-film', 'central', admin);
    const over = (compartment: string, share: number, durationMin: number): StateInput => ({
      kind: 'zero-order',
      compartment,
      startMin: admin.timeMin,
      endMin: admin.timeMin + durationMin,
      rateMgPerMin: (admin.doseMg * share) / durationMin,
    });
    return [over('mucosa', q.F1, q.D1), over('gut', q.F2, q.D2)];
  },
  doseWarnings(admins) {
    const out: string[] = [];
    const holds = new Set(
      admins.flatMap((a) =>
        a.kind === 'sublingual-dose' && a.holdMin !== SIMONS_HOLD_MIN ? [a.holdMin] : [],
      ),
    );
    if (holds.size > 0)
      out.push(
        `The holding time is not modelled: in Simons 2022 the film was held ${SIMONS_HOLD_MIN} min before swallowing, and the model describes that only (here: ${[...holds].join(', ')} min).`,
      );
    const doses = new Set(admins.flatMap((a) => (a.kind === 'sublingual-dose' ? [a.doseMg] : [])));
    for (const d of doses)
      if (d < 50 || d > 100)
        out.push(
          `${d} mg is outside the 50-100 mg (one or two films) the study gave: the model assumes the same share is absorbed at any dose, an extrapolation.`,
        );
    return out;
  },
  effectSite: { analyte: 'esketamine', compartment: 'central', ke0Parameter: 'ke0' },
  // The model is fitted in nmol/mL: its noresketamine states are moles, counted as mg of
  // esketamine; ng/mL of noresketamine itself are those x 223.70 / 237.73.
  metaboliteNgPerStateNg: MOLAR_MASS_G_PER_MOL.noresketamine / MOLAR_MASS_G_PER_MOL.esketamine,
  notes: [
    'Published model (Simons 2022, Table 4): Table 4 was read only through the nlmixr2lib encoding, which quotes it line by line; F1 (26 %), the 80 % forming S-norketamine and the 10-min hold were read in the abstract.',
    'The swallowed part never reaches the blood as S-ketamine in this model: it goes from the gut to the liver and is broken down there. Its share, F2 = 116 % of the dose, is a scale of the model, not a real fraction (F1 + F2 is more than the dose).',
    'S-hydroxynorketamine (56 % of the dose in the abstract) is in the published model but not shown here.',
    'Assumptions: weight scaling (volumes x weight/70, clearances x (weight/70)^0.75), not printed in Table 4; no between-occasion variability (Table 4 has it for the absorption), so the band is narrower than the study found.',
    'The model was fitted in nmol/mL and carries noresketamine as moles; it is shown here in ng/mL of noresketamine itself (x 223.70 / 237.73 g/mol).',
  ],
};
