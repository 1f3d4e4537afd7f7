/**
 * The routes beyond IV and the esketamine device: each can be chosen and draws its own model's
 * curve, routes sit side by side, the link reopens them, the CSV names each dose, and axe finds
 * nothing on a route's controls and model view.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { testWithoutErrors as test } from './helpers';

const rows = (page: Page) => page.locator('table.summary tbody tr');

const ROUTES = [
  {
    label: 'Intranasal racemic ketamine (spray)',
    row: 'Nasal racemic 30 mg (2 sprays)',
    approx: true,
  },
  { label: 'Intramuscular racemic ketamine', row: 'IM 0.5 mg/kg', approx: true },
  { label: 'Oral esketamine or S-ketamine', row: 'Oral esketamine 50 mg', approx: false },
  { label: 'Sublingual racemic ketamine', row: 'Sublingual 25 mg', approx: true },
] as const;

test('every route can be chosen, with its dose fields, and draws its own curve', async ({
  page,
}) => {
  await page.goto('./');
  await expect(rows(page)).toHaveCount(1);
  const first = await rows(page).first().locator('td').first().textContent();
  for (const r of ROUTES) {
    await page.getByRole('radio', { name: r.label }).check();
    await expect(rows(page).first()).toContainText(r.row);
    await expect
      .poll(async () => rows(page).first().locator('td').first().textContent())
      .not.toBe(first);
    const note = page.locator('.approximation').first();
    if (r.approx) await expect(note).toContainText('Approximation from published summary figures');
    else await expect(page.locator('.controls-form .approximation')).toHaveCount(0);
  }
  // A hold time is taken; a dose outside the engine's range is refused with why, not clamped.
  const hold = page.getByRole('spinbutton', { name: 'Held without swallowing (min)' });
  await hold.fill('5');
  await hold.press('Enter');
  const dose = page.getByRole('spinbutton', { name: 'Dose in the mouth (mg)' });
  await dose.fill('900');
  await dose.press('Enter');
  await expect(page.getByText('Enter a value from 1 to 500.')).toBeVisible();
  await expect(rows(page).first()).toContainText('Sublingual 25 mg');
});

test('routes compared side by side reopen from the link, and the CSV names each dose', async ({
  page,
}) => {
  await page.goto('./');
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Add a copy to compare' }).click();
  await page.getByRole('radio', { name: 'Sublingual racemic ketamine' }).check();
  await page.getByRole('button', { name: 'Add a copy to compare' }).click();
  await page.getByRole('radio', { name: 'Intramuscular racemic ketamine' }).check();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(1)).toContainText('Sublingual 25 mg');
  await expect(rows(page).nth(2)).toContainText('IM 0.5 mg/kg');
  await expect
    .poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('v'))
    .toBe('2');
  await expect
    .poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('state')?.length ?? 0)
    .toBeGreaterThan(0);
  await expect
    .poll(() => {
      const raw = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('state')!;
      const json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {
        scenarios: { scenario: { regimen: { kind: string } } }[];
      };
      return json.scenarios.map((s) => s.scenario.regimen.kind).join(',');
    })
    .toBe('iv,sublingual,intramuscular');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download data of every scenario (CSV)' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('# scenario 2 dose: Sublingual 25 mg; held 10 min');
  expect(csv).toMatch(/# scenario 2 model: Sublingual \(Rolan 2014\); Rolan P et al\. 2014/);
  expect(csv).toContain('# scenario 3 dose: IM 0.5 mg/kg');

  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.locator('table.summary tbody tr')).toHaveCount(3);
  await expect(other.locator('table.summary tbody tr').nth(2)).toContainText('IM 0.5 mg/kg');
});

test('axe finds nothing on a route scenario, its controls and its model view', async ({ page }) => {
  await page.goto('./');
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('radio', { name: 'Intranasal racemic ketamine (spray)' }).check();
  await expect(rows(page).first()).toContainText('Nasal racemic');
  const table = page.getByRole('table', { name: 'Model against published observations' });
  await table.scrollIntoViewIfNeeded();
  await expect(table.getByRole('row', { name: /Norketamine\/ketamine AUC ratio/ })).toContainText(
    '3.95',
  );
  await expect(page.locator('#model-section')).toContainText('Not a published model');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test("the validation chart marks each route source's time to peak on the model's curve", async ({
  page,
}) => {
  await page.goto('./');
  await expect(rows(page)).toHaveCount(1);
  const chart = page.locator('section[aria-labelledby="validation-title"]');
  // The IV model: the clinical peak only, and no diamonds or their note.
  await expect(chart.locator('svg text', { hasText: 'Observed peak 185 ng/mL' })).toHaveCount(1);
  await expect(page.getByText(/Diamonds: the source's published time to peak/)).toHaveCount(0);

  // Sublingual (Rolan 2014: 0.75 h): one diamond, with its words.
  await page.getByRole('radio', { name: 'Sublingual racemic ketamine' }).check();
  await expect(rows(page).first()).toContainText('Sublingual 25 mg');
  await expect(chart.locator('svg text', { hasText: "Source's peak time: 45 min" })).toHaveCount(1);
  await expect(chart.locator('svg text', { hasText: 'Observed peak' })).toHaveCount(0);
  await expect(page.getByText(/Diamonds: the source's published time to peak/)).toBeVisible();

  // IM (a quoted range, 5 to 15 min): two points, one label.
  await page.getByRole('radio', { name: 'Intramuscular racemic ketamine' }).check();
  await expect(rows(page).first()).toContainText('IM 0.5 mg/kg');
  await expect(
    chart.locator('svg text', { hasText: "Source's peak time: 5 min to 15 min" }),
  ).toHaveCount(1);
});

test('the S-ketamine film is a published model of the sublingual route, with its own figures and warnings', async ({
  page,
}) => {
  await page.goto('./');
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('radio', { name: 'Sublingual racemic ketamine or S-ketamine film' }).check();
  await expect(rows(page).first()).toContainText('Sublingual 25 mg');
  await page
    .getByLabel('Pharmacokinetic model')
    .selectOption({ label: 'S-ketamine film (Simons 2022)' });
  // A published model: no approximation label; its citation; 25 mg is outside the studied films.
  await expect(page.locator('.controls-form .approximation')).toHaveCount(0);
  await expect(page.locator('.controls-form')).toContainText('Simons P');
  await expect(
    page.getByText(/25 mg is outside the 50-100 mg \(one or two films\)/).first(),
  ).toBeVisible();
  // The validation view compares its 50 mg protocol with the abstract's 26 % and Table 2's Tmax.
  const table = page.getByRole('table', { name: 'Model against published observations' });
  await table.scrollIntoViewIfNeeded();
  await expect(
    table.getByRole('row', { name: /Bioavailability of S-ketamine from the film/ }),
  ).toContainText('26.3');
  await expect(
    table.getByRole('row', { name: /Time to peak of S-ketamine, 50 mg film/ }),
  ).toContainText('18.8');
  // Its parameter table gives the published between-occasion variance it does not apply.
  await expect(
    page
      .locator('#model-section tr')
      .filter({ hasText: 'absorbed through the lining of the mouth' }),
  ).toContainText('between-occasion nu^2 0.06 (Table 4), not applied');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  // Exported with its model and dose named.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download data of every scenario (CSV)' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('# scenario 1 dose: Sublingual esketamine 25 mg; held 10 min');
  expect(csv).toMatch(/# scenario 1 model: S-ketamine film \(Simons 2022\); Simons P et al\. 2022/);
  expect(csv.split('\n').find((l) => l.startsWith('time_min'))).toContain('noresketamine');
});
