/**
 * The state of the whole view, as plain data: the scenarios being compared and the view options.
 * It is what the URL carries. Functions here are pure; the Svelte layer keeps it in $state.
 */
import { ivScenario } from '../registry';
import type { Scenario } from '../engine/scenario';

export const MAX_SCENARIOS = 4;

/** Each scenario's marker shape (its colour is SCENARIO_COLOURS in src/charts/palette.ts). */
export const SCENARIO_MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

/** What the chart shows (window, scale, unit, which curves) and which scenario is edited. */
export interface ViewOptions {
  window: TimeWindow;
  scale: YScale;
  unit: ConcUnit;
  showMetabolite: boolean;
  showEffectSite: boolean;
  showBand: boolean;
  /** index of the scenario being edited */
  active: number;
}

export type TimeWindow = '4h' | '24h' | 'course';
export type YScale = 'linear' | 'log';
export type ConcUnit = 'ng/mL' | 'uM';

export interface NamedScenario {
  name: string;
  scenario: Scenario;
}

export interface AppState {
  scenarios: NamedScenario[];
  view: ViewOptions;
}

export const DEFAULT_VIEW: ViewOptions = {
  // 4 h, so the default 40-min infusion and its peak fill a sixth of the chart, not 3 % of it;
  // the 24 h and course windows are one choice away.
  window: '4h',
  scale: 'linear',
  unit: 'ng/mL',
  showMetabolite: true,
  showEffectSite: true,
  showBand: true,
  active: 0,
};

/** Simulated time and grid that a regimen needs: 24 h at 1 min, or a whole course at 5 min. */
/** A short name for a scenario, from its regimen. */
export function describeRegimen(s: Scenario): string {
  const r = s.regimen;
  const course = r.schedule.kind === 'course' ? `, ${r.schedule.sessionDays.length} sessions` : '';
  if (r.kind === 'iv') {
    const how = r.infusionMin === 0 ? 'bolus' : `over ${r.infusionMin} min`;
    return `IV ${r.doseMgPerKg} mg/kg ${how}${course}`;
  }
  return `Nasal ${r.devices * r.deviceMg} mg (${r.devices} device${r.devices > 1 ? 's' : ''})${course}`;
}

export function defaultState(): AppState {
  return {
    scenarios: [{ name: describeRegimen(ivScenario()), scenario: ivScenario() }],
    view: { ...DEFAULT_VIEW },
  };
}

/**
 * End of a time window's axis, min: 4 h, 24 h, or for the whole simulation the longest simulated
 * time (never less than 24 h).
 */
export function windowEndMin(
  window: TimeWindow,
  results: readonly ({ tMin: Float64Array } | null)[],
): number {
  if (window === '4h') return 240;
  if (window === '24h') return 1440;
  let m = 1440;
  for (const r of results) if (r) m = Math.max(m, r.tMin[r.tMin.length - 1]!);
  return m;
}
