import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { expectOnePrintedPage, testWithoutErrors as test, openPatient } from './helpers';

// Every test here fails on a console or page error (testWithoutErrors).

const steps = (page: Page) => page.getByRole('list', { name: 'Steps of a session' });
const calendar = (page: Page) => page.getByRole('table', { name: /Sessions by week/ });

async function chooseNasalCourse(page: Page) {
  await page.getByRole('radio', { name: 'Esketamine spray for the nose' }).check();
  await expect(steps(page)).toContainText('Resting at the clinic');
  await page.getByRole('radio', { name: 'A course of sessions' }).check();
  await expect(page.getByText(/This simulation has 14 sessions/)).toBeVisible();
}

test('shows the session steps and the course calendar; the treatment choice changes both', async ({
  page,
}) => {
  await openPatient(page);

  await expect(page.getByRole('heading', { level: 2, name: /a ketamine drip/ })).toBeVisible();
  await expect(steps(page).getByRole('listitem')).toHaveCount(6);
  await expect(steps(page)).toContainText('The drip');
  await expect(steps(page)).toContainText('From the start to 40 minutes');
  await expect(steps(page)).not.toContainText('at least 2 hours');
  // The IV example course: 6 drips over 2 weeks.
  await expect(calendar(page).getByRole('row')).toHaveCount(3);
  await expect(calendar(page).getByRole('cell', { name: 'Treatment day' })).toHaveCount(6);
  await expect(page.getByText('It is not a dosing guide').first()).toBeVisible();

  // Keyboard: arrow keys move between the treatments.
  await page.getByRole('radio', { name: 'Ketamine drip into a vein (IV)' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Esketamine spray for the nose' })).toBeChecked();

  await expect(
    page.getByRole('heading', { level: 2, name: /esketamine nose spray/ }),
  ).toBeVisible();
  await expect(steps(page).getByRole('listitem')).toHaveCount(9);
  await expect(steps(page)).toContainText('no food for 2 hours before a dose');
  await expect(steps(page)).toContainText('Resting at the clinic');
  await expect(steps(page)).toContainText(
    'You stay at the clinic for at least 2 hours after each dose.',
  );
  await expect(steps(page)).toContainText('until the next day, after a good night of sleep');
  // The label schedule: 8 + 4 + 2 sessions over 11 weeks.
  await expect(calendar(page).getByRole('cell', { name: 'Treatment day' })).toHaveCount(14);
  await expect(page.locator('figure.timeline figcaption')).toContainText('level is highest at');

  // Every source number points at an entry of the list of sources.
  const refs = await page.locator('.patient a[href^="#patient-source-"]').all();
  expect(refs.length).toBeGreaterThan(5);
  for (const a of refs) {
    const id = (await a.getAttribute('href'))!.slice(1);
    await expect(page.locator(`li[id="${id}"]`)).toHaveCount(1);
  }

  // The choice drives the simulator's own scenario.
  await page.getByRole('radio', { name: 'A course of sessions' }).check();
  await expect(page.getByText(/This simulation has 14 sessions/)).toBeVisible();
  await page.getByRole('button', { name: 'Go to the full simulator' }).click();
  await expect(page.getByRole('radio', { name: 'Intranasal esketamine (Spravato)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Treatment course/ })).toBeChecked();
});

test('prints a one-page handout: nav and controls hidden, teaching notice kept', async ({
  page,
}) => {
  await openPatient(page);

  // The button calls the browser's print dialog.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole('button', { name: 'Print handout' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  for (const choose of [async () => {}, () => chooseNasalCourse(page)]) {
    await choose();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print handout' })).toBeHidden();
    await expect(page.getByRole('radio').first()).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.getByRole('note')).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Teaching tool only');
    await expect(steps(page)).toBeVisible();
    await expect(calendar(page)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    // Left out on paper: the timeline picture with its faint curve, and the full source titles.
    await expect(page.locator('figure.timeline')).toBeHidden();
    await expect(page.locator('.sources ol')).toBeHidden();

    for (const pdf of await expectOnePrintedPage(page, ''))
      expect(pdf.length, 'PDF bytes').toBeGreaterThan(30_000);
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  }
});

test('patient mode has no serious or critical accessibility violations (axe)', async ({ page }) => {
  await openPatient(page);
  for (const choose of [async () => {}, () => chooseNasalCourse(page)]) {
    await choose();
    await page.locator('details.data summary').click();
    await expect(page.getByRole('table', { name: /Drug level in the blood/ })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await page.locator('details.data summary').click();
  }
});

test('fits a 360 px phone and a 1920 px screen without horizontal scrolling', async ({ page }) => {
  for (const [width, height] of [
    [360, 740],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openPatient(page);
    await chooseNasalCourse(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `overflow at ${width} px`).toBeLessThanOrEqual(0);
  }
});
