/**
 * Virtual patients: random effects drawn from each model's published variability (log-normal, or
 * logit-normal for fractions; correlated where the paper gives a covariance), with the random
 * number generator passed in, and the individual each draw makes.
 */
import { buildSystem, type BuiltSystem, type ModelDefinition } from './model';
import type { ModalDecomposition } from './modal';
import { normal, type Rng } from './rng';
import { checkedModal } from './simulate';
import type { IndividualParameters, Patient } from './types';

/** The random-effect sampler of a model: names, and a Cholesky factor of their covariance. */
export interface EtaSampler {
  names: string[];
  /** lower-triangular factor L with L L^T = Omega, row-major */
  chol: Float64Array;
}

export function etaSampler(model: ModelDefinition): EtaSampler {
  const names = Object.entries(model.parameters)
    .filter(([, p]) => p.iiv && p.iiv.variance > 0)
    .map(([name]) => name);
  const n = names.length;
  const omega = new Float64Array(n * n);
  names.forEach((name, i) => (omega[i * n + i] = model.parameters[name]!.iiv!.variance));
  for (const c of model.iivCovariances ?? []) {
    const i = names.indexOf(c.a);
    const j = names.indexOf(c.b);
    if (i < 0 || j < 0)
      throw new Error(`Model ${model.id}: covariance names a parameter without variability`);
    omega[i * n + j] = omega[j * n + i] = c.covariance;
  }
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = omega[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (!(s > 0))
          throw new Error(
            `Model ${model.id}: the random-effect covariance is not positive definite`,
          );
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j]!;
    }
  }
  return { names, chol: L };
}

/** One draw of random effects, eta = L z with z standard normal. */
export function drawEta(sampler: EtaSampler, rng: Rng): Record<string, number> {
  const n = sampler.names.length;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = normal(rng);
  const eta: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k <= i; k++) s += sampler.chol[i * n + k]! * z[k]!;
    eta[sampler.names[i]!] = s;
  }
  return eta;
}

/** One virtual patient: its parameters and linear system, as the solver needs them. */
export interface VirtualPatient {
  params: IndividualParameters;
  system: BuiltSystem;
  /** its checked modal decomposition, when made (null: none, the dense stepper runs) */
  modal?: ModalDecomposition | null;
}

/**
 * The virtual patient of one draw of random effects; `checked` also makes and checks its modal
 * decomposition now (else the solver does, at each simulation).
 */
export function makeVirtualPatient(
  model: ModelDefinition,
  patient: Patient,
  eta: Record<string, number>,
  checked: boolean,
): VirtualPatient {
  const params = model.individualize(eta, patient);
  const system = buildSystem(model, params);
  return checked ? { params, system, modal: checkedModal(system.A) } : { params, system };
}
