/**
 * Service worker faults: a deployment while a page is open, and an offline reload of every view.
 * The deployment test serves its own copy of the build (scripts/serve.mjs, the server `npm start`
 * uses), so it can change the files under an open page as a real deployment does.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { untilControlled } from './helpers';
import { createStaticServer, listen } from '../../scripts/serve.mjs';

const OUTDIR = process.env.PW_OUTDIR ?? 'dist';

test.describe('a deployment while a page is open', () => {
  let dir = '';
  let server: Server | null = null;
  let origin = '';
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ketamine-deploy-'));
    cpSync(OUTDIR, dir, { recursive: true });
    server = createStaticServer({ dir });
    origin = await listen(server, '127.0.0.1', 0);
  });
  test.afterAll(async () => {
    await new Promise((r) => server?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  test('the page offers "Reload to update", and the reload brings the new version with the same settings', async ({
    page,
  }) => {
    await page.goto(`${origin}#v=1&mode=patient`);
    await expect(page.getByRole('radio', { name: 'Esketamine spray for the nose' })).toBeVisible();
    await untilControlled(page);
    await expect(page.locator('[data-notice="update"]')).toHaveCount(0);
    const before = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return r?.active?.scriptURL ?? '';
    });
    // The new deployment: a service worker that differs by a byte.
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8') + '\n// deployment 2\n');
    // The page asks for updates when it comes back into view.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const notice = page.locator('[data-notice="update"]');
    await expect(notice).toContainText('A new version of the simulator is ready', {
      timeout: 15_000,
    });
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    await expect(page.getByRole('radio', { name: 'Esketamine spray for the nose' })).toBeVisible();
    expect(new URL(page.url()).hash).toContain('mode=patient');
    const after = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: r?.waiting !== null && r?.waiting !== undefined, active: r?.active?.state };
    });
    expect(after).toEqual({ waiting: false, active: 'activated' });
    expect(before).not.toBe('');
    await expect(page.locator('[data-notice="update"]')).toHaveCount(0);
  });
});

test('every view opens offline after the first visit', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  await untilControlled(page);
  await context.setOffline(true);
  const views: [string, (p: Page) => Promise<void>][] = [
    ['./', (p) => expect(p.locator('table.summary tbody tr')).toHaveCount(1)],
    ['./#mode=presenter', (p) => expect(p.getByText(/Step 1 of/)).toBeVisible()],
    [
      './#mode=patient',
      (p) => expect(p.getByRole('radio', { name: 'Esketamine spray for the nose' })).toBeVisible(),
    ],
    [
      './#mode=exercises',
      (p) =>
        expect(p.getByRole('link', { name: 'Exercises' })).toHaveAttribute('aria-current', 'page'),
    ],
    ['./embed.html', (p) => expect(p.getByText('Open in the full simulator')).toBeVisible()],
  ];
  for (const [address, shown] of views) {
    await page.goto(address);
    await page.reload();
    await shown(page);
  }
});
