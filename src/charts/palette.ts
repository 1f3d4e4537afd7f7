/**
 * Every colour of the app, by role. Nothing else in src/ may write a colour literal (a unit test,
 * tests/unit/palette.test.ts, searches the sources for them).
 *
 * - Charts use the values directly (`colours.ink`), as SVG attributes, so that an exported SVG
 *   looks like the chart on screen. `colours` reads the active scheme: once palette.svelte.ts has
 *   started (main.ts), a read in a template or a `$derived` is reactive, so the charts redraw when
 *   the scheme changes; without it (tests, the build) it is the light scheme.
 * - Style sheets use them as CSS custom properties (`var(--ink)`): the build turns each scheme
 *   into a block of variables (`virtual:palette.css`, see vite.config.ts), so the page is styled
 *   before any script runs.
 *
 * Schemes: LIGHT by default, DARK when the system prefers it (`prefers-color-scheme`) or the user
 * chose it (`<html data-scheme="dark">`, set from the "Colours" switch), and PROJECTOR, light and
 * black on white, which wins in lecture mode whatever the system says: a projector in a lit hall
 * washes out a dark slide. Forced colours (Windows High Contrast) replace the page's colours with
 * the system's; where colour carries meaning (scenario swatches, timeline bars) the components opt
 * out with `forced-color-adjust: none`, and current items are marked with system colours.
 *
 * The data colours are the Okabe-Ito set (Okabe & Ito 2008, "Color Universal Design"), which stay
 * distinct for the common colour-vision deficiencies; every line also has its own dash pattern or
 * marker, so colour is never the only cue. They are the same in every scheme: on the dark paper
 * each keeps 3:1 or more, and lightening them would bring blue and bluish green to one lightness,
 * which is what tells them apart with deuteranopia. Only their text versions (*Ink) change.
 * tests/unit/schemes.test.ts checks the contrast of every scheme.
 */

export interface Scheme {
  /** text */
  ink: string;
  /** secondary text, axis labels and tick marks */
  inkSoft: string;
  /** disabled controls, inactive marks */
  inkMuted: string;
  /** cards, chart backgrounds */
  paper: string;
  /** the page behind the cards */
  page: string;
  /** inset panels */
  surface: string;
  /** headings, buttons, the chosen mode */
  accent: string;
  /** the keyboard focus ring and links */
  focus: string;
  /** table and card borders */
  border: string;
  /** light rules between rows */
  rule: string;
  /** chart grid lines */
  grid: string;
  /** heavier rules: the base line of the timeline strips, disabled borders */
  ruleStrong: string;
  /** a light tint of the accent: selected tabs, notices */
  tint: string;
  /** a stronger tint: session days in a calendar */
  tintStrong: string;
  /** the border of a tinted notice */
  tintBorder: string;
  /** bars of the timeline strips and calendar dots */
  bar: string;
  /** neutral shapes in the mechanism diagram */
  neutral: string;
  /** a warning: background, border, text */
  warnBg: string;
  warnBorder: string;
  warnInk: string;
  /** an error: background and text/border */
  errorBg: string;
  error: string;
  /** a correct answer */
  success: string;
  /** the reference (dissociation-linked) range on charts: fill, and the stronger bar */
  reference: string;
  referenceStrong: string;
  /** card shadows and the dimmed page behind a dialog */
  shadow: string;
  scrim: string;
  /** data colours (Okabe-Ito): scenario 1 to 4, and for other series */
  blue: string;
  vermillion: string;
  green: string;
  purple: string;
  /** the same hues dark enough for text on paper (contrast 4.5:1 or more) */
  blueInk: string;
  greenInk: string;
  purpleInk: string;
}

export const LIGHT: Scheme = {
  ink: '#14213d',
  inkSoft: '#3d4a63',
  inkMuted: '#6b7585',
  paper: '#ffffff',
  page: '#f3f5f8',
  surface: '#f6f8fb',
  accent: '#12355b',
  focus: '#0a58ca',
  border: '#c8d0dc',
  rule: '#dde3ea',
  grid: '#e3e8ef',
  ruleStrong: '#9aa4b2',
  tint: '#eef3f9',
  tintStrong: '#dbe9f6',
  tintBorder: '#b8c7da',
  bar: '#1f5f99',
  neutral: '#9fb3c8',
  warnBg: '#fff4d6',
  warnBorder: '#9a6700',
  warnInk: '#5c4300',
  errorBg: '#fde8e8',
  error: '#a00000',
  success: '#1b5e20',
  reference: '#f2e6c9',
  referenceStrong: '#e0c27a',
  shadow: 'rgb(20 33 61 / 12%)',
  scrim: 'rgb(0 0 0 / 45%)',
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  blueInk: '#005a8c',
  greenInk: '#006b4f',
  purpleInk: '#8c3f6f',
};

/** The dark scheme: light text on a dark blue-grey, the same roles as LIGHT. */
export const DARK: Scheme = {
  ink: '#e6ebf2',
  inkSoft: '#b3bfce',
  inkMuted: '#7f8b9b',
  paper: '#161c25',
  page: '#0e131a',
  surface: '#1c2430',
  accent: '#9ec5f0',
  focus: '#7fb4ff',
  border: '#3a4656',
  rule: '#2a3441',
  grid: '#253040',
  ruleStrong: '#5a6778',
  tint: '#1f2b3b',
  tintStrong: '#274060',
  tintBorder: '#3f5575',
  bar: '#4a90d9',
  neutral: '#5d7189',
  warnBg: '#33290d',
  warnBorder: '#d4a72c',
  warnInk: '#f5d27a',
  errorBg: '#3b1717',
  error: '#ff9b9b',
  success: '#7ed492',
  reference: '#3a3220',
  referenceStrong: '#a88a3c',
  shadow: 'rgb(0 0 0 / 40%)',
  scrim: 'rgb(0 0 0 / 60%)',
  blue: LIGHT.blue,
  vermillion: LIGHT.vermillion,
  green: LIGHT.green,
  purple: LIGHT.purple,
  blueInk: '#6cb8ee',
  greenInk: '#4fd1a5',
  purpleInk: '#e6a3cb',
};

