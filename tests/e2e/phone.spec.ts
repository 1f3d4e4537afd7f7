import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test, openSimulator } from './helpers';

/**
 * The simulator on a phone: the chart stays in view while the dose slider is worked, the
 * controls come in groups that open and close from the keyboard, and nothing scrolls sideways.
 */
const PHONES = [
  { name: 'portrait 360x740', width: 360, height: 740 },
  { name: 'portrait 390x844', width: 390, height: 844 },
  { name: 'portrait 430x932', width: 430, height: 932 },
  { name: 'landscape 740x360', width: 740, height: 360 },
] as const;

/** Share of the chart's drawing that is inside the viewport, 0-1. */
function visibleShareOfChart(page: Page): Promise<number> {
  return page.evaluate(() => {
    const svg = document.querySelector('#conc-chart-title + svg')!;
    const r = svg.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    // Covered by nothing: the element at the middle of the visible part is the chart's.
    const x = Math.max(r.left, 0) + w / 2;
    const y = Math.max(r.top, 0) + h / 2;
    const hit = w > 0 && h > 0 ? document.elementFromPoint(x, y) : null;
    if (!hit || !svg.contains(hit)) return 0;
    return (w * h) / (r.width * r.height);
  });
}

/**
 * Where the pinned chart card, the time axis's title and its last number are on the screen
 * (getBoundingClientRect), with the bottom of the part of the card that shows, and whether
 * nothing covers the title.
 */
function timeAxisInCard(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector<HTMLElement>('#chart')!;
    const svg = document.querySelector('#conc-chart-title + svg')!;
    const title = [...svg.querySelectorAll('text')].find((t) =>
      t.textContent?.startsWith('Time since first dose'),
    )!;
    // The axis draws its numbers, then its base line, then its title.
    const lastTick = title.previousElementSibling!.previousElementSibling!;
    const c = card.getBoundingClientRect();
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const t = box(title);
    const hit = document.elementFromPoint((t.left + t.right) / 2, (t.top + t.bottom) / 2);
    return {
      card: { top: c.top, bottom: c.top + card.clientTop + card.clientHeight, height: c.height },
      title: t,
      lastTick: { ...box(lastTick), text: lastTick.textContent ?? '' },
      titleUncovered: !!hit && svg.contains(hit),
    };
  });
}

