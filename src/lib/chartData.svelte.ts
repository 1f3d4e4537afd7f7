/**
 * What the concentration views draw, derived once from the Simulator for every part that shows
 * it (the chart, its legend, the occupancy chart, the summary and the data table): the curves of
 * each scenario in the chosen unit, the peak markers, the variability band of the selected
 * scenario, the reference range and the summaries. Derived arrays are kept per source array, so
 * a result that did not change keeps its curves' identity and the chart does not redraw them.
 */
import { findModel } from '../catalogue';
import { DISSOCIATION_RANGE_NG_PER_ML, summarize } from '../engine/summary';
import type { Analyte } from '../engine/types';
import type { SimulationResult } from '../engine/run';
import { formatConc, formatTime } from '../charts/chartMath';
import { SCENARIO_COLOURS } from '../charts/palette';
import type { ChartBand, ChartMarker, ChartSeries } from '../charts/TimeChart.svelte';
import type { LegendItem } from '../charts/Legend.svelte';
import { SCENARIO_MARKERS, windowEndMin, type AppState } from './appState';
import { toUnit, unitText } from './concUnit';
import type { Simulator } from './simulator.svelte';

/** Line styles: solid for the parent drug in plasma, long dashes metabolite, short effect site. */
export const DASH = { plasma: '', metabolite: '7 4', effect: '2 3' } as const;

export const SAMPLING_TEXT = {
  venous: 'venous blood, as sampled in the study behind the model',
  arterial:
    'arterial blood, as in the study behind the model (veins read lower during an infusion)',
  'not stated': 'blood sampling site (venous or arterial) not stated in the source',
} as const;

/** The label of the reference range on the chart (and in its exports). */
export const REFERENCE_LABEL = 'Range linked to dissociation (racemic ketamine, Krystal 1994)';

// The display unit's factor, one definition for the chart and its exports (concUnit.ts).
export { toUnit };

type Summary = ReturnType<typeof summarize>;

export class ChartData {
  readonly #sim: Simulator;
  readonly #scaled = new WeakMap<Float64Array, { f: number; y: Float64Array }>();
  readonly #summaries = new WeakMap<SimulationResult, Summary>();

