/**
 * The state every chart layer reads: the chart's size, margins and type scale, its time scale and
 * its value scale (linear or log). `Chart.svelte` creates one and publishes it through Svelte
 * context; a layer calls `useChart()` and reads only what it needs, so a layer never computes a
 * scale of its own (the pattern of LayerCake's context and PhET bamboo's ChartTransform).
 *
 * Sizes scale with the font: `em` is 1 at the default 12 px, so a projector chart at 24 px has
 * margins, offsets and tick spacing twice as large, and its labels never collide.
 */
import { getContext, setContext } from 'svelte';
import { axisMap, timeUnitFor, type AxisMap, type TimeUnit } from './chartMath';
import { linearScale, logScale, type Scale } from './scale';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Margins at the default font size, px (a chart's axis labels fit in them). */
export const DEFAULT_MARGIN: Margin = { top: 12, right: 16, bottom: 44, left: 64 };

export interface FrameInput {
  /** outer width and height of the SVG, px */
  width: number;
  height: number;
  /** font size of axes and labels, px */
  fontSize: number;
  /** margins at 12 px, px (scaled with the font) */
  margin: Margin;
  /** the time domain, min (both > 0 on a log time axis) */
  tStart: number;
  tEnd: number;
  /** a log time axis (e.g. minutes to weeks on one line) */
  timeLog: boolean;
  /** the value domain, in the chart's unit; on a log axis both must be > 0 */
  yMin: number;
  yMax: number;
  log: boolean;
  /** extend the linear value domain to round tick values (scale.ts, niceDomain) */
  nice: boolean;
}

export class ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  /** 1 at 12 px type; margins, offsets and tick spacing scale with it */
  readonly em: number;
  readonly margin: Margin;
  /** the plotting area inside the margins, px */
  readonly innerW: number;
  readonly innerH: number;
  /** the time domain, min */
  readonly tStart: number;
  readonly tEnd: number;
  /** the unit the time axis reads in, from its span */
  readonly unit: TimeUnit;
  readonly log: boolean;
  /** time (min) to px from the plotting area's left edge */
  readonly x: Scale;
  /** value to px from the plotting area's top edge */
  readonly y: Scale;
  /** the same mappings as coefficients, for drawing long curves (chartMath.curvePath) */
  readonly xMap: AxisMap;
  readonly yMap: AxisMap;

  /** `input` is read reactively: each field follows the inputs it depends on. */
  constructor(input: () => FrameInput) {
    this.width = $derived(input().width);
    this.height = $derived(input().height);
    this.fontSize = $derived(input().fontSize);
    this.em = $derived(this.fontSize / 12);
    this.margin = $derived.by(() => {
      const m = input().margin;
      const em = this.em;
      return { top: m.top * em, right: m.right * em, bottom: m.bottom * em, left: m.left * em };
    });
    this.innerW = $derived(Math.max(10, this.width - this.margin.left - this.margin.right));
    this.innerH = $derived(Math.max(10, this.height - this.margin.top - this.margin.bottom));
    this.tStart = $derived(input().tStart);
    this.tEnd = $derived(input().tEnd);
    this.unit = $derived(timeUnitFor(this.tEnd - this.tStart));
    this.log = $derived(input().log);
    // Primitives, so that an equal domain recomputed from new data does not redraw anything.
    const yMin = $derived(input().yMin);
    const yMax = $derived(input().yMax);
    const nice = $derived(input().nice);
    const timeLog = $derived(input().timeLog);
    this.x = $derived(
      (timeLog ? logScale : linearScale)([this.tStart, this.tEnd], [0, this.innerW]),
    );
    this.y = $derived(
      this.log
        ? logScale([yMin, yMax], [this.innerH, 0], { clamp: true })
        : linearScale([yMin, yMax], [this.innerH, 0], { nice }),
    );
    this.xMap = $derived(axisMap([this.tStart, this.tEnd], [0, this.innerW], timeLog));
    this.yMap = $derived(axisMap(this.y.domain(), this.y.range(), this.log));
  }

  /** Whether a value has a place on the value axis (on a log axis, only values > 0). */
  placeable(v: number): boolean {
    return this.log ? v > 0 : Number.isFinite(v);
  }
}

const KEY = Symbol('chart-frame');

export function setChart(frame: ChartFrame): ChartFrame {
  return setContext(KEY, frame);
}

/** The frame of the enclosing Chart; throws when a layer is used outside one. */
export function useChart(): ChartFrame {
  const frame = getContext<ChartFrame | undefined>(KEY);
  if (!frame) throw new Error('A chart layer must be placed inside a <Chart>.');
  return frame;
}