for (const phone of PHONES) {
  test.describe(phone.name, () => {
    test.use({ viewport: { width: phone.width, height: phone.height } });

    test('the dose slider is worked with the chart in view, and nothing scrolls sideways', async ({
      page,
    }) => {
      await openSimulator(page);
      const slider = page.locator('#dose-range');
      // Reachable without scrolling past the chart: either on the first screen, or the chart is
      // still on the screen once the slider has been brought into view.
      const top = await slider.evaluate((e) => e.getBoundingClientRect().top);
      if (top > phone.height) {
        await slider.scrollIntoViewIfNeeded();
        expect(await visibleShareOfChart(page)).toBeGreaterThanOrEqual(0.4);
      }
      await slider.focus();
      const before = await page.locator('#dose-number').inputValue();
      for (let k = 0; k < 5; k++) await slider.press('ArrowRight');
      await expect(page.locator('#dose-number')).not.toHaveValue(before);
      await expect(slider).toBeInViewport();
      expect(await visibleShareOfChart(page)).toBeGreaterThanOrEqual(0.4);
      // The chart followed the slider: the summary shows the new dose's peak.
      await expect(page.locator('ul.legend li').first()).toContainText(
        await page.locator('#dose-number').inputValue(),
      );
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    });

    test('the panels under the controls are drawn as they are scrolled to, not at the start', async ({
      page,
    }) => {
      await openSimulator(page);
      // A panel two screens or more below is only a line at the start (the start draws the
      // controls and the chart); scrolled near, it is drawn, and its content is the panel's own.
      const panels = [
        ['#mechanism', '#now-title'],
        ['#model-section', '#model-view-title'],
        ['#timeline', '#session-title'],
      ] as const;
      for (const [panel, title] of panels) {
        const top = await page.locator(panel).evaluate((e) => e.getBoundingClientRect().top);
        if (top < phone.height + 700) continue;
        await expect(page.locator(`${panel} .later`)).toHaveText(/is drawn when you scroll to it/);
        await expect(page.locator(title)).toHaveCount(0);
      }
      for (const [panel, title] of panels) {
        await page.locator(panel).scrollIntoViewIfNeeded();
        await expect(page.locator(title)).toBeVisible();
        await expect(page.locator(`${panel} .later`)).toHaveCount(0);
      }
    });

    test('with the controls scrolled, the pinned chart shows its whole time axis', async ({
      page,
    }) => {
      await openSimulator(page);
      await page.evaluate(() =>
        window.scrollTo(
          0,
          document.querySelector('#controls')!.getBoundingClientRect().top + scrollY + 100,
        ),
      );
      await expect
        .poll(async () => Math.abs((await timeAxisInCard(page)).card.top))
        .toBeLessThan(1);
      const g = await timeAxisInCard(page);
      // About half the screen upright; on its side, the card is the right-hand column.
      if (phone.width < phone.height)
        expect(g.card.height).toBeLessThanOrEqual(0.53 * phone.height);
      else expect(g.card.height).toBeLessThanOrEqual(phone.height);
      const shownBottom = Math.min(g.card.bottom, phone.height);
      expect(g.lastTick.text).toMatch(/^\d+$/);
      for (const r of [g.title, g.lastTick]) {
        expect(r.top).toBeGreaterThanOrEqual(g.card.top);
        expect(r.bottom).toBeLessThanOrEqual(shownBottom);
        expect(r.left).toBeGreaterThanOrEqual(0);
        expect(r.right).toBeLessThanOrEqual(phone.width);
      }
      expect(g.titleUncovered).toBe(true);
    });

    test('the control groups open and close from the keyboard; Dose starts open, Patient closed', async ({
      page,
    }) => {
      await openSimulator(page);
      const group = (name: string) =>
        page.locator('#controls details.control-group').filter({
          has: page.locator('summary', { hasText: new RegExp(`^${name}$`) }),
        });
      await expect(group('Dose')).toHaveAttribute('open', '');
      await expect(page.locator('#dose-range')).toBeVisible();
      const patient = group('Patient');
      await expect(patient).not.toHaveAttribute('open');
      await expect(page.locator('#weight-range')).toBeHidden();
      const summary = patient.locator('summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(patient).toHaveAttribute('open', '');
      await expect(page.locator('#weight-range')).toBeVisible();
      await page.keyboard.press('Space');
      await expect(patient).not.toHaveAttribute('open');
      // A group holding a value that was not taken stays open, and says so.
      await page.keyboard.press('Enter');
      await page.locator('#weight-number').fill('500');
      await page.locator('#weight-number').press('Enter');
      await expect(page.locator('#weight-number')).toHaveAttribute('aria-invalid', 'true');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(patient).toHaveAttribute('open', '');
      await expect(patient.getByRole('alert').first()).toContainText(/was not taken/);
      // The pinned chart and the groups pass axe at WCAG 2.2 AA and best practice.
      const axe = await new AxeBuilder({ page })
        .include('#controls')
        .include('#chart')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    });
  });
}

test.describe('a wide screen', () => {
  for (const width of [1280, 1920]) {
    test(`at ${width} px every control group is open and the chart sits beside the controls`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await openSimulator(page);
      const groups = page.locator('#controls details.control-group');
      await expect(groups).toHaveCount(5);
      for (const g of await groups.all()) await expect(g).toHaveAttribute('open', '');
      const [controls, chart] = await Promise.all(
        ['#controls', '#chart'].map((s) => page.locator(s).boundingBox()),
      );
      expect(chart!.x).toBeGreaterThan(controls!.x + controls!.width - 1);
      expect(Math.abs(chart!.y - controls!.y)).toBeLessThan(2);
      expect(await page.locator('#chart').evaluate((e) => getComputedStyle(e).position)).not.toBe(
        'sticky',
      );
      // Off a phone the panels are drawn without waiting for the reader.
      for (const title of ['#now-title', '#model-view-title', '#session-title'])
        await expect(page.locator(title)).toHaveCount(1);
    });
  }
});
