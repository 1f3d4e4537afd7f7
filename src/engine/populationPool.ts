/**
 * The virtual patients of a variability band, kept between requests. A patient's random effects,
 * parameters, linear system and its checked modal decomposition depend on the model, the patient
 * (weight, age, ...) and the seed only; a change of dose, infusion time, devices, spacing or
 * schedule gives the same people the same bodies, and only how the drug goes in (the inputs) and
 * the stepping are redone. Patients are drawn in the same order as simulatePopulation draws them
 * from mulberry32(seed), so patient i is the same person with or without the pool, and a band of
 * 200 patients has the first 200 of the 1000.
 *
 * Bounded: the pool keeps the patients of the last MAX_KEYS (model, patient, seed) and at most
 * MAX_POOLED per key (a larger request builds the rest for itself), about 7 MB per 1000 patients
 * of the nasal model (measured: 5.2 MB of objects, 2.0 MB of typed arrays); two keys, so that
 * switching between two compared scenarios with different patients keeps both. It also keeps the
 * last run's values, one buffer per series, reused from run to run instead of leaving each run's
 * to the garbage collector (11 MB for the 26-week course band of 1000 patients, one series).
 */
import type { ModelDefinition } from './model';
import { mulberry32, type Rng } from './rng';
import type { Patient } from './types';
import {
  drawEta,
  etaSampler,
  makeVirtualPatient,
  type EtaSampler,
  type VirtualPatient,
} from './virtualPatients';

/** Keys (model, patient, seed) whose patients are kept. */
export const MAX_KEYS = 2;
/** Patients kept per key: the app's bands have 1000. */
export const MAX_POOLED = 1000;

interface Entry {
  key: string;
  model: ModelDefinition;
  sampler: EtaSampler;
  /** the random numbers, just after the last kept patient's draws */
  rng: Rng;
  patients: VirtualPatient[];
}

export class PopulationPool {
  /** most recently used last */
  #entries: Entry[] = [];
  #work: { key: string | null; done: number; buffers: Float64Array[] } = {
    key: null,
    done: 0,
    buffers: [],
  };

  /**
   * The first n virtual patients of mulberry32(seed) for this model and patient, by index: the
   * kept ones, then (beyond MAX_POOLED) the rest made one by one, so they must be asked for in
   * order.
   */
  patients(
    model: ModelDefinition,
    patient: Patient,
    seed: number,
    n: number,
  ): (i: number) => VirtualPatient {
    const key = `${model.id}\u0000${seed}\u0000${JSON.stringify(patient, Object.keys(patient).sort())}`;
    let entry = this.#entries.find((e) => e.key === key && e.model === model);
    if (entry) this.#entries.splice(this.#entries.indexOf(entry), 1);
    else entry = { key, model, sampler: etaSampler(model), rng: mulberry32(seed), patients: [] };
    this.#entries.push(entry);
    if (this.#entries.length > MAX_KEYS) this.#entries.shift();
    const { sampler, patients: kept } = entry;
    while (kept.length < Math.min(n, MAX_POOLED))
      kept.push(makeVirtualPatient(model, patient, drawEta(sampler, entry.rng), true));
    if (n <= kept.length) return (i) => kept[i]!;
    // More than are kept: the same draws from the start, the kept ones' skipped.
    const rng = mulberry32(seed);
    for (let i = 0; i < kept.length; i++) drawEta(sampler, rng);
    return (i) =>
      i < kept.length ? kept[i]! : makeVirtualPatient(model, patient, drawEta(sampler, rng), true);
  }

  /** How many patients the pool keeps now, over all keys. */
  get size(): number {
    return this.#entries.reduce((s, e) => s + e.patients.length, 0);
  }

  /**
   * The arrays a run keeps its patients' values in, `series` of them with `length` values each,
   * and how many patients' rows they already hold: those of the last run with the same `key` (the
   * same scenario, grid and series, so the same values), as when the 200-patient band is followed
   * by the 1000-patient one. The arrays are the pool's own, reused from run to run: the caller
   * must be done with them before the next, and call `finished` once they hold `done` rows.
   */
  workspace(key: string, series: number, length: number): { arrays: Float64Array[]; done: number } {
    const same = key === this.#work.key;
    const done = same ? this.#work.done : 0;
    this.#work.key = null; // until finished
    const arrays: Float64Array[] = [];
    for (let k = 0; k < series; k++) {
      let b = this.#work.buffers[k];
      if (!b || b.length < length) {
        const grown = new Float64Array(length);
        if (b && same) grown.set(b.subarray(0, Math.min(b.length, length)));
        this.#work.buffers[k] = b = grown;
      }
      arrays.push(b.subarray(0, length));
    }
    return { arrays, done };
  }

  /** The workspace's arrays now hold the rows of the first `done` patients of `key`'s run. */
  finished(key: string, done: number): void {
    this.#work.key = key;
    this.#work.done = done;
  }
}
