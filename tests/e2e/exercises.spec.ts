import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers';

const KEY = 'ketamine-sim.exercises.v1';

/** Opens the exercises and waits for the first exercise's reference curve. */
async function open(page: Page) {
  await page.goto('./?mode=exercises');
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
}

/**
 * Draws on the chart with the mouse through points given in data units (t min, c ng/mL), on a
 * drawing area from 0 to endMin and 0 to yTop.
 */
async function drawCurve(
  page: Page,
  points: [number, number][],
  endMin: number,
  yTop: number,
): Promise<void> {
  const surface = page.locator('.draw-surface');
  await surface.scrollIntoViewIfNeeded();
  const box = (await surface.boundingBox())!;
  const px = ([t, c]: [number, number]) => ({
    x: box.x + (t / endMin) * (box.width - 1),
    y: box.y + (1 - c / yTop) * (box.height - 1),
  });
  const first = px(points[0]!);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const p of points.slice(1)) {
    const q = px(p);
    await page.mouse.move(q.x, q.y, { steps: 4 });
  }
  await page.mouse.up();
}

/** Presses Tab until the element with this id has focus (at most `limit` presses). */
async function tabTo(page: Page, id: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

test('an exercise drawn with the mouse is revealed, scored and explained', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await expect(
    page.getByRole('heading', { name: 'Exercise 1: Dose proportionality' }),
  ).toBeVisible();

  // The drawing area runs to 800 ng/mL (2.6 x the 253 ng/mL reference peak, rounded up).
  await expect(page.getByLabel('At 40 min')).toHaveAttribute('max', '800');
  await drawCurve(
    page,
    [
      [0, 0],
      [20, 260],
      [40, 500],
      [60, 200],
      [120, 100],
      [180, 70],
      [240, 50],
    ],
    240,
    800,
  );
  // The drawing shows in the typed fields too, and the live region describes it.
  await expect(
    page.getByRole('status').filter({ hasText: 'Your prediction: highest' }),
  ).toBeVisible();
  expect(Number(await page.getByLabel('At 40 min').inputValue())).toBeGreaterThan(400);

  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  const heading = page.getByRole('heading', { name: /Your score: \d+ \/ 100/ });
  await expect(heading).toBeFocused();
  const score = Number((await heading.textContent())!.match(/(\d+) \/ 100/)![1]);
  expect(score).toBeGreaterThan(60);
  expect(score).toBeLessThanOrEqual(100);
  await expect(page.getByRole('table', { name: 'How close your prediction was' })).toContainText(
    '507 ng/mL',
  );
  await expect(page.getByText(/The simulation shows a peak of 507 ng\/mL at 40 min/)).toBeVisible();
  const result = page.getByRole('region', { name: /Your score/ });
  await expect(
    result.getByRole('listitem').filter({ hasText: /^Herd DW, Anderson BJ/ }),
  ).toBeVisible();

  // The data table alternative.
  await page.getByText('Data table: time, your prediction and the simulation').click();
  const data = page.getByRole('table', { name: /Ketamine in plasma \(ng\/mL\) over time/ });
  await expect(data).toBeVisible();
  await expect(data.getByRole('row', { name: /^40 min/ })).toContainText('507');

  await expect(page.getByRole('button', { name: /Dose proportionality/ })).toContainText(
    `Done, best ${score} / 100`,
  );
  expect(errors).toEqual([]);
});

test('an exercise can be done with the keyboard only', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);

  // Pick the second exercise from the list with Tab and Enter; focus moves to its heading.
  const pick = page.getByRole('button', { name: /Infusion duration and peak/ });
  for (let i = 0; i < 60 && !(await pick.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(pick).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { name: 'Exercise 2: Infusion duration and peak' }),
  ).toBeFocused();
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();

  // Type the prediction at the fixed times, moving on with Tab.
  const values = ['300', '390', '150', '110', '80', '60', '45', '32', '25'];
  await tabTo(page, 'ex-infusion-duration-h0');
  for (const v of values) {
    await page.keyboard.type(v);
    await page.keyboard.press('Tab');
  }
  // The last Tab committed the last field and reached the reveal button.
  await expect(page.getByRole('button', { name: 'Reveal the answer' })).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your prediction: highest 390 ng/mL at 20 min' }),
  ).toBeVisible();
  await page.keyboard.press('Enter');

  const heading = page.getByRole('heading', { name: /Your score: \d+ \/ 100/ });
  await expect(heading).toBeFocused();
  const score = Number((await heading.textContent())!.match(/(\d+) \/ 100/)![1]);
  expect(score).toBeGreaterThan(85);
  await expect(page.getByRole('table', { name: 'How close your prediction was' })).toContainText(
    'on time',
  );

  // An out-of-range value is refused with a message tied to its field.
  await page.getByRole('button', { name: 'Try this exercise again' }).press('Enter');
  await tabTo(page, 'ex-infusion-duration-h0');
  await page.keyboard.type('-5');
  await page.keyboard.press('Tab');
  const first = page.getByLabel('At 10 min');
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a number from 0 to 600.')).toBeVisible();
  expect(errors).toEqual([]);
});

test('progress persists across a reload, and reset clears it', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await page.getByLabel('At 10 min').fill('300');
  await page.getByLabel('At 240 min').fill('50');
  await page.getByLabel('At 240 min').press('Tab');
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(page.getByRole('heading', { name: /Your score/ })).toBeVisible();

  const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!);
  expect(stored.version).toBe(1);
  expect(stored.results['dose-proportionality'].attempts).toBe(1);

  await page.reload();
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Dose proportionality/ })).toContainText(
    `Done, best ${stored.results['dose-proportionality'].best} / 100`,
  );
  await expect(page.getByRole('heading', { name: /1 of 9 done/ })).toBeVisible();

  await page.getByRole('button', { name: 'Reset my progress' }).click();
  await expect(page.getByText('Progress cleared')).toBeVisible();
  await expect(page.getByRole('button', { name: /Dose proportionality/ })).toContainText(
    'Not done yet',
  );
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { name: /0 of 9 done/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a damaged saved value gives a fresh start and a message, not a crash', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?mode=exercises');
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"results":{"dose-'), KEY);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /0 of 9 done/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('has no serious or critical accessibility violations (axe), before and after a reveal', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page);
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  };
  await check();
  // The variability exercise reveals a band and a band check.
  await page.getByRole('button', { name: /Variability between patients/ }).click();
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
  await drawCurve(
    page,
    [
      [0, 0],
      [30, 150],
      [60, 120],
      [240, 40],
    ],
    240,
    250,
  );
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(page.getByRole('heading', { name: /Your score/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Your peak against the 5-95 % band/ })).toBeVisible();
  await page.getByText('Data table: time, your prediction and the simulation').click();
  await check();
  expect(errors).toEqual([]);
});

for (const width of [360, 1920]) {
  test(`fits a ${width} px wide screen without sideways scrolling`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await open(page);
    await page.getByLabel('At 10 min').fill('100');
    await page.getByLabel('At 240 min').fill('50');
    await page.getByLabel('At 240 min').press('Tab');
    await page.getByRole('button', { name: 'Reveal the answer' }).click();
    await page.getByText('Data table: time, your prediction and the simulation').click();
    await expect(page.getByRole('table', { name: /over time/ })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // The wide data table scrolls inside its own focusable region, which axe accepts.
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    expect(errors).toEqual([]);
  });
}
