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

describe('the Simulator is changed through its methods', () => {
  it('moves the cursor and the reading level, and refuses values that would be bugs', () => {
    const sim = new Simulator('');
    sim.setCursor(30);
    expect(sim.cursorMin).toBe(30);
    expect(() => sim.setCursor(Number.NaN)).toThrow(RangeError);
    expect(() => sim.setCursor(-1)).toThrow(RangeError);
    expect(sim.cursorMin).toBe(30);
    sim.setReadingLevel('plain');
    expect(sim.readingLevel).toBe('plain');
    expect(() => sim.setReadingLevel('shouting' as 'plain')).toThrow(RangeError);
    expect(sim.readingLevel).toBe('plain');
  });

  it('says why a link could not be read until the message is dismissed', () => {
    const sim = new Simulator('v=1&state=%%%');
    expect(sim.urlMessage).toMatch(/could not be read/);
    sim.dismissUrlMessage();
    expect(sim.urlMessage).toBeNull();
  });

  it('follows sliders page-wide only while its attachment is on the page', async () => {
    const added: string[] = [];
    const removed: string[] = [];
    const fakeWindow = {
      addEventListener: (type: string) => added.push(type),
      removeEventListener: (type: string) => removed.push(type),
    };
    (globalThis as { window?: unknown }).window = fakeWindow;
    try {
      const sim = new Simulator('');
      await sim.start();
      expect(added).toEqual([]);
      const detach = sim.followSliders({} as Element);
      expect(added.sort()).toEqual(['pointercancel', 'pointerdown', 'pointerup']);
      detach();
      expect(removed.sort()).toEqual(['pointercancel', 'pointerdown', 'pointerup']);
      sim.stop();
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });
});
