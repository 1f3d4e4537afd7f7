import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import PatientChoices from '../../src/modes/patient/PatientChoices.svelte';
import type { Treatment } from '../../src/content/patient';
import { show } from './render';

describe("patient mode's choices", () => {
  it("say that they set the simulator's scenario, and report each choice", () => {
    const asked: string[] = [];
    const el = show(PatientChoices, {
      treatment: 'iv',
      isCourse: false,
      scenarioNumber: 2,
      ontreatment: (t: Treatment) => asked.push(`treatment ${t}`),
      oncourse: (c: boolean) => asked.push(`course ${c}`),
      onnavigate: (m: string) => asked.push(`go ${m}`),
    });
    expect(el.textContent).toContain('also set scenario 2 in the full simulator');
    const radio = (value: string) => el.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
    expect(radio('iv').checked).toBe(true);
    expect(radio('single').checked).toBe(true);
    radio('intranasal').click();
    radio('course').click();
    flushSync();
    [...el.querySelectorAll('button')]
      .find((b) => b.textContent?.includes('full simulator'))!
      .click();
    expect(asked).toEqual(['treatment intranasal', 'course true', 'go simulator']);
  });
});
