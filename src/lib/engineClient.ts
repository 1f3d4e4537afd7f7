/**
 * The one module that knows a worker exists. It starts the engine workers, wraps them with
 * comlink, and coalesces requests per channel: while one is computing, only the latest new request
 * waits; older ones resolve as superseded. If a worker cannot start, the engine runs on the main
 * thread (loaded on demand) and `mode` says so.
 *
 * A worker can also die later (killed by the browser under memory pressure, a crash, a message it
 * cannot read). A dead worker answers nothing, and comlink's promises would then wait for ever, so
 * every call carries a timeout, an idle worker is pinged now and then, and the worker's `error` and
 * `messageerror` events count as a death. A dead worker is terminated, its pending calls are
 * rejected with EngineStopped (so callers ask again), and a new worker is started; calls made
 * meanwhile wait for it. After MAX_RESTARTS deaths, or when a new worker does not start, the engine
 * moves to the main thread. Each of these changes is reported through `onstatus`, for the notice.
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
  /** `run` for each scenario, in one call (a slider's table, see sliderTable.ts) */
  runMany(scenarios: unknown[]): Promise<RunOutcome[]>;
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

/** A worker that stopped answering, or died, before this call was answered. */
export class EngineStopped extends Error {
  override name = 'EngineStopped';
}

/**
 * Longest wait for one answer, ms, per kind of call: about a hundred times the usual time on a
 * slow laptop (a curve takes well under 50 ms, a band of 1000 patients over a course about 2 s),
 * so only a worker that has died reaches it.
 */
export const CALL_TIMEOUT_MS = {
  run: 5000,
  runMany: 20_000,
  validate: 20_000,
  population: 60_000,
  ping: 5000,
};
/** How often an idle worker is asked whether it still answers, ms. */
export const HEARTBEAT_MS = 2000;
/** Worker deaths after which the engine stays on the main thread. */
export const MAX_RESTARTS = 3;

type CallKind = keyof typeof CALL_TIMEOUT_MS;
type Role = 'curves' | 'bands';

/** Creates one engine worker (tests pass their own). */
export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });

async function mainThreadBackend(): Promise<EngineBackend> {
  const { engineApi } = await import('../registryApi');
  return {
    run: async (s) => engineApi.run(s),
    runMany: async (ss) => ss.map((s) => engineApi.run(s)),
    population: async (s, r) => engineApi.population(s, r),
    validate: async (id) => engineApi.validate(id),
  };
}

/** One started worker and the calls waiting for its answers. */
interface Live {
  remote: Remote<WorkerApi>;
  worker: Worker;
  /** rejections of the calls in flight, called when the worker dies */
  pending: Set<(e: EngineStopped) => void>;
  dead: boolean;
}

