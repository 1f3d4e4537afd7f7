// The worker API tested in-process over a MessageChannel, as the page uses it through comlink.
import { PRESETS } from '../registry';
import { MessageChannel } from 'node:worker_threads';
import { expose, wrap, type Endpoint } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { buffersOf, workerApi, type WorkerApi } from './workerApi';

const { port1, port2 } = new MessageChannel();
expose(workerApi, port1 as unknown as Endpoint);
const remote = wrap<WorkerApi>(port2 as unknown as Endpoint);
afterAll(() => {
  port1.close();
  port2.close();
});

describe('worker API over a MessageChannel', () => {
  it('answers ping', async () => {
    expect(await remote.ping()).toBe('ready');
  });

  it('runs a scenario and returns typed arrays', async () => {
    const r = await remote.run(PRESETS['iv-0.5']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.plasma.ketamine).toBeInstanceOf(Float64Array);
    expect(r.result.tMin.length).toBe(1441);
  });

  it('returns validation problems for a bad scenario instead of throwing', async () => {
    const r = await remote.run({ version: 1 });
    expect(r.ok).toBe(false);
  });

  it('runs many scenarios in one call, each exactly as run would, a bad one with its problems', async () => {
    const scenarios = [PRESETS['iv-0.5'], { version: 1 }, PRESETS['esk-56']];
    const many = await remote.runMany(scenarios);
    expect(many.map((o) => o.ok)).toEqual([true, false, true]);
    for (const [k, s] of scenarios.entries()) {
      const one = await remote.run(s);
      const got = many[k]!;
      if (one.ok && got.ok) {
        expect(got.result.plasma).toEqual(one.result.plasma);
        expect(got.result.occupancy).toEqual(one.result.occupancy);
      } else expect(got).toEqual(one);
    }
  });

  it('computes a population band', async () => {
    const r = await remote.population(PRESETS['esk-56'], { nPatients: 50, seed: 1, stepMin: 30 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.result.bands.esketamine?.length).toBe(5);
  });

  it('compares a model with published observations', async () => {
    const v = await remote.validate('perezruixo2021');
    expect('error' in v).toBe(false);
    if (!('error' in v)) expect(v.comparisons.map((c) => c.observation.id)).toContain('nasal-tmax');
    expect(await remote.validate('nope')).toEqual({ error: 'Unknown model "nope"' });
  });
});

describe('buffersOf', () => {
  it('finds each distinct buffer once, in nested objects and arrays', () => {
    const a = new Float64Array(3);
    const b = new Float64Array(2);
    expect(buffersOf({ x: a, y: [b, a], z: { w: b }, n: 1 })).toEqual([a.buffer, b.buffer]);
  });
});
