/**
 * The browser benchmark's replay page (scripts/bench-browser-replay.mjs) stands for the browser's
 * own cost of the app's changes only if it makes exactly those changes: a drag of the dose slider
 * recorded in the app and replayed with the same moves leaves the chart's panel and the controls
 * as the app left them, and the replay finds every node it changes.
 */
import { expect, type Page } from '@playwright/test';
import { openSimulator, testWithoutErrors as test } from './helpers';
import { recorder, replayPage } from '../../scripts/bench-browser-replay.mjs';

/**
 * Takes hold of the dose slider's thumb and moves it to each value in turn, one value a move;
 * the drag goes down below 0.5 mg/kg and back, so that a notice comes and goes.
 */
async function dragDose(page: Page): Promise<void> {
  const slider = page.locator('#dose-range');
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const { min, max, value } = await slider.evaluate((el: HTMLInputElement) => ({
    min: +el.min,
    max: +el.max,
    value: +el.value,
  }));
  // Chromium's thumb is 16 px wide: its centre runs from 8 px to (width - 8) px.
  const x = (v: number) => box.x + 8 + ((box.width - 16) * (v - min)) / (max - min);
  const y = box.y + box.height / 2;
  await page.mouse.move(x(value), y);
  await page.mouse.down();
  for (const v of [0.55, 0.6, 0.45, 0.3, 0.2, 0.7, 0.65]) await page.mouse.move(x(v), y);
  await expect(page.locator('#dose-number')).toHaveValue('0.65');
}

/** The chart's panel and the controls as HTML, with every field's value. */
const state = (page: Page) =>
  page.evaluate(() => {
    const fields = [...document.querySelectorAll('input')].map((f) => `${f.id}=${f.value}`);
    const html = ['#chart', '#controls'].map((s) => document.querySelector(s)?.outerHTML ?? '');
    return [...html, ...fields].join('\n');
  });

/** The state once it has stopped changing (the engine's exact answers have come). */
async function settled(page: Page): Promise<string> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await state(page);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return last;
}

test('a replayed drag makes exactly the changes the app made', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.addInitScript(recorder, 'dose');
  await openSimulator(page);
  await dragDose(page);
  const app = await settled(page);
  const rec = await page.evaluate(() =>
    (window as unknown as { __replay: () => unknown }).__replay(),
  );
  expect(rec, 'the drag was recorded').toBeTruthy();
  await page.mouse.up();

  // A context of its own, without the app's service worker (which would answer with the app).
  const other = await browser.newContext({
    baseURL,
    viewport: page.viewportSize(),
    serviceWorkers: 'block',
  });
  const replay = await other.newPage();
  await replay.route('**/bench-replay.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: replayPage('dose', rec as Parameters<typeof replayPage>[1]),
    }),
  );
  await replay.goto('./bench-replay.html');
  await expect(replay).toHaveTitle('replay');
  await expect(replay.locator('#dose-number')).toHaveValue('0.5');
  await dragDose(replay);
  // Nothing of the app runs there: what it shows is what the replay made.
  expect(await state(replay)).toBe(app);
  const errors = await replay.evaluate(
    () => (window as unknown as { __replayErrors: string[] }).__replayErrors,
  );
  expect(errors).toEqual([]);
  await other.close();
});