/** Starts one worker and waits for its first answer; null if it cannot start in time. */
async function startWorker(factory: WorkerFactory, timeoutMs: number): Promise<Live | null> {
  let worker: Worker;
  try {
    worker = factory();
  } catch {
    return null;
  }
  const remote: Remote<WorkerApi> = wrap<WorkerApi>(worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<null>((resolve) => {
    worker.addEventListener('error', () => resolve(null), { once: true });
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const ready = await Promise.race([remote.ping().catch(() => null), failed]);
  clearTimeout(timer);
  if (ready !== 'ready') {
    worker.terminate();
    return null;
  }
  return { remote, worker, pending: new Set(), dead: false };
}

/** What the page is told about the engine: where it runs, and a notice when that changed. */
export interface EngineStatus {
  mode: EngineMode;
  notice: string | null;
}

export const NOTICE_NO_WORKER =
  'The background worker could not start, so the simulation runs on the page itself; the page may pause briefly while it computes.';
export const noticeRestarted = (reason: string) =>
  `The background worker stopped (${reason}), so a new one was started and the figures were computed again.`;
export const noticeMovedToPage = (reason: string) =>
  `The background worker stopped (${reason}) and could not be restarted, so the simulation now runs on the page itself; the page may pause briefly while it computes.`;

export interface EngineOptions {
  /** how long a new worker may take to answer its first ping, ms */
  timeoutMs?: number;
  createWorker?: WorkerFactory;
  callTimeoutMs?: Partial<Record<CallKind, number>>;
  /** 0 turns the idle heartbeat off */
  heartbeatMs?: number;
  onstatus?: (status: EngineStatus) => void;
}

/**
 * The workers behind the page: two (curves, and bands, so a band of 1000 virtual patients never
 * delays the curve that follows the slider), or one shared when the second cannot start, or none
 * (main thread). It restarts a worker that dies and moves to the main thread when it cannot.
 */
class Supervisor {
  mode: EngineMode = 'worker';
  private workers: Record<Role, Live | null> = { curves: null, bands: null };
  private restarting: Partial<Record<Role, Promise<void>>> = {};
  private restarts = 0;
  private main: Promise<EngineBackend> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly timeouts: Record<CallKind, number>;

  constructor(private readonly options: EngineOptions) {
    this.timeouts = { ...CALL_TIMEOUT_MS, ...options.callTimeoutMs };
  }

  private factory = () => this.options.createWorker ?? defaultWorker;
  private startTimeout = () => this.options.timeoutMs ?? 4000;

  async start(): Promise<void> {
    if (typeof Worker === 'undefined' && !this.options.createWorker) {
      this.toMainThread(NOTICE_NO_WORKER);
      return;
    }
    // Both at once: the first curve waits for the engine to start, and starting the bands
    // worker only after the curves worker had answered kept it waiting about 100 ms more.
    const [curves, second] = await Promise.all([
      startWorker(this.factory(), this.startTimeout()),
      startWorker(this.factory(), this.startTimeout()),
    ]);
    if (!curves) {
      second?.worker.terminate();
      this.toMainThread(NOTICE_NO_WORKER);
      return;
    }
    const bands = second ?? curves;
    this.adopt('curves', curves);
    this.adopt('bands', bands);
    const every = this.options.heartbeatMs ?? HEARTBEAT_MS;
    if (every > 0) this.heartbeat = setInterval(() => this.beat(), every);
  }

  /** Stops the workers and the heartbeat (tests; a page never needs it). */
  dispose(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const live of this.distinctWorkers()) live.worker.terminate();
  }

  private distinctWorkers(): Live[] {
    const out: Live[] = [];
    for (const w of Object.values(this.workers)) if (w && !out.includes(w)) out.push(w);
    return out;
  }

  private adopt(role: Role, live: Live) {
    this.workers[role] = live;
    if (this.workers.curves === live && this.workers.bands === live && role === 'bands') return;
    live.worker.addEventListener('error', () => this.died(live, 'it failed with an error'));
    live.worker.addEventListener('messageerror', () =>
      this.died(live, 'a message from it could not be read'),
    );
  }

  /** Pings every idle, live worker: a worker that died while idle is found before the next edit. */
  private beat() {
    if (typeof document !== 'undefined' && document.hidden) return;
    for (const live of this.distinctWorkers()) {
      if (live.dead || live.pending.size > 0) continue;
      this.callLive(live, 'ping', (r) => r.ping()).catch(() => {});
    }
  }

  private callLive<T>(live: Live, kind: CallKind, f: (r: Remote<WorkerApi>) => Promise<T>) {
    return new Promise<T>((resolve, reject) => {
      const stop = (e: EngineStopped) => {
        clearTimeout(timer);
        live.pending.delete(stop);
        reject(e);
      };
      const ms = this.timeouts[kind];
      const timer = setTimeout(
        () => this.died(live, `it did not answer within ${Math.round(ms / 1000)} s`),
        ms,
      );
      live.pending.add(stop);
      f(live.remote).then(
        (v) => {
          clearTimeout(timer);
          live.pending.delete(stop);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          live.pending.delete(stop);
          reject(e);
        },
      );
    });
  }

  /** A worker died: terminate it, reject its calls, and start another (or move to the page). */
  private died(live: Live, reason: string) {
    if (live.dead) return;
    live.dead = true;
    live.worker.terminate();
    const stopped = new EngineStopped(`The background worker stopped: ${reason}.`);
    for (const reject of [...live.pending]) reject(stopped);
    const roles = (Object.keys(this.workers) as Role[]).filter((r) => this.workers[r] === live);
    for (const r of roles) this.workers[r] = null;
    this.restarts += 1;
    if (this.restarts > MAX_RESTARTS) {
      this.toMainThread(
        noticeMovedToPage(`${reason}; it had stopped ${MAX_RESTARTS} times before`),
      );
      return;
    }
    const restart = startWorker(this.factory(), this.startTimeout()).then((next) => {
      for (const r of roles) delete this.restarting[r];
      if (this.mode === 'main-thread') {
        next?.worker.terminate();
        return;
      }
      if (!next) {
        this.toMainThread(noticeMovedToPage(reason));
        return;
      }
      for (const r of roles) this.adopt(r, next);
      this.options.onstatus?.({ mode: 'worker', notice: noticeRestarted(reason) });
    });
    for (const r of roles) this.restarting[r] = restart;
  }

  private toMainThread(notice: string) {
    this.mode = 'main-thread';
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const live of this.distinctWorkers()) {
      live.dead = true;
      live.worker.terminate();
    }
    this.workers = { curves: null, bands: null };
    this.main ??= mainThreadBackend();
    this.options.onstatus?.({ mode: 'main-thread', notice });
  }

  /**
   * One call, to the role's worker (waiting for a restart under way) or to the main thread. A call
   * that a dying worker leaves unanswered is asked once more of its successor; if that one dies
   * too, the caller gets the EngineStopped error.
   */
  async call<T>(
    role: Role,
    kind: CallKind,
    viaWorker: (r: Remote<WorkerApi>) => Promise<T>,
    onPage: (b: EngineBackend) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.restarting[role];
      const live = this.workers[role];
      if (this.mode === 'main-thread' || !live) return onPage(await this.mainBackend());
      try {
        return await this.callLive(live, kind, viaWorker);
      } catch (e) {
        if (!(e instanceof EngineStopped) || attempt >= 1) throw e;
      }
    }
  }

  private mainBackend(): Promise<EngineBackend> {
    this.main ??= mainThreadBackend();
    return this.main;
  }

  /** Test hook: the live worker of a role. */
  workerOf(role: Role): Worker | null {
    return this.workers[role]?.worker ?? null;
  }
}

