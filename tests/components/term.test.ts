/**
 * The Term disclosure and the keyboard help, mounted in happy-dom: a term opens its glossary
 * definition on a click, on keyboard focus and under a mouse; Escape and leaving close it; the
 * button says whether it is open and which panel it controls. The key list opens on "?" except
 * while typing, and lists the keys it is given.
 */
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import Term from '../../src/components/Term.svelte';
import TermText from '../../src/components/TermText.svelte';
import KeyHelpButton from '../../src/components/KeyHelpButton.svelte';
import { glossaryEntry } from '../../src/content/glossary';
import { markTerms } from '../../src/content/glossaryTerms';
import { MODE_KEYS } from '../../src/content/keys';
import { show } from './render';

const buttonOf = (el: HTMLElement) => el.querySelector<HTMLButtonElement>('button.term-button')!;
/** The open definition the term's button controls, or null when the term is closed. */
function panelOf(el: HTMLElement): HTMLElement | null {
  const id = buttonOf(el).getAttribute('aria-controls');
  return id === null ? null : document.getElementById(id);
}
/** Whether the definition is open, checked against the button's state and its panel. */
const isOpen = (el: HTMLElement) => {
  const open = buttonOf(el).getAttribute('aria-expanded') === 'true';
  expect(panelOf(el) !== null).toBe(open);
  if (open) expect(el.querySelector('.term')!.contains(panelOf(el))).toBe(true);
  return open;
};
function key(target: EventTarget, k: string) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  flushSync();
}
function pointerOn(el: Element, type: string, pointerType = 'mouse') {
  el.dispatchEvent(new PointerEvent(type, { pointerType, bubbles: type === 'pointerdown' }));
  flushSync();
}

/** Waits out the hover grace time (Term.svelte's HOVER_GRACE_MS, 250 ms) and applies what it changed. */
async function pastGrace() {
  await new Promise((r) => setTimeout(r, 400));
  flushSync();
}

describe('Term', () => {
  it('is a button that opens a panel with the entry’s definition and source', () => {
    const el = show(Term, { id: 'cmax' });
    const button = buttonOf(el);
    expect(button.type).toBe('button');
    expect(isOpen(el)).toBe(false);
    // Closed, it adds nothing to the words around it.
    expect(el.textContent).toBe('Cmax');
    button.click();
    flushSync();
    expect(isOpen(el)).toBe(true);
    expect(panelOf(el)!.textContent).toContain(glossaryEntry('cmax').text.student);
    expect(panelOf(el)!.textContent).toContain('Kamp J et al. 2020');
  });

  it('opens on a click or tap and closes on a second one', () => {
    const el = show(Term, { id: 'auc' });
    const button = buttonOf(el);
    pointerOn(button, 'pointerdown', 'touch');
    button.focus();
    button.click();
    flushSync();
    expect(isOpen(el)).toBe(true);
    button.click();
    flushSync();
    expect(isOpen(el)).toBe(false);
  });

  it('opens on keyboard focus; Escape closes it and leaves focus on the term', () => {
    const el = show(Term, { id: 'effect-site' });
    const button = buttonOf(el);
    button.focus();
    flushSync();
    expect(isOpen(el)).toBe(true);
    key(button, 'Escape');
    expect(isOpen(el)).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it('closes when focus moves elsewhere, and on a press outside it', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    const el = show(Term, { id: 'tmax' });
    const button = buttonOf(el);
    button.focus();
    flushSync();
    expect(isOpen(el)).toBe(true);
    outside.focus();
    flushSync();
    expect(isOpen(el)).toBe(false);
    button.click();
    flushSync();
    expect(isOpen(el)).toBe(true);
    pointerOn(outside, 'pointerdown');
    expect(isOpen(el)).toBe(false);
    outside.remove();
  });

  it('opens under a mouse, stays while the mouse moves onto it, and Escape dismisses it', async () => {
    const el = show(Term, { id: 'ke0' });
    const wrapper = el.querySelector('.term')!;
    pointerOn(wrapper, 'pointerenter');
    expect(isOpen(el)).toBe(true);
    // Leaving, then coming back (onto the panel) within the grace time keeps it open.
    pointerOn(wrapper, 'pointerleave');
    pointerOn(wrapper, 'pointerenter');
    await pastGrace();
    expect(isOpen(el)).toBe(true);
    key(window, 'Escape');
    expect(isOpen(el)).toBe(false);
    // Leaving for good closes it after the grace time.
    pointerOn(wrapper, 'pointerenter');
    pointerOn(wrapper, 'pointerleave');
    await pastGrace();
    expect(isOpen(el)).toBe(false);
  });

  it('shows the plain definition at the plain level, and given words', () => {
    const el = show(Term, { id: 'nmda', level: 'plain', text: 'brain gates' });
    expect(el.textContent).toBe('brain gates');
    buttonOf(el).click();
    flushSync();
    const panel = panelOf(el)!;
    expect(panel.textContent).toContain(glossaryEntry('nmda').text.plain);
    expect(panel.textContent).not.toContain(glossaryEntry('nmda').text.student);
  });

  it('refuses an unknown term with its name', () => {
    expect(() => show(Term, { id: 'no-such-term' })).toThrow(
      'Unknown glossary term "no-such-term"',
    );
  });

  it('marks the first mention of each term in a text (TermText), the words unchanged', () => {
    const text = 'The effect site lags plasma; the effect site peaks later.';
    const el = show(TermText, { parts: markTerms([text])[0]! });
    expect(el.textContent).toBe(text);
    expect([...el.querySelectorAll('button.term-button')].map((b) => b.textContent)).toEqual([
      'effect site',
      'plasma',
    ]);
  });
});

describe('KeyHelpButton', () => {
  const dialogOf = (el: HTMLElement) => el.querySelector('dialog');

  it('opens the mode’s keys on "?" and on its button, not while typing in a field', () => {
    const field = document.createElement('input');
    document.body.append(field);
    const el = show(KeyHelpButton, { mode: 'simulator' });
    // The dialog is built when first asked for, not with the page.
    expect(dialogOf(el)).toBeNull();
    key(field, '?');
    expect(dialogOf(el)).toBeNull();
    key(document.body, '?');
    const dialog = dialogOf(el)!;
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('Keyboard help: Simulator');
    for (const [keys] of MODE_KEYS.simulator) expect(dialog.textContent).toContain(keys);
    dialog.querySelector<HTMLButtonElement>('dialog button')!.click();
    flushSync();
    expect(dialog.open).toBe(false);
    el.querySelector<HTMLButtonElement>('button.key-help-button')!.click();
    flushSync();
    expect(dialog.open).toBe(true);
    field.remove();
  });

  it('leaves "?" to the lecture, which has its own handler', () => {
    const el = show(KeyHelpButton, { mode: 'lecture' });
    key(document.body, '?');
    expect(dialogOf(el)?.open ?? false).toBe(false);
  });
});
