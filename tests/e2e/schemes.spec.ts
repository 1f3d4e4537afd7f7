/**
 * Colour schemes (src/charts/palette.ts): light, dark (the system's choice by default, or the
 * user's from the "Colours" switch, kept across reloads), the projector scheme of lecture mode,
 * and forced colours (Windows High Contrast), where the marks that carry meaning stay visible.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { testWithoutErrors as test, openSimulator } from './helpers';
import { DARK, LIGHT, THEME_COLOUR } from '../../src/charts/palette';

/** axe at WCAG 2.2 AA and best practice (as a11y.spec.ts): each violation's rule and first targets. */
async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`);
}

/** The relative luminance (WCAG 2.x) of a computed CSS colour or SVG colour attribute. */
async function luminance(target: Locator, what: 'background' | 'color' | 'fill'): Promise<number> {
  return target.evaluate((el, what) => {
    // The browser normalises any colour to rgb(): through a canvas for an attribute value.
    const computed = getComputedStyle(el);
    const raw =
      what === 'background'
        ? computed.backgroundColor
        : what === 'color'
          ? computed.color
          : (el.getAttribute('fill') ?? '');
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.fillStyle = raw;
    const hex = ctx.fillStyle; // "#rrggbb" for an opaque colour
    const channel = (i: number) => {
      const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  }, what);
}

const chartBackground = (page: Page) => page.locator('#conc-chart-title + svg > rect').first();

test.describe('colour schemes', () => {
  test('dark follows the system; the switch overrides it and is kept', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSimulator(page);
    const body = page.locator('body');
    await expect.poll(() => luminance(page.locator('html'), 'background')).toBeLessThan(0.2);
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeLessThan(0.2);
    expect(await luminance(body, 'color')).toBeGreaterThan(0.5);
    expect(await luminance(page.locator('h1'), 'color')).toBeGreaterThan(0.4);

    const colours = page.getByRole('group', { name: 'Colours' });
    await expect(colours.getByRole('radio', { name: 'Match system' })).toBeChecked();
    await colours.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(() => luminance(page.locator('html'), 'background')).toBeGreaterThan(0.8);
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeGreaterThan(0.8);
    expect(await luminance(body, 'color')).toBeLessThan(0.1);

    await page.reload();
    await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
    await expect(colours.getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(await luminance(page.locator('html'), 'background')).toBeGreaterThan(0.8);
    expect(await luminance(chartBackground(page), 'fill')).toBeGreaterThan(0.8);

    // Dark chosen on a light system; "Match system" gives the system's (light) scheme back.
    await page.emulateMedia({ colorScheme: 'light' });
    await colours.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeLessThan(0.2);
    expect(await luminance(page.locator('html'), 'background')).toBeLessThan(0.2);
    await colours.getByRole('radio', { name: 'Match system' }).check();
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeGreaterThan(0.8);
    // …and follows the system when it changes.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeLessThan(0.2);
  });

  test('an exported chart looks like the one on screen, in the scheme in use', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSimulator(page);
    const onScreen = await chartBackground(page).getAttribute('fill');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download chart (SVG)' }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    const svg = readFileSync((await download.path())!, 'utf8');
    // The paper and the axis text of the dark scheme, as attributes of the file.
    expect(svg).toMatch(new RegExp(`<rect [^>]*fill="${onScreen}"`));
    const ink = await page.locator('#conc-chart-title + svg text').last().getAttribute('fill');
    expect(svg).toContain(`fill="${ink}"`);
    expect(await luminance(chartBackground(page), 'fill')).toBeLessThan(0.2);
  });

  test('printed, the page and its charts are light, even with dark chosen', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSimulator(page);
    await page.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeLessThan(0.2);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeGreaterThan(0.8);
    expect(await luminance(page.locator('body'), 'color')).toBeLessThan(0.1);
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeLessThan(0.2);
  });

  test('a saved choice that cannot be read falls back to the system', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSimulator(page);
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeLessThan(0.2);
    const colours = page.getByRole('group', { name: 'Colours' });
    await colours.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeGreaterThan(0.8);
  });

  test('axe finds nothing in dark mode, data table open', async ({ page }) => {
    test.slow(); // axe over the open data table takes a while on a busy machine
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSimulator(page);
    await page.locator('details.data-table summary').click();
    // The page is dark (so that axe checks the dark scheme's contrast).
    await expect(chartBackground(page)).toHaveAttribute('fill', DARK.paper);
    expect(await luminance(page.locator('html'), 'background')).toBeLessThan(0.2);
    expect(await axe(page)).toEqual([]);
  });

  for (const [name, address, ready] of [
    ['patient mode', './?mode=patient', 'figure.timeline figcaption'],
    ['exercises', './?mode=exercises', '.exercise-list [aria-current="step"]'],
    ['the embed view', './embed.html', 'ul.legend li'],
  ] as const)
    test(`axe finds nothing in dark mode: ${name}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(address);
      await expect(page.locator(ready).first()).toBeVisible();
      await expect(page.locator('svg > rect').first()).toHaveAttribute('fill', DARK.paper);
      expect(await luminance(page.locator('html'), 'background')).toBeLessThan(0.2);
      expect(await axe(page)).toEqual([]);
    });

  test('every drawing takes the new colours at once when the scheme changes', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openSimulator(page);
    // The lazily loaded panels are drawn: the model diagram and the clinical session strip.
    const box = page.locator('.model-view svg rect').first();
    await expect(box).toHaveAttribute('fill', LIGHT.tint);
    await expect(page.locator('#timeline svg rect[rx]').first()).toBeAttached();
    /** a scheme's colours that the other scheme does not have (a drawing left in the old one) */
    const only = (a: typeof LIGHT, b: typeof LIGHT) => {
      const other = new Set(Object.values(b).map((c) => c.toLowerCase()));
      return Object.values(a)
        .map((c) => c.toLowerCase())
        .filter((c) => !other.has(c));
    };
    /** the fill and stroke attributes of every drawing in the page that are one of `colours` */
    const stale = (colours: string[]) =>
      page.evaluate((colours) => {
        const found = new Set<string>();
        for (const el of document.querySelectorAll('svg *'))
          for (const a of ['fill', 'stroke']) {
            const v = el.getAttribute(a)?.toLowerCase();
            if (v && colours.includes(v)) found.add(`<${el.tagName} ${a}="${v}">`);
          }
        return [...found];
      }, colours);
    // Before the change the page draws in light colours (so the search below can find them).
    expect((await stale(only(LIGHT, DARK))).length).toBeGreaterThan(3);

    const colours = page.getByRole('group', { name: 'Colours' });
    await colours.getByRole('radio', { name: 'Dark' }).check();
    await expect(box).toHaveAttribute('fill', DARK.tint);
    await expect.poll(() => stale(only(LIGHT, DARK))).toEqual([]);
    await colours.getByRole('radio', { name: 'Light' }).check();
    await expect(box).toHaveAttribute('fill', LIGHT.tint);
    await expect.poll(() => stale(only(DARK, LIGHT))).toEqual([]);
  });

  test("the browser's bar takes the scheme's colour; the manifest's colours are the palette's", async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openSimulator(page);
    const bars = page.locator('meta[name="theme-color"]');
    await expect(bars).toHaveCount(2);
    const contents = () => bars.evaluateAll((m) => m.map((e) => e.getAttribute('content')));
    await expect.poll(contents).toEqual([THEME_COLOUR.light, THEME_COLOUR.light]);
    await page.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(contents).toEqual([THEME_COLOUR.dark, THEME_COLOUR.dark]);
    await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute(
      'content',
      'light dark',
    );
    const manifest = (await (await page.request.get('./manifest.webmanifest')).json()) as Record<
      string,
      string
    >;
    expect(manifest.theme_color).toBe(THEME_COLOUR.light);
    expect(manifest.background_color).toBe(LIGHT.page);
  });

  test('the embed view follows the system, shows no switch and ignores a saved choice', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSimulator(page);
    await page
      .getByRole('group', { name: 'Colours' })
      .getByRole('radio', { name: 'Light' })
      .check();
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeGreaterThan(0.8);

    // Both addresses of the embed view (the page, and the query of older links).
    for (const address of ['./embed.html', './?embed=1']) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(address);
      await expect(page.locator('ul.legend li').first()).toBeVisible();
      await expect(chartBackground(page)).toHaveAttribute('fill', DARK.paper);
      expect(await luminance(page.locator('html'), 'background')).toBeLessThan(0.2);
      await expect(page.getByRole('group', { name: 'Colours' })).toHaveCount(0);
      expect(await page.locator('html').getAttribute('data-scheme')).toBeNull();
      await page.emulateMedia({ colorScheme: 'light' });
      await expect(chartBackground(page)).toHaveAttribute('fill', LIGHT.paper);
      expect(await luminance(page.locator('html'), 'background')).toBeGreaterThan(0.8);
    }
  });

  test('lecture mode keeps the projector scheme with dark chosen, has no switch, and axe finds nothing', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSimulator(page);
    await page.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).check();
    await expect(chartBackground(page)).toHaveAttribute('fill', DARK.paper);
    // Into the lecture and back, in the page (no reload).
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: /lecture/i })
      .click();
    await expect(page.locator('ul.legend li')).toHaveCount(1);
    await expect(page.locator('html')).toHaveClass(/\blecture\b/);
    // The projector scheme wins over the dark one: light paper, black text. (The charts follow
    // lecture mode once its class is on the root element, a moment after.)
    await expect.poll(() => luminance(chartBackground(page), 'fill')).toBeGreaterThan(0.8);
    expect(await luminance(page.locator('body'), 'color')).toBeLessThan(0.01);
    await expect(page.getByRole('group', { name: 'Colours' })).toHaveCount(0);
    expect(await axe(page)).toEqual([]);
    await page.goBack();
    await expect(page.getByRole('group', { name: 'Colours' })).toBeVisible();
    await expect(chartBackground(page)).toHaveAttribute('fill', DARK.paper);
  });
});