/**
 * Lecture mode on a projector: black text on white, for contrast in a lit hall. A projected image
 * loses its darks to the room's light, so the faint greys and tints of LIGHT (grid, rules, borders,
 * the selected tint) are made stronger; the rest is LIGHT (the reference range keeps its pale fill,
 * which the curves cross).
 */
export const PROJECTOR: Scheme = {
  ...LIGHT,
  ink: '#000000',
  inkSoft: '#1f1f1f',
  inkMuted: '#4a4a4a',
  page: '#ffffff',
  border: '#767676',
  rule: '#a0a0a0',
  grid: '#c4c4c4',
  ruleStrong: '#595959',
  tint: '#e0eaf5',
  tintStrong: '#c6daef',
  tintBorder: '#767676',
};

export type SchemeName = 'light' | 'dark' | 'projector';
export const SCHEMES: Readonly<Record<SchemeName, Scheme>> = {
  light: LIGHT,
  dark: DARK,
  projector: PROJECTOR,
};
/** Which colour-scheme the browser should use for its own parts (form controls, scroll bars). */
const COLOR_SCHEME: Readonly<Record<SchemeName, string>> = {
  light: 'light',
  dark: 'dark',
  projector: 'light',
};

/**
 * The colour of the browser's own bar around the page (`<meta name="theme-color">`, written by the
 * build and kept up to date by palette.svelte.ts): the light scheme's accent, as in the web app
 * manifest (vite.config.ts), and the dark scheme's page.
 */
export const THEME_COLOUR: Readonly<Record<SchemeName, string>> = {
  light: LIGHT.accent,
  dark: DARK.page,
  projector: PROJECTOR.accent,
};

/** What the user chose in the "Colours" switch: a scheme, or the system's. */
export type SchemeChoice = 'light' | 'dark' | 'system';
export const SCHEME_CHOICES: readonly SchemeChoice[] = ['light', 'dark', 'system'];
/** Where the choice is kept (localStorage). */
export const SCHEME_STORAGE_KEY = 'ketamine-sim:scheme';

/** The scheme in use: the same rule as paletteCss() below, in script. Paper is printed light. */
export function resolveScheme(
  choice: SchemeChoice,
  systemDark: boolean,
  lecture: boolean,
  print = false,
): SchemeName {
  if (lecture) return 'projector';
  if (print) return 'light';
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

const ROLES = Object.keys(LIGHT) as (keyof Scheme)[];
let activeScheme: () => SchemeName = () => 'light';

/**
 * Makes `colours` read the scheme in use from `source` (palette.svelte.ts passes a rune, so a
 * read of a colour in a template or a `$derived` redraws when the scheme changes).
 */
export function followScheme(source: () => SchemeName): void {
  activeScheme = source;
}

/** The colours in use: each role read from the active scheme. */
export const colours: Readonly<Scheme> = Object.defineProperties(
  {} as Scheme,
  Object.fromEntries(
    ROLES.map((role) => [role, { enumerable: true, get: () => SCHEMES[activeScheme()][role] }]),
  ),
);

/** The colour of scenario i (0-3) on every chart, tab and legend (of the active scheme). */
export const SCENARIO_COLOURS = Object.freeze(
  (['blue', 'vermillion', 'green', 'purple'] as const).reduce<string[]>(
    (list, role, i) =>
      Object.defineProperty(list, i, { enumerable: true, get: () => colours[role] }),
    [],
  ),
) as unknown as readonly [string, string, string, string];

/** "inkSoft" -> "--ink-soft" */
export function cssName(role: string): string {
  return '--' + role.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** A scheme as CSS custom-property declarations, one per line. */
export function cssDeclarations(scheme: Partial<Scheme>): string {
  return Object.entries(scheme)
    .map(([role, value]) => `  ${cssName(role)}: ${value};`)
    .join('\n');
}

/** A scheme's block of declarations: its colour-scheme and a variable per role. */
const block = (selector: string, name: SchemeName, indent = '') =>
  `${indent}${selector} {\n${indent}  color-scheme: ${COLOR_SCHEME[name]};\n` +
  cssDeclarations(SCHEMES[name]).replace(/^/gm, indent) +
  `\n${indent}}`;

/**
 * The style sheet of the schemes: light on :root; on screen, dark when the system prefers it
 * unless the user chose light, or when the user chose dark (`<html data-scheme>`); the projector
 * scheme in lecture mode, over both (the same specificity as the dark rules, and later). Printed,
 * the page is light (light text would not show on paper).
 */
export function paletteCss(): string {
  return [
    block(':root', 'light'),
    `@media screen and (prefers-color-scheme: dark) {\n${block(":root:not([data-scheme='light'])", 'dark', '  ')}\n}`,
    `@media screen {\n${block(":root[data-scheme='dark']", 'dark', '  ')}\n}`,
    block(':root.lecture', 'projector'),
  ].join('\n\n');
}
