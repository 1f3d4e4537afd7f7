// The Simulator with the engine on this thread (no Worker in Node, so startEngine falls back to
// the main-thread backend, as a browser does when its worker cannot start). Node compiles runes
// for the server, where $state.snapshot does not copy, so the dose preview and the drag catch-up
// are tested in the browser (tests/e2e/simulator.spec.ts) rather than here.
import { ivScenario } from '../registry';
import { describe, expect, it } from 'vitest';
import { summarize } from '../engine/summary';
import { Simulator } from './simulator.svelte';
import { DEFAULT_VIEW } from './appState';
import { encodeState } from './urlState';

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

describe('Reset all and Undo', () => {
  /**
   * A simulator away from the start state: three scenarios, other view options, the cursor. Made
   * from an address, since on the server addScenario's snapshot would share the copied object.
   */
  function changedSim(): Simulator {
    const sim = new Simulator(
      encodeState({
        scenarios: [
          { name: 'High slow', scenario: ivScenario(0.8, 20) },
          { name: 'Low bolus', scenario: ivScenario(0.3, 0) },
          { name: 'Usual', scenario: ivScenario(0.5, 40) },
        ],
        view: {
          ...DEFAULT_VIEW,
          window: '4h',
          scale: 'log',
          unit: 'uM',
          showBand: false,
          active: 2,
        },
      }),
    );
    sim.setCursor(90);
    return sim;
  }
  const plain = (sim: Simulator) => JSON.parse(JSON.stringify(sim.state)) as unknown;

  it('resets to the start state of a fresh page, says so once, and Undo puts back exactly what was there', () => {
    const sim = changedSim();
    const before = plain(sim);
    expect(sim.canUndo).toBe(false);
    sim.resetAll();
    expect(plain(sim)).toEqual(plain(new Simulator('')));
    expect(sim.cursorMin).toBe(new Simulator('').cursorMin);
    expect(sim.undoMessage).toBe('All scenarios and view options reset. Undo available.');
    expect(sim.canUndo).toBe(true);
    expect(sim.undoLabel).toBe('Undo reset all');
    expect(sim.undo()).toBe(true);
    expect(plain(sim)).toEqual(before);
    expect(sim.cursorMin).toBe(90);
    expect(sim.canUndo).toBe(false);
    expect(sim.undoMessage).toMatch(/^Reset undone/);
    // One level: a second undo has nothing to undo.
    expect(sim.undo()).toBe(false);
    expect(plain(sim)).toEqual(before);
  });

  it('puts a removed scenario back in its place, with its settings, as the selected one', () => {
    const sim = changedSim();
    sim.setView({ active: 1 });
    const before = plain(sim);
    sim.removeScenario(1);
    expect(sim.state.scenarios.map((s) => s.name)).not.toContain('Low bolus');
    expect(sim.undoLabel).toBe('Undo remove "Low bolus"');
    expect(sim.undoMessage).toBe('Scenario "Low bolus" removed. Undo available.');
    expect(sim.undo()).toBe(true);
    expect(plain(sim)).toEqual(before);
    expect(sim.state.scenarios[1]!.scenario.regimen).toMatchObject({ doseMgPerKg: 0.3 });
    expect(sim.results).toHaveLength(3);
    expect(sim.errors).toHaveLength(3);
    expect(sim.undoMessage).toBe('Scenario "Low bolus" restored.');
  });

  it('keeps Undo only until the next change', () => {
    const changes: [string, (sim: Simulator) => void][] = [
      ['a dose', (sim) => sim.updateScenario(0, ivScenario(0.6, 40))],
      ['a view option', (sim) => sim.setView({ scale: 'linear' })],
      ['a name', (sim) => sim.rename(0, 'Mine')],
      ['a new scenario', (sim) => sim.addScenario()],
      ['another scenario chosen', (sim) => sim.setView({ active: 0 })],
    ];
    for (const [what, change] of changes) {
      for (const start of ['reset', 'remove'] as const) {
        const sim = changedSim();
        if (start === 'reset') sim.resetAll();
        else sim.removeScenario(1);
        change(sim);
        const after = plain(sim);
        expect(sim.canUndo, `${start}, then ${what}`).toBe(false);
        expect(sim.undoLabel).toBe('');
        expect(sim.undoMessage).toBe('');
        expect(sim.undo()).toBe(false);
        expect(plain(sim)).toEqual(after);
      }
    }
  });

  it('never removes the last scenario, and offers nothing to undo then', () => {
    const sim = new Simulator('');
    sim.removeScenario(0);
    expect(sim.state.scenarios).toHaveLength(1);
    expect(sim.canUndo).toBe(false);
  });
});