test.describe('forced colours', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
  });

  /** Paint-relevant computed style of an element. */
  const style = (target: Locator) =>
    target.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        adjust: s.forcedColorAdjust,
        background: s.backgroundColor,
        border: parseFloat(s.borderTopWidth),
        outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
        decoration: s.textDecorationLine,
      };
    });

  test('the current mode stands out from the other modes', async ({ page }) => {
    await openSimulator(page);
    const current = await style(page.locator('.mode-nav a[aria-current="page"]'));
    const other = await style(page.locator('.mode-nav a:not([aria-current])').first());
    expect(current.adjust).toBe('none');
    expect(current.background).not.toBe(other.background);
    expect(current.decoration).toContain('underline');
  });

  test('scenario swatches keep their colours', async ({ page }) => {
    await openSimulator(page);
    for (const swatch of [
      page.locator('ul.legend li').first().locator('svg.swatch'),
      page.locator('table.summary tbody tr').first().locator('svg.swatch'),
      page.locator('.scenarios .scenario').first().locator('svg.swatch'),
    ]) {
      const s = await style(swatch);
      expect(s.adjust).toBe('none');
    }
    // The selected scenario's tab, whose tint forced colours drop, has an outline instead.
    expect(
      (await style(page.locator('.scenarios .scenario.active'))).outline,
    ).toBeGreaterThanOrEqual(2);
    // The marker is drawn in the scenario's own colour, not a system colour.
    const stroke = await page
      .locator('ul.legend li')
      .first()
      .locator('svg.swatch path')
      .evaluate((el) => getComputedStyle(el).stroke);
    expect(stroke).toBe('rgb(0, 114, 178)');
  });

  test('the patient timeline bars stay visible', async ({ page }) => {
    await page.goto('./?mode=patient');
    const bars = page.locator('figure.timeline svg rect[rx]');
    await expect(bars.nth(2)).toBeVisible();
    // Each bar keeps its own colour, on the chart's own paper, and gets an outline.
    const paint = await bars.first().evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        adjust: s.forcedColorAdjust,
        fill: s.fill,
        stroke: s.stroke,
        width: s.stroke === 'none' ? 0 : parseFloat(s.strokeWidth),
      };
    });
    expect(paint.adjust).toBe('none');
    expect(paint.fill).toBe('rgb(31, 95, 153)'); // the light scheme's bar colour
    expect(paint.width).toBeGreaterThan(0);
    expect(
      await page
        .locator('figure.timeline svg')
        .first()
        .evaluate((el) => getComputedStyle(el).forcedColorAdjust),
    ).toBe('none');
  });

  test('the current exercise stands out from the others', async ({ page }) => {
    await page.goto('./?mode=exercises');
    const current = page.locator('.exercise-list [aria-current="step"]');
    await expect(current).toHaveCount(1);
    const mine = await style(current);
    const other = await style(page.locator('.exercise-list .pick:not([aria-current])').first());
    expect(mine.adjust).toBe('none');
    expect(mine.background).not.toBe(other.background);
  });
});
