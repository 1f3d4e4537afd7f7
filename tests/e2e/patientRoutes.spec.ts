/**
 * Patient mode for a ketamine shot into a muscle (IM) at a clinic and a ketamine tablet under the
 * tongue taken at home: each can be chosen by pointer and by keyboard, shows its session timeline,
 * its safety rules with their sources (and says what the sources leave to the clinic), its course
 * calendar and the simulator's curve in words; its handout prints on one page; axe finds nothing.
 * The routes the page still does not explain (swallowed ketamine, a racemic nose spray) say so.
 * Every test here fails on a console or page error (testWithoutErrors).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { expectOnePrintedPage, testWithoutErrors as test, openPatient } from './helpers';

const IM = 'Ketamine shot into a muscle (IM)';
const SL = 'Ketamine tablet under the tongue, at home';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const steps = (page: Page) => page.getByRole('list', { name: 'Steps of a session' });
/** The step card with this title. */
const card = (page: Page, title: string) =>
  steps(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const rules = (page: Page) => page.getByRole('region', { name: 'Safety rules from the sources' });
const calendar = (page: Page) => page.getByRole('table', { name: /Sessions by week/ });
const caption = (page: Page) => page.locator('figure.timeline figcaption');

/** Chooses a treatment and waits until its cards and its own curve are shown. */
async function choose(page: Page, label: string, firstCard: string) {
  await page.getByRole('radio', { name: label }).check();
  await expect(card(page, firstCard)).toBeVisible();
  await expect(caption(page)).toContainText('level is highest at');
}

/** Chooses a course and waits for the simulated course's summary. */
async function chooseCourse(page: Page, sessions: number) {
  await page.getByRole('radio', { name: 'A course of sessions' }).check();
  await expect(page.getByText(`This simulation has ${sessions} sessions`)).toBeVisible();
}

/** The source list entry that a line's first source number points at. */
async function sourceOf(page: Page, line: ReturnType<Page['locator']>) {
  const n = await line
    .getByRole('link', { name: /Source \d+/ })
    .first()
    .textContent();
  return page.locator(`li[id="patient-source-${n}"]`);
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.length})`);
}

test('the shot into a muscle: its timeline, curve in words, rules with sources, calendar', async ({
  page,
}) => {
  await openPatient(page);
  await choose(page, IM, 'The shot');
  await expect(
    page.getByRole('heading', { level: 2, name: 'What to expect: a ketamine shot into a muscle' }),
  ).toBeVisible();
  await expect(steps(page).getByRole('listitem')).toHaveCount(7);
  await expect(card(page, 'Before the shot')).toContainText('Before the start');
  await expect(card(page, 'The shot')).toContainText('At the start');
  // The simulated level reaches the range linked to strange feelings, so that card has a time.
  await expect(card(page, 'Feeling strange or dreamy')).toContainText(
    /From the start to \d+ minutes/,
  );
  await expect(card(page, 'Resting at the clinic')).toContainText(
    'Your clinic will tell you how long you stay.',
  );
  await expect(card(page, 'Going home')).toContainText('Until the next day');

  // The curve in words: the simulator's own peak and fall, with no lab units; and the note that
  // the shot's figures could not be checked (its model's paper could not be read, so not cited).
  await expect(caption(page)).toContainText(/level is highest at \d+ minutes/);
  await expect(caption(page)).toContainText('could not check');
  await expect(page.locator('li[id^="patient-source-"]', { hasText: 'Clements' })).toHaveCount(0);

  // The rules, each with its source, and what the sources leave to the clinic.
  const drive = rules(page)
    .getByRole('listitem')
    .filter({ hasText: 'for 24 hours after a dose, do not drive' });
  await expect(drive).toBeVisible();
  await expect(await sourceOf(page, drive)).toContainText('Ketamine (injection route)');
  await expect(rules(page)).toContainText('alcohol and drugs that make you sleepy');
  await expect(rules(page)).toContainText('call your doctor');
  await expect(rules(page)).toContainText(
    'do not say how long you stay, or who takes you home. Your clinic will give you its own rules.',
  );

  // The example course: 6 shots over 2 weeks, on the drip study's days.
  await expect(calendar(page).getByRole('cell', { name: 'Treatment day' })).toHaveCount(6);
  await expect(page.locator('.course')).toContainText('6 shots over 12 days');
  await chooseCourse(page, 6);

  // Every source number points at an entry of the list.
  for (const a of await page.locator('.patient a[href^="#patient-source-"]').all()) {
    const id = (await a.getAttribute('href'))!.slice(1);
    await expect(page.locator(`li[id="${id}"]`)).toHaveCount(1);
  }
  // The choice set the simulator's own scenario.
  await page.getByRole('button', { name: 'Go to the full simulator' }).click();
  await expect(page.getByRole('radio', { name: /^Intramuscular/ })).toBeChecked();
});

test('the tablet at home: its timeline, rules with sources, questions and calendar', async ({
  page,
}) => {
  await openPatient(page);
  await choose(page, SL, 'The tablet under the tongue');
  await expect(
    page.getByRole('heading', { level: 2, name: 'What to expect: a ketamine tablet at home' }),
  ).toBeVisible();
  await expect(steps(page).getByRole('listitem')).toHaveCount(6);
  await expect(card(page, 'The tablet under the tongue')).toContainText(
    'From the start to 10 minutes',
  );
  await expect(card(page, 'Resting at home')).toContainText('After the dose');
  await expect(card(page, 'A check-in')).toContainText('1 to 2 days later');
  await expect(card(page, 'Side effects and risks')).toContainText('6 of 1,247 people');

  const other = rules(page)
    .getByRole('listitem')
    .filter({ hasText: 'only if another person was there in person' });
  await expect(other).toBeVisible();
  await expect(await sourceOf(page, other)).toContainText('Ketamine-assisted telemedicine');
  const fda = rules(page).getByRole('listitem').filter({ hasText: 'In 2023 the US FDA warned' });
  await expect(await sourceOf(page, fda)).toContainText('FDA warns of dangers');
  await expect(rules(page)).toContainText(
    'The sources give no rules on driving, sitting or lying down, storing the tablets, or feeling unwell. Your clinic will give you its own rules.',
  );
  // Those topics are the questions for the care team.
  const questions = page.getByRole('region', { name: 'Questions to ask your care team' });
  await expect(questions).toContainText('When can I drive after a dose?');
  await expect(questions).toContainText('Whom do I call if I feel unwell?');
  await expect(questions).not.toContainText('How long will I stay after each session?');

  // The example course chosen for this tool: a dose every 3 days for 4 weeks.
  await expect(calendar(page).getByRole('cell', { name: 'Treatment day' })).toHaveCount(10);
  await expect(calendar(page)).toContainText(
    'example chosen for this tool, not taken from a study',
  );
  await chooseCourse(page, 10);
  await expect(page.locator('.course-level .summary')).toContainText('10 sessions');
});

test('keyboard: arrow keys reach both new treatments, and the page follows', async ({ page }) => {
  await openPatient(page);
  await page.getByRole('radio', { name: 'Ketamine drip into a vein (IV)' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: IM })).toBeChecked();
  await expect(page.getByRole('radio', { name: IM })).toBeFocused();
  await expect(card(page, 'The shot')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: SL })).toBeChecked();
  await expect(card(page, 'The tablet under the tongue')).toBeVisible();
  await expect(rules(page)).toContainText('another person was there in person');
  // Tab leaves the group for the schedule choice; Space there does not change the treatment.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'One session' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'A course of sessions' })).toBeChecked();
  await expect(page.getByText('This simulation has 10 sessions')).toBeVisible();
  await expect(page.getByRole('radio', { name: SL })).toBeChecked();
  // A source number is a link the keyboard reaches.
  const link = rules(page)
    .getByRole('link', { name: /Source \d+/ })
    .first();
  await link.focus();
  await expect(link).toBeFocused();
});

test('each new handout prints on one A4 and one Letter page, at 12 pt, with its rules', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openPatient(page);
  for (const [label, first] of [
    [IM, 'The shot'],
    [SL, 'The tablet under the tongue'],
  ] as const) {
    await choose(page, label, first);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('radio').first()).toBeHidden();
    await expect(page.getByRole('note')).toContainText('Teaching tool only');
    await expect(page.locator('.handout-clinic')).toContainText('Clinic name:');
    await expect(rules(page)).toBeVisible();
    await expect(steps(page)).toBeVisible();
    await expect(page.getByRole('table', { name: /Sessions by week/ }).last()).toBeVisible();
    const smallest = await page.evaluate(() => {
      let min = Infinity;
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || !el.checkVisibility()) continue;
        if (el.closest('.visually-hidden')) continue;
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      }
      return min;
    });
    expect(smallest, `${label}: smallest text, px`).toBeGreaterThanOrEqual(16 - 0.01);
    await expectOnePrintedPage(page, label);
    await page.emulateMedia({ media: 'screen' });
  }
});

test('axe finds nothing at WCAG 2.2 AA and best practice on either new treatment', async ({
  page,
}) => {
  await openPatient(page);
  for (const [label, first] of [
    [IM, 'The shot'],
    [SL, 'The tablet under the tongue'],
  ] as const) {
    await choose(page, label, first);
    await page.locator('details.data summary').click();
    await expect(page.getByRole('table', { name: /Drug level in the blood/ })).toBeVisible();
    expect(await violations(page), label).toEqual([]);
    await page.locator('details.data summary').click();
  }
});

test('fits a 360 px phone without horizontal scrolling, with the rules and calendar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openPatient(page);
  for (const [label, first] of [
    [IM, 'The shot'],
    [SL, 'The tablet under the tongue'],
  ] as const) {
    await choose(page, label, first);
    await expect(rules(page)).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${label}: overflow at 360 px`).toBeLessThanOrEqual(0);
  }
});

