import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import TimeChart, { type ChartSeries } from '../../src/charts/TimeChart.svelte';
import PredictionChart from '../../src/modes/exercises/PredictionChart.svelte';
import Line from '../../src/charts/Line.svelte';
import { emptyDraft, gridTimes, type Draft } from '../../src/modes/exercises/exercises';
import { colours } from '../../src/charts/palette';
import SessionStrip from '../../src/charts/SessionStrip.svelte';
import { chartBase, normalise, pointer, show } from './render';

/** The chart's SVG as snapshot text. */
const svgOf = (el: HTMLElement) => normalise(el.querySelector('svg')!.outerHTML);

/** A curve that rises to a peak at 40 min and falls with a 2 h half-life, on a 1-min grid. */
function curve(endMin: number, peak = 250): { t: Float64Array; y: Float64Array } {
  const t = Float64Array.from({ length: endMin + 1 }, (_, i) => i);
  const y = t.map((m) => (m <= 40 ? (peak * m) / 40 : peak * Math.pow(0.5, (m - 40) / 120)));
  return { t, y };
}

function series(endMin: number, extra: Partial<ChartSeries> = {}): ChartSeries {
  return { key: 'a', label: 'IV', colour: colours.blue, dash: '', ...curve(endMin), ...extra };
}

const base = chartBase;

