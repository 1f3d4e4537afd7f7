/**
 * First impressions and the curve in words: the default window shows the infusion, "Describe the
 * curve" reads the same figures as the summary table in the unit shown, and a bad level is
 * refused with a message.
 */
import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test, openSimulator } from './helpers';

const summaryCell = (page: Page, col: number) =>
  page.locator('table.summary tbody tr').first().locator('td').nth(col);

test('the default window is 4 h, so the 40-min infusion takes a sixth of the chart', async ({
  page,
}) => {
  await openSimulator(page);
  await expect(page.getByRole('combobox', { name: 'Time window' })).toHaveValue('4h');
  await expect(page.locator('#conc-chart-title ~ svg')).toContainText(
    'Time since first dose (min)',
  );
});

test('"Describe the curve" says the peak, the time at or above a level and the fall below it, in the unit shown', async ({
  page,
}) => {
  await openSimulator(page);
  await page.getByText('Describe the curve in words').click();
  const words = page.locator('details.describe');
  const peak = (await summaryCell(page, 0).textContent())!;
  const when = (await summaryCell(page, 1).textContent())!;
  await expect(words).toContainText(`rises to a peak of ${peak} ng/mL at ${when}`);
  await expect(words).toContainText('at or above 100 ng/mL for');
  await expect(words).toContainText('falls below 100 ng/mL at');
  await expect(words).toContainText('The effect site (where the drug acts) peaks at');

  const level = page.getByRole('spinbutton', { name: 'Level to describe (ng/mL)' });
  await level.fill('50');
  await level.press('Enter');
  await expect(words).toContainText('at or above 50 ng/mL for');

  // A level that is not above 0 is refused, said, and the last level stays in use.
  await level.fill('0');
  await level.press('Enter');
  await expect(level).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#describe-level-help')).toContainText('Type a level above 0 ng/mL');
  await expect(words).toContainText('at or above 50 ng/mL for');

  // In µM the same level is kept, in the new unit (50 ng/mL of ketamine is 0.21 µM).
  await page.getByRole('combobox', { name: 'Unit' }).selectOption('uM');
  await expect(page.getByRole('spinbutton', { name: 'Level to describe (µM)' })).toHaveValue(
    '0.21',
  );
  await expect(words).toContainText('at or above 0.210 µM for');
});

test('a paediatric model brings a typical child of its study, says so, and a model of adults brings the adult back', async ({
  page,
}) => {
  await openSimulator(page);
  const model = page.getByRole('combobox', { name: 'Pharmacokinetic model' });
  const weight = page.getByRole('spinbutton', { name: 'Weight (kg)' });
  const age = page.getByRole('spinbutton', { name: 'Age (years)' });
  await expect(weight).toHaveValue('70');
  await model.selectOption({ label: 'Herd 2007 (paediatric)' });
  await expect(weight).toHaveValue('32.5');
  await expect(age).toHaveValue('8.3');
  await expect(page.getByRole('status').filter({ hasText: 'typical child' })).toContainText(
    "8.3 years, 32.5 kg (the study's mean)",
  );
  // The sliders span the ages and weights of the model's children (Herd 2007: 1-14 years,
  // 10.8-74.8 kg), so the thumb shows the value, not an end stop.
  await expect(page.locator('#age-range')).toHaveAttribute('max', '14');
  await expect(page.locator('#weight-range')).toHaveAttribute('min', '10.8');
  await model.selectOption({ label: 'Herd 2007 at adult size' });
  await expect(weight).toHaveValue('70');
  await expect(age).toHaveValue('40');
  await expect(page.getByRole('status').filter({ hasText: 'default adult again' })).toBeVisible();
});