  constructor(sim: Simulator) {
    this.#sim = sim;
    this.view = $derived(this.#sim.state.view);
    this.activeModel = $derived(
      findModel(this.#sim.state.scenarios[this.#sim.state.view.active]?.scenario.model),
    );
    this.activeHasVariability = $derived(this.activeModel?.parentVariability ?? false);
    this.unitText = $derived(unitText(this.#sim.state.view.unit));
    this.xMaxMin = $derived(windowEndMin(this.#sim.state.view.window, this.#sim.liveResults));
    this.series = $derived(this.seriesOf(this.#sim.liveResults));
    this.tableSeries = $derived(this.seriesOf(this.#sim.results));
    this.occupancySeries = $derived(
      this.#sim.results.flatMap((r, i): ChartSeries[] => {
        const named = this.#sim.state.scenarios[i];
        if (!r || !named) return [];
        const colour = SCENARIO_COLOURS[i]!;
        return [
          {
            key: `${i}-o`,
            label: named.name,
            colour,
            dash: '',
            t: r.tMin,
            y: this.scale(r.occupancy, 100),
          },
        ];
      }),
    );
    this.summaries = $derived(this.#sim.results.map((r) => (r ? this.summaryFor(r) : null)));
    this.settledText = $derived.by(() => {
      // A reset, an undo or an opened file says what it did itself (ResetAll.svelte, until the
      // next change): the curves it brings back are not announced on top of it.
      if (this.#sim.undoMessage) return '';
      const i = this.#sim.state.view.active;
      const r = this.#sim.results[i];
      const s = this.summaries[i];
      const named = this.#sim.state.scenarios[i];
      if (!r || !s || !named) return '';
      const peak = formatConc(s.cmax * toUnit(r.parent, this.view.unit));
      const at = formatTime(s.tmaxMin, s.tmaxMin < 600 ? 'min' : 'h');
      return `${named.name}: peak ${peak} ${this.unitText} at ${at}.`;
    });
    this.markers = $derived(
      this.#sim.liveResults.flatMap((r, i): ChartMarker[] => {
        if (!r) return [];
        const s = this.summaryFor(r);
        const f = toUnit(r.parent, this.#sim.state.view.unit);
        const when = formatTime(s.tmaxMin, s.tmaxMin < 600 ? 'min' : 'h');
        return [
          {
            key: `${i}-cmax`,
            label: `Cmax ${formatConc(s.cmax * f)} at ${when}`,
            colour: SCENARIO_COLOURS[i]!,
            shape: SCENARIO_MARKERS[i]!,
            tMin: s.tmaxMin,
            y: s.cAtTmax * f,
          },
        ];
      }),
    );
    this.band = $derived.by(() => {
      const b = this.#sim.band;
      const view = this.#sim.state.view;
      const r = this.#sim.liveResults[view.active];
      if (!view.showBand || !this.activeHasVariability || !b || b.forIndex !== view.active || !r)
        return null;
      const bands = b.result.bands[r.parent];
      if (!bands || bands.length < 5) return null;
      const f = toUnit(r.parent, view.unit);
      return {
        label: `Between-patient variability of ${this.#sim.state.scenarios[view.active]?.name}`,
        colour: SCENARIO_COLOURS[view.active]!,
        t: b.result.tMin,
        outer: [this.scale(bands[0]!, f), this.scale(bands[4]!, f)],
        inner: [this.scale(bands[1]!, f), this.scale(bands[3]!, f)],
      };
    });
    this.reference = $derived({
      lo: DISSOCIATION_RANGE_NG_PER_ML[0] * toUnit('ketamine', this.#sim.state.view.unit),
      hi: DISSOCIATION_RANGE_NG_PER_ML[1] * toUnit('ketamine', this.#sim.state.view.unit),
      label: REFERENCE_LABEL,
      shortLabel: 'Dissociation range',
    });
    this.legendItems = $derived(
      this.#sim.state.scenarios.map((named, i) => ({
        key: String(i),
        label: named.name,
        swatch: { kind: 'marker', colour: SCENARIO_COLOURS[i]!, shape: SCENARIO_MARKERS[i]! },
      })),
    );
  }

  /** y times f, kept per source array and factor */
  scale(y: Float64Array, f: number): Float64Array {
    if (f === 1) return y;
    const c = this.#scaled.get(y);
    if (c && c.f === f) return c.y;
    const out = y.map((v) => v * f);
    this.#scaled.set(y, { f, y: out });
    return out;
  }

  /** the parent drug's plasma summary of a result, kept per result */
  summaryFor(r: SimulationResult) {
    let s = this.#summaries.get(r);
    if (!s) {
      s = summarize(r.tMin, r.plasma[r.parent]!, DISSOCIATION_RANGE_NG_PER_ML[0]);
      this.#summaries.set(r, s);
    }
    return s;
  }

  readonly view: AppState['view'];
  readonly activeModel: ReturnType<typeof findModel>;
  readonly activeHasVariability: boolean;
  readonly unitText: string;
  /** end of the time axis, min */
  readonly xMaxMin: number;

  // The chart follows every change (liveResults); the views below it, the table included, follow
  // once a drag pauses (results), so a drag redraws only the chart.
  readonly series: ChartSeries[];
  readonly tableSeries: ChartSeries[];

  readonly occupancySeries: ChartSeries[];

  readonly summaries: (Summary | null)[];
  /**
   * One sentence on the selected scenario's curve once the engine has answered and a drag has
   * paused (results, not liveResults), in the unit shown: the page's one announcement of a change
   * ('' after a reset, an undo or an opened file, which announce themselves).
   */
  readonly settledText: string;

  /** a marker on each scenario's first peak (the first-peak rule); its label gives the highest value */
  readonly markers: ChartMarker[];

  /** the selected scenario's band of virtual patients, when it is on and computed */
  readonly band: ChartBand | null;

  readonly reference: { lo: number; hi: number; label: string; shortLabel: string };

  readonly legendItems: LegendItem[];

  /** The concentration curves of a set of results: parent, and when shown metabolite and effect site. */
  seriesOf(results: readonly (SimulationResult | null)[]): ChartSeries[] {
    const view = this.#sim.state.view;
    const out: ChartSeries[] = [];
    results.forEach((r, i) => {
      const named = this.#sim.state.scenarios[i];
      if (!r || !named) return;
      const colour = SCENARIO_COLOURS[i]!;
      const line = (key: string, label: string, dash: string, y: Float64Array, a: Analyte) =>
        out.push({
          key: `${i}-${key}`,
          label: `${named.name}: ${label}`,
          colour,
          dash,
          t: r.tMin,
          y: this.scale(y, toUnit(a, view.unit)),
        });
      const p = r.parent;
      line('p', p, DASH.plasma, r.plasma[p]!, p);
      if (view.showMetabolite && r.metabolite)
        line('m', r.metabolite, DASH.metabolite, r.plasma[r.metabolite]!, r.metabolite);
      if (view.showEffectSite) line('e', `${p} effect site`, DASH.effect, r.effectSite, p);
    });
    return out;
  }
}
