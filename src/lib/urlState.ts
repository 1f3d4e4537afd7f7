/**
 * The whole view state in the URL: `?v=1&state=<base64url JSON>`. Decoding never throws and never
 * trusts the link: every scenario goes through the engine's validation, every view option is
 * checked, and anything wrong gives a clear message and the defaults. Nothing from a link is
 * ever rendered as HTML (Svelte text bindings only).
 */
import { validateScenario } from '../catalogue';
import { DEFAULT_VIEW, MAX_SCENARIOS, defaultState } from './appState';
import type { AppState, NamedScenario, ViewOptions } from './appState';

/**
 * Version 2 came with the routes beyond IV and the esketamine device (scenario version 2). A
 * version 1 link still opens: its scenarios are read as version 1 scenarios.
 */
export const URL_STATE_VERSION = 2;
/** The link versions this app opens. */
export const READABLE_URL_VERSIONS: readonly string[] = ['1', '2'];
/** Longest state parameter accepted, characters (a link of 4 scenarios is about 2 KB). */
export const MAX_STATE_LENGTH = 16_000;

export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodeState(state: AppState): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_STATE_VERSION));
  params.set(
    'state',
    toBase64Url(JSON.stringify({ scenarios: state.scenarios, view: state.view })),
  );
  return `?${params.toString()}`;
}

export type Decoded = { state: AppState; message: null } | { state: AppState; message: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function decodeView(v: unknown, nScenarios: number): ViewOptions | string {
  if (!isObject(v)) return 'the view options are missing';
  const choices = {
    window: ['4h', '24h', 'course'],
    scale: ['linear', 'log'],
    unit: ['ng/mL', 'uM'],
  };
  for (const [key, allowed] of Object.entries(choices)) {
    if (!allowed.includes(v[key] as string))
      return `view option "${key}" is not one of ${allowed.join(', ')}`;
  }
  for (const key of ['showMetabolite', 'showEffectSite', 'showBand']) {
    if (typeof v[key] !== 'boolean') return `view option "${key}" must be true or false`;
  }
  const active = v.active;
  if (
    typeof active !== 'number' ||
    !Number.isInteger(active) ||
    active < 0 ||
    active >= nScenarios
  ) {
    return 'the active scenario is not one of the scenarios';
  }
  // Added after the first links were shared: a link without it opens with the default.
  const routeDoses = v.routeDoses ?? DEFAULT_VIEW.routeDoses;
  if (routeDoses !== 'same' && routeDoses !== 'typical')
    return 'view option "routeDoses" is not one of same, typical';
  const view: ViewOptions = { ...DEFAULT_VIEW };
  for (const key of Object.keys(DEFAULT_VIEW) as (keyof ViewOptions)[])
    (view as unknown as Record<string, unknown>)[key] = v[key];
  view.routeDoses = routeDoses;
  return view;
}

/** Reads the state from a URL's search string; with no state there, the defaults and no message. */
export function decodeState(search: string): Decoded {
  const fail = (why: string): Decoded => ({
    state: defaultState(),
    message: `This link could not be read (${why}), so the simulator opened with its default settings.`,
  });
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return fail('the address is malformed');
  }
  const raw = params.get('state');
  const version = params.get('v');
  if (raw === null && version === null) return { state: defaultState(), message: null };
  if (version === null || !READABLE_URL_VERSIONS.includes(version)) {
    return fail(
      version === null
        ? 'it has no version'
        : `it was made by a version of the simulator this one does not read (${version.slice(0, 12)})`,
    );
  }
  if (raw === null || raw.length === 0) return fail('it holds no settings');
  if (raw.length > MAX_STATE_LENGTH) return fail('it is too long');
  let data: unknown;
  try {
    data = JSON.parse(fromBase64Url(raw));
  } catch {
    return fail('its settings are damaged');
  }
  const state = checkState(data);
  return typeof state === 'string' ? fail(state) : { state, message: null };
}

/**
 * Checks a whole view state from outside the app (a link, a lecture step): 1 to MAX_SCENARIOS
 * named scenarios, each through the engine's validation, and valid view options. Returns the state,
 * or a message naming the first problem.
 */
export function checkState(data: unknown): AppState | string {
  if (!isObject(data) || !Array.isArray(data.scenarios)) return 'its settings are damaged';
  if (data.scenarios.length < 1 || data.scenarios.length > MAX_SCENARIOS) {
    return `it must hold 1 to ${MAX_SCENARIOS} scenarios`;
  }
  const scenarios: NamedScenario[] = [];
  for (const [i, item] of data.scenarios.entries()) {
    if (!isObject(item) || typeof item.name !== 'string' || item.name.length > 80) {
      return `scenario ${i + 1} has no valid name`;
    }
    const v = validateScenario(item.scenario);
    if (!v.ok) return `scenario ${i + 1}: ${v.problems[0]!.message}`;
    scenarios.push({ name: item.name, scenario: v.scenario });
  }
  const view = decodeView(data.view, scenarios.length);
  return typeof view === 'string' ? view : { scenarios, view };
}
