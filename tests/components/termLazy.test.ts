/**
 * A Term on a page whose glossary definitions have not loaded yet (this file never imports
 * src/content/glossary.ts itself): closed, it shows its words from the small index; opened, it
 * names the term at once and shows the definition and its source as soon as they have loaded.
 */
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import Term from '../../src/components/Term.svelte';
import { loadedDefinition } from '../../src/content/glossaryTerms';
import { show } from './render';

describe('Term before the definitions have loaded', () => {
  it('opens at once and fills in the definition when it arrives', async () => {
    expect(loadedDefinition('auc')).toBeUndefined();
    const el = show(Term, { id: 'auc' });
    const button = el.querySelector<HTMLButtonElement>('button.term-button')!;
    expect(el.textContent).toBe('AUC');
    button.click();
    flushSync();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = () => document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(panel().textContent).toContain('AUC (area under the curve)');
    await expect
      .poll(() => {
        flushSync();
        return panel().textContent;
      })
      .toContain('a measure of total exposure');
    expect(panel().textContent).toContain('Source: Kamp J et al. 2020');
    expect(loadedDefinition('auc')?.cite).toEqual(['kamp2020']);
  });
});
