/**
 * Inputs of the NMDA receptor occupancy estimate: affinities at the PCP site and unbound fractions.
 * Occupancy is a teaching estimate (single-site competitive binding of the unbound effect-site
 * concentration), not a measured receptor occupancy in people.
 */
import type { Drug } from '../src/engine/types';
import type { OccupancyInputs } from '../src/engine/occupancy';

export type { Affinity, OccupancyInputs } from '../src/engine/occupancy';

const EBERT = 'ebert1997, abstract (rat cortex and spinal cord homogenate)';

export const OCCUPANCY: Record<Drug, OccupancyInputs> = {
  esketamine: {
    drug: 'esketamine',
    affinities: [{ kiMicromolar: 0.3, share: 1, label: 'S-ketamine', source: EBERT }],
    fractionUnbound: 0.56,
    fractionUnboundSource: 'spravatoLabel, section 12.3 (43-45 % bound, so 55-57 % unbound)',
    assumptions: [
      'Ki measured in rat brain homogenate; human receptor affinity in vivo may differ.',
      'The unbound effect-site concentration is taken to equal the unbound plasma concentration at equilibrium.',
    ],
  },
  'racemic-ketamine': {
    drug: 'racemic-ketamine',
    affinities: [
      { kiMicromolar: 0.3, share: 0.5, label: 'S-ketamine', source: EBERT },
      { kiMicromolar: 1.4, share: 0.5, label: 'R-ketamine', source: EBERT },
    ],
    fractionUnbound: 0.53,
    fractionUnboundSource: 'dayton1983, abstract (up to 47 % bound in human plasma)',
    assumptions: [
      'Assumption: S- and R-ketamine each make up half of the concentration (equal enantiomer kinetics); S-ketamine is in fact cleared slightly faster.',
      'Assumption: 47 % bound, the upper value reported by Dayton 1983.',
      'Ki measured in rat brain homogenate; human receptor affinity in vivo may differ.',
      'Metabolites (norketamine) are not included in the occupancy estimate.',
    ],
  },
};
