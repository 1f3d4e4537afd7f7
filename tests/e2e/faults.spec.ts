/**
 * Faults a real session meets: a worker that dies, damaged links in every view, the engine on the
 * main thread in every view, a lecture that must give the user's scenario back, Back after a
 * change, and very long lecture links.
 */
import { expect, test, type Page } from '@playwright/test';

async function cmax(page: Page): Promise<number> {
  const cell = page.locator('table.summary tbody tr').first().locator('td').first();
  await expect(cell).not.toHaveText('');
  return Number(await cell.textContent());
}

test('a worker killed mid-drag is noticed: it is restarted, the figures follow the slider again, and the page says so', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  await expect.poll(() => page.workers().length).toBe(2);
  const slider = page.getByRole('slider', { name: 'Dose (mg/kg)' });
  await slider.focus();
  await slider.press('ArrowRight');
  // Both workers die, as they do when the browser kills them: no event reaches the page.
  for (const w of page.workers()) await w.evaluate(() => self.close()).catch(() => {});
  for (let k = 0; k < 4; k++) await slider.press('ArrowRight');
  await expect(page.locator('[data-notice="engine"]')).toContainText(
    'so a new one was started and the figures were computed again',
    { timeout: 20_000 },
  );
  // The figures are those of the slider's last value: a fresh page at the same address agrees.
  await expect.poll(async () => new URL(page.url()).search, { timeout: 5000 }).toContain('state=');
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  const expected = await cmax(fresh);
  await expect.poll(() => cmax(page), { timeout: 20_000 }).toBe(expected);
  // Later edits still reach the engine.
  await slider.press('ArrowLeft');
  await expect.poll(() => cmax(page), { timeout: 10_000 }).toBeLessThan(expected);
});
