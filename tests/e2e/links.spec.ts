/** Links that open a view elsewhere (a new tab, a copied link) carry the state the user reached. */
import { expect } from '@playwright/test';
import { testWithoutErrors as test } from './helpers';

test('a mode link opened in a new tab keeps the scenario: esketamine opens as the nose spray in patient mode', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  await page.getByRole('radio', { name: 'Intranasal esketamine (Spravato)' }).check();
  await expect(page.locator('table.summary tbody tr').first()).toContainText('Nasal 84 mg');

  // What a middle click or a context menu does first: press the link (no click follows).
  const link = page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Patient' });
  await link.dispatchEvent('pointerdown');
  const href = await link.getAttribute('href');
  const other = await context.newPage();
  await other.goto(new URL(href!, page.url()).href);
  await expect(
    other.getByRole('heading', { level: 2, name: /esketamine nose spray/ }),
  ).toBeVisible();

  // The keyboard's way to a link's menu: focus it.
  await page.getByRole('radio', { name: 'IV racemic ketamine' }).check();
  await expect(page.locator('table.summary tbody tr').first()).not.toContainText('Nasal');
  await link.focus();
  const ivHref = await link.getAttribute('href');
  await other.goto(new URL(ivHref!, page.url()).href);
  await expect(other.getByRole('heading', { level: 2, name: /ketamine drip/ })).toBeVisible();
});
