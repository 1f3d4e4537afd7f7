import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test, openSimulator, openQrDialog } from './helpers';

// Share copies the link here (no share sheet), and the tests may read the clipboard.
test.use({ copyLinks: true });

/**
 * The simulator's Share button (the system's share sheet where there is one, else the clipboard,
 * else a field to copy from) and its QR code, drawn on the page without the network.
 */
/** Moves the dose away from the default, so the link has a state to carry. */
async function changeDose(page: Page) {
  const field = page.getByRole('spinbutton', { name: 'Dose (mg/kg)' });
  await field.fill('0.8');
  await field.press('Enter');
  await expect(page.locator('ul.legend li').first()).toContainText('IV 0.8 mg/kg');
}

test('Share copies the link of the view, which opens the same view', async ({ page, context }) => {
  await openSimulator(page);
  await changeDose(page);
  // At once, not after the address's usual pause: the link is written when it is asked for.
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toContain('state=');
  const other = await context.newPage();
  await other.goto(copied);
  await expect(other.locator('ul.legend li').first()).toContainText('IV 0.8 mg/kg');
  await expect(other.getByRole('spinbutton', { name: 'Dose (mg/kg)' })).toHaveValue('0.8');
});

test('where the clipboard is refused, the link is shown in a field to copy by hand', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: () => Promise.reject(new DOMException('No', 'NotAllowedError')) }),
    });
  });
  await openSimulator(page);
  await changeDose(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Select the link and copy it.' }),
  ).toBeVisible();
  const field = page.getByRole('textbox', { name: 'Link to this view' });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('readonly', '');
  await expect(field).toHaveValue(page.url());
});

test("uses the system's share sheet where there is one", async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { shared: unknown[] };
    w.shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: (data: unknown) => {
        w.shared.push(data);
        return Promise.resolve();
      },
    });
  });
  await openSimulator(page);
  await changeDose(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link shared.' })).toBeVisible();
  const shared = await page.evaluate(
    () => (window as unknown as { shared: { url: string }[] }).shared,
  );
  expect(shared).toHaveLength(1);
  expect(shared[0]!.url).toBe(page.url());
});

test('Show QR code draws the link in a dialog, without the network; Escape closes it', async ({
  page,
}) => {
  await openSimulator(page);
  await changeDose(page);
  const { opener, dialog, requests } = await openQrDialog(page, 'QR code of this view');
  const link = page.url();
  const code = dialog.getByRole('img', { name: `QR code of the link ${link}` });
  await expect(code).toBeVisible();
  expect(await code.evaluate((e) => e.tagName.toLowerCase())).toBe('svg');
  // Large enough to scan across a room: at least 200 px, and the modules are drawn.
  const box = (await code.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(200);
  expect(await code.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h\d+/);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  expect(requests.every((u) => new URL(u).origin === new URL(link).origin)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the QR code fills a projector screen', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSimulator(page);
  await page.getByRole('button', { name: 'Show QR code' }).click();
  const code = page.getByRole('dialog').getByRole('img');
  await expect(code).toBeVisible();
  const box = (await code.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(600);
  expect(box.y + box.height).toBeLessThanOrEqual(1080);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show QR code' })).toBeFocused();
});
