/**
 * The colour schemes of src/charts/palette.ts: each defines every role, reaches WCAG 2.x contrast
 * (4.5:1 for text, 3:1 for the marks of data and other non-text parts) on the backgrounds it is
 * drawn on, and the style sheet applies them by the same rule as the script.
 */
import { describe, expect, it } from 'vitest';
import {
  DARK,
  LIGHT,
  SCENARIO_COLOURS,
  SCHEMES,
  colours,
  followScheme,
  SCHEME_CHOICES,
  THEME_COLOUR,
  paletteCss,
  resolveScheme,
  type Scheme,
} from '../../src/charts/palette';

/** The relative luminance of an sRGB colour written #rrggbb (WCAG 2.x). */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

type Role = keyof Scheme;
/** WCAG 2.x minimum contrast: text (1.4.3) and the marks of data and controls (1.4.11) */
const TEXT = 4.5;
const MARK = 3;
/** [foreground, background, minimum ratio, where the pair is seen] */
const PAIRS: [Role, Role, number, string][] = [
  ['ink', 'paper', TEXT, 'text on cards'],
  ['ink', 'page', TEXT, 'text on the page'],
  ['ink', 'surface', TEXT, 'text in inset panels'],
  ['ink', 'tint', TEXT, 'text of a selected tab or a notice'],
  ['ink', 'tintStrong', TEXT, 'a session day in the calendar'],
  ['ink', 'warnBg', TEXT, 'the teaching notice'],
  ['ink', 'errorBg', TEXT, 'an error notice'],
  ['inkSoft', 'paper', TEXT, 'secondary text, axis labels'],
  ['inkSoft', 'page', TEXT, 'the tagline'],
  ['inkSoft', 'surface', TEXT, 'secondary text in inset panels'],
  ['inkSoft', 'tint', TEXT, 'secondary text in a notice'],
  ['accent', 'paper', TEXT, 'headings, buttons'],
  ['accent', 'page', TEXT, 'headings on the page'],
  ['accent', 'surface', TEXT, 'headings in inset panels'],
  ['accent', 'tint', TEXT, 'headings in a notice'],
  ['paper', 'accent', TEXT, 'the chosen mode, primary buttons'],
  ['paper', 'ink', TEXT, 'a pressed ink button'],
  ['paper', 'bar', TEXT, 'the "runs on" text on a timeline bar'],
  ['focus', 'paper', TEXT, 'links'],
  ['focus', 'page', TEXT, 'links on the page'],
  ['focus', 'surface', TEXT, 'links in inset panels'],
  ['warnInk', 'warnBg', TEXT, 'warning text'],
  ['warnInk', 'paper', TEXT, 'a range label on a timeline'],
  ['warnInk', 'reference', TEXT, 'the reference range label on a chart'],
  ['error', 'errorBg', TEXT, 'error text'],
  ['error', 'paper', TEXT, 'an error message on a card'],
  ['success', 'paper', TEXT, 'a correct answer'],
  ['blueInk', 'paper', TEXT, 'text in the first data colour'],
  ['greenInk', 'paper', TEXT, 'text in the third data colour'],
  ['purpleInk', 'paper', TEXT, 'text in the fourth data colour'],
  ['blue', 'paper', MARK, 'scenario 1 line'],
  ['vermillion', 'paper', MARK, 'scenario 2 line'],
  ['green', 'paper', MARK, 'scenario 3 line'],
  ['purple', 'paper', MARK, 'scenario 4 line'],
  ['bar', 'paper', MARK, 'timeline bars'],
  // (the focus ring and button borders are focus and accent, held to 4.5:1 above as text)
  ['warnBorder', 'warnBg', MARK, 'the border of a warning'],
];

const names = Object.keys(SCHEMES) as (keyof typeof SCHEMES)[];

