/**
 * Which view of the app the address asks for. The simulator is the default; `mode=` picks one of
 * the audience modes, and the page `embed.html` (or, in older links, `embed=1`) the compact view
 * for course pages. These parameters live beside the simulator's own `v`/`state` parameters in the
 * address's fragment (see address.ts) and survive its rewrites. Functions here take parameter
 * strings (with or without a leading ? or #) and return fragments (starting with #).
 */
export const MODES = ['simulator', 'lecture', 'patient', 'exercises'] as const;
export type Mode = (typeof MODES)[number];

export const MODE_LABELS: Record<Mode, string> = {
  simulator: 'Simulator',
  lecture: 'Lecture',
  patient: 'Patient',
  exercises: 'Exercises',
};

/** Modes by the names older links gave them (lecture mode was called presenter mode). */
const RENAMED_MODES: ReadonlyMap<string, Mode> = new Map([['presenter', 'lecture']]);

/** URL parameters that belong to the mode, not to the simulator state. */
export const MODE_PARAMS = ['mode', 'embed', 'seq', 'step', 'ex'] as const;

export interface Route {
  mode: Mode;
  embed: boolean;
  /** a message when the address named a mode this app does not have */
  message: string | null;
}

const strip = (s: string) => s.replace(/^[?#]/, '');

/**
 * True for the page meant to be framed in course pages: embed.html, or /embed where a host serves
 * it without its extension (its own address, so a server can let other sites frame it alone).
 */
export const isEmbedPage = (pathname: string) => /(^|\/)embed(\.html)?$/.test(pathname);

export function parseRoute(search: string, pathname = ''): Route {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(strip(search));
  } catch {
    return { mode: 'simulator', embed: isEmbedPage(pathname), message: null };
  }
  const embed = isEmbedPage(pathname) || params.get('embed') === '1';
  const raw = params.get('mode');
  if (raw === null || raw === '') return { mode: 'simulator', embed, message: null };
  if ((MODES as readonly string[]).includes(raw))
    return { mode: raw as Mode, embed, message: null };
  const renamed = RENAMED_MODES.get(raw);
  if (renamed) return { mode: renamed, embed, message: null };
  return {
    mode: 'simulator',
    embed,
    message: `This link asked for a view the simulator does not have (${raw.slice(0, 24)}), so it opened the simulator.`,
  };
}

/**
 * The fragment for a mode, keeping the current simulator state (`v`, `state`) and dropping the
 * other mode's parameters.
 */
export function hrefForMode(mode: Mode, search: string): string {
  const params = new URLSearchParams(strip(search));
  for (const key of MODE_PARAMS) params.delete(key);
  if (mode !== 'simulator') params.set('mode', mode);
  return `#${params.toString()}`;
}

/**
 * Combines a freshly encoded simulator state (`?v=..&state=..`) with the mode parameters of the
 * current address, so rewriting the state never drops the mode, the embed flag or a sequence.
 */
export function withModeParams(encodedState: string, currentSearch: string): string {
  const next = new URLSearchParams(strip(encodedState));
  const current = new URLSearchParams(strip(currentSearch));
  for (const key of MODE_PARAMS) {
    const v = current.get(key);
    if (v !== null) next.set(key, v);
  }
  return `#${next.toString()}`;
}

/**
 * Address of the full app (not embedded) showing the same state and mode, relative to the page
 * (`./` is the folder's index page, from index.html and from embed.html alike).
 */
export function fullAppHref(search: string): string {
  const params = new URLSearchParams(strip(search));
  params.delete('embed');
  const s = params.toString();
  return s ? `./#${s}` : './';
}
