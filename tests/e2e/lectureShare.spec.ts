/**
 * The lecture's Share button and QR code: on the projector, a code that students scan to open
 * the same lecture at the same step on their phones, drawn on the page without the network.
 */
import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test, openLecture, copyShareLink, openQrDialog } from './helpers';

// Share copies the link here (no share sheet), and the tests may read the clipboard.
test.use({ copyLinks: true });

/** What shows which lecture and which step: the title, the counter, the caption, the key. */
async function shown(page: Page) {
  await expect(page.locator('ul.legend li').first()).toBeVisible();
  return {
    title: await page.getByRole('heading', { level: 1 }).innerText(),
    counter: await page.locator('.counter').innerText(),
    caption: await page.locator('.caption-text').innerText(),
    legend: await page.locator('ul.legend li').allInnerTexts(),
  };
}

test('the QR code of a lecture step opens the same lecture at the same step', async ({
  page,
  context,
}) => {
  await openLecture(page);
  await page.keyboard.press('3');
  await expect(page.getByText('Step 3 of 5')).toBeVisible();
  const before = await shown(page);
  const { opener, dialog, requests } = await openQrDialog(
    page,
    'QR code of this lecture at step 3',
  );
  const link = await dialog.getByRole('textbox', { name: 'The link' }).inputValue();
  const code = dialog.getByRole('img', { name: `QR code of the link ${link}` });
  await expect(code).toBeVisible();
  // Large on the projector and wholly on the screen; few modules, so each is large.
  const box = (await code.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(600);
  expect(box.y + box.height).toBeLessThanOrEqual(1080);
  const modules = Number((await code.getAttribute('viewBox'))!.split(' ')[2]);
  expect(modules).toBeLessThanOrEqual(57 + 8);
  expect(requests.every((u) => new URL(u).origin === new URL(link).origin)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // A student's phone opens the link on a first visit: the same lecture, at step 3.
  const other = await context.newPage();
  await other.setViewportSize({ width: 390, height: 844 });
  await other.goto(link);
  await expect(other.getByText('Step 3 of 5')).toBeVisible();
  await expect(other.getByRole('alert')).toHaveCount(0);
  expect(await shown(other)).toEqual(before);
  // Its address then holds the whole sequence, as a lecture's address always does.
  await expect(other).toHaveURL(/seq=[A-Za-z0-9_-]{200,}/);
});

test('Share gives the link of an edited lecture at its step, with the edits', async ({
  page,
  context,
}) => {
  await openLecture(page);
  await page.keyboard.press('c');
  const caption = page.getByRole('textbox', { name: 'Caption of step 2' });
  await caption.fill('Our own words for step 2.');
  await caption.press('Tab');
  await page.getByRole('button', { name: 'Show step 2', exact: true }).click();
  await page.getByRole('button', { name: 'Controls' }).click();
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
  await copyShareLink(page);
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByText('Step 2 of 5')).toBeVisible();
  await expect(other.locator('.caption-text')).toHaveText('Our own words for step 2.');
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(
    'IV ketamine versus intranasal esketamine',
  );
});
