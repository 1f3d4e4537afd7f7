// The exported figure, built from a real concentration chart mounted in happy-dom.
import { describe, expect, it } from 'vitest';
import TimeChart from '../../src/charts/TimeChart.svelte';
import { LIGHT, SCENARIO_COLOURS, colours } from '../../src/charts/palette';
import { markerPath } from '../../src/charts/marks';
import { ivScenario, nasalScenario } from '../../src/registry';
import { DEFAULT_VIEW, type AppState } from '../../src/lib/appState';
import { REFERENCE_LABEL } from '../../src/lib/chartData.svelte';
import { buildFigure, figureInfoOf, staticChart, wrap, xml } from '../../src/lib/exportFigure';
import { TEACHING_NOTICE } from '../../src/lib/exportInfo';
import { chartBase, show } from './render';

const t = Float64Array.from({ length: 241 }, (_, i) => i);
const y = t.map((m) => (m <= 40 ? (250 * m) / 40 : 250 * Math.pow(0.5, (m - 40) / 120)));

function chart(): SVGSVGElement {
  const el = show(TimeChart, {
    ...chartBase,
    xMaxMin: 240,
    series: [{ key: 'a', label: 'IV', colour: colours.blue, dash: '', t, y }],
    reference: { lo: 100, hi: 250, label: REFERENCE_LABEL },
    markers: [{ key: 'm', label: 'Cmax 250', colour: colours.blue, tMin: 40, y: 250 }],
  });
  return el.querySelector('svg')!;
}

const state: AppState = {
  scenarios: [
    { name: 'IV 0.5 mg/kg <b>&</b>', scenario: ivScenario(0.5, 40) },
    { name: 'Nasal 84 mg', scenario: nasalScenario(3) },
  ],
  view: { ...DEFAULT_VIEW, active: 1, showMetabolite: true },
};
const link = `https://example.org/sim/#v=1&state=${'A'.repeat(900)}`;
const info = figureInfoOf(state, {
  metabolite: true,
  bandPatients: 1000,
  notice: TEACHING_NOTICE,
  date: '2026-03-04',
  link,
});

const parse = (text: string) =>
  new DOMParser().parseFromString(text.replace(/^<\?xml[^>]*>\s*/, ''), 'image/svg+xml');

describe('the chart as a static copy', () => {
  it('drops the live chart’s slider role, ARIA, tab stop, pointer surface and cursor', () => {
    const live = chart();
    expect(live.getAttribute('role')).toBe('slider');
    expect(live.querySelector('rect.surface')).not.toBeNull();
    const copy = staticChart(live);
    for (const el of [copy, ...copy.querySelectorAll('*')]) {
      for (const name of el.getAttributeNames())
        expect(name).not.toMatch(/^(role|tabindex|class|style|on.*|aria-.*)$/);
    }
    expect(copy.querySelector('rect[fill="transparent"]')).toBeNull();
    // The cursor was the only dashed vertical line; the curve, marker and axes are kept.
    expect(copy.querySelectorAll('line[stroke-dasharray]').length).toBe(
      live.querySelectorAll('line[stroke-dasharray]').length - 1,
    );
    expect(copy.querySelector('path[fill="none"]')!.getAttribute('d')).toBe(
      live.querySelector('path[fill="none"]')!.getAttribute('d'),
    );
    expect(copy.textContent).toContain('Cmax 250');
    // The chart on the page is untouched.
    expect(live.getAttribute('aria-valuenow')).toBe('40');
    expect(live.querySelector('rect.surface')).not.toBeNull();
  });
});

