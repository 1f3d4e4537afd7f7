/** What several end-to-end specs share. */
import { test as base, expect, type Page } from '@playwright/test';

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
 * Playwright's `test` for specs whose every test must run without console or page errors: they
 * are collected from the test's start (watchErrors) and asserted to be none when it has run.
 */
export const testWithoutErrors = base.extend<{ noErrors: void }>({
  noErrors: [
    async ({ page }, use) => {
      const errors = watchErrors(page);
      await use();
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

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

/**
 * Opens the simulator (at `url`, by default the start page) and waits until the engine has
 * answered: the summary table has a row for each scenario.
 */
export async function openSimulator(page: Page, url = './'): Promise<void> {
  await page.goto(url);
  await expect(page.locator('table.summary tbody tr').first()).toBeVisible();
}

/** Opens the exercises (at `search`) and waits for the first exercise's drawing area. */
export async function openExercises(page: Page, search = '?mode=exercises'): Promise<void> {
  await page.goto(`./${search}`);
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
}

/** Opens patient mode (at `search`) and waits for the session timeline's description. */
export async function openPatient(page: Page, search = '?mode=patient'): Promise<void> {
  await page.goto(`./${search}`);
  await expect(page.locator('figure.timeline figcaption')).toContainText('level is highest at');
}