describe('every colour scheme', () => {
  it('has a light, a dark and a projector scheme', () => {
    expect(names.sort()).toEqual(['dark', 'light', 'projector']);
  });

  it.each(names)('%s defines every role with a colour', (name) => {
    const scheme = SCHEMES[name];
    expect(Object.keys(scheme).sort()).toEqual(Object.keys(LIGHT).sort());
    for (const [role, value] of Object.entries(scheme))
      expect(value, role).toMatch(/^#[0-9a-f]{6}$|^rgb\(\d+ \d+ \d+ \/ \d+%\)$/i);
  });

  it.each(names)('%s: text reaches 4.5:1 and other marks 3:1 on their background', (name) => {
    const s = SCHEMES[name];
    const low = PAIRS.map(([fg, bg, min, where]) => ({
      fg,
      bg,
      min,
      where,
      ratio: contrast(s[fg], s[bg]),
    })).filter((c) => c.ratio < c.min);
    expect(low).toEqual([]);
  });

  it('has four distinct scenario colours in each scheme', () => {
    for (const s of Object.values(SCHEMES))
      expect(
        new Set([s.blue, s.vermillion, s.green, s.purple].map((c) => c.toLowerCase())).size,
      ).toBe(4);
  });

  it('is dark where it should be: the dark paper and page dark, its text light', () => {
    expect(luminance(DARK.paper)).toBeLessThan(0.05);
    expect(luminance(DARK.page)).toBeLessThan(0.05);
    expect(luminance(DARK.ink)).toBeGreaterThan(0.7);
    // The projector's text is black on white.
    expect(contrast(SCHEMES.projector.ink, SCHEMES.projector.paper)).toBe(21);
  });

  it('draws the data in the same colours in every scheme', () => {
    // Charts that keep a data colour in a constant (the mechanistic timeline, the exercise chart)
    // are right in every scheme only while this holds.
    for (const s of Object.values(SCHEMES))
      for (const role of ['blue', 'vermillion', 'green', 'purple'] as const)
        expect(s[role], role).toBe(LIGHT[role]);
  });

  it('gives the projector stronger borders, rules and muted text than the light scheme', () => {
    const p = SCHEMES.projector;
    for (const role of ['border', 'ruleStrong', 'inkMuted', 'tintBorder'] as const) {
      expect(contrast(p[role], p.paper), role).toBeGreaterThanOrEqual(MARK);
      expect(contrast(p[role], p.paper), role).toBeGreaterThan(contrast(LIGHT[role], LIGHT.paper));
    }
    for (const role of ['grid', 'rule'] as const)
      expect(contrast(p[role], p.paper), role).toBeGreaterThan(contrast(LIGHT[role], LIGHT.paper));
  });

  it("colours the browser's bar with a colour of each scheme, dark for the dark one", () => {
    for (const name of names) expect(Object.values(SCHEMES[name])).toContain(THEME_COLOUR[name]);
    expect(luminance(THEME_COLOUR.dark)).toBeLessThan(0.05);
    // light text (the browser's own) reads on the light scheme's bar
    expect(contrast(THEME_COLOUR.light, '#ffffff')).toBeGreaterThanOrEqual(TEXT);
  });

  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBe(21);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(luminance('#ffffff')).toBe(1);
  });
});

describe('the choice of scheme', () => {
  it('follows the system unless the user chose, and lecture mode wins', () => {
    expect(resolveScheme('system', false, false)).toBe('light');
    expect(resolveScheme('system', true, false)).toBe('dark');
    expect(resolveScheme('light', true, false)).toBe('light');
    expect(resolveScheme('dark', false, false)).toBe('dark');
    for (const choice of SCHEME_CHOICES)
      for (const dark of [false, true]) {
        expect(resolveScheme(choice, dark, true)).toBe('projector');
        expect(resolveScheme(choice, dark, true, true)).toBe('projector');
        // Paper is printed light.
        expect(resolveScheme(choice, dark, false, true)).toBe('light');
      }
  });

  it('is applied by the style sheet in the same order', () => {
    const css = paletteCss();
    const at = (s: string) => {
      const i = css.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const light = at(':root {');
    const system = at(
      "@media screen and (prefers-color-scheme: dark) {\n  :root:not([data-scheme='light']) {",
    );
    const chosen = at("@media screen {\n  :root[data-scheme='dark'] {");
    const lecture = at(':root.lecture {');
    // Later rules of equal specificity win: the dark rules over light, lecture over both.
    expect(light).toBeLessThan(system);
    expect(system).toBeLessThan(chosen);
    expect(chosen).toBeLessThan(lecture);
    // Each block sets every role, and the browser's own parts follow.
    const blocks = css.split(/\n\n/);
    expect(blocks).toHaveLength(4);
    for (const block of blocks) {
      expect(block).toMatch(/color-scheme: (light|dark);/);
      expect(block.match(/ --[a-z-]+: /g)).toHaveLength(Object.keys(LIGHT).length);
    }
    expect(blocks[1]).toContain(`--paper: ${DARK.paper};`);
    expect(blocks[3]).toContain(`--ink: ${SCHEMES.projector.ink};`);
  });
});

describe('colours, the values charts draw with', () => {
  it('are the light scheme until a source of the scheme is given, then follow it', () => {
    expect({ ...colours }).toEqual(LIGHT);
    expect([...SCENARIO_COLOURS]).toEqual([
      LIGHT.blue,
      LIGHT.vermillion,
      LIGHT.green,
      LIGHT.purple,
    ]);
    let name: 'light' | 'dark' | 'projector' = 'dark';
    followScheme(() => name);
    try {
      expect(colours.paper).toBe(DARK.paper);
      expect({ ...colours }).toEqual(DARK);
      expect(SCENARIO_COLOURS[0]).toBe(DARK.blue);
      name = 'projector';
      expect(colours.ink).toBe(SCHEMES.projector.ink);
    } finally {
      followScheme(() => 'light');
    }
    expect(colours.paper).toBe(LIGHT.paper);
  });
});
