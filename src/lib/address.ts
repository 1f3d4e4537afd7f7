/**
 * Where the app keeps its state in the address: the fragment (`#v=1&state=...&mode=...`).
 * A fragment is never sent to a server, so a long link (a lecture of 20 steps is about 55,000
 * characters) opens on a first visit even where servers refuse long request lines (the preview
 * server answered HTTP 431 above about 16,000 characters of query). Links made before this change
 * carry the same parameters in the query string (`?v=1&state=...`); they still open, and the next
 * rewrite of the address moves their parameters into the fragment.
 *
 * An in-page anchor (`#chart`) is not app state: the readers below ignore a fragment that holds
 * none of the app's parameters, and App.svelte keeps such links from replacing the fragment.
 */

/** Parameters that belong to the app (the simulator state and the mode). */
export const APP_PARAMS = ['v', 'state', 'mode', 'embed', 'seq', 'step', 'ex'] as const;

/** True when a parameter string (with or without a leading ? or #) holds any app parameter. */
export function hasAppParams(raw: string): boolean {
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(raw.replace(/^[?#]/, ''));
  } catch {
    return false;
  }
  return APP_PARAMS.some((k) => p.has(k));
}

/**
 * The app's parameters of an address, as a query-like string without its leading character:
 * the fragment's, else (a link made before the fragment was used) the query's, else ''.
 */
export function paramsOf(loc: { search: string; hash: string }): string {
  const hash = loc.hash.replace(/^#/, '');
  if (hasAppParams(hash)) return hash;
  const search = loc.search.replace(/^\?/, '');
  if (hasAppParams(search)) return search;
  return '';
}

/** The current address's app parameters (see paramsOf). */
export function currentParams(): string {
  return paramsOf(location);
}

/**
 * The address that shows `fragment` (a string starting with #, or '' for none) on this page. The
 * query keeps what is not the app's (e.g. a campaign tag) and loses the app's parameters, which
 * have moved to the fragment.
 */
export function addressWith(
  fragment: string,
  loc: { pathname: string; search: string } = location,
): string {
  const query = new URLSearchParams(loc.search);
  for (const k of APP_PARAMS) query.delete(k);
  const q = query.toString();
  const frag = fragment && fragment !== '#' ? fragment : '';
  return `${loc.pathname}${q ? `?${q}` : ''}${frag}`;
}

/** True when a fragment is an in-page anchor (e.g. #chart), not app state. */
export function isAnchorOnly(hash: string): boolean {
  const h = hash.replace(/^#/, '');
  return h.length > 0 && !hasAppParams(h);
}