describe('the concentration chart (TimeChart), built from the chart layers', () => {
  it('draws lines, a band, the reference range, a marker and the cursor (snapshot)', async () => {
    const { t, y } = curve(240);
    const el = show(TimeChart, {
      ...base,
      xMaxMin: 240,
      series: [series(240), series(240, { key: 'e', label: 'effect site', dash: '2 3' })],
      band: {
        label: 'band',
        colour: colours.blue,
        t,
        outer: [y.map((v) => v * 0.6), y.map((v) => v * 1.5)],
        inner: [y.map((v) => v * 0.8), y.map((v) => v * 1.2)],
      },
      reference: { lo: 100, hi: 250, label: 'Range linked to dissociation', shortLabel: 'Range' },
      markers: [
        { key: 'm', label: 'Cmax 250', colour: colours.blue, shape: 'square', tMin: 40, y: 250 },
      ],
    });
    await expect(svgOf(el)).toMatchFileSnapshot('__snapshots__/time-chart.svg');
    expect(el.querySelector('.readouts')!.textContent).toMatch(
      /At 40 min:.*IV: 250.*effect site: 250/s,
    );
  });

  it('edges each line with the paper colour over the reference range, not on plain paper', () => {
    const lines = [series(240), series(240, { key: 'e', dash: '2 3', colour: colours.vermillion })];
    const reference = { lo: 100, hi: 250, label: 'Range linked to dissociation' };
    const el = show(TimeChart, { ...base, xMaxMin: 240, series: lines, reference });
    const drawn = [...el.querySelectorAll('path[fill="none"]')];
    const edges = drawn.filter((p) => p.classList.contains('casing'));
    expect(edges).toHaveLength(2);
    for (const [i, colour] of [colours.blue, colours.vermillion].entries()) {
      const line = drawn.find((p) => p.getAttribute('stroke') === colour)!;
      // The same path in the paper's colour, wider by an edge on each side, solid.
      expect(edges[i]!.getAttribute('stroke')).toBe(colours.paper);
      expect(edges[i]!.getAttribute('d')).toBe(line.getAttribute('d'));
      const widths = [edges[i]!, line].map((p) => Number(p.getAttribute('stroke-width')));
      expect(widths[0]! - widths[1]!).toBeCloseTo(2.5, 5);
      expect(edges[i]!.getAttribute('stroke-dasharray')).toBeNull();
      // Every edge lies under every line: no edge hides another curve.
      expect(drawn.indexOf(line)).toBeGreaterThan(drawn.indexOf(edges[1]!));
    }
    const plain = show(TimeChart, { ...base, xMaxMin: 240, series: lines });
    expect(plain.querySelectorAll('path.casing')).toHaveLength(0);
  });

  it('on a log axis spans four decades below the top and breaks the line at zero (snapshot)', async () => {
    const s = series(240);
    s.y[0] = 0;
    const el = show(TimeChart, { ...base, xMaxMin: 240, series: [s], scale: 'log' });
    await expect(svgOf(el)).toMatchFileSnapshot('__snapshots__/time-chart-log.svg');
    const d = el.querySelector('path[fill="none"]')!.getAttribute('d')!;
    // 0 has no place on a log axis: the line starts at the first positive value (t = 1 min).
    expect(d.startsWith('M')).toBe(true);
    expect(Number(d.slice(1).split(',')[0])).toBeGreaterThan(0);
    const ticks = [...el.querySelectorAll('text[text-anchor="end"]')].map((n) => n.textContent);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
  });

  it('reads the time axis in hours for a day and in days for a course', () => {
    const day = show(TimeChart, { ...base, xMaxMin: 1440, series: [series(1440)] });
    expect(day.textContent).toContain('Time since first dose (h)');
    const course = show(TimeChart, { ...base, xMaxMin: 15 * 1440, series: [series(15 * 1440)] });
    expect(course.textContent).toContain('Time since first dose (days)');
  });

  it("uses the reference band's short label where the full one would not fit at the chart's font size", () => {
    const reference = {
      lo: 100,
      hi: 250,
      label: 'Range linked to dissociation (racemic ketamine, Krystal 1994)',
      shortLabel: 'Dissociation range',
    };
    const text = (fontSize: number, width: number) =>
      show(TimeChart, { ...base, width, fontSize, xMaxMin: 240, series: [series(240)], reference })
        .textContent;
    // 62 characters at 12 px fit a 640 px chart; at the projector's 24 px they would not.
    expect(text(12, 640)).toContain(reference.label);
    expect(text(24, 640)).toContain('Dissociation range');
    expect(text(24, 640)).not.toContain('Krystal');
    expect(text(24, 1800)).toContain(reference.label);
    expect(text(12, 360)).toContain('Dissociation range');
  });

  it('scales margins and offsets with the projector font', () => {
    const small = show(TimeChart, { ...base, xMaxMin: 240, series: [series(240)] });
    const big = show(TimeChart, {
      ...base,
      xMaxMin: 240,
      series: [series(240)],
      fontSize: 20,
      height: 540,
      lineWidth: 5,
    });
    expect(small.querySelector('svg > g')!.getAttribute('transform')).toBe('translate(64,12)');
    // 64 and 12 px at 12 px type are 106.7 and 20 px at 20 px type
    expect(big.querySelector('svg > g')!.getAttribute('transform')).toMatch(
      /^translate\(106\.66+\d*,20\)$/,
    );
    expect(big.querySelector('path[fill="none"]')!.getAttribute('stroke-width')).toBe('5');
    // fewer, wider-spaced time ticks at the larger type
    const ticks = (el: HTMLElement) => el.querySelectorAll('text[text-anchor="middle"]').length;
    expect(ticks(big)).toBeLessThan(ticks(small));
  });

  it('moves its cursor with the keys and follows the value it is given', () => {
    let asked = -1;
    const props = $state({
      ...base,
      xMaxMin: 240,
      series: [series(240)],
      oncursor: (v: number) => (asked = v),
    });
    const el = show(TimeChart, props);
    const svg = el.querySelector('svg[role="slider"]')!;
    const key = (k: string, shiftKey = false) =>
      svg.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
    key('ArrowRight');
    expect(asked).toBe(41);
    key('ArrowLeft', true);
    expect(asked).toBe(30);
    key('End');
    expect(asked).toBe(240);
    props.cursorMin = 120;
    flushSync();
    const cursor = el.querySelector('line[stroke-dasharray="4 3"]')!;
    expect(Number(cursor.getAttribute('x1'))).toBeCloseTo(560 / 2, 5);
    // Said as the readouts write it, with the values it reads; the readouts are not announced.
    expect(svg.getAttribute('aria-valuetext')).toMatch(/^120 min, IV \d+$/);
    expect(el.querySelector('.readouts')!.textContent).toContain('At 120 min:');
    expect(el.querySelector('.readouts')!.textContent).toContain('IV: ');
    expect(el.querySelector('.readouts')!.hasAttribute('aria-live')).toBe(false);
    // beyond the window the cursor is pinned to the end of the axis
    props.cursorMin = 999;
    flushSync();
    expect(Number(cursor.getAttribute('x1'))).toBeCloseTo(560, 5);
  });

  it('redraws a line when its data change, and leaves it when only its label does', () => {
    // A fixed axis top, so that new data move the line rather than the axis.
    const props = $state({ ...base, xMaxMin: 240, yMax: 600, series: [series(240)] });
    const el = show(TimeChart, props);
    const path = () => el.querySelector('path[fill="none"]')!;
    const before = path().getAttribute('d');
    const node = path();
    props.series = [{ ...props.series[0]!, label: 'renamed' }];
    flushSync();
    expect(path()).toBe(node);
    expect(path().getAttribute('d')).toBe(before);
    expect(el.querySelector('.readouts')!.textContent).toContain('renamed');
    props.series = [series(240, curve(240, 125))];
    flushSync();
    expect(path().getAttribute('d')).not.toBe(before);
  });

  it('does not draw a marker outside the time window', () => {
    const el = show(TimeChart, {
      ...base,
      xMaxMin: 240,
      series: [series(240)],
      markers: [{ key: 'late', label: 'late', colour: colours.blue, tMin: 600, y: 10 }],
    });
    expect(el.textContent).not.toContain('late');
  });
});

describe('a chart layer', () => {
  it('outside a Chart says so', () => {
    expect(() => show(Line, { t: [0, 1], y: [0, 1], colour: colours.blue })).toThrow(
      /inside a <Chart>/,
    );
  });
});

