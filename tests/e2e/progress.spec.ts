import { expect, test, type Page } from '@playwright/test';
import { watchErrors, openExercises } from './helpers';

/**
 * Exercise progress that is never lost: a damaged record costs only itself, two tabs keep both
 * their results, and a browser that refuses to save still lets the exercises be done.
 */

const KEY = 'ketamine-sim.exercises.v1';
const BACKUP_KEY = `${KEY}.backup`;

/** Picks an exercise from the list and waits for it to show. */
async function pick(page: Page, title: string, number: number): Promise<void> {
  await page.getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { name: `Exercise ${number}: ${title}` })).toBeVisible();
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
}

/**
 * Types a prediction into the exercise on show (the first and the last field; the values between
 * are joined) and reveals it; returns the score.
 */
async function finish(page: Page): Promise<number> {
  await page.getByLabel('At 10 min').fill('300');
  await page.getByLabel('At 240 min').fill('50');
  await page.getByLabel('At 240 min').press('Tab');
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  const heading = page.getByRole('heading', { name: /Your score: \d+ \/ 100/ });
  await expect(heading).toBeVisible();
  return Number((await heading.textContent())!.match(/(\d+) \/ 100/)![1]);
}

/** Resets the progress, answering yes to the question the page asks first. */
async function reset(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Reset my progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset my progress' }).click();
  await expect(page.getByRole('button', { name: 'Undo the reset' })).toBeFocused();
}

const stored = (page: Page, key: string) =>
  page.evaluate((k) => localStorage.getItem(k), key) as Promise<string | null>;

test('one damaged record costs only itself: the good one still shows as done', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?mode=exercises');
  const raw = JSON.stringify({
    version: 1,
    results: {
      'dose-proportionality': { best: 77, last: 64, attempts: 3 },
      'infusion-duration': { best: 'lots', last: 10, attempts: 1 },
    },
  });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw] as const);
  await page.reload();

  await expect(page.getByRole('alert')).toHaveText(
    '1 saved exercise result could not be read and was set aside; the others are kept.',
  );
  await expect(page.getByRole('button', { name: /Dose proportionality/ })).toContainText(
    'Done, best 77 / 100',
  );
  await expect(page.getByRole('button', { name: /Infusion duration and peak/ })).toContainText(
    'Not done yet',
  );
  await expect(page.getByRole('heading', { name: /1 of 12 done/ })).toBeVisible();
  expect(await stored(page, BACKUP_KEY)).toBe(raw);

  // The next save keeps the good record and the copy of the damaged text.
  await pick(page, 'Infusion duration and peak', 2);
  const score = await finish(page);
  await expect(page.getByRole('heading', { name: /2 of 12 done/ })).toBeVisible();
  const saved = JSON.parse((await stored(page, KEY))!);
  expect(saved.results['dose-proportionality']).toEqual({ best: 77, last: 64, attempts: 3 });
  expect(saved.results['infusion-duration']).toEqual({ best: score, last: score, attempts: 1 });
  expect(await stored(page, BACKUP_KEY)).toBe(raw);
  expect(errors).toEqual([]);
});

test('two tabs each finishing a different exercise both keep their result', async ({ context }) => {
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  const errors = [tabA, tabB].map(watchErrors);
  await openExercises(tabA);
  await openExercises(tabB);

  const scoreA = await finish(tabA);
  // Tab B hears of tab A's save through the storage event, without a reload.
  await expect(tabB.getByRole('heading', { name: /1 of 12 done/ })).toBeVisible();
  await pick(tabB, 'Infusion duration and peak', 2);
  const scoreB = await finish(tabB);

  for (const tab of [tabA, tabB]) {
    await expect(tab.getByRole('heading', { name: /2 of 12 done/ })).toBeVisible();
    await expect(tab.getByRole('button', { name: /Dose proportionality/ })).toContainText(
      `Done, best ${scoreA} / 100`,
    );
    await expect(tab.getByRole('button', { name: /Infusion duration and peak/ })).toContainText(
      `Done, best ${scoreB} / 100`,
    );
  }
  for (const tab of [tabA, tabB]) {
    await tab.reload();
    await expect(tab.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
    await expect(tab.getByRole('heading', { name: /2 of 12 done/ })).toBeVisible();
  }
  const saved = JSON.parse((await stored(tabA, KEY))!);
  expect(Object.keys(saved.results).sort()).toEqual(['dose-proportionality', 'infusion-duration']);

  // A reset in one tab reaches the other; so does its undo, and a second reset.
  await reset(tabA);
  await expect(tabA.getByRole('heading', { name: /0 of 12 done/ })).toBeVisible();
  await expect(tabB.getByRole('heading', { name: /0 of 12 done/ })).toBeVisible();
  await expect(tabB.getByText('Progress was cleared in another tab or window')).toBeVisible();
  await tabA.getByRole('button', { name: 'Undo the reset' }).click();
  for (const tab of [tabA, tabB])
    await expect(tab.getByRole('heading', { name: /2 of 12 done/ })).toBeVisible();
  expect(Object.keys(JSON.parse((await stored(tabB, KEY))!).results).sort()).toEqual([
    'dose-proportionality',
    'infusion-duration',
  ]);
  // The other tab's next result does not bring the reset records back.
  await reset(tabA);
  await expect(tabB.getByRole('heading', { name: /0 of 12 done/ })).toBeVisible();
  // (Tab B's address still names exercise 2, so its reload opened that one again.)
  await expect(
    tabB.getByRole('heading', { name: 'Exercise 2: Infusion duration and peak' }),
  ).toBeVisible();
  await finish(tabB);
  await expect(tabA.getByRole('heading', { name: /1 of 12 done/ })).toBeVisible();
  expect(Object.keys(JSON.parse((await stored(tabB, KEY))!).results)).toEqual([
    'infusion-duration',
  ]);
  expect(errors.flat()).toEqual([]);
});

test('a browser that refuses to save says so, and the exercises still work', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function refuse(): void {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openExercises(page);
  const first = await finish(page);
  await expect(page.getByRole('alert')).toHaveText(
    'Your progress could not be saved on this device (the browser refused); it lasts for this visit.',
  );
  await expect(page.getByRole('button', { name: /Dose proportionality/ })).toContainText(
    `Done, best ${first} / 100`,
  );

  // The next exercise can still be done, and the first result is still shown.
  await pick(page, 'Infusion duration and peak', 2);
  const second = await finish(page);
  await expect(page.getByRole('heading', { name: /2 of 12 done/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Infusion duration and peak/ })).toContainText(
    `Done, best ${second} / 100`,
  );
  await expect(page.getByRole('button', { name: /Dose proportionality/ })).toContainText(
    `Done, best ${first} / 100`,
  );
  expect(await stored(page, KEY)).toBeNull();
  expect(errors).toEqual([]);
});

test('a browser that refuses storage altogether (the localStorage getter throws) still runs the exercises', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await openExercises(page);
  await expect(page.getByText('does not allow saving on the device').first()).toBeVisible();
  expect(await finish(page)).toBeGreaterThanOrEqual(0);
  expect(errors).toEqual([]);
});
