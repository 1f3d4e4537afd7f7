/**
 * The state of the whole view, as plain data: the scenarios being compared and the view options.
 * It is what the URL carries. Functions here are pure; the Svelte layer keeps it in $state.
 */
import { DEFAULTS, findModel } from '../catalogue';
import { defaultScenario } from './defaultScenario';
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
  /** the doses "Compare the routes" gives: the same for every route, or a typical one per route */
  routeDoses: RouteDoseSet;
}

export type RouteDoseSet = 'same' | 'typical';

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
  routeDoses: 'same',
};

/** Simulated time and grid that a regimen needs: 24 h at 1 min, or a whole course at 5 min. */
/** A short name for a scenario, from its regimen. */
export function describeRegimen(s: Scenario): string {
  const r = s.regimen;
  const course = r.schedule.kind === 'course' ? `, ${r.schedule.sessionDays.length} sessions` : '';
  const drug = s.model && findModel(s.model)?.drug === 'esketamine' ? 'esketamine ' : '';
  switch (r.kind) {
    case 'iv': {
      const how = r.infusionMin === 0 ? 'bolus' : `over ${r.infusionMin} min`;
      return `IV ${drug}${r.doseMgPerKg} mg/kg ${how}${course}`;
    }
    case 'intranasal':
      return `Nasal ${r.devices * r.deviceMg} mg (${r.devices} device${r.devices > 1 ? 's' : ''})${course}`;
    case 'nasal-spray':
      return `Nasal racemic ${round(r.mgPerSpray * r.sprays)} mg (${r.sprays} spray${r.sprays > 1 ? 's' : ''})${course}`;
    case 'intramuscular':
      return `IM ${r.doseMgPerKg} mg/kg${course}`;
    case 'oral':
      return `Oral ${drug}${r.doseMg} mg${course}`;
    case 'sublingual':
      return `Sublingual ${drug}${r.doseMg} mg${course}`;
  }
}

/** A dose in mg without floating-point tails (3 x 0.1 mg is 0.3 mg). */
const round = (mg: number): number => Math.round(mg * 1000) / 1000;

export function defaultState(): AppState {
  return {
    scenarios: [
      { name: describeRegimen(defaultScenario(DEFAULTS)), scenario: defaultScenario(DEFAULTS) },
    ],
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
