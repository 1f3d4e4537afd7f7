import { test, expect } from '@playwright/test';

test('the built app shows its shell, with no console errors and no request off its origin', async ({
  page,
  baseURL,
}) => {
  const problems: string[] = [];
  const offOrigin: string[] = [];
  const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;

  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) offOrigin.push(req.url());
  });
  page.on('requestfailed', (req) => problems.push(`failed request: ${req.url()}`));

  await page.goto('./');

  await expect(page).toHaveTitle(/Ketamine/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('teaching simulator');
  await expect(page.getByRole('note').filter({ hasText: 'Teaching tool only' })).toBeVisible();
  for (const region of [
    'Dose and patient',
    'Concentration over time',
    'Mechanism',
    'Clinical context',
  ]) {
    await expect(page.getByRole('region', { name: region })).toBeVisible();
  }
  const aboutRegion = page.getByRole('region', { name: 'About this simulator' });
  await expect(aboutRegion).toContainText('Licence');
  await expect(aboutRegion).toContainText('Anesthesiology');

  const icon = await page.request.get('./favicon.svg');
  expect(icon.status()).toBe(200);
  expect(await icon.text()).toContain('<svg');

  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
  expect(offOrigin).toEqual([]);
});
