// The Simulator with the engine on this thread (no Worker in Node, so startEngine falls back to
// the main-thread backend, as a browser does when its worker cannot start). Node compiles runes
// for the server, where $state.snapshot does not copy, so the dose preview and the drag catch-up
// are tested in the browser (tests/e2e/simulator.spec.ts) rather than here.
import { ivScenario } from '../registry';
import { describe, expect, it } from 'vitest';
import { summarize } from '../engine/summary';
import { Simulator } from './simulator.svelte';

const cmax = (r: { tMin: Float64Array; plasma: { ketamine?: Float64Array } } | null | undefined) =>
  r ? summarize(r.tMin, r.plasma.ketamine!, 100).cmax : NaN;

async function started(): Promise<Simulator> {
  const sim = new Simulator('');
  await sim.start();
  await expect.poll(() => sim.results[0]).toBeTruthy();
  return sim;
}

describe('Simulator', () => {
  it('runs on this thread when no worker can start, and says so', async () => {
    const sim = await started();
    expect(sim.mode).toBe('main-thread');
    expect(cmax(sim.results[0])).toBeGreaterThan(200);
  });

  it('keeps the last good curve and says what is wrong when a scenario is rejected', async () => {
    const sim = await started();
    const good = sim.results[0];
    sim.updateScenario(0, ivScenario(3, 40));
    await expect.poll(() => sim.errors[0]).toMatch(/dose/i);
    expect(sim.results[0]).toBe(good);
    expect(sim.liveResults[0]).toBe(good);
  });
});