test('a route the page does not explain yet says so, and the drip is shown until one is chosen', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  await page.getByRole('radio', { name: /^Oral/ }).check();
  await expect(page.locator('table.summary tbody tr').first()).toContainText(/Oral/);
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Patient' })
    .click();
  const status = page.getByRole('status').filter({ hasText: 'This page does not explain it yet' });
  await expect(status).toContainText('Scenario 1 is ketamine you swallow.');
  await expect(card(page, 'The drip')).toBeVisible();
  // No treatment looks chosen, so any of them, the drip too, can be chosen.
  const treatments = page.getByRole('group', { name: 'Which treatment?' }).getByRole('radio');
  await expect(treatments).toHaveCount(4);
  for (const r of await treatments.all()) await expect(r).not.toBeChecked();
  await page.getByRole('radio', { name: 'Ketamine drip into a vein (IV)' }).check();
  await expect(status).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Ketamine drip into a vein (IV)' })).toBeChecked();
  await page.getByRole('radio', { name: SL }).check();
  await expect(card(page, 'The tablet under the tongue')).toBeVisible();
});

test('an esketamine film under the tongue is not explained as the ketamine tablet taken at home', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  await page.getByRole('radio', { name: 'Sublingual racemic ketamine or S-ketamine film' }).check();
  await page
    .getByLabel('Pharmacokinetic model')
    .selectOption({ label: 'S-ketamine film (Simons 2022)' });
  await expect(page.locator('table.summary tbody tr').first()).toContainText(
    'Sublingual esketamine',
  );
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Patient' })
    .click();
  const status = page.getByRole('status').filter({ hasText: 'This page does not explain it yet' });
  await expect(status).toContainText(
    'Scenario 1 is an esketamine film that melts under the tongue or in the cheek.',
  );
  await expect(card(page, 'The tablet under the tongue')).toHaveCount(0);
  const treatments = page.getByRole('group', { name: 'Which treatment?' }).getByRole('radio');
  for (const r of await treatments.all()) await expect(r).not.toBeChecked();
});
