/**
 * The route chosen in Controls is the regimen's route, not the model's: an IV dose may be given
 * with a model of another route (every model has a central compartment; the route lecture and
 * links do this), and the controls must then show the IV choice and its dose fields.
 */
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import Controls from '../../src/components/Controls.svelte';
import { DEFAULTS, ivScenario, nasalScenario, validateScenario } from '../../src/catalogue';
import type { Scenario } from '../../src/engine/scenario';
import { show } from './render';

const checkedRoute = (el: HTMLElement) =>
  [...el.querySelectorAll<HTMLInputElement>('input[name="route"]')]
    .filter((i) => i.checked)
    .map((i) => i.closest('label')!.textContent!.trim());

/** An IV infusion given with the esketamine nasal model (its IV arm), a valid scenario. */
const ivOnNasalModel = (): Scenario => ({ ...ivScenario(0.5, 40), model: nasalScenario().model });

describe('Controls: the drug and route follow the regimen', () => {
  it('an IV dose on a nasal model checks the IV route and says which model gives it', () => {
    const s = ivOnNasalModel();
    expect(validateScenario(s).ok).toBe(true);
    const el = show(Controls, { scenario: s, onchange: () => {} });
    expect(checkedRoute(el)).toEqual(['IV racemic ketamine']);
    expect(el.textContent).toMatch(
      /Given into a vein \(IV\), with .*built for another route \(Intranasal esketamine \(Spravato\)\)\. The drug is esketamine/,
    );
    // The model list still shows the model in use.
    const select = el.querySelector<HTMLSelectElement>('#model')!;
    expect(select.value).toBe(s.model);
  });

  it("choosing the model's own route from an IV dose gives that route's regimen", () => {
    const changes: Scenario[] = [];
    const el = show(Controls, { scenario: ivOnNasalModel(), onchange: (x) => changes.push(x) });
    const nasal = [...el.querySelectorAll<HTMLInputElement>('input[name="route"]')].find((i) =>
      i.closest('label')!.textContent!.includes('Spravato'),
    )!;
    nasal.click();
    flushSync();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.regimen.kind).toBe('intranasal');
    expect(changes[0]!.model).toBe(DEFAULTS.intranasal);
    expect(validateScenario(changes[0]).ok).toBe(true);
  });

  it('a scenario whose model is of its route checks that route', () => {
    const el = show(Controls, { scenario: nasalScenario(), onchange: () => {} });
    expect(checkedRoute(el)).toEqual(['Intranasal esketamine (Spravato)']);
    expect(el.textContent).not.toMatch(/built for another route/);
  });
});
