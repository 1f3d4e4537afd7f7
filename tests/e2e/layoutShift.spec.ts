/**
 * Nothing jumps while a view loads: its layout shifts add up to less than 0.05 (cumulative layout
 * shift, CLS; Google calls under 0.1 good) in every mode, on a desktop and a phone.
 */
import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test } from './helpers';

/**
 * Sum of the layout shifts not caused by input, as the browser reports them, once the view is
 * ready, every chunk it asked for has arrived (no request for 500 ms) and two frames have drawn.
 */
async function layoutShift(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle');
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        // The observer hands over the buffered entries before the next frames are drawn.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(sum)));
      }),
  );
}

const views: [name: string, path: string, ready: (page: Page) => Promise<void>][] = [
  ['simulator', './', (p) => expect(p.locator('table.summary tbody tr')).toHaveCount(1)],
  ['lecture', './?mode=lecture', (p) => expect(p.locator('ul.legend li')).toHaveCount(1)],
  [
    'patient',
    './?mode=patient',
    (p) => expect(p.locator('figure.timeline figcaption')).toContainText('level is highest'),
  ],
  [
    'exercises',
    './?mode=exercises',
    (p) => expect(p.getByRole('img', { name: /draw your prediction/ })).toBeVisible(),
  ],
  ['embed', './embed.html', (p) => expect(p.locator('ul.legend li').first()).toBeVisible()],
];

for (const [name, path, ready] of views) {
  for (const width of [1280, 390]) {
    test(`${name} at ${width} px loads without layout shift (CLS < 0.05)`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 1000 ? 800 : 844 });
      await page.goto(path);
      await ready(page);
      const cls = await layoutShift(page);
      expect(cls, `CLS ${cls.toFixed(3)}`).toBeLessThan(0.05);
    });
  }
}
