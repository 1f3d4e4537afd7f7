// ChartData's one announcement of a settled change, with the Simulator's engine on this thread.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { ChartData } from '../../src/lib/chartData.svelte';
import { Simulator } from '../../src/lib/simulator.svelte';

describe('the settled announcement of the concentration chart', () => {
  it('is silent after Reset all and Undo (they say what they did), and speaks again at the next change', async () => {
    const sim = new Simulator('');
    await sim.start();
    let data!: ChartData;
    const stop = $effect.root(() => {
      data = new ChartData(sim);
    });
    await expect
      .poll(() => data.settledText)
      .toMatch(/^IV 0.5 mg\/kg over 40 min: peak \d+ ng\/mL/);

    sim.setView({ unit: 'uM' });
    sim.resetAll();
    flushSync();
    expect(sim.undoMessage).toContain('reset');
    await expect.poll(() => sim.results[0] !== null).toBe(true);
    expect(data.settledText).toBe('');

    sim.undo();
    await expect.poll(() => sim.results[0] !== null).toBe(true);
    expect(data.settledText).toBe('');

    // The next change of the user's own is announced as before, in the unit shown.
    sim.setView({ scale: 'log' });
    await expect.poll(() => data.settledText).toMatch(/peak [\d.]+ µM/);
    stop();
    sim.stop();
  });
});