export interface EngineClient {
  mode: EngineMode;
  backend: EngineBackend;
  /** a coalescing channel for one stream of requests (e.g. one scenario's curve) */
  channel<A, T>(call: (backend: EngineBackend, args: A) => Promise<T>): Coalescer<A, T>;
  /** stops the workers (tests) */
  dispose(): void;
  /** the live worker behind a role, for tests */
  workerOf(role: Role): Worker | null;
}

export async function startEngine(options: EngineOptions = {}): Promise<EngineClient> {
  const sup = new Supervisor(options);
  await sup.start();
  const backend: EngineBackend = {
    run: (s) =>
      sup.call(
        'curves',
        'run',
        (r) => r.run(s) as Promise<RunOutcome>,
        (b) => b.run(s),
      ),
    // On the curves worker, in small chunks (simulator.svelte.ts): the bands worker may be busy
    // with a band for a few hundred ms when a slider is taken hold of.
    runMany: (ss) =>
      sup.call(
        'curves',
        'runMany',
        (r) => r.runMany(ss) as Promise<RunOutcome[]>,
        (b) => b.runMany(ss),
      ),
    population: (s, req) =>
      sup.call(
        'bands',
        'population',
        (r) => r.population(s, req) as Promise<PopulationOutcome>,
        (b) => b.population(s, req),
      ),
    validate: (id) =>
      sup.call(
        'curves',
        'validate',
        (r) => r.validate(id) as Promise<Validation | { error: string }>,
        (b) => b.validate(id),
      ),
  };
  return {
    get mode() {
      return sup.mode;
    },
    backend,
    channel: (call) => new Coalescer((args) => call(backend, args)),
    dispose: () => sup.dispose(),
    workerOf: (role) => sup.workerOf(role),
  };
}
