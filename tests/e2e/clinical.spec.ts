import { expect, test } from '@playwright/test';

test('the clinical context follows the scenario: nasal session steps, course calendar, plain language', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  const clinical = page.getByRole('region', { name: 'Clinical context' });
  await expect(clinical).toContainText('Infusion (0.5 mg/kg over 40 min in trials)');
  await expect(clinical).toContainText('Plasma in the 100-250 ng/mL range linked to dissociation');

  await page.getByRole('radio', { name: 'Intranasal esketamine (Spravato)' }).check();
  await expect(clinical).toContainText('Monitoring in the clinic, at least 2 h');
  await expect(clinical).toContainText('no driving until the next day');
  await expect(clinical).toContainText('Blood pressure rise (peak ~40 min)');
  await expect(clinical).toContainText('dissociation 41 % vs 9 %');

  await page.getByRole('radio', { name: /Treatment course/ }).check();
  const calendar = clinical.getByRole('table', {
    name: /Sessions of the selected scenario by week/,
  });
  await expect(calendar).toBeVisible();
  // Label schedule, 12 weeks with every-2-weeks maintenance: 8 + 4 + 2 sessions.
  await expect(calendar.getByRole('cell', { name: 'Session' })).toHaveCount(14);

  await page.getByRole('radio', { name: 'Plain language' }).check();
  await expect(clinical).toContainText(
    'You stay at the clinic for at least 2 hours after each dose.',
  );
  expect(errors).toEqual([]);
});
