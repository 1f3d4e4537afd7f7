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
      await expect(page.locator('figure.timeline figcaption')).toContainText(/about \d+ ng\/mL/);
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
