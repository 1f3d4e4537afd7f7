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
 * With `test.use({ copyLinks: true })` the browser is a desktop one without a share sheet: Share
 * copies the link, and the test may read the clipboard.
 */
export const testWithoutErrors = base.extend<{ noErrors: void; copyLinks: boolean }>({
  copyLinks: [false, { option: true }],
  noErrors: [
    async ({ page, context, copyLinks }, use) => {
      const errors = watchErrors(page);
      if (copyLinks) {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await page.addInitScript(() => {
          const share = { value: undefined, configurable: true };
          Object.defineProperty(Navigator.prototype, 'share', share);
        });
      }
      await use();
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

/** Presses Share and waits for the page to say the link was copied (needs `copyLinks`). */
export async function copyShareLink(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
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

/** Opens lecture mode as a projector shows it (1920 x 1080) and waits for its first step. */
export async function openLecture(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?mode=lecture');
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
}

/**
 * Opens the QR code dialog named `name` with its button, and records every request the page
 * makes from just before (a QR code is drawn on the device: none should leave the site).
 */
export async function openQrDialog(page: Page, name: string) {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const opener = page.getByRole('button', { name: 'Show QR code' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return { opener, dialog, requests };
}

/**
 * Draws on the chart with the mouse through points given in data units (t min, c ng/mL), on a
 * drawing area from 0 to endMin and 0 to yTop.
 */
export async function drawCurve(
  page: Page,
  points: [number, number][],
  endMin: number,
  yTop: number,
): Promise<void> {
  const surface = page.locator('.draw-surface');
  await surface.scrollIntoViewIfNeeded();
  const box = (await surface.boundingBox())!;
  const px = ([t, c]: [number, number]) => ({
    x: box.x + (t / endMin) * (box.width - 1),
    y: box.y + (1 - c / yTop) * (box.height - 1),
  });
  const first = px(points[0]!);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const p of points.slice(1)) {
    const q = px(p);
    await page.mouse.move(q.x, q.y, { steps: 4 });
  }
  await page.mouse.up();
}

/** Pages of a PDF: its /Type /Page objects (not the /Pages tree). */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/**
 * Prints the page (print media already emulated) on A4 and on US Letter with 10 mm margins, and
 * expects one page each; returns the PDFs.
 */
export async function expectOnePrintedPage(page: Page, label: string): Promise<Buffer[]> {
  const pdfs: Buffer[] = [];
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({
      format,
      margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' },
    });
    expect(pdfPages(pdf), `${label}${label ? ': ' : ''}${format} pages`).toBe(1);
    pdfs.push(pdf);
  }
  return pdfs;
}
