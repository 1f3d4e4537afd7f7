/**
 * The concentration chart as a standalone figure (SVG text, and the PNG drawn from it): the chart
 * as drawn on the page, with nothing of its interaction (no slider role, ARIA state, tab stop, event
 * handlers, pointer surface or time cursor), inside a frame that says what it shows away from the
 * page: a title, a key of the scenarios (colour, marker and line sample, so it reads in greyscale)
 * with each scenario's dose, patient, model and citation, the line styles, the teaching notice,
 * the date it was made and the link that reproduces the view. Colours come from the palette.
 */
import { colours, SCENARIO_COLOURS, type Scheme } from '../charts/palette';
import { markerPath, type MarkerShape } from '../charts/marks';
import { SCENARIO_MARKERS, type AppState } from './appState';
import { DASH, REFERENCE_LABEL } from './chartData.svelte';
import { chartTitle, doseLine, modelLine, oneLine, patientLine } from './exportInfo';

export interface FigureScenario {
  name: string;
  colour: string;
  marker: MarkerShape;
  /** dose and patient, e.g. "IV 0.5 mg/kg over 40 min; 70 kg, 40 years" */
  details: string;
  /** model and citation, e.g. "Perez-Ruixo 2021; Perez-Ruixo C et al. 2021, Clinical Pharmacokinetics" */
  model: string;
}

export interface FigureInfo {
  title: string;
  scenarios: FigureScenario[];
  /** the line styles shown (label and SVG dash, '' for solid) */
  lineStyles: { label: string; dash: string }[];
  /** shaded areas shown (the reference range, the variability band) */
  areas: { label: string; colour: string; opacity: number }[];
  notice: string;
  /** ISO date the figure was made */
  date: string;
  /** the address that reproduces the view */
  link: string;
}

export interface Figure {
  /** the SVG document's text */
  text: string;
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, sans-serif';
const MONO = 'ui-monospace, Menlo, Consolas, monospace';
/** Narrowest figure, px: a chart exported from a phone is centred in a frame this wide. */
const MIN_FIGURE_WIDTH = 480;
const PAD = 14;

/** Escapes text for an SVG attribute or text node. */
export function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Attributes that belong to the live chart's interaction or to the page's style sheets. */
const LIVE_ATTRIBUTE = /^(on|aria-)|^(role|tabindex|class|style|focusable)$/i;

/**
 * A copy of the chart without its interaction: attributes of the live chart (role="slider",
 * aria-*, tabindex, classes, event handlers) removed from every element, and the pointer surface
 * and the time cursor drawn above it removed. The original is not changed.
 */
export function staticChart(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const surface of copy.querySelectorAll('rect.surface')) {
    // The time cursor is the dashed vertical line drawn just before the pointer surface.
    const before = surface.previousElementSibling;
    if (
      before?.localName === 'line' &&
      before.getAttribute('x1') === before.getAttribute('x2') &&
      before.hasAttribute('stroke-dasharray')
    )
      before.remove();
    surface.remove();
  }
  for (const el of copy.querySelectorAll('script, style, foreignObject')) el.remove();
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames())
      if (LIVE_ATTRIBUTE.test(name)) el.removeAttribute(name);
  }
  return copy;
}

/** Splits text into lines of at most `max` characters, at spaces (a longer word is cut). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length > 0;) {
      const room = line ? max - line.length - 1 : max;
      if (w.length <= room) {
        line = line ? `${line} ${w}` : w;
        w = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(w.slice(0, max));
        w = w.slice(max);
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Average glyph width in em: of text, of bold text (wider), and of a monospace font. */
const GLYPH = { text: 0.56, bold: 0.63, mono: 0.62 } as const;
type Glyphs = keyof typeof GLYPH;

/** Characters of text of this size and kind that fit in `px`. */
const fits = (px: number, size: number, kind: Glyphs) =>
  Math.max(8, Math.floor(px / (size * GLYPH[kind])));

