import { expect, test } from '@playwright/test';

test('the mechanism panels follow the time cursor and switch reading level', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  const now = page.getByRole('region', { name: /At the time cursor/ });
  await expect(now).toContainText('Estimated NMDA receptor occupancy');

  const cursor = page.getByRole('slider', { name: /Time cursor: Plasma/ });
  await cursor.focus();
  await page.keyboard.press('Home');
  await expect(now).toContainText('during dosing');
  // t = 0: dosing has only just begun and no drug has reached the brain yet.
  await expect(now).toContainText('Under way now: none yet');
  // On the default 4 h window a key moves the cursor 1 min, with Shift 10 min.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(now).toContainText('Under way now: Dissociation and slowed thinking');
  const early = await now.textContent();

  // 40 min: the end of the infusion, the highest occupancy.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(now).toContainText('0 min after dosing ended');
  const peak = await now.textContent();
  expect(peak).not.toBe(early);

  // Late in the day only the slower stages are under way.
  await page.keyboard.press('End');
  await expect(now).toContainText('after dosing ended');
  await expect(now).toContainText('BDNF translation and mTORC1 signalling');
  await expect(now).not.toContainText('Dissociation and slowed thinking');

  const debated = page.getByRole('region', { name: 'Other proposed contributions (debated)' });
  await expect(debated).toContainText('Default mode network');
  await expect(debated).toContainText('Anti-inflammatory effects');
  await expect(debated).toContainText('Scheidegger M et al. 2012');

  await page.getByRole('radio', { name: 'Plain language' }).check();
  await expect(now).toContainText('of these brain gates are plugged right now');
  await expect(
    page.getByRole('heading', { name: 'Blocking a brain signal channel' }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
