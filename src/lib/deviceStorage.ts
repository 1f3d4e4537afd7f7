/**
 * The browser's localStorage, or null where the browser refuses it (blocked site data, some
 * private modes throw on the mere access). Callers then keep their state for this page only.
 */
export function deviceStorage(): Storage | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}
