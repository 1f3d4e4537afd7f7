/**
 * Every colour of the app, by role. Nothing else in src/ may write a colour literal (a unit test,
 * tests/unit/palette.test.ts, searches the sources for them).
 *
 * - Charts use the values directly (`colours.ink`), as SVG attributes, so that an exported SVG
 *   looks like the chart on screen.
 * - Style sheets use them as CSS custom properties (`var(--ink)`): the build turns each scheme
 *   into a block of variables (`virtual:palette.css`, see vite.config.ts), so the page is styled
 *   before any script runs.
 *
 * The data colours are the Okabe-Ito set (Okabe & Ito 2008, "Color Universal Design"), which stay
 * distinct for the common colour-vision deficiencies; every line also has its own dash pattern or
 * marker, so colour is never the only cue. A scheme is a full set of roles, so a dark scheme is one
 * more object of the same shape; forced-colours mode maps roles to system colours.
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

/** Lecture mode on a projector: black text on white, for contrast in a lit hall. */
export const PROJECTOR: Partial<Scheme> = {
  ink: '#000000',
  inkSoft: '#1f1f1f',
  page: '#ffffff',
};

/** The colours in use. (One scheme today; a dark scheme will be chosen here.) */
export const colours: Readonly<Scheme> = LIGHT;

/** The colour of scenario i (0-3) on every chart, tab and legend. */
export const SCENARIO_COLOURS = [LIGHT.blue, LIGHT.vermillion, LIGHT.green, LIGHT.purple] as const;

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

/** The style sheet of the schemes: the light scheme on :root, the projector scheme in lecture mode. */
export function paletteCss(): string {
  return [
    `:root {\n${cssDeclarations(LIGHT)}\n}`,
    `html.lecture {\n${cssDeclarations(PROJECTOR)}\n}`,
  ].join('\n\n');
}
