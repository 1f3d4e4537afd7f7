/**
 * The colour scheme in use, live: the user's choice (the "Colours" switch, kept on the device),
 * the system's preference, lecture mode and printing, resolved by the rule of palette.ts. Started
 * once from main.ts before the app mounts; from then on `colours` (palette.ts) reads the active
 * scheme through a rune, so every chart redraws in the new colours when the scheme changes, and
 * the browser's bar (`<meta name="theme-color">`) takes the scheme's colour.
 *
 * The page's colours do not wait for this: the style sheet applies the system's scheme by
 * itself, and the choice reaches it as `<html data-scheme="light|dark">` (none: the system's).
 * The embed view has no switch, so it follows the system only: a choice saved by the full app
 * (the same origin shares storage) is not applied there, since nothing in the frame could undo it.
 */
import { flushSync } from 'svelte';
import {
  SCHEME_CHOICES,
  SCHEME_STORAGE_KEY,
  THEME_COLOUR,
  followScheme,
  resolveScheme,
  type SchemeChoice,
  type SchemeName,
} from './palette';

const isChoice = (v: unknown): v is SchemeChoice => SCHEME_CHOICES.includes(v as SchemeChoice);

/** The saved choice; the system's when there is none or storage is refused. */
function readChoice(): SchemeChoice {
  try {
    const saved = localStorage.getItem(SCHEME_STORAGE_KEY);
    return isChoice(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** Keeps the choice; a device that refuses storage keeps it for this page only. */
function writeChoice(choice: SchemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(SCHEME_STORAGE_KEY);
    else localStorage.setItem(SCHEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused (private mode, a full quota, a policy): the choice lasts until a reload.
  }
}

class Schemes {
  /** what the user chose */
  choice = $state<SchemeChoice>('system');
  #systemDark = $state(false);
  #lecture = $state(false);
  #print = $state(false);
  /** the scheme in use */
  readonly active: SchemeName = $derived(
    resolveScheme(this.choice, this.#systemDark, this.#lecture, this.#print),
  );
  #root: HTMLElement | null = null;

  /**
   * Applies the saved choice and follows the system, lecture mode and other tabs. With
   * `saved: false` (the embed view) the system's scheme is used and no choice is read.
   */
  start(root: HTMLElement = document.documentElement, { saved = true } = {}): void {
    if (this.#root) return;
    this.#root = root;
    this.#apply(saved ? readChoice() : 'system');
    const media = matchMedia('(prefers-color-scheme: dark)');
    this.#systemDark = media.matches;
    media.addEventListener('change', (e) => (this.#systemDark = e.matches));
    // Lecture mode is a class on the root element (App.svelte).
    const lecture = () => (this.#lecture = root.classList.contains('lecture'));
    lecture();
    new MutationObserver(lecture).observe(root, { attributes: true, attributeFilter: ['class'] });
    // Printing: the charts redraw light before the page is laid out for paper.
    const print = (on: boolean) => {
      this.#print = on;
      flushSync();
    };
    matchMedia('print').addEventListener('change', (e) => print(e.matches));
    addEventListener('beforeprint', () => print(true));
    addEventListener('afterprint', () => print(false));
    // A choice made in another tab.
    if (saved)
      addEventListener('storage', (e) => {
        if (e.key === SCHEME_STORAGE_KEY || e.key === null) this.#apply(readChoice());
      });
    followScheme(() => this.active);
    // The browser's bar: the build writes one colour per system scheme (vite.config.ts); the
    // scheme in use, the user's choice included, overrides both.
    const bars = root.ownerDocument.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]');
    $effect.root(() => {
      $effect(() => {
        const colour = THEME_COLOUR[this.active];
        for (const bar of bars) bar.content = colour;
      });
    });
  }

  /** The user's choice: applied now and kept. */
  choose(choice: SchemeChoice): void {
    this.#apply(choice);
    writeChoice(choice);
  }

  #apply(choice: SchemeChoice) {
    this.choice = choice;
    if (!this.#root) return;
    if (choice === 'system') delete this.#root.dataset.scheme;
    else this.#root.dataset.scheme = choice;
  }
}

/** The page's scheme (one per page). */
export const schemes = new Schemes();
