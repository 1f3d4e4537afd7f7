/**
 * Glossary terms marked where the modes show cited statements and captions, mounted in happy-dom:
 * a claim section marks a term at its first mention in the section, with the definition at the
 * section's reading level; the lecture caption marks its terms but stays plain text, and a
 * screen reader hears a new caption once, whole, from a live copy that never holds a definition.
 */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ClaimSection from '../../src/components/ClaimSection.svelte';
import LectureCaption from '../../src/modes/lecture/LectureCaption.svelte';
import { glossaryEntry } from '../../src/content/glossary';
import type { Cited } from '../../src/content/cited';
import { show } from './render';

const claim = (student: string, plain: string): Cited => ({
  text: { student, plain },
  cite: ['kamp2020'],
});
const CLAIMS: Cited[] = [
  claim('The plasma level peaks at the end of the infusion.', 'The blood level is highest first.'),
  claim('Plasma falls as clearance removes the drug.', 'Later the plasma level falls.'),
];

const li = (el: Element, i: number) => el.querySelectorAll('li')[i]!;
const terms = (el: Element) =>
  [...el.querySelectorAll<HTMLButtonElement>('button.term-button')].map((b) => b.textContent);
/** Opens a term by keyboard focus and gives its definition's text. */
function definitionOf(button: HTMLButtonElement): string {
  button.focus();
  flushSync();
  const panel = document.getElementById(button.getAttribute('aria-controls')!)!;
  return panel.textContent!;
}

describe('ClaimSection', () => {
  const section = (level: 'student' | 'plain') =>
    show(ClaimSection, { id: 'test-claims', title: 'Test', claims: CLAIMS, level });
  it('marks each term at its first mention in the section, and adds nothing to the words', () => {
    const el = section('student');
    const items = [...el.querySelectorAll('li')];
    expect(items.map((li) => terms(li))).toEqual([['plasma', 'infusion'], ['clearance']]);
    // "Plasma" again in the second statement stays plain words.
    for (const [i, item] of items.entries())
      expect(item.textContent!.startsWith(CLAIMS[i]!.text.student)).toBe(true);
    const plasma = li(el, 0).querySelector<HTMLButtonElement>('button.term-button')!;
    expect(definitionOf(plasma)).toContain(glossaryEntry('plasma').text.student);
  });

  it('shows the plain statements with the plain definitions', () => {
    const el = section('plain');
    expect([...el.querySelectorAll('li')].map((li) => terms(li))).toEqual([[], ['plasma']]);
    const plasma = li(el, 1).querySelector<HTMLButtonElement>('button.term-button')!;
    const text = definitionOf(plasma);
    expect(text).toContain(glossaryEntry('plasma').text.plain);
    expect(text).not.toContain(glossaryEntry('plasma').text.student);
  });
});

describe('LectureCaption', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  /** Mounts the caption on props that the test can change. */
  function caption(first: string) {
    const props = $state({ caption: first, sources: ['kamp2020'] as readonly string[] });
    const target = show(LectureCaption, props);
    const set = (text: string) => {
      props.caption = text;
      flushSync();
    };
    const live = () => target.querySelector('[aria-live]')!;
    return { el: target, set, live };
  }

  it('marks the caption’s terms and keeps it plain text', () => {
    const text = 'The <img src=x onerror=alert(1)> effect site follows plasma, then plasma falls.';
    const { el } = caption(text);
    const shown = el.querySelector('.caption-text')!;
    expect(shown.textContent).toBe(text);
    expect(el.querySelector('img')).toBeNull();
    expect(terms(shown)).toEqual(['effect site', 'plasma']);
    expect(el.querySelector('.caption-sources')!.textContent).toBe('Sources: Kamp J et al. 2020');
  });

  it('says a new caption once, whole, and never a definition', () => {
    vi.useFakeTimers();
    const { el, set, live } = caption('Step one: plasma.');
    // The first caption is read with the page, not announced; the caption shown is not live.
    expect(live().textContent!.trim()).toBe('');
    expect(el.querySelectorAll('[aria-live], [role="status"], [role="alert"]')).toHaveLength(1);
    expect(live().getAttribute('aria-atomic')).toBe('true');
    expect(live().contains(el.querySelector('.caption-text'))).toBe(false);

    set('Step two: the effect site lags plasma.');
    expect([...live().querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Step two: the effect site lags plasma.',
      'Sources: Kamp J et al. 2020',
    ]);
    expect(live().querySelector('button')).toBeNull();
    // A definition opened in the caption is outside the live region.
    const term = el.querySelector<HTMLButtonElement>('.caption-text button.term-button')!;
    const definition = definitionOf(term);
    expect(definition).toContain(glossaryEntry('effect-site').text.student);
    expect(live().textContent).not.toContain(definition);
    expect(el.querySelector('[aria-live] .term-panel')).toBeNull();
    // Emptied after a while, so that reading the page meets the caption once.
    vi.advanceTimersByTime(5000);
    flushSync();
    expect(live().textContent!.trim()).toBe('');
  });

  it('does not announce a caption while it is typed into a field', () => {
    const { set, live } = caption('Step one.');
    const field = document.createElement('textarea');
    document.body.append(field);
    field.focus();
    set('Step one, edited');
    expect(live().textContent!.trim()).toBe('');
    field.remove();
    set('Step two');
    expect(live().textContent).toContain('Step two');
  });
});
