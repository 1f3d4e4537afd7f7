/**
 * Pieces shared by several models: the effect-site rate constant, IV administration, weight
 * scaling, and the norketamine approximation used after IV racemic ketamine.
 */
import { typicalWithEta, type IivCovariance } from '../src/engine/model';
import type {
  Administration,
  CompartmentDef,
  FlowDef,
  IndividualParameters,
  ParameterDef,
  Patient,
  RandomEffects,
  StateInput,
} from '../src/engine/types';

export const MIN_PER_H = 60;

/**
 * `individualize` of a model whose only covariate is weight: the typical values with the random
 * effects applied, and the patient's weight for its structure to scale by.
 */
export function individualizeByWeight<P extends string>(
  parameters: Readonly<Record<P, ParameterDef>>,
): (eta: RandomEffects<P>, patient: Patient) => IndividualParameters<P | 'weightKg'> {
  return (eta, patient) =>
    Object.assign(typicalWithEta({ parameters }, eta), { weightKg: patient.weightKg });
}

/**
 * ke0 from the published half-time of S-ketamine's effect-site equilibration, t1/2ke0 = 8.3 min
 * (95 % CI 5.1-13.0), shared by its psychedelic and antinociceptive effects (Olofsen 2022).
 */
export const KE0_PER_MIN = Math.LN2 / 8.3;

export function ke0Parameter(appliesTo: string): ParameterDef {
  return {
    symbol: 'ke0',
    description: 'effect-site equilibration rate constant (ln 2 / t1/2ke0, t1/2ke0 = 8.3 min)',
    value: KE0_PER_MIN,
    unit: '1/min',
    source: 'olofsen2022, abstract (t1/2ke0 8.3 min, 95 % CI 5.1-13.0, S-ketamine)',
    evidence: 'assumption',
    note:
      `Measured for S-ketamine's psychedelic and antinociceptive effects with the Leiden PK model; ` +
      `applying it to ${appliesTo} is an assumption of this simulator.`,
  };
}

/** Allometric weight factor (WT/70)^exponent. */
export function weightFactor(weightKg: number, exponent: number): number {
  return (weightKg / 70) ** exponent;
}

/** IV bolus and infusion enter the central compartment; every other route is refused. */
export function administerIv(
  modelId: string,
  central: string,
  admin: Administration,
): StateInput[] {
  switch (admin.kind) {
    case 'iv-bolus':
      return [
        { kind: 'bolus', compartment: central, timeMin: admin.timeMin, amountMg: admin.doseMg },
      ];
    case 'iv-infusion':
      return [
        {
          kind: 'zero-order',
          compartment: central,
          startMin: admin.timeMin,
          endMin: admin.timeMin + admin.durationMin,
          rateMgPerMin: admin.doseMg / admin.durationMin,
        },
      ];
    default:
      throw new Error(`Model ${modelId} cannot take a dose of kind "${admin.kind}"`);
  }
}

/**
 * S-norketamine disposition from Otto 2021 (final model, Table 3), used here for norketamine after
 * racemic ketamine. Central V scales with WT/70 and CL with (WT/70)^0.75; the peripheral volume and
 * Q are not weight-scaled in Otto's code (models/SOURCES.md, section 8).
 */
export const ottoNorketamineParameters = {
  VnC: {
    symbol: 'V (S-norketamine)',
    description: 'norketamine central volume per 70 kg',
    value: 98.6,
    unit: 'L',
    source: 'otto2021, Table 3',
    evidence: 'unverified',
    iiv: {
      distribution: 'lognormal',
      variance: 0.04,
      reported: 'omega^2 0.040',
      source: 'otto2021, Table 3',
    },
  },
  CLn: {
    symbol: 'CL (S-norketamine)',
    description: 'norketamine clearance per 70 kg',
    value: 57.7,
    unit: 'L/h',
    source: 'otto2021, Table 3',
    evidence: 'unverified',
    iiv: {
      distribution: 'lognormal',
      variance: 0.103,
      reported: 'omega^2 0.103',
      source: 'otto2021, Table 3',
    },
  },
  VnP: {
    symbol: 'Vp (S-norketamine)',
    description: 'norketamine peripheral volume (not weight-scaled)',
    value: 160,
    unit: 'L',
    source: 'otto2021, Table 3',
    evidence: 'unverified',
  },
  Qn: {
    symbol: 'Q (S-norketamine)',
    description: 'norketamine intercompartmental clearance (not weight-scaled)',
    value: 42.8,
    unit: 'L/h',
    source: 'otto2021, Table 3',
    evidence: 'unverified',
  },
} satisfies Record<string, ParameterDef>;

/** The names of the norketamine parameters (VnC, CLn, VnP, Qn). */
export type OttoNorketamineName = keyof typeof ottoNorketamineParameters;

/** Covariance of the norketamine V and CL random effects (Otto 2021, Table 3). */
export const ottoNorketamineCovariance: IivCovariance<OttoNorketamineName> = {
  a: 'VnC',
  b: 'CLn',
  covariance: 0.044,
  source: 'otto2021, Table 3',
};

