import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { drawCurve, watchErrors, openExercises } from './helpers';

const KEY = 'ketamine-sim.exercises.v1';

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
  await openExercises(page);
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
  await openExercises(page);

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
  expect(score).toBeGreaterThan(70);
  await expect(page.getByRole('table', { name: 'How close your prediction was' })).toContainText(
    'on time',
  );
  // The first feedback names the typed peak, and the timing the principle moves.
  await expect(page.locator('.feedback')).toContainText(
    'You predicted a peak of 390 ng/mL at 20 min; the simulation peaks at',
  );
  await expect(page.locator('.feedback')).toContainText('You had the timing right');

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
  await openExercises(page);
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
  await expect(page.getByRole('heading', { name: /1 of 12 done/ })).toBeVisible();

  await page.getByRole('button', { name: 'Reset my progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset my progress' }).click();
  await expect(page.getByText('Progress cleared')).toBeVisible();
  await expect(page.getByRole('button', { name: /Dose proportionality/ })).toContainText(
    'Not done yet',
  );
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { name: /0 of 12 done/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('reset asks first, can be undone, and sits after the exercise', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?mode=exercises');
  const saved = JSON.stringify({
    version: 1,
    results: { 'dose-proportionality': { best: 77, last: 64, attempts: 3 } },
  });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, saved] as const);
  await page.reload();
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /1 of 12 done/ })).toBeVisible();

  // From the last exercise of the list (the route exercises come last), Tab goes on into the
  // exercise, not to the reset.
  await page.getByRole('button', { name: /Time to peak by route: into a muscle/ }).focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.exercise-panel'))).toBe(
    true,
  );

  // The reset asks first; "No" (or Escape) changes nothing and returns to the button.
  const reset = page.getByRole('button', { name: 'Reset my progress' });
  await reset.focus();
  await page.keyboard.press('Enter');
  const keep = page.getByRole('button', { name: 'No, keep my progress' });
  await expect(keep).toBeFocused();
  await expect(page.getByRole('group', { name: /Reset your progress\?/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reset).toBeFocused();
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(saved);

  await page.keyboard.press('Enter');
  await expect(keep).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Yes, reset my progress' })).toBeFocused();
  await page.keyboard.press('Enter');
  const undo = page.getByRole('button', { name: 'Undo the reset' });
  await expect(undo).toBeFocused();
  const status = page.locator('.progress-panel [role="status"]');
  await expect(status).toHaveText('Progress cleared: every exercise is marked as not done.');
  await expect(page.getByRole('heading', { name: /0 of 12 done/ })).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();

  // Undo brings back what was wiped, on the page and in storage.
  await page.keyboard.press('Enter');
  await expect(reset).toBeFocused();
  await expect(status).toHaveText('Progress restored: 1 of 12 exercises is marked as done again.');
  await expect(page.getByRole('button', { name: /Dose proportionality/ })).toContainText(
    'Done, best 77 / 100',
  );
  expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!)).toEqual(
    JSON.parse(saved),
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: /1 of 12 done/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a stroke that starts on the numbers of the value axis selects no text', async ({ page }) => {
  const errors = watchErrors(page);
  await openExercises(page);
  const label = page.locator('.prediction-chart svg text').filter({ hasText: /^200$/ }).first();
  await label.scrollIntoViewIfNeeded();
  const box = (await label.boundingBox())!;
  const surface = (await page.locator('.draw-surface').boundingBox())!;
  const selected = () => page.evaluate(() => window.getSelection()?.toString() ?? '');
  const y = box.y + box.height / 2;
  // Pressed on the number "200", then across it into the plot, and on down over the time axis
  // and the legend below the chart, as a stroke that overshoots does.
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(surface.x + surface.width * 0.3, y, { steps: 8 });
  await page.mouse.move(surface.x + surface.width * 0.5, surface.y + surface.height + 80, {
    steps: 8,
  });
  expect(await selected()).toBe('');
  await page.mouse.up();
  expect(await selected()).toBe('');
  expect(errors).toEqual([]);
});

test('an address opens the exercise it names and records the one chosen', async ({ page }) => {
  const errors = watchErrors(page);
  // By number (from 1), in the query of an older link.
  await page.goto('./?mode=exercises&ex=6');
  await expect(
    page.getByRole('heading', { name: /^Exercise 6: Half-life and washout/ }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();

  // Choosing another rewrites the address in place, keeping the mode.
  await page.getByRole('button', { name: /Infusion duration and peak/ }).click();
  await expect(
    page.getByRole('heading', { name: 'Exercise 2: Infusion duration and peak' }),
  ).toBeFocused();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('ex=2');
  const address = new URL(page.url());
  expect(address.searchParams.get('ex')).toBeNull();
  expect(new URLSearchParams(address.hash.slice(1)).get('mode')).toBe('exercises');
  // The copied address opens the same exercise.
  await page.goto(address.href);
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'Exercise 2: Infusion duration and peak' }),
  ).toBeVisible();

  // By id, in the fragment.
  await page.goto('./#mode=exercises&ex=metabolite');
  await expect(
    page.getByRole('heading', { name: 'Exercise 5: Metabolite accumulation' }),
  ).toBeVisible();

  // An exercise that does not exist: a message naming the range, and the first exercise.
  await page.goto('./#mode=exercises&ex=42');
  await expect(
    page.getByRole('heading', { name: 'Exercise 1: Dose proportionality' }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'does not exist' })).toHaveText(
    'This link asks for exercise "42", which does not exist. Exercises are numbered 1 to 12 (ex=1 to ex=12 in the address), so the first exercise is open.',
  );

  // Leaving for the simulator drops the exercise from the address; Back returns to it.
  await page.getByRole('button', { name: /Metabolite accumulation/ }).click();
  await expect(
    page.getByRole('heading', { name: 'Exercise 5: Metabolite accumulation' }),
  ).toBeFocused();
  await page.getByRole('link', { name: 'Simulator' }).first().click();
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('ex=');
  await page.goBack();
  await expect(
    page.getByRole('heading', { name: 'Exercise 5: Metabolite accumulation' }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('a damaged saved value gives a fresh start and a message, not a crash', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?mode=exercises');
  await page.evaluate((k) => localStorage.setItem(k, '{"version":1,"results":{"dose-'), KEY);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /0 of 12 done/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('has no serious or critical accessibility violations (axe), before and after a reveal', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openExercises(page);
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
    await openExercises(page);
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
