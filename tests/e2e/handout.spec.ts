import { expect, type Page } from '@playwright/test';
import { expectOnePrintedPage, testWithoutErrors as test, openPatient } from './helpers';

// The printed handout of patient mode: 12 pt text on one A4 and one US Letter page, the clinic's
// own details (kept on this device only), the esketamine preparation rule, and no lab units; for
// every treatment (the drip, the spray, the shot into a muscle, the tablet at home), one session
// or a course.
// Every test here fails on a console or page error (testWithoutErrors).

const KEY = 'ketamine-sim:clinic';
/** Texts at the limits of the fields (50 and 60 characters), as a clinic might type them. */
const CLINIC_NAME = 'Hillside Mental Health Clinic, Building 3, Floor 2';
const CONTACT = 'Phone 555-0100 or e-mail care@hillside-clinic.example.org';
const NEXT = '2027-09-29T10:30';

const TREATMENTS = {
  iv: 'Ketamine drip into a vein (IV)',
  intranasal: 'Esketamine spray for the nose',
  intramuscular: 'Ketamine shot into a muscle (IM)',
  sublingual: 'Ketamine tablet under the tongue, at home',
} as const;
type Treatment = keyof typeof TREATMENTS;
/** A card each treatment's steps show once they are the chosen treatment's. */
const CARD: Record<Treatment, string> = {
  iv: 'The drip',
  intranasal: 'Resting at the clinic',
  intramuscular: 'The shot',
  sublingual: 'The tablet under the tongue',
};
/** The treatments whose safety rules are a section of their own (the others' are on the cards). */
const WITH_RULES: readonly Treatment[] = ['intramuscular', 'sublingual'];
const CASES = (Object.keys(TREATMENTS) as Treatment[]).flatMap((t) =>
  [false, true].map((course) => ({ t, course })),
);

const steps = (page: Page) => page.getByRole('list', { name: 'Steps of a session' });
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const nextVisit = (page: Page) => page.getByLabel('Next visit', { exact: true });

/** Chooses a treatment and one session or a course, and waits until the page shows them. */
async function choose(page: Page, t: Treatment, course: boolean) {
  await page.getByRole('radio', { name: TREATMENTS[t] }).check();
  await expect(steps(page)).toContainText(CARD[t]);
  await page.getByRole('radio', { name: course ? 'A course of sessions' : 'One session' }).check();
  if (course) await expect(page.getByText(/This simulation has \d+ sessions/)).toBeVisible();
  else
    await expect(page.getByText('Choose “A course of sessions”', { exact: false })).toBeVisible();
  await expect(page.locator('figure.timeline figcaption')).toContainText('level is highest');
}

/** The smallest computed font size, px, of the rendered text on the page, and where it is. */
function smallestText(page: Page, within = 'body') {
  return page.evaluate((sel) => {
    let min = { px: Infinity, text: '' };
    const root = document.querySelector(sel)!;
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || !el.checkVisibility()) continue;
      if (el.closest('.visually-hidden')) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < min.px) min = { px, text: n.textContent.trim().slice(0, 40) };
    }
    return min;
  }, within);
}

/** Checks the printed handout of every case: 12 pt text, calendar included, one page each. */
async function checkPrint(page: Page, filled: boolean) {
  for (const { t, course } of CASES) {
    const label = `${t}, ${course ? 'course' : 'one session'}`;
    await choose(page, t, course);
    await page.emulateMedia({ media: 'print' });
    await expect(steps(page)).toBeVisible();
    const calendar = page.getByRole('table', { name: /Sessions by week/ });
    await expect(calendar).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Teaching tool only');
    await expect(page.locator('.handout-clinic')).toBeVisible();
    await expect(page.locator('.handout-clinic')).toContainText('Next visit:');
    if (filled) await expect(page.locator('.handout-clinic')).toContainText(CLINIC_NAME);
    // The handout's own teaching line, and the rules of the treatments that have a section.
    await expect(page.getByText('This handout comes from a teaching tool.')).toBeVisible();
    const rules = page.getByRole('region', { name: 'Safety rules from the sources' });
    if (WITH_RULES.includes(t)) {
      await expect(rules).toBeVisible();
      await expect(rules).toContainText('Your clinic will give you its own rules');
    } else await expect(rules).toHaveCount(0);

    // 12 pt is 16 CSS px.
    const body = await smallestText(page);
    expect(body.px, `${label}: smallest text "${body.text}"`).toBeGreaterThanOrEqual(16 - 0.01);
    const cells = await calendar.evaluate((table) =>
      Math.min(
        ...[...table.querySelectorAll('th, td, caption')].map((c) =>
          parseFloat(getComputedStyle(c).fontSize),
        ),
      ),
    );
    expect(cells, `${label}: calendar text`).toBeGreaterThanOrEqual(16 - 0.01);

    await expectOnePrintedPage(page, label);
    await page.emulateMedia({ media: 'screen' });
  }
}

test('prints at 12 pt or more, the calendar too, on one A4 and one Letter page', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openPatient(page);
  await checkPrint(page, false);
});

test('still one page with the clinic details at their longest', async ({ page }) => {
  test.setTimeout(150_000);
  await openPatient(page);
  await field(page, 'Clinic name').fill(CLINIC_NAME);
  await field(page, 'Clinic phone or e-mail').fill(CONTACT);
  await nextVisit(page).fill(NEXT);
  await checkPrint(page, true);
});

