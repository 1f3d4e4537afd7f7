// The variability band the Simulator asks for (computeBandNow), with the engine on this thread.
import { nasalScenario } from '../registry';
import { describe, expect, it } from 'vitest';
import { bandGrid } from '../engine/bandGrid';
import { longestEsketamineCourse } from '../engine/courseScenarios';
import { outputGrid } from '../engine/run';
import type { Scenario } from '../engine/scenario';
import { DEFAULT_VIEW } from './appState';
import { BAND_PATIENTS, Simulator } from './simulator.svelte';
import { encodeState } from './urlState';

/** A Simulator opened on one scenario with the band on, once its full band has come. */
async function bandOf(scenario: Scenario) {
  const sim = new Simulator(
    encodeState({
      scenarios: [{ name: 'One', scenario }],
      view: { ...DEFAULT_VIEW, showBand: true },
    }),
  );
  await sim.start();
  await expect.poll(() => sim.band?.nPatients, { timeout: 20_000 }).toBe(BAND_PATIENTS);
  sim.stop();
  return sim.band!.result;
}

describe("the Simulator's variability band", () => {
  it('of a single session: every 5 min over 24 h', async () => {
    const s = nasalScenario(3);
    expect(Array.from((await bandOf(s)).tMin)).toEqual(Array.from(outputGrid(24 * 60, 5)));
  });

  it('of a 26-week course: on the sessions grid, 1387 time points instead of 8737', async () => {
    const s = longestEsketamineCourse(nasalScenario(3));
    const band = await bandOf(s);
    expect(band.tMin.length).toBe(1387);
    expect(Array.from(band.tMin)).toEqual(Array.from(bandGrid(s, 30, 'sessions')));
  });
});
