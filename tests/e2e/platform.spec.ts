import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { untilControlled } from './helpers';

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || '(inline)'}`),
    );
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? [])),
    ...fromConsole,
  ];
}

const curveDrawn = (page: Page) => expect(page.locator('ul.legend li').first()).toBeVisible();

test.describe('content security policy', () => {
  // The probe script below is served by the test; a service worker would answer before the test
  // could, so this test runs without one (offline use has its own test).
  test.use({ serviceWorkers: 'block' });
  test('the Content-Security-Policy allows only the app itself, and every view runs under it', async ({
    page,
  }) => {
    const violations = await watchCsp(page);
    await page.goto('./');
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');

    // Exercise the app: chart, band, data table, PNG export (canvas + blob image), every mode.
    await curveDrawn(page);
    await page.locator('details.data-table summary').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download chart (PNG)' }).click();
    await download;
    await page.getByRole('radio', { name: 'Intranasal esketamine (Spravato)' }).check();
    for (const view of ['Lecture', 'Patient', 'Exercises', 'Simulator']) {
      if (view === 'Lecture') {
        await page.getByRole('link', { name: view }).click();
        await expect(page.getByText(/Step 1 of/)).toBeVisible();
        await page.keyboard.press('Space');
        await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
        await page.getByRole('button', { name: 'Leave lecture' }).click();
      } else {
        await page.getByRole('link', { name: view, exact: true }).click();
        await expect(page.getByRole('link', { name: view, exact: true })).toHaveAttribute(
          'aria-current',
          'page',
        );
      }
    }
    await page.goto('./?embed=1');
    await curveDrawn(page);
    expect(await violations()).toEqual([]);

    // The policy is live. An inline script is refused and reported. Eval is tried from a script
    // of the app's own origin (served by the test), since code run by the test tool itself is
    // exempt from the page's policy.
    await page.route('**/__csp-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: "try { eval('1'); window.__evalRan = true; } catch { window.__evalRan = false; }",
      }),
    );
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      const probe = document.createElement('script');
      probe.src = './__csp-probe.js';
      document.body.append(probe);
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __evalRan?: boolean }).__evalRan))
      .toBe(false);
    expect(
      await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
    ).toBe(undefined);
    const reported = await violations();
    expect(reported.some((v) => v.includes('(inline)') || v.includes('inline'))).toBe(true);
    expect(reported.some((v) => v.includes('eval'))).toBe(true);
  });
});

test('installable and fully usable offline after the first visit', async ({ page, context }) => {
  await page.goto('./');
  await curveDrawn(page);
  const manifest = await page.request.get('./manifest.webmanifest');
  expect(manifest.ok()).toBe(true);
  const m = (await manifest.json()) as { name: string; icons: { sizes: string }[] };
  expect(m.name).toContain('Ketamine');
  expect(m.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  await untilControlled(page);

  await context.setOffline(true);
  await page.reload();
  await curveDrawn(page);
  await expect(page.getByText('Starting the simulation engine')).toHaveCount(0);
  // The engine runs (in its worker) offline: a dose change redraws the curve.
  const cmaxText = () => page.locator('table.summary tbody tr td').first().innerText();
  const before = await cmaxText();
  const dose = page.getByRole('spinbutton', { name: 'Dose (mg/kg)' });
  await dose.fill('1');
  await dose.press('Enter');
  await expect.poll(cmaxText).not.toBe(before);
  // Lazily loaded views come from the cache too.
  await page.getByRole('link', { name: 'Lecture' }).click();
  await expect(page.getByText(/Step 1 of/)).toBeVisible();
  await page.goto('./?mode=exercises');
  await expect(page.getByRole('link', { name: 'Exercises' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.setOffline(false);
});

test('embed=1 gives a compact view with a link to the full app', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 600, height: 500 });
  await page.goto('./?embed=1');
  await curveDrawn(page);
  await expect(page.getByRole('note')).toContainText('Teaching tool only');
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
  await expect(page.locator('table.summary')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download chart (PNG)' })).toHaveCount(0);

  await page.getByText('Change the dose and patient').click();
  const before = page.url();
  const dose = page.getByRole('spinbutton', { name: 'Dose (mg/kg)' });
  await dose.fill('0.8');
  await dose.press('Enter');
  await expect(page.locator('ul.legend li').first()).toContainText('IV 0.8 mg/kg');
  // The state reaches the address once changes pause; the link is built from the address.
  await expect.poll(() => page.url()).not.toBe(before);
  await expect(page).toHaveURL(/embed=1/);

  const link = page.getByRole('link', { name: 'Open in the full simulator' });
  await link.focus();
  const href = (await link.getAttribute('href'))!;
  expect(href).not.toContain('embed');
  const full = await page.context().newPage();
  await full.goto(new URL(href, page.url()).href);
  await expect(full.getByRole('navigation', { name: 'Views' })).toBeVisible();
  await expect(full.locator('ul.legend li').first()).toContainText('IV 0.8 mg/kg');

  await page.setViewportSize({ width: 360, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  expect(overflow).toBe(false);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  expect(errors).toEqual([]);
});
