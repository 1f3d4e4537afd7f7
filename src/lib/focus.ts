import { tick } from 'svelte';

/**
 * Moves the keyboard to the element with this id once the page has drawn the change that shows
 * it (a question that has just opened, a button that replaces a disabled one). Nothing happens
 * when no such element is on the page by then.
 */
export async function focusWhenShown(id: string): Promise<void> {
  await tick();
  document.getElementById(id)?.focus();
}