describe('the figure', () => {
  it('has the title, every scenario with its marker and colour, model and citation', () => {
    const fig = buildFigure(chart(), info, LIGHT);
    const doc = parse(fig.text);
    const texts = [...doc.querySelectorAll('text')].map((e) => e.textContent);
    expect(doc.querySelector('title')!.textContent).toBe(
      'Plasma and effect-site concentration (ng/mL)',
    );
    expect(texts[0]).toBe('Plasma and effect-site concentration (ng/mL)');
    expect(texts).toContain('IV 0.5 mg/kg <b>&</b>');
    expect(texts).toContain('Nasal 84 mg');
    const all = texts.join(' ');
    expect(all).toMatch(/Model: Herd 2007 at adult size; Herd DW et al\. 2007/);
    expect(all).toMatch(/Model: Perez-Ruixo 2021; Perez-Ruixo C et al\. 2021/);
    expect(all).toMatch(/IV 0\.5 mg\/kg over 40 min; 70 kg, 40 years/);
    // Each scenario's key: its colour on a line, and its marker shape.
    for (const [i, shape] of ['circle', 'square'].entries()) {
      const mark = doc.querySelector(`svg > path[d="${markerPath(shape as 'circle')}"]`)!;
      expect(mark.getAttribute('stroke')).toBe(SCENARIO_COLOURS[i]);
    }
    // The line styles and shaded areas that the chart shows.
    expect(all).toMatch(/solid: plasma, parent drug/);
    expect(all).toMatch(/long dashes: plasma, metabolite/);
    expect(all).toMatch(/short dashes: effect site/);
    expect(all).toContain(REFERENCE_LABEL);
    expect(all).toMatch(/Nasal 84 mg: 5-95 % and 25-75 % of 1000 virtual patients/);
  });

  it('carries the teaching notice, the date and the whole link', () => {
    const fig = buildFigure(chart(), info, LIGHT);
    const doc = parse(fig.text);
    const words = [...doc.querySelectorAll('text')].map((e) => e.textContent).join(' ');
    expect(words.replace(/\s+/g, ' ')).toContain(TEACHING_NOTICE);
    expect(words).toMatch(/Made 2026-03-04\./);
    const a = doc.querySelector('a')!;
    expect(a.getAttribute('href')).toBe(link);
    // The link is cut into lines that fit, and put back together it is the link.
    const pieces = [...a.querySelectorAll('text')].map((e) => e.textContent);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(link);
  });

  it('has no interaction of the live chart, and embeds the chart at its size', () => {
    const live = chart();
    const fig = buildFigure(live, info, LIGHT);
    expect(fig.text).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(fig.text).not.toMatch(/role=|aria-|tabindex|onpointer|class=/);
    const doc = parse(fig.text);
    const nested = doc.querySelector('svg > svg')!;
    expect(nested.getAttribute('width')).toBe('640');
    expect(nested.getAttribute('height')).toBe('320');
    expect(fig.width).toBe(640);
    expect(fig.height).toBeGreaterThan(320 + 150);
    expect(doc.documentElement.getAttribute('height')).toBe(String(fig.height));
    expect(doc.querySelector('rect')!.getAttribute('fill')).toBe(LIGHT.paper);
  });

  it('centres a narrow (phone) chart in a frame wide enough for its words', () => {
    const live = chart();
    live.setAttribute('width', '330');
    const fig = buildFigure(live, info, LIGHT);
    expect(fig.width).toBe(480);
    expect(parse(fig.text).querySelector('svg > svg')!.getAttribute('x')).toBe('75');
  });

  it('refuses a chart that has no size', () => {
    const live = chart();
    live.removeAttribute('width');
    expect(() => buildFigure(live, info, LIGHT)).toThrow(/no size/);
  });

  it('leaves out the line styles and band that the view hides', () => {
    const hidden = figureInfoOf(
      { ...state, view: { ...state.view, showMetabolite: false, showEffectSite: false } },
      { metabolite: true, bandPatients: null, notice: 'n', date: 'd', link: 'l' },
    );
    expect(hidden.lineStyles.map((l) => l.label)).toEqual(['solid: plasma, parent drug']);
    expect(hidden.areas.map((a) => a.label)).toEqual([REFERENCE_LABEL]);
  });
});

describe('text helpers', () => {
  it('wraps at spaces and cuts a word longer than a line', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghijkl xy', 5)).toEqual(['abcde', 'fghij', 'kl xy']);
  });
  it('escapes markup', () => {
    expect(xml(`<a href="x">&'`)).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
  });
});
