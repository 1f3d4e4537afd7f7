/**
 * The one module that knows a worker exists. It starts the engine worker, wraps it with comlink,
 * and coalesces requests per channel: while one is computing, only the latest new request waits;
 * older ones resolve as superseded. If the worker cannot start, the engine runs on the main thread
 * (loaded on demand) and `mode` says so.
 */
import { wrap, type Remote } from 'comlink';
import type { PopulationRequest } from '../engine/api';
import type { Validation } from '../engine/validation';
import type { RunOutcome } from '../engine/run';
import type { PopulationOutcome } from '../engine/variability';
import type { WorkerApi } from '../worker/workerApi';

/** What the page needs from an engine, worker or not. */
export interface EngineBackend {
  run(scenario: unknown): Promise<RunOutcome>;
  population(scenario: unknown, request: PopulationRequest): Promise<PopulationOutcome>;
  validate(modelId: string): Promise<Validation | { error: string }>;
}

export type EngineMode = 'worker' | 'main-thread';

/** The outcome of a coalesced call: its value, or superseded by a later call on the channel. */
export type Latest<T> = { superseded: false; value: T } | { superseded: true };

interface Waiting<A, T> {
  args: A;
  resolve: (r: Latest<T>) => void;
  reject: (e: unknown) => void;
}

/** Latest-wins coalescing: at most one call in flight and one waiting. */
export class Coalescer<A, T> {
  private busy = false;
  private waiting: Waiting<A, T> | null = null;
  constructor(private readonly call: (args: A) => Promise<T>) {}

  request(args: A): Promise<Latest<T>> {
    return new Promise((resolve, reject) => {
      if (this.busy) {
        this.waiting?.resolve({ superseded: true });
        this.waiting = { args, resolve, reject };
      } else this.start({ args, resolve, reject });
    });
  }

  private start(w: Waiting<A, T>) {
    this.busy = true;
    this.call(w.args).then(
      (value) => this.finish(() => w.resolve({ superseded: false, value })),
      (error) => this.finish(() => w.reject(error)),
    );
  }

  private finish(settle: () => void) {
    this.busy = false;
    settle();
    const next = this.waiting;
    this.waiting = null;
    if (next) this.start(next);
  }
}

async function mainThreadBackend(): Promise<EngineBackend> {
  const { engineApi } = await import('../engine/api');
  return {
    run: async (s) => engineApi.run(s),
    population: async (s, r) => engineApi.population(s, r),
    validate: async (id) => engineApi.validate(id),
  };
}

/** Starts one worker and waits for its first answer; null if it cannot start in time. */
async function startWorker(
  timeoutMs: number,
): Promise<{ remote: Remote<WorkerApi>; worker: Worker } | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  const remote: Remote<WorkerApi> = wrap<WorkerApi>(worker);
  const failed = new Promise<null>((resolve) => {
    worker.addEventListener('error', () => resolve(null), { once: true });
    setTimeout(() => resolve(null), timeoutMs);
  });
  const ready = await Promise.race([remote.ping().catch(() => null), failed]);
  if (ready !== 'ready') {
    worker.terminate();
    return null;
  }
  return { remote, worker };
}

/**
 * Two workers: one for single curves, one for variability bands, so that a band of 1000 virtual
 * patients never delays the curve that follows the slider (the machine has at least two cores).
 * If the second cannot start, both kinds of request share the first.
 */
async function workerBackend(timeoutMs: number): Promise<EngineBackend | null> {
  const curves = await startWorker(timeoutMs);
  if (!curves) return null;
  const bands = (await startWorker(timeoutMs)) ?? curves;
  return {
    run: (s) => curves.remote.run(s) as Promise<RunOutcome>,
    population: (s, r) => bands.remote.population(s, r) as Promise<PopulationOutcome>,
    validate: (id) => curves.remote.validate(id) as Promise<Validation | { error: string }>,
  };
}

export interface EngineClient {
  mode: EngineMode;
  backend: EngineBackend;
  /** a coalescing channel for one stream of requests (e.g. one scenario's curve) */
  channel<A, T>(call: (backend: EngineBackend, args: A) => Promise<T>): Coalescer<A, T>;
}

export async function startEngine(options: { timeoutMs?: number } = {}): Promise<EngineClient> {
  const w = typeof Worker === 'undefined' ? null : await workerBackend(options.timeoutMs ?? 4000);
  const mode: EngineMode = w ? 'worker' : 'main-thread';
  const backend = w ?? (await mainThreadBackend());
  return {
    mode,
    backend,
    channel: (call) => new Coalescer((args) => call(backend, args)),
  };
}
