/**
 * The API the worker exposes: the engine's functions, with result arrays marked for transfer
 * (moved, not copied) when they cross to the page.
 */
import { engineApi } from '../registryApi';
import { transfer } from 'comlink';

/** Every distinct ArrayBuffer under a value (typed arrays in nested objects and arrays). */
export function buffersOf(value: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
  } else if (Array.isArray(value)) for (const v of value) buffersOf(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) buffersOf(v, out);
  return out;
}

export const workerApi = {
  run(scenario: unknown) {
    const r = engineApi.run(scenario);
    return transfer(r, buffersOf(r));
  },
  /**
   * The curves of many scenarios in one call (a slider's table: the scenario at each value the
   * slider can take), in order; each outcome is exactly what `run` gives for that scenario.
   */
  runMany(scenarios: unknown[]) {
    const r = scenarios.map((s) => engineApi.run(s));
    return transfer(r, buffersOf(r));
  },
  population(...args: Parameters<typeof engineApi.population>) {
    const r = engineApi.population(...args);
    return transfer(r, buffersOf(r));
  },
  validate(modelId: string) {
    const r = engineApi.validate(modelId);
    return transfer(r, buffersOf(r));
  },
  ping(): 'ready' {
    return 'ready';
  },
};

export type WorkerApi = typeof workerApi;