export const NORKETAMINE_NOTE =
  'Norketamine is an approximation: no published parent-metabolite model for IV racemic ketamine ' +
  'with usable numbers was found, so all ketamine clearance is assumed to form norketamine (as in ' +
  'Otto 2021 for S-ketamine) with the S-norketamine disposition of Otto 2021, in ketamine mass ' +
  'equivalents. Otto sampled venous blood in young healthy adults.';

/** Norketamine compartments and flows for one individual, weight-scaled as in Otto 2021. */
export function ottoNorketamine(
  p: IndividualParameters<OttoNorketamineName>,
  weightKg: number,
): {
  compartments: CompartmentDef[];
  flows: FlowDef[];
} {
  const vc = p.VnC * weightFactor(weightKg, 1);
  const cl = p.CLn * weightFactor(weightKg, 0.75);
  const vp = p.VnP;
  const q = p.Qn;
  return {
    compartments: [
      {
        id: 'norCentral',
        label: 'Norketamine central',
        kind: 'central',
        analyte: 'norketamine',
        volumeL: vc,
      },
      {
        id: 'norPeripheral',
        label: 'Norketamine peripheral',
        kind: 'peripheral',
        analyte: 'norketamine',
        volumeL: vp,
      },
    ],
    flows: [
      { from: 'norCentral', to: 'norPeripheral', perMin: q / vc / MIN_PER_H, label: 'Qn/Vn' },
      { from: 'norPeripheral', to: 'norCentral', perMin: q / vp / MIN_PER_H, label: 'Qn/Vpn' },
      { from: 'norCentral', to: null, perMin: cl / vc / MIN_PER_H, label: 'CLn/Vn' },
    ],
  };
}

/** A mammillary model in clearance terms: volumes in L, clearances in L/min. */
export interface Mammillary {
  v1: number;
  cl: number;
  peripherals: readonly { v: number; q: number }[];
}

/**
 * A mammillary model from per-70-kg values scaled allometrically: volumes with WT/70, clearances
 * (L/h) with (WT/70)^0.75, returned in L and L/min.
 */
export function allometric(
  weightKg: number,
  v1Per70: number,
  clPer70LPerH: number,
  peripherals: readonly { v: number; q: number }[],
): Mammillary {
  const v = weightFactor(weightKg, 1);
  const c = weightFactor(weightKg, 0.75) / MIN_PER_H;
  return {
    v1: v1Per70 * v,
    cl: clPer70LPerH * c,
    peripherals: peripherals.map((p) => ({ v: p.v * v, q: p.q * c })),
  };
}

/**
 * A parameter definition; with iivCvPercent, log-normal variability with omega^2 = ln(1 + CV^2)
 * from the published CV.
 */
export function parameter(
  symbol: string,
  description: string,
  value: number,
  unit: string,
  source: string,
  evidence: ParameterDef['evidence'],
  iivCvPercent?: number,
  note?: string,
): ParameterDef {
  return {
    symbol,
    description,
    value,
    unit,
    source,
    evidence,
    ...(iivCvPercent !== undefined
      ? {
          iiv: {
            distribution: 'lognormal' as const,
            variance: Math.log(1 + (iivCvPercent / 100) ** 2),
            reported: `CV ${iivCvPercent} %`,
            source,
          },
        }
      : {}),
    ...(note ? { note } : {}),
  };
}

/** Mammillary clearances from micro-constants (1/min) and a central volume (L). */
export function fromMicroConstants(
  v1: number,
  k10: number,
  exchanges: readonly { kOut: number; kBack: number }[],
): Mammillary {
  return {
    v1,
    cl: k10 * v1,
    peripherals: exchanges.map(({ kOut, kBack }) => ({ v: (kOut * v1) / kBack, q: kOut * v1 })),
  };
}

/**
 * Compartments and flows of an IV racemic ketamine model; with norketamine, ketamine's
 * elimination forms norketamine (see NORKETAMINE_NOTE) instead of leaving the system.
 */
export function ivKetamineStructure(
  m: Mammillary,
  norketamine: { p: IndividualParameters<OttoNorketamineName>; weightKg: number } | null,
): { compartments: CompartmentDef[]; flows: FlowDef[] } {
  const compartments: CompartmentDef[] = [
    {
      id: 'central',
      label: 'Ketamine central',
      kind: 'central',
      analyte: 'ketamine',
      volumeL: m.v1,
    },
  ];
  const flows: FlowDef[] = [];
  m.peripherals.forEach((per, i) => {
    const id = `peripheral${i + 1}`;
    compartments.push({
      id,
      label: `Ketamine peripheral ${i + 1}`,
      kind: 'peripheral',
      analyte: 'ketamine',
      volumeL: per.v,
    });
    flows.push({ from: 'central', to: id, perMin: per.q / m.v1, label: `Q${i + 2}/V1` });
    flows.push({ from: id, to: 'central', perMin: per.q / per.v, label: `Q${i + 2}/V${i + 2}` });
  });
  if (norketamine) {
    const nor = ottoNorketamine(norketamine.p, norketamine.weightKg);
    compartments.push(...nor.compartments);
    flows.push({
      from: 'central',
      to: 'norCentral',
      perMin: m.cl / m.v1,
      label: 'CL/V1',
      metabolism: true,
    });
    flows.push(...nor.flows);
  } else {
    flows.push({ from: 'central', to: null, perMin: m.cl / m.v1, label: 'CL/V1' });
  }
  return { compartments, flows };
}
