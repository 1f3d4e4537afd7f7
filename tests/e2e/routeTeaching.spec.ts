/**
 * Teaching the routes (issue 15): the ready-made lecture "Why the route matters", stepped through
 * with the keyboard, and the three route exercises, each opened by its link and done with the
 * mouse or the keyboard. What a page shows is checked against the lecture's own data and against
 * the engine run here, in the test, on the same scenarios (never against figures pasted in).
 * axe runs at WCAG 2.2 AA plus best practice on every state reached: no violation of any impact.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { drawCurve, testWithoutErrors as test } from './helpers';
import { READY_LECTURES } from '../../src/modes/lecture/lectures';
import {
  EXERCISES,
  EXERCISE_IDS,
  revealContext,
  seriesOf,
} from '../../src/modes/exercises/exerciseSet';
import {
  completeDraft,
  curveStats,
  draftFromHandles,
  formatMinutes,
  gridTimes,
} from '../../src/modes/exercises/exercises';
import { runScenario } from '../../src/registry';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
  expect(found).toEqual([]);
}

const lecture = READY_LECTURES.find((l) => l.id === 'why-the-route-matters')!;
const steps = lecture.sequence.steps;

/** The first sentence of a step's caption (its words as the page shows them). */
const opening = (k: number) => steps[k]!.caption.split(/[.:]/)[0]!;

/** Waits until the lecture shows step k (0-based): its number, caption and one key per scenario. */
async function atStep(page: Page, k: number): Promise<void> {
  await expect(page.getByText(`Step ${k + 1} of ${steps.length}`)).toBeVisible();
  await expect(page.locator('.caption-text')).toContainText(opening(k));
  const names = steps[k]!.state.scenarios.map((n) => n.name);
  const keys = page.locator('ul.legend li');
  await expect(keys).toHaveCount(names.length);
  for (const [i, name] of names.entries()) await expect(keys.nth(i)).toContainText(name);
}

test('the lecture "Why the route matters" steps through the routes with the keyboard', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`./#mode=lecture&seq=${lecture.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Why the route matters');
  await atStep(page, 0);
  await expect(page.locator('.caption-text')).toContainText('100 % by definition');
  await expect(page.locator('.caption-sources')).toContainText('Rolan');

  // Forward with the arrow key, one route more each step.
  await page.keyboard.press('ArrowRight');
  await atStep(page, 1);
  await page.keyboard.press('PageDown');
  await atStep(page, 2);
  await expect(page.locator('.caption-text')).toContainText('first-pass metabolism');
  await expect(page.locator('.caption-text')).toContainText('approximation');
  // Three routes side by side: three solid plasma curves, one per route, each in its colour.
  const chartSvg = page.locator('#conc-chart-title ~ svg');
  const solid = chartSvg.locator('path[fill=none]:not(.casing):not([stroke-dasharray])');
  await expect(solid).toHaveCount(3);
  const colours = await solid.evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke')));
  expect(new Set(colours).size).toBe(3);
  await expectNoAxeViolations(page);

  // A jump by number to the metabolite step: the dashed metabolite curves join the solid ones.
  const metaboliteStep = steps.findIndex((s) => s.state.view.showMetabolite);
  expect(metaboliteStep).toBeGreaterThan(2);
  await page.keyboard.press(String(metaboliteStep + 1));
  await atStep(page, metaboliteStep);
  await expect(page.locator('.caption-text')).toContainText('norketamine');
  const dashed = chartSvg.locator('path[fill=none]:not(.casing)[stroke-dasharray]');
  await expect(dashed).toHaveCount(steps[metaboliteStep]!.state.scenarios.length);

  // The last step: four routes on a log scale; then back one with the other arrow.
  const last = steps.length - 1;
  await page.keyboard.press(String(last + 1));
  await atStep(page, last);
  expect(steps[last]!.state.scenarios.length).toBe(4);
  await expect(page).toHaveURL(new RegExp(`step=${last + 1}`));
  await expectNoAxeViolations(page);
  await page.keyboard.press('ArrowLeft');
  await atStep(page, last - 1);

  // Projector type for the longer captions of this lecture.
  const size = await page
    .locator('.caption-text')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
});

/** The reference and answer curves of an exercise, from the engine, on its grid. */
function curvesOf(id: string) {
  const ex = EXERCISES.find((e) => e.id === id)!;
  const run = (s: ReturnType<typeof ex.baseline.scenario>) => {
    const out = runScenario(s);
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
    return out.result;
  };
  const t = gridTimes(ex.grid);
  const baseline = seriesOf(run(ex.baseline.scenario()), ex.baseline.series, ex.grid);
  if (ex.answer.kind !== 'run') throw new Error(`${id} is not answered by one run`);
  const answer = seriesOf(run(ex.answer.scenario()), ex.answer.series, ex.grid);
  /** the total score the page must give for values typed at the fixed times */
  const typedScore = (values: number[]) => {
    const p = completeDraft(draftFromHandles(ex.grid, ex.handleTimesMin, values))!;
    return revealContext(ex, t, baseline, answer, p).score.total;
  };
  return { ex, t, baseline, answer, typedScore, number: EXERCISE_IDS.indexOf(id) + 1 };
}

/** Opens the exercises at an address and waits for the exercise's drawing area. */
async function openAt(page: Page, fragment: string, heading: string): Promise<void> {
  await page.goto(`./#mode=exercises&${fragment}`);
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  await expect(page.getByRole('img', { name: /draw your prediction/ })).toBeVisible();
}

