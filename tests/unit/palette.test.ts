import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LIGHT,
  PROJECTOR,
  SCENARIO_COLOURS,
  SCHEMES,
  cssName,
  paletteCss,
} from '../../src/charts/palette';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(svelte|ts|css|html)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Colour literals: #rgb, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl(), hsla(). */
const COLOUR = /#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3}(?:[0-9a-fA-F]{2})?)?\b|\b(?:rgba?|hsla?)\(/g;

/** Lines of a file that are not comments (a rough cut: a colour named in a comment is fine). */
const codeOf = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\/.*$/gm, '');

type Matrix = readonly [readonly number[], readonly number[], readonly number[]];
/** Full dichromacy in linear sRGB (Machado, Oliveira & Fernandes 2009, severity 1.0). */
const DICHROMACY: Record<'protan' | 'deutan' | 'tritan', Matrix> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const IDENTITY: Matrix = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

/** A #rrggbb colour as seen with a deficiency, in CIELAB (D65). */
function seenWith(m: Matrix, hex: string): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = m.map((row) =>
    Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!)),
  ) as [number, number, number];
  // linear sRGB to XYZ, relative to the D65 white
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const distance = (p: number[], q: number[]) => Math.hypot(...p.map((v, i) => v - q[i]!));

describe('the palette', () => {
  it('is the only place in src/ (and index.html) that writes a colour', () => {
    const files = [...sources(join(root, 'src')), join(root, 'index.html')];
    const found: string[] = [];
    for (const file of files) {
      const rel = relative(root, file).split(sep).join('/');
      if (rel === 'src/charts/palette.ts') continue;
      const hits = codeOf(readFileSync(file, 'utf8')).match(COLOUR);
      if (hits) found.push(`${rel}: ${hits.join(' ')}`);
    }
    expect(found).toEqual([]);
    // The search itself finds what it should (so an empty result means something).
    expect('fill="#0072B2" a rgb(0 0 0) b #fff;'.match(COLOUR)).toHaveLength(3);
  });

  it('gives every role a CSS variable, and lecture mode only overrides known roles', () => {
    const css = paletteCss();
    for (const [role, value] of Object.entries(LIGHT))
      expect(css).toContain(`${cssName(role)}: ${value};`);
    for (const role of Object.keys(PROJECTOR)) expect(Object.keys(LIGHT)).toContain(role);
    expect(cssName('inkSoft')).toBe('--ink-soft');
  });

  // System colours (CanvasText, Highlight…) are keywords, not literals, so the search above lets
  // them through; they belong to forced colours (Windows High Contrast), where the system sets
  // every colour, and nowhere else: elsewhere they would ignore the schemes.
  it('uses system colours only under forced colours', () => {
    const SYSTEM =
      /:[^;{}]*\b(?:AccentColor|AccentColorText|ActiveText|ButtonBorder|ButtonFace|ButtonText|Canvas|CanvasText|Field|FieldText|GrayText|Highlight|HighlightText|LinkText|Mark|MarkText|SelectedItem|SelectedItemText|VisitedText)\b/;
    /** the text of a style sheet without its @media (forced-colors: active) blocks */
    const outsideForced = (css: string) => {
      let out = '';
      let i = 0;
      for (const m of css.matchAll(/@media\s*\(\s*forced-colors\s*:\s*active\s*\)\s*\{/g)) {
        if (m.index < i) continue;
        out += css.slice(i, m.index);
        let depth = 1;
        let j = m.index + m[0].length;
        for (; j < css.length && depth > 0; j++)
          depth += css[j] === '{' ? 1 : css[j] === '}' ? -1 : 0;
        i = j;
      }
      return out + css.slice(i);
    };
    const found: string[] = [];
    let forcedRules = 0;
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      const css = file.endsWith('.css')
        ? text
        : file.endsWith('.svelte')
          ? [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n')
          : '';
      const sheet = codeOf(css);
      forcedRules += sheet.split(/@media\s*\(\s*forced-colors/).length - 1;
      const hit = outsideForced(sheet).match(SYSTEM);
      if (hit) found.push(`${relative(root, file)}: ${hit[0].trim()}`);
    }
    expect(found).toEqual([]);
    // The search sees the forced-colours rules (so an empty result means something).
    expect(forcedRules).toBeGreaterThan(0);
    expect(
      outsideForced('a { color: red } @media (forced-colors: active) { b { c: Canvas } } d {}'),
    ).toBe('a { color: red }  d {}');
  });

  it('has four distinct scenario colours', () => {
    expect(new Set(SCENARIO_COLOURS.map((c) => c.toLowerCase())).size).toBe(4);
  });

  // Colour-vision deficiency: the scenario colours of every scheme, as seen with each full
  // dichromacy (the severity 1.0 matrices of Machado, Oliveira & Fernandes 2009, IEEE TVCG 15(6),
  // applied to linear sRGB), stay apart by a CIELAB distance (CIE76) of at least 15, well above the
  // 2.3 of a just-noticeable difference; with normal vision they are 50 or more apart.
  it('keeps the scenario colours apart for protan, deutan and tritan vision, in every scheme', () => {
    const close: string[] = [];
    for (const [name, s] of Object.entries(SCHEMES)) {
      const scenario = { blue: s.blue, vermillion: s.vermillion, green: s.green, purple: s.purple };
      const entries = Object.entries(scenario);
      for (const [vision, m] of Object.entries(DICHROMACY))
        entries.forEach(([a, ca], i) => {
          for (const [b, cb] of entries.slice(i + 1)) {
            const d = distance(seenWith(m, ca), seenWith(m, cb));
            if (d < 15) close.push(`${name} ${vision}: ${a}/${b} ${d.toFixed(1)}`);
          }
        });
    }
    expect(close).toEqual([]);
    // The measure tells a known confusion of red and green apart from distinct colours.
    const [red, green] = ['#d62728', '#2ca02c'];
    expect(distance(seenWith(IDENTITY, red), seenWith(IDENTITY, green))).toBeGreaterThan(100);
    expect(
      distance(seenWith(DICHROMACY.deutan, red), seenWith(DICHROMACY.deutan, green)),
    ).toBeLessThan(15);
    expect(distance(seenWith(IDENTITY, '#ffffff'), seenWith(IDENTITY, '#000000'))).toBeCloseTo(
      100,
      1,
    );
  });

  it('styles only with variables it defines', () => {
    const defined = new Set(
      [
        ...paletteCss().matchAll(/(--[a-z-]+):/g),
        ...readFileSync(join(root, 'src/app.css'), 'utf8').matchAll(/(--[a-z-]+):/g),
      ].map((m) => m[1]),
    );
    const used = new Set<string>();
    for (const file of sources(join(root, 'src')))
      for (const m of readFileSync(file, 'utf8').matchAll(/var\((--[a-z-]+)/g)) used.add(m[1]!);
    // Variables that components set themselves (style:--x) are defined where they are used.
    const local = new Set<string>();
    for (const file of sources(join(root, 'src')))
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:style:|\s)(--[a-z-]+)[:=]/g))
        local.add(m[1]!);
    const missing = [...used].filter((v) => !defined.has(v) && !local.has(v));
    expect(missing).toEqual([]);
  });
});