describe('the exercise chart (PredictionChart)', () => {
  const grid = { endMin: 240, stepMin: 5 };
  const t = gridTimes(grid);
  const baseline = t.map((m) => curve(240).y[m]!);

  function chart(extra: Record<string, unknown> = {}) {
    const changes: { draft: Draft; done: boolean }[] = [];
    const props = {
      id: 'p',
      title: 'Predict',
      yLabel: 'Ketamine (ng/mL)',
      grid,
      t,
      baseline,
      baselineLabel: 'Reference',
      draft: emptyDraft(grid),
      yTop: 500,
      handleTimesMin: [40, 120],
      enabled: true,
      width: 640,
      onchange: (draft: Draft, done: boolean) => changes.push({ draft, done }),
      ...extra,
    };
    return { el: show(PredictionChart, props), changes };
  }

  it('shows the reference, a drawn prediction with its handles, and once revealed the answer and band (snapshot)', async () => {
    const draft = emptyDraft(grid).map((_, i) => (i <= 30 ? 300 - i * 5 : null));
    const { el } = chart({
      draft,
      enabled: false,
      answer: baseline.map((v) => v * 2),
      answerLabel: 'Simulated',
      band: { lo: baseline.map((v) => v * 1.5), hi: baseline.map((v) => v * 2.6) },
    });
    await expect(svgOf(el)).toMatchFileSnapshot('__snapshots__/prediction-chart.svg');
    // the axis grew to hold the band's top (650 ng/mL x 1.05), to a round value
    const labels = [...el.querySelectorAll('text[text-anchor="end"]')].map((n) =>
      Number(n.textContent),
    );
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(650);
    expect(el.querySelector('.draw-surface')).toBeNull();
  });

  it('turns a pointer stroke into values on the grid, in the chart units', () => {
    const { el, changes } = chart();
    const surface = el.querySelector('.draw-surface')!;
    // the plotting area is 560 x 264 px for 0-240 min and 0-500 ng/mL
    const box = { width: 560, height: 264 };
    pointer(surface, 'pointerdown', 0, 264 / 2, box); // t = 0, 250 ng/mL
    pointer(surface, 'pointermove', 280, 264 / 2, box); // t = 120 min
    pointer(surface, 'pointerup', 280, 264 / 2, box);
    expect(changes.at(-1)!.done).toBe(true);
    const last = changes.at(-1)!.draft;
    expect(last[0]).toBeCloseTo(250, 6);
    expect(last[24]).toBeCloseTo(250, 6); // 120 min
    expect(last[25]).toBeNull();
    // a stroke above the drawing area is kept at its top, not beyond
    pointer(surface, 'pointerdown', 560, -50, box);
    expect(changes.at(-1)!.draft.at(-1)).toBeCloseTo(500, 6);
  });
});

describe('the session strip (SessionStrip)', () => {
  const rows = [
    { key: 'a', lane: 0, from: -20, to: 0, runsOn: false, badge: 1 },
    { key: 'b', lane: 1, from: 0, to: 40, runsOn: false, badge: 2, label: 'The drip' },
    { key: 'c', lane: 0, from: 120, to: null, runsOn: true, badge: 3 },
    { key: 'd', lane: 2, from: 30, to: null, runsOn: false, badge: 4 },
    {
      key: 'r',
      lane: 3,
      from: 7,
      to: 75,
      runsOn: false,
      label: '100-250 ng/mL',
      tone: 'range' as const,
    },
  ];

  it('draws lanes, badges, a bar that runs on, a range row, the faint curve and the cursor (snapshot)', async () => {
    const el = show(SessionStrip, {
      rows,
      axis: [-30, 240] as const,
      ticks: [0, 60, 120, 180, 240],
      tickLabel: (min: number) => `${min / 60} h`,
      curve: curve(240),
      cursor: 45,
      labelWidth: 100,
      runsOnText: 'Next day',
      description: 'Session timeline',
      width: 640,
    });
    await expect(svgOf(el)).toMatchFileSnapshot('__snapshots__/session-strip.svg');
    const svg = el.querySelector('svg')!;
    // One lane per row index, 30 px each: the strip is as tall as its lanes and axis.
    expect(svg.getAttribute('viewBox')).toBe(`0 0 640 ${Math.round(4 * 30 + (28 * 13) / 12)}`);
    expect(svg.getAttribute('role')).toBe('img');
    expect(el.textContent).toContain('Next day →');
  });

  it('is hidden from screen readers when the page says the same in words', () => {
    const el = show(SessionStrip, {
      rows,
      axis: [-30, 240] as const,
      ticks: [0, 60],
      tickLabel: String,
    });
    expect(el.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    // no cursor was asked for
    expect(el.querySelector('line[stroke-dasharray="4 3"]')).toBeNull();
  });
});
