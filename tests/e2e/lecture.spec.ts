import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

const cursor = (page: Page) => page.getByRole('slider', { name: /Time cursor: Plasma/ });

test('lecture mode: the keyboard steps, jumps, plays the cursor, shows help and leaves', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  // A link of the older form (query string, the mode's former name) still opens the lecture.
  await page.goto('./?mode=presenter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'IV ketamine versus intranasal esketamine',
  );
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await expect(page.locator('.caption-text')).toContainText('0.5 mg/kg over 40 minutes');
  await expect(page.locator('ul.legend li')).toHaveCount(1);
  // No controls until asked for; the teaching notice stays.
  await expect(page.getByRole('spinbutton', { name: 'Dose (mg/kg)' })).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText('Teaching tool only');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
  await expect(page.locator('.caption-text')).toContainText('56 mg');
  await expect(page).toHaveURL(/step=2/);
  await page.keyboard.press('PageUp');
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await page.keyboard.press('4');
  await expect(page.getByText('Step 4 of 5')).toBeVisible();
  await expect(page.locator('ul.legend li')).toHaveCount(3);

  // Space plays the time cursor; the mechanism panel follows it; space again pauses.
  await expect(cursor(page)).toHaveAttribute('aria-valuenow', '0');
  const mechanismBefore = await page.locator('.mechanism-area').innerText();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect
    .poll(async () => Number(await cursor(page).getAttribute('aria-valuenow')))
    .toBeGreaterThan(20);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await cursor(page).getAttribute('aria-valuenow');
  // Ten more animation frames: a cursor still playing would have moved in them.
  await page.evaluate(async () => {
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
  });
  await expect(cursor(page)).toHaveAttribute('aria-valuenow', paused!);
  expect(await page.locator('.mechanism-area').innerText()).not.toBe(mechanismBefore);

  // "?" opens the key help; Escape closes it.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Lecture keys' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Full screen');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // F asks for full screen. Granted, refused or left unanswered by the browser, the lecture's
  // status line reports the outcome (never an error). The request may stay unanswered for up to
  // 3 s before the page says so, hence the longer wait.
  const lectureStatus = page.locator('.lecture-status');
  await expect(lectureStatus).not.toContainText('Full screen');
  await page.keyboard.press('f');
  await expect(lectureStatus).toContainText('Full screen', { timeout: 10_000 });
  const fullscreenNow = await page.evaluate(() => !!document.fullscreenElement);
  const reported = (await lectureStatus.textContent()) ?? '';
  if (fullscreenNow) expect(reported).toBe('Full screen on');
  else expect(reported).not.toBe('Full screen on');

  // Projector type: body text of at least 24 px at 1920 x 1080, thick curves.
  const sizes = await page.evaluate(() =>
    ['.caption-text', '.mechanism-area p', '.legend-note'].map((sel) =>
      parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize),
    ),
  );
  for (const s of sizes) expect(s).toBeGreaterThanOrEqual(24);
  const stroke = await page
    .locator('#conc-chart-title + svg path[fill=none]')
    .first()
    .getAttribute('stroke-width');
  expect(Number(stroke)).toBeGreaterThanOrEqual(4);

  await page.getByRole('button', { name: 'Leave lecture' }).click();
  await expect(page.getByRole('region', { name: 'Dose and patient' })).toBeVisible();
  await expect(page).not.toHaveURL(/mode=lecture/);
  expect(errors).toEqual([]);
});

test('an educator builds a sequence, shares it as a link, and an HTML caption stays text', async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  await page.goto('./#mode=lecture');
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
  await page.keyboard.press('c');
  const drawer = page.getByRole('region', { name: 'Controls and lecture editor' });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'Start a new lecture from this view' }).click();
  await drawer.getByLabel('Lecture title').fill('Dose matters');
  const xss = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> & done';
  await drawer.getByLabel('Caption of step 1').fill(xss);
  const dose = drawer.getByRole('spinbutton', { name: 'Dose (mg/kg)' });
  await dose.fill('1');
  await dose.press('Enter');
  await expect(drawer.getByText('IV 1 mg/kg over 40 min').first()).toBeVisible();
  await drawer.getByRole('button', { name: 'Add the current view as a new step' }).click();
  await drawer.getByLabel('Caption of step 2').fill('Twice the dose, twice the level.');
  await drawer.getByRole('button', { name: 'Make a link to this lecture' }).click();
  const link = await drawer.getByLabel('Link to this lecture').inputValue();
  expect(link).toContain('mode=lecture');

  const other = await context.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Dose matters');
  await expect(other.getByText('Step 1 of 2')).toBeVisible();
  await expect(other.locator('.caption-text')).toHaveText(xss);
  await expect(other.locator('.caption img, .caption script')).toHaveCount(0);
  expect(await other.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBe(
    undefined,
  );
  await other.keyboard.press('ArrowRight');
  await expect(other.locator('.caption-text')).toHaveText('Twice the dose, twice the level.');
  // The second step carries the dose changed in the editor.
  const summary = await other.locator('ul.legend li').first().innerText();
  expect(summary).toContain('IV 1 mg/kg');
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('a damaged lecture link says so and shows a ready-made lecture', async ({ page }) => {
  await page.goto('./#mode=lecture&seq=not-a-real-sequence');
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByText('Step 1 of 5')).toBeVisible();
});

test('lecture mode has no serious or critical accessibility violations (axe)', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./#mode=lecture');
  await expect(page.locator('ul.legend li')).toHaveCount(1);
  await page.keyboard.press('c');
  await expect(page.getByRole('region', { name: 'Controls and lecture editor' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('a lecture opened on a phone draws the mechanism panels under the chart when they are scrolled to', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?mode=lecture');
  await expect(page.locator('ul.legend li')).toHaveCount(1);
  // Two screens down, under the chart: a line at the start, not the panels.
  const area = page.locator('.mechanism-area');
  expect(await area.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(844 + 600);
  await expect(area.locator('.later')).toHaveText(/is drawn when you scroll to it/);
  await expect(area.locator('.mechanism-panels')).toHaveCount(0);
  await area.scrollIntoViewIfNeeded();
  await expect(area.locator('.mechanism-panels .timeline-figure svg')).toBeVisible();
  await expect(area.locator('.later')).toHaveCount(0);
  expect(errors).toEqual([]);
});
