/**
 * Which session patient mode explains for a scenario, and the scenario a choice of session sets:
 * pure functions, so that PatientMode.svelte only wires them to the Simulator.
 */
import { ivScenario, nasalScenario } from '../../registry';
import { DEFAULTS } from '../../catalogue';
import { routeScenarioFor, withCourse } from '../../engine/presets';
import type { Regimen, Scenario } from '../../engine/scenario';
import type { Drug } from '../../engine/types';
import { TREATMENTS, type Note, type Treatment } from '../../content/patient';
import { CURVE_UNCHECKED, OTHER_ROUTE } from '../../content/patientRoutes';
import { cite } from '../../content/references';

/**
 * The route of a scenario this page does not explain yet (OTHER_ROUTE names it), or null. The
 * drug counts too: the sublingual page is about racemic ketamine taken at home, so an S-ketamine
 * film (esketamine, studied in a clinic) under the tongue is not explained by it.
 */
export function unexplainedRoute(
  kind: Regimen['kind'],
  drug?: Drug,
): keyof typeof OTHER_ROUTE.what | null {
  if (kind === 'oral' || kind === 'nasal-spray') return kind;
  return kind === 'sublingual' && drug === 'esketamine' ? 'film' : null;
}

/** The session a route is explained as, or null for a route this page does not explain yet. */
export function sessionOf(kind: Regimen['kind'], drug?: Drug): Treatment | null {
  if (unexplainedRoute(kind, drug)) return null;
  return (TREATMENTS as readonly string[]).includes(kind) ? (kind as Treatment) : null;
}

/**
 * The session the page shows for a route: its own, or the drip while the scenario is a route it
 * does not explain (OtherRouteNote says so, and nothing changes until a session is chosen).
 */
export const treatmentFor = (kind: Regimen['kind'], drug?: Drug): Treatment =>
  sessionOf(kind, drug) ?? 'iv';

/** A new scenario of a session, with the route's default model and starting regimen. */
export function sessionScenario(t: Treatment): Scenario {
  if (t === 'iv') return ivScenario();
  if (t === 'intranasal') return nasalScenario();
  return routeScenarioFor(DEFAULTS[t], t);
}

/**
 * The scenario a choice of session sets: the session's own, for the same patient, as one session
 * or as the route's example course.
 */
export function scenarioForChoice(t: Treatment, patient: Scenario['patient'], course: boolean) {
  return withCourse({ ...sessionScenario(t), patient: { ...patient } }, course);
}

/**
 * The paper the curve of each session rests on when its model's own citation cannot be used: no
 * scenario yet, or a paper this project could not read (the IM model's quoted absorption figures
 * are attributed to Clements 1982; its disposition is Herd 2007's).
 */
export const FALLBACK_CURVE_CITE: Record<Treatment, string> = {
  iv: 'herd2007',
  intranasal: 'perezruixo2021',
  intramuscular: 'herd2007',
  sublingual: 'rolan2014',
};

/**
 * What the curve's caption cites: the model's paper, unless it is one this project could not read
 * (a fact is never cited to an unread paper); then the session's read source, and a note that the
 * curve uses figures that could not be checked.
 */
export function curveSource(
  modelKey: string | undefined,
  t: Treatment,
): { key: string; note: Note | null } {
  if (modelKey === undefined) return { key: FALLBACK_CURVE_CITE[t], note: null };
  return cite(modelKey).notRead
    ? { key: FALLBACK_CURVE_CITE[t], note: CURVE_UNCHECKED }
    : { key: modelKey, note: null };
}
