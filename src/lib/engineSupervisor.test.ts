/**
 * A worker that dies after it has started (killed, crashed, a message it cannot read) is noticed,
 * its pending calls do not hang, and a new worker or the main thread takes over. The workers here
 * are the real engine API exposed over a MessageChannel; "killing" one closes its side of the
 * channel, so it answers nothing, as a dead worker does.
 */
import { PRESETS } from '../registry';
import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerApi } from '../worker/workerApi';
import {
  MAX_RESTARTS,
  startEngine,
  type EngineClient,
  type EngineStatus,
  type WorkerFactory,
} from './engineClient';

interface Fake {
  worker: Worker;
  kill(): void;
  fail(): void;
  terminated: boolean;
}

function fakeWorkers() {
  const made: Fake[] = [];
  let refuse = false;
  const factory: WorkerFactory = () => {
    if (refuse) throw new Error('no more workers');
    const { port1, port2 } = new MessageChannel();
    expose(workerApi, port2 as unknown as Parameters<typeof expose>[1]);
    const events = new EventTarget();
    const fake: Fake = {
      terminated: false,
      kill: () => port2.close(),
      fail: () => events.dispatchEvent(new Event('error')),
      worker: {
        postMessage: (m: unknown, t?: Transferable[]) => port1.postMessage(m, t ?? []),
        addEventListener: (type: string, l: EventListener, o?: AddEventListenerOptions) =>
          type === 'message'
            ? port1.addEventListener(type, l, o)
            : events.addEventListener(type, l, o),
        removeEventListener: (type: string, l: EventListener) =>
          type === 'message'
            ? port1.removeEventListener(type, l)
            : events.removeEventListener(type, l),
        terminate: () => {
          fake.terminated = true;
          port1.close();
          port2.close();
        },
      } as unknown as Worker,
    };
    made.push(fake);
    return fake.worker;
  };
  return { made, factory, refuseMore: () => (refuse = true) };
}

const scenario = PRESETS['iv-0.5'];
let engine: EngineClient | null = null;
afterEach(() => engine?.dispose());

async function start(f: WorkerFactory, heartbeatMs = 0) {
  const statuses: EngineStatus[] = [];
  engine = await startEngine({
    createWorker: f,
    heartbeatMs,
    // Short enough to keep the tests quick, long enough that a loaded CI machine answers in time.
    callTimeoutMs: { run: 1000, population: 2000, validate: 1000, ping: 1000 },
    onstatus: (s) => statuses.push(s),
  });
  return { engine, statuses };
}

const cmaxOf = async (e: EngineClient) => {
  const r = await e.backend.run(scenario);
  if (!r.ok) throw new Error('run failed');
  const c = r.result.plasma[r.result.parent]!;
  return Math.max(...c);
};

describe('starting the engine', () => {
  it('starts both workers at once, not the bands worker after the curves worker has answered', async () => {
    const w = fakeWorkers();
    const starting = startEngine({ createWorker: w.factory, heartbeatMs: 0 });
    // Both are created before either has had a chance to answer its first ping.
    expect(w.made).toHaveLength(2);
    engine = await starting;
    expect(engine.mode).toBe('worker');
    expect(await cmaxOf(engine)).toBeGreaterThan(0);
  });
});

describe('engine workers that die', { timeout: 30_000 }, () => {
  it('a worker killed mid-session: the call is answered by a new worker, and the page is told', async () => {
    const w = fakeWorkers();
    const { engine, statuses } = await start(w.factory);
    expect(engine.mode).toBe('worker');
    const before = await cmaxOf(engine);
    w.made[0]!.kill();
    const after = await cmaxOf(engine);
    expect(after).toBe(before);
    expect(w.made[0]!.terminated).toBe(true);
    expect(w.made).toHaveLength(3); // curves, bands, and the curves' successor
    expect(statuses.at(-1)?.mode).toBe('worker');
    expect(statuses.at(-1)?.notice).toMatch(/stopped .*did not answer.*new one was started/);
  });

  it('the band worker dying does not stop the curves, and bands come back', async () => {
    const w = fakeWorkers();
    const { engine } = await start(w.factory);
    w.made[1]!.kill();
    const band = await engine.backend.population(scenario, {
      nPatients: 20,
      seed: 1,
      stepMin: 30,
    });
    expect(band.ok).toBe(true);
    expect(await cmaxOf(engine)).toBeGreaterThan(0);
  });

  it('an error event counts as a death', async () => {
    const w = fakeWorkers();
    const { engine, statuses } = await start(w.factory);
    w.made[0]!.fail();
    expect(w.made[0]!.terminated).toBe(true);
    expect(await cmaxOf(engine)).toBeGreaterThan(0);
    expect(statuses.at(-1)?.notice).toMatch(/failed with an error/);
  });

  it(`after ${MAX_RESTARTS} restarts the engine moves to the main thread and still answers`, async () => {
    const w = fakeWorkers();
    const { engine, statuses } = await start(w.factory);
    for (let k = 0; k <= MAX_RESTARTS; k++) {
      const live = w.made.at(k === 0 ? 0 : -1)!;
      live.kill();
      await cmaxOf(engine).catch(() => 0);
    }
    expect(engine.mode).toBe('main-thread');
    expect(statuses.at(-1)?.notice).toMatch(/could not be restarted.*runs on the page itself/);
    expect(await cmaxOf(engine)).toBeGreaterThan(0);
  });

  it('when no new worker starts, the main thread takes over', async () => {
    const w = fakeWorkers();
    const { engine, statuses } = await start(w.factory);
    w.refuseMore();
    w.made[0]!.kill();
    expect(await cmaxOf(engine)).toBeGreaterThan(0);
    expect(engine.mode).toBe('main-thread');
    expect(statuses.at(-1)?.mode).toBe('main-thread');
  });

  it('an idle worker that dies is found by the heartbeat, before any call', async () => {
    const w = fakeWorkers();
    const { statuses } = await start(w.factory, 50);
    w.made[0]!.kill();
    await vi.waitFor(() => expect(statuses.at(-1)?.notice).toMatch(/new one was started/), {
      timeout: 10_000,
    });
    expect(w.made[0]!.terminated).toBe(true);
  });
});
