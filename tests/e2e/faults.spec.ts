/**
 * Faults a real session meets: a worker that dies, damaged links in every view, the engine on the
 * main thread in every view, a lecture that must give the user's scenario back, Back after a
 * change, and very long lecture links.
 */
import { ivScenario } from '../../src/registry';
import { expect, test, type Page } from '@playwright/test';
import { defaultState, type AppState } from '../../src/lib/appState';
import { MAX_CAPTION, MAX_STEPS, MAX_TITLE, sequenceHref } from '../../src/modes/lecture/sequence';
import { encodeState } from '../../src/lib/urlState';
import { references } from '../../src/content/references';

async function cmax(page: Page): Promise<number> {
  const cell = page.locator('table.summary tbody tr').first().locator('td').first();
  await expect(cell).not.toHaveText('');
  return Number(await cell.textContent());
}

test('a worker killed mid-drag is noticed: it is restarted, the figures follow the slider again, and the page says so', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  await expect.poll(() => page.workers().length).toBe(2);
  const slider = page.getByRole('slider', { name: 'Dose (mg/kg)' });
  await slider.focus();
  await slider.press('ArrowRight');
  // Both workers die, as they do when the browser kills them: no event reaches the page.
  for (const w of page.workers()) await w.evaluate(() => self.close()).catch(() => {});
  for (let k = 0; k < 4; k++) await slider.press('ArrowRight');
  await expect(page.locator('[data-notice="engine"]')).toContainText(
    'so a new one was started and the figures were computed again',
    { timeout: 20_000 },
  );
  // The figures are those of the slider's last value: a fresh page at the same address agrees.
  await expect.poll(() => fragment(page).get('state'), { timeout: 5000 }).not.toBeNull();
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  const expected = await cmax(fresh);
  await expect.poll(() => cmax(page), { timeout: 20_000 }).toBe(expected);
  // Later edits still reach the engine.
  await slider.press('ArrowLeft');
  await expect.poll(() => cmax(page), { timeout: 10_000 }).toBeLessThan(expected);
});

/** The address's fragment as parameters. */
const fragment = (page: Page) => new URLSearchParams(new URL(page.url()).hash.slice(1));

/** The state in the address's fragment, decoded. */
function decoded(page: Page): AppState | null {
  const raw = fragment(page).get('state');
  return raw ? (JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as AppState) : null;
}

const DAMAGED = 'v=1&state=eyJzY2VuYXJpb3MiOlt7Im5hbWUiOiJ';

for (const [mode, label] of [
  ['patient', 'patient'],
  ['lecture', 'lecture'],
  ['exercises', 'exercises'],
] as const) {
  test(`a damaged link says so in the ${label} view, in the fragment and in an old query link`, async ({
    page,
  }) => {
    for (const address of [`./#mode=${mode}&${DAMAGED}`, `./?mode=${mode}&${DAMAGED}`]) {
      await page.goto(address);
      await expect(page.locator('[data-notice="link"]')).toContainText(
        'This link could not be read (its settings are damaged)',
      );
    }
  });
}

test('with no worker, every view says the simulation runs on the page itself', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  for (const mode of ['simulator', 'patient', 'lecture', 'exercises']) {
    await page.goto(`./#mode=${mode}`);
    await expect(page.locator('[data-notice="engine"]')).toContainText('runs on the page itself');
  }
  await page.goto('./embed.html');
  await expect(page.locator('[data-notice="engine"]')).toContainText('runs on the page itself');
});

test("leaving a lecture gives back the user's scenario, in the view and in the address", async ({
  page,
}) => {
  await page.goto('./');
  const dose = page.getByRole('spinbutton', { name: 'Dose (mg/kg)' });
  const weight = page.getByRole('spinbutton', { name: 'Weight (kg)' });
  await dose.fill('0.65');
  await dose.press('Enter');
  await weight.fill('88');
  await weight.press('Enter');
  await expect.poll(() => decoded(page)?.scenarios[0]?.scenario.patient.weightKg).toBe(88);
  const mine = fragment(page).get('state');
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Lecture' })
    .click();
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
  await page.getByRole('button', { name: 'Leave lecture' }).click();
  await expect(dose).toHaveValue('0.65');
  await expect(weight).toHaveValue('88');
  expect(fragment(page).get('state')).toBe(mine);
  expect(fragment(page).get('mode')).toBeNull();
  await page.reload();
  await expect(dose).toHaveValue('0.65');
  await expect(weight).toHaveValue('88');
});

test('Back after a change in patient mode: the view shows what the address holds, and a reload agrees', async ({
  page,
}) => {
  await page.goto('./');
  const dose = page.getByRole('spinbutton', { name: 'Dose (mg/kg)' });
  await expect(dose).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Patient' })
    .click();
  const spray = page.getByRole('radio', { name: 'Esketamine spray for the nose' });
  await spray.check();
  await expect.poll(() => decoded(page)?.scenarios[0]?.scenario.regimen.kind).toBe('intranasal');
  await page.goBack();
  // The simulator's entry holds the IV scenario: the view shows it, not the spray.
  await expect.poll(() => decoded(page)?.scenarios[0]?.scenario.regimen.kind).toBe('iv');
  await expect(dose).toBeVisible();
  await page.reload();
  await expect(dose).toBeVisible();
  // Forward returns to the patient view with its change.
  await page.goForward();
  await expect(spray).toBeChecked();
});

test('an in-page link (the skip link) keeps the state in the address', async ({ page }) => {
  await page.goto('./');
  const dose = page.getByRole('spinbutton', { name: 'Dose (mg/kg)' });
  await dose.fill('0.7');
  await dose.press('Enter');
  await expect.poll(() => fragment(page).get('state')).not.toBeNull();
  const before = page.url();
  await page.keyboard.press('Tab');
  await page.getByRole('link', { name: 'Skip to the concentration chart' }).press('Enter');
  expect(page.url()).toBe(before);
  await page.reload();
  await expect(dose).toHaveValue('0.7');
});

/** A lecture at the editor's limits: every step four scenarios with the longest names and captions. */
function largestLecture() {
  const keys = references.slice(0, 8).map((r) => r.key);
  const state = (k: number): AppState => {
    const base = defaultState();
    const names = [0, 1, 2, 3].map((j) => `Step ${k + 1} scenario ${j + 1} `.padEnd(80, 'x'));
    return {
      scenarios: names.map((name, j) => ({ name, scenario: ivScenario(0.3 + 0.1 * j, 40) })),
      view: { ...base.view, active: 3 },
    };
  };
  return {
    version: 1 as const,
    title: 'T'.repeat(MAX_TITLE),
    steps: Array.from({ length: MAX_STEPS }, (_, k) => ({
      caption: `Step ${k + 1}. `.padEnd(MAX_CAPTION, 'é'),
      sources: keys,
      state: state(k),
    })),
  };
}

test('a lecture link of over 60,000 characters opens on a first visit (state in the fragment)', async ({
  browser,
}) => {
  const lecture = largestLecture();
  const link = `./${sequenceHref(lecture, 0)}&${encodeState(lecture.steps[0]!.state).slice(1)}`;
  expect(link.length).toBeGreaterThan(60_000);
  // The same parameters in the query, as links were made before, are refused by the server.
  const asQuery = await browser.newContext();
  const refused = await asQuery.request.get(link.replace('./#', './?'));
  expect(refused.status()).toBe(431);
  await asQuery.close();
  // A fresh context: no service worker, no cache; the server sees only the path.
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  await expect(page.getByText(`Step 1 of ${MAX_STEPS}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('T'.repeat(MAX_TITLE));
  await page.keyboard.press('End');
  await context.close();
});
