import { describe, expect, it } from 'vitest';
import { fullAppHref, hrefForMode, parseRoute, withModeParams } from './modes';

/** Checks that `href` is `prefix` and a query whose parameters have these values (null: absent). */
function expectParams(href: string, prefix: string, values: Record<string, string | null>) {
  expect(href.startsWith(prefix)).toBe(true);
  const p = new URLSearchParams(href.slice(prefix.length));
  for (const [name, value] of Object.entries(values)) expect(p.get(name), name).toBe(value);
}

describe('routes', () => {
  it('defaults to the simulator', () => {
    expect(parseRoute('')).toEqual({ mode: 'simulator', embed: false, message: null });
    expect(parseRoute('?v=1&state=abc').mode).toBe('simulator');
  });
  it('reads each mode and the embed flag', () => {
    expect(parseRoute('?mode=lecture').mode).toBe('lecture');
    // Lecture mode's former name, in links made before the rename.
    expect(parseRoute('?mode=presenter')).toEqual({ mode: 'lecture', embed: false, message: null });
    expect(parseRoute('?mode=patient').mode).toBe('patient');
    expect(parseRoute('?mode=exercises').mode).toBe('exercises');
    expect(parseRoute('?embed=1').embed).toBe(true);
    expect(parseRoute('?embed=true').embed).toBe(false);
  });
  it('explains an unknown mode and falls back to the simulator', () => {
    const r = parseRoute('?mode=<script>');
    expect(r.mode).toBe('simulator');
    expect(r.message).toMatch(/does not have/);
  });
  it('an unknown mode named like an Object property is still unknown', () => {
    expect(parseRoute('?mode=constructor').mode).toBe('simulator');
  });
  it('keeps state and drops the other mode parameters when switching mode', () => {
    expectParams(hrefForMode('patient', '?v=1&state=xyz&mode=presenter&seq=abc&step=2'), '#', {
      mode: 'patient',
      state: 'xyz',
      seq: null,
    });
    expect(
      new URLSearchParams(hrefForMode('simulator', '#mode=patient&v=1').slice(1)).get('mode'),
    ).toBeNull();
  });
  it('a state rewrite keeps the mode parameters', () => {
    expectParams(withModeParams('?v=1&state=new', 'v=1&state=old&mode=exercises&embed=1'), '#', {
      state: 'new',
      mode: 'exercises',
      embed: '1',
    });
  });
});

describe('the embedded view', () => {
  it('links to the full app with the same state', () => {
    expectParams(fullAppHref('?embed=1&v=1&state=abc'), './#', { embed: null, state: 'abc' });
    expect(fullAppHref('?embed=1')).toBe('./');
  });
  it('is the page embed.html, so a server can let course pages frame it and nothing else', () => {
    expect(parseRoute('', '/app/embed.html').embed).toBe(true);
    expect(parseRoute('#v=1', '/embed.html').embed).toBe(true);
    expect(parseRoute('', '/app/').embed).toBe(false);
    expect(parseRoute('', '/app/notembed.html').embed).toBe(false);
    expect(parseRoute('', '/app/embed').embed).toBe(true);
  });
});
