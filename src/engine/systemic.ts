/**
 * The systemic dose: how much of the given drug reaches the parent's central compartment (the
 * circulation) unchanged, after every loss before it (the part of a nasal dose that is swallowed
 * and broken down in the gut wall, first pass through the liver). For a linear model it equals
 * F x D and, by mass balance, systemic clearance x AUC(0-inf) of the parent.
 *
 * Computed from the model's own flows, not from a formula per model: a molecule in compartment i
 * moves along flow i -> j with probability k_ij / K_i (K_i: all flows out of i), so the chance h_i
 * that it reaches the central compartment before it leaves the parent (eliminated, metabolised, or
 * moved to another analyte) solves h_i = sum_j (k_ij / K_i) h_j, with h_central = 1. The systemic
 * dose is the sum over inputs of amount x h(compartment).
 */
import { solveInPlace } from './linalg';
import type { Analyte, ModelStructure, StateInput } from './types';

/** Chance that drug placed in each compartment reaches the parent's central compartment, by id. */
export function reachesCirculation(
  structure: ModelStructure,
  parent: Analyte,
): Map<string, number> {
  const { compartments, flows } = structure;
  const central = compartments.find((c) => c.analyte === parent && c.kind === 'central');
  if (!central) throw new Error(`The model has no central compartment for ${parent}`);
  // Unknowns: compartments that hold the parent or are absorption depots, other than central.
  const unknown = compartments.filter(
    (c) => c.id !== central.id && (c.analyte === parent || c.analyte === null),
  );
  const index = new Map(unknown.map((c, i) => [c.id, i]));
  const n = unknown.length;
  const out = new Map<string, number>([[central.id, 1]]);
  for (const c of compartments) if (!out.has(c.id) && !index.has(c.id)) out.set(c.id, 0);
  if (n === 0) return out;
  // K_i h_i - sum_j k_ij h_j = k_i,central, for each unknown i.
  const a = new Float64Array(n * n);
  const b = new Float64Array(n * n); // right-hand side in column 0
  for (const f of flows) {
    const i = index.get(f.from);
    if (i === undefined) continue;
    a[i * n + i]! += f.perMin;
    if (f.to === central.id) b[i * n]! += f.perMin;
    else if (f.to !== null) {
      const j = index.get(f.to);
      if (j !== undefined) a[i * n + j]! -= f.perMin;
    }
  }
  for (let i = 0; i < n; i++) {
    // A compartment with no way out keeps its drug: it never reaches the circulation.
    if (a[i * n + i] === 0) a[i * n + i] = 1;
  }
  solveInPlace(n, a, b);
  unknown.forEach((c, i) => out.set(c.id, b[i * n]!));
  return out;
}

/** Amount of the inputs that reaches the circulation unchanged, mg. */
export function systemicDoseMg(
  structure: ModelStructure,
  parent: Analyte,
  inputs: readonly StateInput[],
): number {
  const h = reachesCirculation(structure, parent);
  let s = 0;
  for (const i of inputs) {
    const amount = i.kind === 'bolus' ? i.amountMg : i.rateMgPerMin * (i.endMin - i.startMin);
    s += amount * (h.get(i.compartment) ?? 0);
  }
  return s;
}

/**
 * Systemic clearance of the parent, L/h: dose / AUC(0-inf) of its central concentration after a
 * bolus into the central compartment (all of it systemic), with AUC(0-inf) = (-A^-1 x0)_central / V.
 */
export function systemicClearanceLPerH(
  system: { stateIds: readonly string[]; A: { n: number; data: Float64Array } },
  structure: ModelStructure,
  parent: Analyte,
): number {
  const central = structure.compartments.find((c) => c.analyte === parent && c.kind === 'central');
  if (!central?.volumeL) throw new Error(`The model has no central compartment for ${parent}`);
  const n = system.A.n;
  const k = system.stateIds.indexOf(central.id);
  const rhs = new Float64Array(n * n);
  rhs[k * n] = 1; // 1 mg
  solveInPlace(
    n,
    system.A.data.map((v) => -v),
    rhs,
  );
  const aucMgMinPerL = rhs[k * n]! / central.volumeL;
  return 60 / aucMgMinPerL;
}
