/**
 * The glossary in the lecture caption, an exercise and the claim lists of the clinical and
 * mechanism panels: keyboard focus on a marked term shows its definition (at the reader's level),
 * Escape hides it and leaves focus on the term; no definition is ever inside a live region; axe
 * finds nothing with a definition open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { glossaryEntry } from '../../src/content/glossary';
import { openExercises, openSimulator, testWithoutErrors as test } from './helpers';

// axe on a whole mode, on 2 shared cores, takes a good part of the default 30 s
test.slow();

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/**
 * Focuses the term (as Tab would: a focus that no press brings), checks that the definition it
 * controls holds `definition`, runs axe with it open (unless `axe` is false), and closes it with
 * Escape.
 */
async function openAndClose(page: Page, term: Locator, definition: string, axe = true) {
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  await term.focus();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`[id="${await term.getAttribute('aria-controls')}"]`);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(definition);
  await expect(panel).toContainText('Source: ');
  // Never announced: no definition is inside a live region.
  await expect(
    page.locator(':is([aria-live], [role="status"], [role="alert"], [role="log"]) .term-panel'),
  ).toHaveCount(0);
  if (axe) await noAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.locator('.term-panel')).toHaveCount(0);
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  await expect(term).toBeFocused();
}

test('lecture mode: a term in the caption shows its definition, which is never said as the caption', async ({
  page,
}) => {
  await page.goto('./?mode=lecture');
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  const caption = page.locator('.caption-text');
  await expect(caption).toContainText('Intravenous racemic ketamine, 0.5 mg/kg over 40 minutes');
  const racemic = glossaryEntry('racemic').text.student;
  await openAndClose(page, caption.getByRole('button', { name: 'racemic' }), racemic);
  await expect(page.locator('.caption-live')).not.toContainText(racemic);
  // Escape was not taken for a lecture key; an arrow from the term still steps.
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
  await expect(caption).toContainText('Esketamine nasal spray, 56 mg');
  await expect(caption.getByRole('button', { name: 'Esketamine' })).toBeVisible();
});

test('an exercise: terms in the question and in the explanation show their definitions', async ({
  page,
}) => {
  await openExercises(page);
  const exercise = page.getByRole('article', { name: /Exercise 1: Dose proportionality/ });
  const question = exercise.locator('.question');
  await expect(question).toHaveText(/^The reference curve is racemic ketamine in plasma/);
  await openAndClose(
    page,
    question.getByRole('button', { name: 'plasma' }),
    glossaryEntry('plasma').text.student,
  );
  // The task names plasma again: marked once, in the question.
  await expect(exercise.locator('.task').getByRole('button')).toHaveCount(0);

  // A typed prediction, revealed: the explanation marks its terms too.
  const fields = exercise.getByLabel(/^At /);
  const n = await fields.count();
  expect(n).toBeGreaterThan(1);
  for (let i = 0; i < n; i++) await fields.nth(i).fill(String(i === 0 ? 0 : 400 / i));
  await exercise.getByRole('button', { name: 'Reveal the answer' }).click();
  await expect(exercise.getByRole('heading', { name: /Your score: \d+ \/ 100/ })).toBeFocused();
  const why = exercise.locator('h3:text-is("Why") ~ p');
  await expect(why.first()).toContainText('The simulation shows a peak of');
  await openAndClose(
    page,
    why.getByRole('button', { name: 'area under the curve' }),
    glossaryEntry('auc').text.student,
  );
});

test('the clinical panel: a term in a claim list shows the definition at the reading level', async ({
  page,
}) => {
  await openSimulator(page);
  const sideEffects = () => page.locator('section[aria-labelledby="clin-side-effects"]');
  await page.getByRole('radio', { name: 'Intranasal esketamine (Spravato)' }).check();
  await expect(sideEffects()).toContainText('dissociation 41 % vs 9 %');
  // The first mention in the section is marked, not the later ones.
  await expect(sideEffects().getByRole('button', { name: 'dissociation' })).toHaveCount(1);
  await openAndClose(
    page,
    sideEffects().getByRole('button', { name: 'dissociation' }),
    glossaryEntry('dissociation').text.student,
  );

  await page.getByRole('radio', { name: 'Plain language' }).check();
  await expect(sideEffects()).toContainText('Common side effects are feeling detached');
  await openAndClose(
    page,
    sideEffects().getByRole('button', { name: 'esketamine' }),
    glossaryEntry('esketamine').text.plain,
    false,
  );
});

test('terms of trials and mechanism: MADRS and the PCP site show their definitions and sources', async ({
  page,
}) => {
  await openSimulator(page);
  const trials = page.locator('section[aria-labelledby="clin-trials"]');
  await expect(trials).toContainText('the primary outcome was the change in MADRS score');
  const madrs = trials.getByRole('button', { name: 'MADRS' });
  await openAndClose(page, madrs, glossaryEntry('madrs').text.student, false);
  // Enter opens it again: it names the scale's own paper beside the trial's.
  await page.keyboard.press('Enter');
  const madrsPanel = page.locator(`[id="${await madrs.getAttribute('aria-controls')}"]`);
  await expect(madrsPanel).toContainText(
    'Source: Montgomery SA et al. 1979; Murrough JW et al. 2013',
  );
  await page.keyboard.press('Escape');
  await expect(madrsPanel).toHaveCount(0);

  // The mechanism panel's NMDA block: its bracketed spelling is one term.
  const nmda = page.locator('section[aria-labelledby="mech-nmda"]');
  await openAndClose(
    page,
    nmda.getByRole('button', { name: 'phencyclidine (PCP) site' }),
    glossaryEntry('pcp-site').text.student,
    false,
  );
});
