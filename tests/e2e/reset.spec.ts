import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test, openSimulator } from './helpers';

/** Reset all (button and Alt+R) back to a fresh page's state, and Undo of a reset or a removal. */
const RESET = 'All scenarios and view options reset. Undo available.';

/** The scenarios' names and doses, the view options, as the page shows them. */
function shown(page: Page) {
  return page.evaluate(() => ({
    names: [...document.querySelectorAll('#controls .scenario .name')].map((e) => e.textContent),
    dose: document.querySelector<HTMLInputElement>('#dose-number')?.value,
    options: [...document.querySelectorAll<HTMLSelectElement>('.view-options select')].map(
      (s) => s.value,
    ),
  }));
}

/** How many scenarios the address's state holds (base64url JSON in the fragment). */
function scenariosInAddress(page: Page): Promise<number> {
  return page.evaluate(() => {
    const state = new URLSearchParams(location.hash.slice(1)).get('state');
    if (!state) return 0;
    const json = atob(state.replace(/-/g, '+').replace(/_/g, '/'));
    return (
      JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as {
        scenarios: unknown[];
      }
    ).scenarios.length;
  });
}

/** Two scenarios, another dose, a log scale. */
async function changeEverything(page: Page) {
  await page.getByRole('button', { name: 'Add a copy to compare' }).click();
  const dose = page.getByRole('spinbutton', { name: 'Dose (mg/kg)' });
  await dose.fill('0.8');
  await dose.press('Enter');
  await page.getByRole('combobox', { name: 'Scale' }).selectOption('log');
  await expect(page.locator('#controls .scenario')).toHaveCount(2);
  await expect(page.locator('ul.legend li').nth(1)).toContainText('IV 0.8 mg/kg');
}

test('Reset all gives the start state with one announcement; Undo puts back exactly what was there', async ({
  page,
}) => {
  await openSimulator(page);
  const fresh = await shown(page);
  await changeEverything(page);
  const changed = await shown(page);
  await page.getByRole('button', { name: 'Reset all', exact: true }).click();
  await expect(page.locator('#controls .scenario')).toHaveCount(1);
  expect(await shown(page)).toEqual(fresh);
  // The address follows the reset, so that the later check shows it follows the undo too.
  await expect.poll(() => scenariosInAddress(page)).toBe(1);
  // Said once, politely.
  const said = page.getByText(RESET, { exact: true });
  await expect(said).toHaveCount(1);
  await expect(said).toHaveAttribute('role', 'status');
  await expect(page.getByRole('button', { name: 'Reset all', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Undo reset all' }).click();
  await expect(page.locator('#controls .scenario')).toHaveCount(2);
  expect(await shown(page)).toEqual(changed);
  await expect(page.locator('ul.legend li').nth(1)).toContainText('IV 0.8 mg/kg');
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset all', exact: true })).toBeFocused();
  // The address follows (once changes pause): a reload shows the restored view.
  await expect.poll(() => scenariosInAddress(page)).toBe(2);
  await page.reload();
  await expect(page.locator('#controls .scenario')).toHaveCount(2);
});

test('Alt+R resets from anywhere but a text field, and Undo lasts until the next change', async ({
  page,
}) => {
  await openSimulator(page);
  await changeEverything(page);
  const changed = await shown(page);
  // Typing in the name field: Alt+R is the field's.
  await page.getByRole('textbox', { name: 'Name of the selected scenario' }).focus();
  await page.keyboard.press('Alt+KeyR');
  await expect(page.locator('#controls .scenario')).toHaveCount(2);
  await expect(page.getByText(RESET)).toHaveCount(0);
  // On the dose slider (not typing), it resets.
  await page.locator('#dose-range').focus();
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByText(RESET, { exact: true })).toHaveCount(1);
  await expect(page.locator('#controls .scenario')).toHaveCount(1);
  // Another change ends the chance to undo.
  await page.getByRole('combobox', { name: 'Scale' }).selectOption('log');
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await expect(page.getByText(RESET)).toHaveCount(0);
  expect((await shown(page)).names).toHaveLength(1);
  expect(changed.names).toHaveLength(2);
  // Lecture mode has no Reset all, and its keys ignore Alt: Alt+R changes nothing there.
  await page.goto('./?mode=lecture');
  await expect(page.locator('ul.legend li')).toHaveCount(1);
  // The lecture's first step writes its state into the address once changes pause: wait for it.
  await expect(page).toHaveURL(/state=/);
  const url = page.url();
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByText(RESET)).toHaveCount(0);
  expect(page.url()).toBe(url);
});

test('removing a scenario offers Undo, which puts it back in its place with its settings', async ({
  page,
}) => {
  await openSimulator(page);
  await changeEverything(page);
  await page.locator('#controls .scenario').first().click();
  await page.getByRole('button', { name: 'Add a copy to compare' }).click();
  await expect(page.locator('#controls .scenario')).toHaveCount(3);
  // Select the middle one (0.8 mg/kg) and remove it.
  await page.locator('#controls .scenario').nth(1).click();
  const before = await shown(page);
  await page.getByRole('button', { name: 'Remove selected' }).click();
  await expect(page.locator('#controls .scenario')).toHaveCount(2);
  const undo = page.getByRole('button', { name: `Undo remove "${before.names[1]}"` });
  await expect(undo).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: 'removed. Undo available.' }),
  ).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.locator('#controls .scenario')).toHaveCount(3);
  expect(await shown(page)).toEqual(before);
  await expect(page.locator('#controls .scenario').nth(1).locator('input')).toBeChecked();
});
