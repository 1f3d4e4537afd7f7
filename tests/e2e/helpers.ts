/** What several end-to-end specs share. */
import { expect, type Page } from '@playwright/test';

/** Collects console errors and page errors; tests end by asserting there were none. */
export function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

/**
 * Waits until the service worker has installed (precached everything) and, after a reload,
 * controls the page: from then on the app opens offline.
 */
export async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
}
