/**
 * "Compare the routes" in the simulator: the panel opens with the notice, a table row for every
 * route whose figures are the engine's (recomputed here in Node through src/registry.ts), the dose
 * sets switch by keyboard, the first-pass diagram's numbers come from the model, and axe finds
 * nothing in the panel at 360 and 1280 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test } from './helpers';
import { runScenario } from '../../src/registry';
import { DEFAULT_PATIENT } from '../../src/engine/defaultPatient';
import { formatConc, formatMinutes } from '../../src/charts/chartMath';
import { ROUTE_ARM_NAMES, ROUTE_NOTICE } from '../../src/content/routeComparison';
import {
  ROUTE_ARMS,
  armFigures,
  armNotices,
  armScenario,
  firstPassSteps,
} from '../../src/modes/simulator/routes/routeComparison';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The figures the table must show for the default patient, by the engine. */
function expected(set: 'same' | 'typical') {
  return ROUTE_ARMS.map((a) => {
    const out = runScenario(armScenario(a, set, DEFAULT_PATIENT));
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
    return { arm: a, f: armFigures(out.result) };
  });
}

const panel = (page: Page) => page.locator('#routes');
const rows = (page: Page) => panel(page).locator('table.route-figures tbody tr');

async function openPanel(page: Page): Promise<void> {
  await page.goto('./');
  // Far below the chart, the panel waits for the reader (WhenNear): nothing of it at start.
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  await expect(panel(page)).toContainText('The route comparison is drawn when you scroll to it.');
  await expect(panel(page).locator('table.route-figures')).toHaveCount(0);
  await panel(page).scrollIntoViewIfNeeded();
  await expect(rows(page)).toHaveCount(ROUTE_ARMS.length, { timeout: 20_000 });
}

async function expectRows(page: Page, set: 'same' | 'typical'): Promise<void> {
  for (const [i, { arm, f }] of expected(set).entries()) {
    const cells = rows(page).nth(i).locator('th, td');
    await expect(cells.nth(0)).toHaveText(ROUTE_ARM_NAMES[arm.id].route);
    await expect(cells.nth(2)).toHaveText(formatConc(f.doseMg));
    await expect(cells.nth(4)).toHaveText(formatConc(f.cmax));
    await expect(cells.nth(5)).toHaveText(formatMinutes(f.tmaxMin));
  }
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('#routes').withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found).toEqual([]);
}

test('the panel shows every route with the engine figures, and its notice', async ({ page }) => {
  await openPanel(page);
  await expect(panel(page).getByRole('heading', { name: 'Compare the routes' })).toBeVisible();
  await expect(panel(page).getByText(ROUTE_NOTICE)).toBeVisible();
  await expectRows(page, 'same');
  // Approximations are named in the table and in the legend.
  await expect(
    panel(page)
      .getByText(/approximation from published summary figures/i)
      .first(),
  ).toBeVisible();
  await expect(
    panel(page).locator('.key li').filter({ hasText: '(approximation)' }).first(),
  ).toBeVisible();
  await expect(panel(page).locator('svg[role="img"]')).toHaveCount(3);
});

test('the dose sets switch with the keyboard, and the table follows', async ({ page }) => {
  await openPanel(page);
  const same = panel(page).getByRole('radio', { name: 'Same dose' });
  await expect(same).toBeChecked();
  await same.focus();
  await page.keyboard.press('ArrowDown');
  await expect(panel(page).getByRole('radio', { name: 'A typical dose per route' })).toBeChecked();
  await expectRows(page, 'typical');
  await expect(
    panel(page).getByRole('list', { name: 'Where each example dose comes from' }),
  ).toContainText('Rolan');
  await page.keyboard.press('ArrowUp');
  await expect(same).toBeChecked();
  await expectRows(page, 'same');
});

test('the chosen dose set is in the link, and the link reopens the panel with it', async ({
  page,
}) => {
  await openPanel(page);
  await panel(page).getByRole('radio', { name: 'A typical dose per route' }).check();
  await expectRows(page, 'typical');
  await expect
    .poll(() => {
      const raw = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('state');
      return raw
        ? (
            JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {
              view: { routeDoses?: string };
            }
          ).view.routeDoses
        : null;
    })
    .toBe('typical');
  const other = await page.context().newPage();
  await other.goto(page.url());
  await panel(other).scrollIntoViewIfNeeded();
  await expect(panel(other).getByRole('radio', { name: 'A typical dose per route' })).toBeChecked();
  await expect(rows(other)).toHaveCount(ROUTE_ARMS.length, { timeout: 20_000 });
  await expectRows(other, 'typical');
});

test("the first-pass diagram gives the model's numbers", async ({ page }) => {
  await openPanel(page);
  const same = expected('same');
  for (const id of ['oralEsketamine', 'sublingual', 'sublingualFilm'] as const) {
    const arm = ROUTE_ARMS.find((a) => a.id === id)!;
    const steps = firstPassSteps(arm.modelId, DEFAULT_PATIENT);
    const f = steps.reduce((p, s) => p * s.through, 1);
    const dose = same.find((e) => e.arm.id === id)!.f.doseMg;
    const choice = panel(page)
      .locator('fieldset.choice label')
      .filter({ hasText: ROUTE_ARM_NAMES[id].route });
    await choice.first().locator('input').check();
    const diagram = panel(page).locator('figure.first-pass svg');
    const pct = (v: number) => `${(100 * v).toFixed(v < 0.1 ? 1 : 0)} %`;
    await expect(diagram).toHaveAttribute('aria-label', new RegExp(`F ${pct(f)}`));
    await expect(diagram).toContainText(`Dose: ${formatConc(dose)} mg`);
    await expect(diagram).toContainText(`${pct(steps[0]!.through)} gets through`);
    await expect(diagram).toContainText(`${formatConc(dose * f)} mg unchanged`);
  }
});

test("the engine's warnings on each route's run are one disclosure away", async ({ page }) => {
  await openPanel(page);
  const expectedNotices = armNotices(
    ROUTE_ARMS.map((a) => runScenario(armScenario(a, 'same', DEFAULT_PATIENT))),
  );
  const details = panel(page).locator('details.run-warnings');
  await expect(details.locator('summary')).toHaveText(
    `What the engine says about these runs (${expectedNotices.length} of ${ROUTE_ARMS.length} routes)`,
  );
  await details.locator('summary').click();
  // The film was studied in people aged 19-32: the 40-year-old patient is an extrapolation.
  const film = details
    .locator(':scope > ul > li')
    .filter({ hasText: ROUTE_ARM_NAMES.sublingualFilm.route });
  await expect(film).toContainText('outside the 19-32 years');
  await expect(film.locator('li')).toHaveCount(
    expectedNotices.find((n) => n.id === 'sublingualFilm')!.messages.length,
  );
});

for (const width of [360, 1280]) {
  test(`axe finds nothing in the panel at ${width} px, and the table scrolls in its own region`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openPanel(page);
    await panel(page).getByText('The curves as tables').click();
    await expectNoAxeViolations(page);
    if (width === 360) {
      const wrap = panel(page)
        .locator('.table-wrap')
        .filter({ has: page.locator('.route-figures') });
      await expect(wrap).toHaveAttribute('role', 'region');
      await expect(wrap).toHaveAttribute('tabindex', '0');
      const box = await panel(page).boundingBox();
      expect(box!.width).toBeLessThanOrEqual(360);
    }
  });
}
