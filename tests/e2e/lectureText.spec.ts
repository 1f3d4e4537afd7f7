/**
 * Projector type: at 1920 x 1080, every text the lecture shows is drawn at 24 px or more, as
 * rendered on screen. That includes the SVG text of the charts (whose viewBox may scale it), the
 * mechanism panels, the buttons and the drawer that C opens (the educator edits on the projected
 * screen too). Text for screen readers only (.visually-hidden) does not count.
 */
import { expect, type Page } from '@playwright/test';
import { testWithoutErrors as test, openLecture, copyShareLink } from './helpers';

// Share copies the link here (no share sheet), and the tests may read the clipboard.
test.use({ copyLinks: true });

const MIN_PX = 24;

/**
 * Every rendered text smaller than MIN_PX, each as `tag.class "text…" size`, and the smallest
 * text of all. Sizes are CSS px on screen: an SVG text's font size times the scale of its screen
 * transform (a viewBox, a transform). A twentieth of a pixel is allowed for rounding.
 */
function measure(page: Page): Promise<{ small: string[]; smallest: string }> {
  return page.evaluate((min) => {
    const small: string[] = [];
    let smallest = { size: Infinity, what: 'no text' };
    const hidden = (el: Element) => !!el.closest('.visually-hidden');
    const rendered = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      const cs = getComputedStyle(el);
      return cs.visibility === 'visible' && cs.display !== 'none';
    };
    const sizeOf = (el: Element) => {
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        return m ? px * Math.sqrt(m.a * m.a + m.b * m.b) : px;
      }
      return px;
    };
    const describe = (el: Element, text: string, size: number) => {
      const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class');
      const name = `${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}`;
      return `${name} "${text.trim().replace(/\s+/g, ' ').slice(0, 30)}" ${size.toFixed(1)}px`;
    };
    const note = (el: Element, text: string, size: number) => {
      if (size < min - 0.05) small.push(describe(el, text, size));
      if (size < smallest.size) smallest = { size, what: describe(el, text, size) };
    };
    const seen = new Set<Element>();
    // Elements with text of their own (a non-blank direct text node)...
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim()) continue;
      if (['SCRIPT', 'STYLE', 'TITLE', 'OPTION'].includes(el.tagName)) continue;
      seen.add(el);
      if (hidden(el) || !rendered(el)) continue;
      note(el, n.textContent, sizeOf(el));
    }
    // ...and form fields, whose text is their value (a slider, a box or a radio shows none).
    const fields =
      'input:not([type=range], [type=radio], [type=checkbox], [type=hidden]), select, textarea';
    for (const el of document.querySelectorAll(fields)) {
      if (seen.has(el) || hidden(el) || !rendered(el)) continue;
      const value = (el as HTMLInputElement).value || el.getAttribute('placeholder') || '';
      if (!value.trim()) continue;
      note(el, value, sizeOf(el));
    }
    return { small, smallest: smallest.what };
  }, MIN_PX);
}

/** Checks the texts shown now; prints the smallest, for the record, and every one too small. */
async function check(page: Page, state: string) {
  const { small, smallest } = await measure(page);
  console.log(`${state}: smallest text ${smallest}`);
  if (small.length)
    console.log(`${state}: ${small.length} texts below ${MIN_PX} px\n  ${small.join('\n  ')}`);
  expect.soft(small, `texts below ${MIN_PX} px in ${state}`).toEqual([]);
}

/** Opens the lecture and waits until its chart and mechanism panels are drawn. */
async function open(page: Page) {
  await openLecture(page);
  await expect(page.locator('ul.legend li')).toHaveCount(1);
  await expect(page.locator('.mechanism-panels .timeline-figure svg')).toBeVisible();
}

/** Opens the drawer of controls and the lecture editor with C. */
async function openDrawer(page: Page) {
  await page.keyboard.press('c');
  const drawer = page.getByRole('region', { name: 'Controls and lecture editor' });
  await expect(drawer).toBeVisible();
  return drawer;
}

async function go(page: Page, key: string, caption: string, legendItems: number) {
  await page.keyboard.press(key);
  await expect(page.getByText(`Step ${key} of`)).toBeVisible();
  await expect(page.locator('.caption-text')).toContainText(caption);
  await expect(page.locator('ul.legend li')).toHaveCount(legendItems);
}

test('lecture text is at least 24 px at 1920 x 1080: steps 1, 4 and 5', async ({ page }) => {
  await open(page);
  await check(page, 'step 1');
  // Three scenarios side by side, with the reference band and its label.
  await go(page, '4', 'Side by side', 3);
  await check(page, 'step 4');
  // The effect site shown; the data table opened.
  await go(page, '5', 'Effects lag the blood', 1);
  await page.locator('.data-table summary').click();
  await expect(page.locator('.data-table table')).toBeVisible();
  await check(page, 'step 5 with the data table');
  // The list of keys (a dialog outside the lecture's own layout).
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Lecture keys' })).toBeVisible();
  await check(page, 'key list');
});

test('lecture text is at least 24 px: a course on a log scale with the metabolite', async ({
  page,
}) => {
  await open(page);
  const drawer = await openDrawer(page);
  await drawer.getByLabel('Ready-made lecture').selectOption('why-the-course-matters');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Why the course matters');
  await page.getByRole('button', { name: 'Controls' }).click();
  await expect(drawer).toBeHidden();
  await page.keyboard.press('4');
  await expect(page.getByText('Step 4 of 4')).toBeVisible();
  await expect(page.locator('.caption-text')).toContainText('log scale');
  await check(page, 'course, step 4');
});

test('lecture text is at least 24 px: the drawer that C opens', async ({ page }) => {
  await open(page);
  const drawer = await openDrawer(page);
  await drawer.getByRole('button', { name: 'Make a link to this lecture' }).click();
  await expect(drawer.getByLabel('Link to this lecture')).toBeVisible();
  await check(page, 'drawer open');
});

test('lecture text is at least 24 px: the QR code of the step and the Share message', async ({
  page,
}) => {
  await open(page);
  await copyShareLink(page);
  await check(page, 'share message');
  await page.getByRole('button', { name: 'Show QR code' }).click();
  const dialog = page.getByRole('dialog', { name: 'QR code of this lecture at step 1' });
  await expect(dialog.getByRole('img')).toBeVisible();
  await check(page, 'QR dialog');
});

test('the projector chart names the reference range in full when it fits', async ({ page }) => {
  await openLecture(page);
  const band = page.locator('#conc-chart-title ~ svg text', { hasText: /^Range linked to/ });
  await expect(band).toHaveText('Range linked to dissociation (racemic ketamine, Krystal 1994)');
});
