/**
 * axe over every mode, at WCAG 2.2 AA plus axe's best-practice rules, in the states a user reaches
 * first: no violation of any impact. (The per-mode specs keep their own serious-or-critical checks
 * of deeper states.)
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

const states: { name: string; width?: number; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'simulator, with the data table open',
    open: async (page) => {
      await page.goto('./');
      await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
      await page.locator('details.data-table summary').click();
    },
  },
  {
    name: 'simulator on a 360 px phone',
    width: 360,
    open: async (page) => {
      await page.goto('./');
      await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
    },
  },
  {
    name: 'lecture, full HD',
    width: 1920,
    open: async (page) => {
      await page.goto('./?mode=lecture');
      await expect(page.locator('ul.legend li')).toHaveCount(1);
    },
  },
  {
    name: 'patient',
    open: async (page) => {
      await page.goto('./?mode=patient');
      await expect(page.locator('figure.timeline figcaption')).toContainText('level is highest');
    },
  },
  {
    name: 'exercises',
    open: async (page) => {
      await page.goto('./?mode=exercises');
      await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
    },
  },
  {
    name: 'embed',
    open: async (page) => {
      await page.goto('./embed.html');
      await expect(page.locator('ul.legend li').first()).toBeVisible();
    },
  },
];

for (const state of states) {
  test(`axe finds nothing at WCAG 2.2 AA and best practice: ${state.name}`, async ({ page }) => {
    if (state.width) await page.setViewportSize({ width: state.width, height: state.width * 0.6 });
    await state.open(page);
    expect(await violations(page)).toEqual([]);
  });
}

test('five presses on the dose slider are announced once, when they settle, in the unit shown', async ({
  page,
}) => {
  await page.goto('./');
  const firstCmax = page.locator('table.summary tbody tr').first().locator('td').first();
  await expect(firstCmax).not.toHaveText('');
  // Wait for the start-up announcement, then count what live regions say from here on.
  await expect(page.locator('#chart [role="status"]').first()).toContainText('peak');
  await page.evaluate(() => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    const live =
      '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
    const last = new Map<Element, string>();
    new MutationObserver((records) => {
      const regions = new Set<Element>();
      for (const r of records) {
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        const region = el?.closest(live);
        if (region) regions.add(region);
      }
      for (const region of regions) {
        const text = (region.textContent ?? '').trim();
        if (text && text !== last.get(region)) w.said.push(text);
        last.set(region, text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('slider', { name: 'Dose (mg/kg)' }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('spinbutton', { name: 'Dose (mg/kg)' })).toHaveValue('0.75');

  const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);
  await expect
    .poll(async () => (await said()).join(' '), { timeout: 10_000 })
    .toContain('IV 0.75 mg/kg');
  const cmax = await firstCmax.textContent();
  expect(await said()).toEqual([`IV 0.75 mg/kg over 40 min: peak ${cmax} ng/mL at 40 min.`]);
});

test('the time cursor says its time as the screen writes it, and the values it reads', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr').first().locator('td').first()).not.toHaveText(
    '',
  );
  const cursor = page.getByRole('slider', { name: /Time cursor: Plasma and effect-site/ });
  await cursor.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  // Four steps of 10 min (Shift+arrow on the default 4 h window).
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.readouts').first()).toContainText('At 40 min');
  await expect(cursor).toHaveAttribute('aria-valuetext', /^40 min, .+ \d[\d.]* ng\/mL/);
});