/** Presses Tab until the element with this id has focus (at most `limit` presses). */
async function tabTo(page: Page, id: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Types the values into the fixed-time fields with the keyboard, then reveals with Enter. */
async function typeAndReveal(page: Page, id: string, values: number[]): Promise<number> {
  await tabTo(page, `ex-${id}-h0`);
  for (const v of values) {
    await page.keyboard.type(String(v));
    await page.keyboard.press('Tab');
  }
  await expect(page.getByRole('button', { name: 'Reveal the answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  return revealedScore(page);
}

/** The score heading, once revealed (it takes the focus). */
async function revealedScore(page: Page): Promise<number> {
  const heading = page.getByRole('heading', { name: /Your score: \d+ \/ 100/ });
  await expect(heading).toBeFocused();
  return Number((await heading.textContent())!.match(/(\d+) \/ 100/)![1]);
}

test('first pass: the metabolite exercise opens by its number and is drawn with the mouse', async ({
  page,
}) => {
  const { ex, t, baseline, answer, number } = curvesOf('first-pass-metabolite');
  await openAt(page, `ex=${number}`, `Exercise ${number}: ${ex.title}`);
  const yTop = Number(await page.locator(`#ex-${ex.id}-h0`).getAttribute('max'));
  const a = curveStats(t, answer);
  const r = curveStats(t, baseline);
  expect(yTop).toBeGreaterThan(a.peak);

  // Drawn "like the parent": the reference's own height and timing, so the metabolite is missed.
  const points: [number, number][] = [0, 60, 90, 120, 240, 480, 720].map((tt) => [
    tt,
    baseline[Math.round(tt / ex.grid.stepMin)]!,
  ]);
  await drawCurve(page, points, ex.grid.endMin, yTop);
  await expect(
    page.getByRole('status').filter({ hasText: 'Your prediction: highest' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  const low = await revealedScore(page);
  expect(low).toBeLessThanOrEqual(20);
  const feedback = page.locator('.feedback');
  await expect(feedback).toContainText(`the simulation peaks at`);
  await expect(feedback).toContainText(`at ${formatMinutes(a.tPeakMin!)}`);
  await expect(feedback).toContainText(/your peak was (about|less than)/);
  await expect(
    page.getByText(`The simulation shows noresketamine peaking at`, { exact: false }),
  ).toBeVisible();
  expect(a.peak).toBeGreaterThan(3 * r.peak);
  await expectNoAxeViolations(page);

  // Again, drawn several times above the parent: a better score, recorded in the list.
  await page.getByRole('button', { name: 'Try this exercise again' }).click();
  const scaled: [number, number][] = points.map(([tt, c]) => [tt, Math.min(yTop, c * 6)]);
  await drawCurve(page, scaled, ex.grid.endMin, yTop);
  await page.getByRole('button', { name: 'Reveal the answer' }).click();
  const better = await revealedScore(page);
  expect(better).toBeGreaterThan(low + 30);
  await expect(page.getByRole('button', { name: new RegExp(ex.title) })).toContainText(
    `Done, best ${better} / 100`,
  );
  await expect(page.getByRole('heading', { name: `1 of ${EXERCISES.length} done` })).toBeVisible();
});

test('bioavailability: the sublingual exercise opens by its id and is typed with the keyboard', async ({
  page,
}) => {
  const { ex, baseline, typedScore, number } = curvesOf('sublingual-bioavailability');
  await openAt(page, `ex=${ex.id}`, `Exercise ${number}: ${ex.title}`);
  // The IV curve typed unchanged: the principle (a low share, a slow rise) is missed.
  const copy = ex.handleTimesMin.map((h) => Math.round(baseline[h / ex.grid.stepMin]!));
  const low = await typeAndReveal(page, ex.id, copy);
  expect(low).toBe(typedScore(copy));
  expect(low).toBeLessThanOrEqual(20);
  await expect(page.locator('.feedback')).toContainText(/your peak was about [\d.]+ times as high/);
  await expectNoAxeViolations(page);

  // Try again from the keyboard: a low, flat curve peaking near 45 min.
  await page.getByRole('button', { name: 'Try this exercise again' }).press('Enter');
  const guess = [10, 20, 27, 31, 30, 25, 20, 12, 7, 3];
  const better = await typeAndReveal(page, ex.id, guess);
  expect(better).toBe(typedScore(guess));
  expect(better).toBeGreaterThan(low + 40);
  await expect(
    page.getByText(/Rolan et al\. 2014 measured a bioavailability of 29 %/),
  ).toBeVisible();
  await expect(page.getByText('This curve is an approximation', { exact: false })).toBeVisible();
});

test('time to peak: the IM exercise names a peak drawn at the drip’s end as late', async ({
  page,
}) => {
  const { ex, t, baseline, answer, typedScore, number } = curvesOf('im-time-to-peak');
  await openAt(page, `ex=${number}`, `Exercise ${number}: ${ex.title}`);
  const lag = curveStats(t, baseline).tPeakMin! - curveStats(t, answer).tPeakMin!;
  expect(lag).toBeGreaterThan(0);

  // The infusion's shape typed as it is: its peak comes when the drip ends.
  const copy = ex.handleTimesMin.map((h) => Math.round(baseline[h / ex.grid.stepMin]!));
  const low = await typeAndReveal(page, ex.id, copy);
  expect(low).toBe(typedScore(copy));
  expect(low).toBeLessThanOrEqual(20);
  await expect(page.locator('.feedback')).toContainText(
    `Your peak came ${formatMinutes(lag)} later than the simulation's, which comes ${formatMinutes(lag)} earlier than the reference's.`,
  );
  await expectNoAxeViolations(page);

  // An early peak, within minutes of the injection.
  await page.getByRole('button', { name: 'Try this exercise again' }).press('Enter');
  const guess = [250, 280, 240, 200, 150, 120, 90, 60, 45, 28, 18];
  const better = await typeAndReveal(page, ex.id, guess);
  expect(better).toBe(typedScore(guess));
  expect(better).toBeGreaterThan(low + 40);
  await expect(page.locator('.feedback')).toContainText('You had the timing right');
  // The data table alternative, and axe over the revealed state with it open.
  await page.getByText('Data table: time, your prediction and the simulation').click();
  await expect(page.getByRole('table', { name: /over time/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
