/**
 * New versions of the app. The service worker precaches every file, so the app opens offline; a
 * new deployment installs a new service worker, which waits (the pages open now still use the
 * files they started with, so a lazily loaded view never mixes versions). When one is waiting,
 * every page offers "Reload to update", and the button activates the new worker and reloads; the
 * state is in the address, so the reload keeps it. Pages also ask for updates when they come back
 * into view and every hour, so a page left open in a lecture hall learns of a new version.
 */

/** How often an open page asks the server for a new version, ms. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

export const updates = $state({
  /** a new version is installed and waiting */
  ready: false,
  /** set while the new version is being activated */
  applying: false,
});

let apply: (() => Promise<void>) | null = null;

/** Activates the waiting version and reloads the page (the state is in the address). */
export async function applyUpdate(): Promise<void> {
  if (!apply) return;
  updates.applying = true;
  await apply();
}

/**
 * Registers the service worker (an external module: the CSP needs no inline script) and listens
 * for new versions. Without service workers (some private windows) the app works online only.
 */
export async function startUpdates(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      updates.ready = true;
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => {
        if (!navigator.onLine || document.hidden) return;
        registration.update().catch(() => {});
      };
      setInterval(check, UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', check);
    },
  });
  apply = () => update(true);
}