/** Size of the chart as drawn: its width and height attributes, else its viewBox. */
function chartSize(svg: SVGSVGElement): { w: number; h: number } {
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const w = Number(svg.getAttribute('width')) || box[2] || 0;
  const h = Number(svg.getAttribute('height')) || box[3] || 0;
  if (!(w > 0 && h > 0)) throw new Error('The chart has no size yet');
  return { w, h };
}

/**
 * The figure: the chart (a static copy, see staticChart) with its title, key, notice, date and
 * link, as the text of a standalone SVG document.
 */
export function buildFigure(chart: SVGSVGElement, info: FigureInfo, c: Scheme = colours): Figure {
  const { w: cw, h: ch } = chartSize(chart);
  const width = Math.round(Math.max(cw, MIN_FIGURE_WIDTH));
  const inner = width - 2 * PAD;
  const out: string[] = [];
  let y = PAD;
  const text = (x: number, size: number, fill: string, s: string, extra = '') =>
    `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}"${extra}>${xml(s)}</text>`;
  /**
   * Lines of text from y on, each `size * 1.35` below the last, between x and `right` px from the
   * figure's right edge. A link (kind "mono") is cut anywhere, other text at spaces.
   */
  const para = (
    x: number,
    size: number,
    fill: string,
    s: string,
    { kind = 'text' as Glyphs, extra = '', right = PAD } = {},
  ) => {
    const max = fits(width - right - x, size, kind);
    const style =
      kind === 'bold' ? ' font-weight="700"' : kind === 'mono' ? ` font-family="${MONO}"` : '';
    for (const line of kind === 'mono' ? chunks(s, max) : wrap(s, max)) {
      y += size * 1.35;
      out.push(text(x, size, fill, line, style + extra));
    }
  };

  para(PAD, 16, c.ink, info.title, { kind: 'bold' });
  y += 8;
  const chartY = y;
  const nested = staticChart(chart);
  nested.setAttribute('x', String(Math.round((width - cw) / 2)));
  nested.setAttribute('y', String(chartY));
  nested.setAttribute('width', String(cw));
  nested.setAttribute('height', String(ch));
  if (!nested.hasAttribute('viewBox')) nested.setAttribute('viewBox', `0 0 ${cw} ${ch}`);
  out.push(new XMLSerializer().serializeToString(nested));
  y = chartY + ch + 6;

  // The key: one entry per scenario, its colour on a line sample with its marker.
  for (const s of info.scenarios) {
    y += 6;
    const cy = y + 9;
    out.push(
      `<line x1="${PAD}" x2="${PAD + 28}" y1="${cy}" y2="${cy}" stroke="${s.colour}" stroke-width="2.5"/>`,
      `<path d="${markerPath(s.marker)}" transform="translate(${PAD + 14},${cy})" fill="${c.paper}" stroke="${s.colour}" stroke-width="2.5"/>`,
    );
    para(PAD + 38, 13, c.ink, s.name, { kind: 'bold' });
    para(PAD + 38, 11.5, c.inkSoft, s.details);
    para(PAD + 38, 11.5, c.inkSoft, `Model: ${s.model}`);
  }
  // Line styles and shaded areas, in ink, in rows that wrap.
  y += 10;
  let x = PAD;
  const KEY = 11.5;
  /** One key: a sample `len` px long and its label; beside the last if it fits, else below. */
  const item = (len: number, label: string, draw: (x: number, cy: number) => string) => {
    const need = len + 8 + label.length * KEY * GLYPH.text + 18;
    if (x > PAD && x + need > width - PAD) {
      x = PAD;
      y += 18;
    }
    // A label longer than a row wraps under itself, and the next key starts a new row.
    const lines = wrap(label, fits(width - PAD - (x + len + 8), KEY, 'text'));
    out.push(draw(x, y + 10));
    lines.forEach((line, k) =>
      out.push(
        `<text x="${x + len + 8}" y="${y + 14 + k * KEY * 1.35}" font-size="${KEY}" fill="${c.ink}">${xml(line)}</text>`,
      ),
    );
    if (lines.length > 1) {
      y += (lines.length - 1) * KEY * 1.35;
      x = width;
    } else x += need;
  };
  for (const l of info.lineStyles) {
    item(
      28,
      l.label,
      (x0, cy) =>
        `<line x1="${x0}" x2="${x0 + 28}" y1="${cy}" y2="${cy}" stroke="${c.ink}" stroke-width="2.5"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`,
    );
  }
  for (const a of info.areas) {
    item(
      28,
      a.label,
      (x0, cy) =>
        `<rect x="${x0}" y="${cy - 6}" width="28" height="12" fill="${a.colour}" fill-opacity="${a.opacity}"/>`,
    );
  }
  y += 24;

  // The teaching notice, in a warning box.
  const noticeTop = y;
  const noticeAt = out.length;
  y += 4;
  para(PAD + 10, 12.5, c.warnInk, info.notice, { kind: 'bold', right: PAD + 10 });
  y += 8;
  out.splice(
    noticeAt,
    0,
    `<rect x="${PAD}" y="${noticeTop}" width="${inner}" height="${y - noticeTop}" rx="4" fill="${c.warnBg}" stroke="${c.warnBorder}"/>`,
  );
  y += 4;
  para(
    PAD,
    11.5,
    c.inkSoft,
    `Made ${info.date}. A teaching simulation of published models. This view, at:`,
  );
  out.push(`<a href="${xml(info.link)}">`);
  para(PAD, 10, c.focus, info.link, { kind: 'mono' });
  out.push('</a>');
  const height = Math.ceil(y + PAD);

  const head =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<title>${xml(info.title)}</title>` +
    `<desc>${xml(`${info.notice} Scenarios: ${info.scenarios.map((s) => s.name).join('; ')}. Made ${info.date}.`)}</desc>` +
    `<rect width="${width}" height="${height}" fill="${c.paper}"/>`;
  return {
    text: `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${out.join('\n')}\n</svg>\n`,
    width,
    height,
  };
}

/** A long string (a link) cut into pieces of `max` characters. */
function chunks(s: string, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += max) out.push(s.slice(i, i + max));
  return out;
}

/**
 * What the figure says about a view: its scenarios with their colours, markers, doses, patients
 * and models, the line styles and shaded areas the chart shows, and the notice, date and link.
 */
export function figureInfoOf(
  state: AppState,
  shown: {
    /** whether some scenario's model has a metabolite */
    metabolite: boolean;
    /** the variability band drawn, if one is: its virtual patients */
    bandPatients: number | null;
    notice: string;
    date: string;
    link: string;
  },
  c: Scheme = colours,
): FigureInfo {
  const view = state.view;
  const lineStyles: FigureInfo['lineStyles'] = [
    { label: 'solid: plasma, parent drug', dash: DASH.plasma },
  ];
  if (view.showMetabolite && shown.metabolite)
    lineStyles.push({ label: 'long dashes: plasma, metabolite', dash: DASH.metabolite });
  if (view.showEffectSite)
    lineStyles.push({ label: 'short dashes: effect site', dash: DASH.effect });
  const areas = [{ label: REFERENCE_LABEL, colour: c.reference, opacity: 1 }];
  const active = state.scenarios[view.active];
  if (shown.bandPatients !== null && active)
    areas.push({
      label: `${oneLine(active.name)}: 5-95 % and 25-75 % of ${shown.bandPatients} virtual patients (published between-patient variability)`,
      colour: SCENARIO_COLOURS[view.active]!,
      opacity: 0.28,
    });
  return {
    title: chartTitle(view.unit),
    scenarios: state.scenarios.map((named, i) => ({
      name: oneLine(named.name),
      colour: SCENARIO_COLOURS[i]!,
      marker: SCENARIO_MARKERS[i]!,
      details: `${doseLine(named.scenario)}; ${patientLine(named.scenario)}`,
      model: modelLine(named.scenario.model),
    })),
    lineStyles,
    areas,
    notice: shown.notice,
    date: shown.date,
    link: shown.link,
  };
}