test('clinic details: typed on screen, kept after a reload, printed, never in the address', async ({
  page,
}) => {
  await openPatient(page);
  const group = page.getByRole('group', { name: 'For the printed handout' });
  await expect(group).toBeVisible();
  await expect(group).toHaveAccessibleDescription('Kept on this device only, never sent.');

  await field(page, 'Clinic name').fill(CLINIC_NAME);
  await field(page, 'Clinic phone or e-mail').fill(CONTACT);
  await nextVisit(page).fill(NEXT);
  // A change of the simulated scenario writes the address; the details stay out of it.
  await page.getByRole('radio', { name: 'A course of sessions' }).check();
  await expect(page).toHaveURL(/state=/);

  const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? '{}');
  expect(stored).toEqual({ name: CLINIC_NAME, contact: CONTACT, next: NEXT });

  await page.reload();
  await expect(field(page, 'Clinic name')).toHaveValue(CLINIC_NAME);
  await expect(field(page, 'Clinic phone or e-mail')).toHaveValue(CONTACT);
  await expect(nextVisit(page)).toHaveValue(NEXT);

  const href = decodeURIComponent(await page.evaluate(() => location.href));
  for (const v of [CLINIC_NAME, 'Hillside', '555-0100', 'care@', '2027-09-29'])
    expect(href, v).not.toContain(v);

  await page.emulateMedia({ media: 'print' });
  await expect(group).toBeHidden();
  const header = page.locator('.handout-clinic');
  await expect(header).toBeVisible();
  await expect(header).toContainText(`Clinic name: ${CLINIC_NAME}`);
  await expect(header).toContainText(`Phone or e-mail: ${CONTACT}`);
  // The appointment in words, in the browser's own format (here: September 29, 2027, 10:30).
  await expect(header).toContainText(/Next visit: .*(September|Sept?)\b.*29.*2027.*10:30/);
  await page.emulateMedia({ media: 'screen' });

  // Clearing removes them from the device.
  await page.getByRole('button', { name: 'Clear these details' }).click();
  await expect(field(page, 'Clinic name')).toHaveValue('');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
});

test('a text over its limit is named, not cut, and neither kept nor printed', async ({ page }) => {
  await openPatient(page);
  const name = field(page, 'Clinic name');
  const long = `${CLINIC_NAME}, Suite 4`; // 59 characters; the limit is 50
  await name.fill(long);
  await expect(name).toHaveValue(long);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const message = page.getByText(/^Clinic name is \d+ characters long/);
  await expect(message).toHaveText(
    'Clinic name is 59 characters long. It can be 50 at most. Make it shorter to keep and print it.',
  );
  await expect(name).toHaveAccessibleDescription(/59 characters long/);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.handout-clinic')).not.toContainText('Hillside');
  await page.emulateMedia({ media: 'screen' });

  await name.fill(CLINIC_NAME);
  await expect(message).toBeHidden();
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toContain(CLINIC_NAME);
});

test('says so when the browser refuses to keep the details, and still prints them', async ({
  page,
}) => {
  await page.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  }, KEY);
  await openPatient(page);
  await field(page, 'Clinic name').fill(CLINIC_NAME);
  await expect(
    page.getByRole('status').filter({ hasText: 'does not let the page keep' }),
  ).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.handout-clinic')).toContainText(CLINIC_NAME);
});

test('the esketamine preparation rule shows on screen and in print, for esketamine only', async ({
  page,
}) => {
  await openPatient(page);
  const rule = /no food for 2 hours before a dose, and no drinks for 30 minutes before/;
  await expect(steps(page)).not.toContainText(rule);
  await choose(page, 'intranasal', false);
  const card = steps(page).getByRole('listitem').filter({ hasText: 'Before you come' });
  await expect(card).toContainText(rule);
  await expect(card).toContainText('some people feel sick or throw up after a dose');
  // Its source is Janssen's page on preparing for treatment.
  const n = await card
    .getByRole('link', { name: /Source \d+/ })
    .first()
    .textContent();
  await expect(page.locator(`li[id="patient-source-${n}"]`)).toContainText(
    'preparing for treatment',
  );
  await page.emulateMedia({ media: 'print' });
  await expect(card).toBeVisible();
  await expect(card).toContainText(rule);
});

test('no lab or dose units in patient text: every treatment, both lengths, screen and print', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const units = /ng\/mL|mg\/kg|µM|μM|\bmcg\b/i;
  await openPatient(page);
  for (const { t, course } of CASES) {
    const label = `${t}, ${course ? 'course' : 'one session'}`;
    await choose(page, t, course);
    await page.locator('details.data summary').click();
    await expect(page.getByRole('table', { name: /Drug level in the blood/ })).toBeVisible();
    const screen = await page.evaluate(() => {
      const main = document.querySelector('.patient')!;
      const labels = [...main.querySelectorAll('[aria-label], [title], [alt]')].map((e) =>
        ['aria-label', 'title', 'alt'].map((a) => e.getAttribute(a) ?? '').join(' '),
      );
      return [document.body.innerText, main.textContent ?? '', ...labels].join('\n');
    });
    expect(screen.match(units)?.[0] ?? null, `${label}, screen`).toBeNull();
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => document.body.innerText);
    expect(print.match(units)?.[0] ?? null, `${label}, print`).toBeNull();
    await page.emulateMedia({ media: 'screen' });
    await page.locator('details.data summary').click();
  }
});
