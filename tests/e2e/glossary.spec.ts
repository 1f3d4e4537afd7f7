/**
 * The glossary where its terms appear, and the keyboard help of every mode: a term shows its
 * definition on keyboard focus and on a tap, Escape hides it, it keeps to a 360 px phone and to
 * the projector's type; "?" opens the mode's list of keys (once, not while typing), and Escape
 * gives focus back; axe finds nothing with a definition open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { testWithoutErrors as test, openSimulator } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Opens the simulator and gives its summary's "Cmax" term and the definition it controls. */
async function openAtCmax(page: Page): Promise<{ term: Locator; definition: Locator }> {
  await openSimulator(page);
  const term = page.locator('table.summary thead').getByRole('button', { name: 'Cmax' });
  const definition = page.locator('.term-panel', { hasText: 'The highest concentration a curve' });
  return { term, definition };
}

test('in the simulator, keyboard focus on Cmax shows its definition and Escape hides it', async ({
  page,
}) => {
  const { term, definition } = await openAtCmax(page);
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  await expect(definition).toHaveCount(0);
  // Tab onto the term from the summary heading before it.
  await page.getByRole('heading', { name: 'Summary' }).evaluate((h) => {
    h.setAttribute('tabindex', '-1');
    (h as HTMLElement).focus();
  });
  await page.keyboard.press('Tab');
  await expect(term).toBeFocused();
  await expect(definition).toBeVisible();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  const controls = await term.getAttribute('aria-controls');
  await expect(page.locator(`[id="${controls}"]`)).toContainText('Source: Kamp J et al. 2020');
  await page.keyboard.press('Escape');
  await expect(definition).toHaveCount(0);
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  await expect(term).toBeFocused();
  // Enter opens it again; Tab away closes it.
  await page.keyboard.press('Enter');
  await expect(definition).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(definition).toHaveCount(0);
});

test('under forced colours a term stays marked and its definition keeps its border', async ({
  page,
}) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const { term, definition } = await openAtCmax(page);
  const look = await term.evaluate((e) => {
    const s = getComputedStyle(e);
    return {
      line: s.textDecorationLine,
      colour: s.color,
      text: getComputedStyle(e.parentElement!).color,
    };
  });
  expect(look.line).toContain('underline');
  // Drawn in the system's link colour, apart from the text around it.
  expect(look.colour).not.toBe(look.text);
  await term.focus();
  await expect(definition).toBeVisible();
  const border = await definition.evaluate((e) => {
    const s = getComputedStyle(e);
    return {
      width: parseFloat(s.borderTopWidth),
      colour: s.borderTopColor,
      paper: s.backgroundColor,
    };
  });
  expect(border.width).toBeGreaterThanOrEqual(2);
  expect(border.colour).not.toBe(border.paper);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });

  test('a tap on Cmax shows its definition inside the screen; a tap elsewhere hides it', async ({
    page,
  }) => {
    const { term, definition } = await openAtCmax(page);
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    await expect(definition).toBeVisible();
    const box = (await page.locator('.term-panel').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(640);
    await page.getByRole('heading', { name: 'Summary' }).tap();
    await expect(definition).toHaveCount(0);
  });
});

test('a term in lecture mode, and its definition, are at least 24 px at 1920 x 1080', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?mode=lecture');
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  const term = page.locator('.legend-note').getByRole('button', { name: 'effect site' });
  await expect(term).toBeVisible();
  const size = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(await size(term)).toBeGreaterThanOrEqual(24);
  await term.focus();
  const panel = page.locator('.legend-note .term-panel');
  await expect(panel).toContainText('follows plasma with a delay');
  expect(await size(panel)).toBeGreaterThanOrEqual(24);
  expect(await size(panel.locator('.term-source'))).toBeGreaterThanOrEqual(24);
  // Escape closes the definition and is not taken for a lecture key.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
});

const MODES: { mode: string; path: string; ready: (page: Page) => Promise<void>; name: RegExp }[] =
  [
    {
      mode: 'simulator',
      path: './',
      ready: (page) => expect(page.locator('table.summary tbody tr')).toHaveCount(1),
      name: /Keyboard help: Simulator/,
    },
    {
      mode: 'patient',
      path: './?mode=patient',
      ready: (page) =>
        expect(page.locator('figure.timeline figcaption')).toContainText('level is highest'),
      name: /Keyboard help: Patient/,
    },
    {
      mode: 'exercises',
      path: './?mode=exercises',
      ready: (page) =>
        expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible(),
      name: /Keyboard help: Exercises/,
    },
    {
      mode: 'lecture',
      path: './?mode=lecture',
      ready: (page) => expect(page.getByText('Step 1 of 5')).toBeVisible(),
      name: /Lecture keys/,
    },
  ];

test('"?" opens the keyboard help in every mode, once; Escape closes it and gives focus back', async ({
  page,
}) => {
  for (const m of MODES) {
    await page.goto(m.path);
    await m.ready(page);
    // From a link or button of the page: focus goes into the list and comes back to it.
    const from = page.getByRole(m.mode === 'lecture' ? 'button' : 'link', {
      name: m.mode === 'lecture' ? 'Next' : 'Simulator',
      exact: true,
    });
    await from.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: m.name });
    await expect(dialog, m.mode).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(1);
    await expect(dialog.getByRole('row').nth(1)).toBeVisible();
    await expect
      .poll(() => dialog.evaluate((d) => d.contains(document.activeElement)), { message: m.mode })
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(from, m.mode).toBeFocused();
  }
});

test('the keyboard help button opens the list; "?" typed in a text field stays a character', async ({
  page,
}) => {
  await openSimulator(page);
  const name = page.getByRole('textbox', { name: 'Name of the selected scenario' });
  await name.click();
  await name.press('End');
  await page.keyboard.type('?');
  await expect(name).toHaveValue(/\?$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const button = page.getByRole('button', { name: 'Keyboard help (?)' });
  await button.click();
  const dialog = page.getByRole('dialog', { name: /Keyboard help: Simulator/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Alt+R');
  await expect(dialog).toContainText('Move the time cursor');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('axe finds nothing at WCAG 2.2 AA and best practice with a definition open', async ({
  page,
}) => {
  const { term, definition } = await openAtCmax(page);
  await term.focus();
  await expect(definition).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  await expect(definition).toBeVisible();
});
