/**
 * NMDA receptor occupancy from an effect-site concentration: the enantiomers compete for one site,
 * occupancy = sum(Cu_i / Ki_i) / (1 + sum(Cu_i / Ki_i)), with Cu the unbound concentration in uM.
 */
import type { Drug } from './types';
import { MOLAR_MASS_G_PER_MOL, ngPerMlToMicromolar } from './units';

/** One enantiomer's affinity for the receptor (the values and their sources: models/occupancy.ts). */
export interface Affinity {
  /** inhibition constant at the [3H]MK-801 (PCP) site, uM */
  kiMicromolar: number;
  /** share of the parent concentration that is this enantiomer */
  share: number;
  label: string;
  source: string;
}

/** The occupancy estimate's inputs for one drug, with their sources and assumptions. */
export interface OccupancyInputs {
  drug: Drug;
  affinities: Affinity[];
  /** unbound fraction in plasma, applied to the effect-site concentration */
  fractionUnbound: number;
  fractionUnboundSource: string;
  assumptions: string[];
}

export interface OccupancyModel {
  affinities: readonly { kiMicromolar: number; share: number }[];
  fractionUnbound: number;
}

/** Fraction of receptors occupied (0-1) at a total effect-site concentration in ng/mL. */
export function nmdaOccupancy(model: OccupancyModel, effectNgPerMl: number): number {
  const totalUm = ngPerMlToMicromolar(effectNgPerMl, MOLAR_MASS_G_PER_MOL.ketamine);
  let s = 0;
  for (const a of model.affinities)
    s += (totalUm * a.share * model.fractionUnbound) / a.kiMicromolar;
  return s / (1 + s);
}

/** Occupancy (fraction 0-1) at each of a column of effect-site concentrations, ng/mL. */
export function occupancyColumn(model: OccupancyModel, effectNgPerMl: Float64Array): Float64Array {
  // sum over enantiomers of share * fu / Ki, per uM of total concentration
  let perMicromolar = 0;
  for (const a of model.affinities)
    perMicromolar += (a.share * model.fractionUnbound) / a.kiMicromolar;
  const perNgPerMl = perMicromolar / MOLAR_MASS_G_PER_MOL.ketamine;
  const out = new Float64Array(effectNgPerMl.length);
  for (let k = 0; k < out.length; k++) {
    const s = effectNgPerMl[k]! * perNgPerMl;
    out[k] = s / (1 + s);
  }
  return out;
}
