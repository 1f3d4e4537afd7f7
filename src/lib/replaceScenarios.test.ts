// Simulator.replaceScenarios, the way an opened scenario file reaches the page (the engine runs on
// this thread in Node, as in simulator.test.ts).
import { describe, expect, it } from 'vitest';
import { ivScenario, nasalScenario } from '../registry';
import { Simulator } from './simulator.svelte';
import type { NamedScenario } from './appState';

const opened: NamedScenario[] = [
  { name: 'Nasal 56 mg', scenario: nasalScenario(2) },
  { name: 'IV 1 mg/kg bolus', scenario: ivScenario(1, 0) },
];

describe('Simulator.replaceScenarios', () => {
  it('replaces the scenarios, keeps the view options, selects the first, and Undo puts back what it replaced', async () => {
    const sim = new Simulator('');
    await sim.start();
    sim.setView({ unit: 'uM', showBand: false });
    const before = JSON.parse(JSON.stringify(sim.state));
    sim.setView({ active: 0 });
    sim.addScenario();
    expect(sim.state.view.active).toBe(1);
    const withTwo = JSON.parse(JSON.stringify(sim.state));
    sim.replaceScenarios(opened, 'two.json');
    expect(sim.state.scenarios).toEqual(opened);
    expect(sim.state.view).toEqual({ ...before.view, active: 0 });
    expect(sim.undoMessage).toBe('Opened 2 scenarios from two.json. Undo available.');
    expect(sim.undoLabel).toBe('Undo open file');
    // A copy: changing the list that was passed in does not change the simulator.
    opened[0]!.name = 'changed';
    expect(sim.state.scenarios[0]!.name).toBe('Nasal 56 mg');
    opened[0]!.name = 'Nasal 56 mg';
    await expect.poll(() => sim.results.map((r) => r?.parent)).toEqual(['esketamine', 'ketamine']);
    expect(sim.undo()).toBe(true);
    expect(JSON.parse(JSON.stringify(sim.state))).toEqual(withTwo);
    expect(sim.canUndo).toBe(false);
    sim.stop();
  });

  it('refuses a list of no scenarios or too many, and changes nothing', () => {
    const sim = new Simulator('');
    const state = JSON.stringify(sim.state);
    expect(() => sim.replaceScenarios([])).toThrow(RangeError);
    expect(() => sim.replaceScenarios(Array(5).fill(opened[0]))).toThrow(/1 to 4 scenarios, not 5/);
    expect(JSON.stringify(sim.state)).toBe(state);
    expect(sim.canUndo).toBe(false);
  });
});
