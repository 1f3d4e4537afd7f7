/**
 * Lecture keys as a presenter meets them: a clicker sends Page Up/Down, and the presenter has
 * often just clicked something on the page.
 */
import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test, openLecture, copyShareLink } from './helpers';

// Share copies the link here (no share sheet), and the tests may read the clipboard.
test.use({ copyLinks: true });

/** Presses each key in turn and checks the step it shows (1-based) after it. */
async function pressAndSee(page: Page, presses: [key: string, step: number][]) {
  for (const [key, step] of presses) {
    await page.keyboard.press(key);
    await expect(page.getByText(`Step ${step} of 5`)).toBeVisible();
  }
}

test('Page Down, Page Up and the arrows step the lecture after a click on Next', async ({
  page,
}) => {
  await openLecture(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
  await pressAndSee(page, [
    ['PageDown', 3],
    ['ArrowRight', 4],
    ['PageUp', 3],
  ]);
});

test('Page Down and the arrows step the lecture after a click on a reading-level choice', async ({
  page,
}) => {
  await openLecture(page);
  const plain = () => page.getByRole('radio', { name: 'Plain language' });
  await plain().check();
  await pressAndSee(page, [
    ['PageDown', 2],
    ['ArrowRight', 3],
    ['ArrowLeft', 2],
  ]);
  // The keys stepped the lecture; the choice the presenter clicked stays as it was.
  await expect(plain()).toBeChecked();
});

test('the editor keeps its own keys: typing and arrows in its fields do not step', async ({
  page,
}) => {
  await openLecture(page);
  await page.keyboard.press('c');
  const drawer = page.getByRole('region', { name: 'Controls and lecture editor' });
  await expect(drawer).toBeVisible();
  // C moves focus into the editor it opened.
  await expect
    .poll(() => page.evaluate(() => !!document.activeElement?.closest('.drawer')))
    .toBe(true);
  const dose = drawer.getByRole('spinbutton', { name: 'Dose (mg/kg)' });
  await dose.focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
});

test('Esc on the key list gives focus back, not to the page body', async ({ page }) => {
  await openLecture(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Lecture keys' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.tagName ?? 'none'))
    .not.toBe('BODY');
  // And the lecture keys still work from there.
  await pressAndSee(page, [['PageDown', 2]]);
});

test('the keys step the lecture after a click on Share and after the QR code is closed', async ({
  page,
}) => {
  await openLecture(page);
  await copyShareLink(page);
  await pressAndSee(page, [
    ['PageDown', 2],
    ['ArrowRight', 3],
  ]);
  // While the code is shown, the keys are the dialog's; Escape closes it and gives the focus
  // back to its button, from where the keys step again.
  const opener = page.getByRole('button', { name: 'Show QR code' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'QR code of this lecture at step 3' });
  await expect(dialog.getByRole('img')).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByText('Step 3 of 5')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await pressAndSee(page, [
    ['PageDown', 4],
    ['PageUp', 3],
  ]);
  // Closed with its button, the same.
  await opener.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(opener).toBeFocused();
  await pressAndSee(page, [['ArrowLeft', 2]]);
});
