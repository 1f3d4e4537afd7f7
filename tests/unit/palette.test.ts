import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIGHT, PROJECTOR, SCENARIO_COLOURS, cssName, paletteCss } from '../../src/charts/palette';

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

  it('has four distinct scenario colours', () => {
    expect(new Set(SCENARIO_COLOURS.map((c) => c.toLowerCase())).size).toBe(4);
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
