/**
 * What the first screen loads (issue 14's budget, counted as scripts/bench-browser.mjs counts it:
 * the scripts the built index.html names), and that what was moved out of it still comes when it
 * is needed: a term's definition on a cold page, and the About section with its glossary. And the
 * first chart: a fresh page draws the default curve the build computed (src/lib/startCurve.ts)
 * before the engine's worker has answered, and a link to any other state waits for the engine.
 */
import { gzipSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';
import { openSimulator, testWithoutErrors as test } from './helpers';
import { GLOSSARY, glossaryEntry } from '../../src/content/glossary';
import { cite } from '../../src/content/references';
import { defaultState } from '../../src/lib/appState';
import { encodeState } from '../../src/lib/urlState';

/** The scripts index.html names (its entry and modulepreloads), with their text. */
async function firstScripts(page: Page): Promise<{ url: string; text: string }[]> {
  const html = await (await page.request.get('./')).text();
  const urls = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(0);
  return Promise.all(
    urls.map(async (url) => ({ url, text: await (await page.request.get(`./${url}`)).text() })),
  );
}

test('the first screen’s JavaScript is at most 80 KB gzipped', async ({ page }) => {
  const scripts = await firstScripts(page);
  const kb = scripts.reduce((sum, s) => sum + gzipSync(s.text).length, 0) / 1024;
  expect(kb).toBeLessThanOrEqual(80);
});

test('the first screen’s scripts leave out the glossary’s definitions and the export code', async ({
  page,
}) => {
  const text = (await firstScripts(page)).map((s) => s.text).join('\n');
  /** Whether the scripts hold these words (said as a boolean: the scripts are too long to print). */
  const holds = (words: string) => text.includes(words);
  // The terms and their spellings are there (to mark the page's words), not what they mean.
  expect(holds('peak concentration'), 'a term’s spelling').toBe(true);
  expect(holds(glossaryEntry('cmax').text.student), 'Cmax’s definition').toBe(false);
  expect(holds(glossaryEntry('synaptogenesis').text.plain), 'a plain definition').toBe(false);
  // The CSV export (exportCsv.ts, here by one of its messages) comes with the first export.
  expect(holds('has no plasma curve of'), 'the CSV export').toBe(false);
  // The bibliography (references.ts, here by a title) loads just after the page.
  expect(holds(cite('kamp2020').title), 'the bibliography').toBe(false);
});

test('on a cold page, a term focused before its definitions have loaded shows them when they come', async ({
  page,
}) => {
  // The definitions' chunk is held back until the term has been opened.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  let asked = false;
  await page.route(/\/assets\/glossary-[^/]+\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await openSimulator(page);
  const term = page.locator('table.summary thead').getByRole('button', { name: 'Cmax' });
  await term.focus();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`[id="${await term.getAttribute('aria-controls')}"]`);
  await expect(panel).toContainText('Cmax (peak concentration)');
  // The panel shows the term's name at once; the request for the definitions reaches the route a
  // moment later (the page's loader, then the browser, then Playwright), so it is waited for.
  await expect.poll(() => asked).toBe(true);
  release();
  await expect(panel).toContainText(glossaryEntry('cmax').text.student);
  await expect(panel).toContainText('Source: Kamp J et al. 2020');
});

test('the About section, loaded after the page, draws every glossary entry once opened', async ({
  page,
}) => {
  await openSimulator(page);
  const about = page.getByRole('region', { name: 'About this simulator' });
  await expect(about).toContainText('Licence');
  // The long lists are drawn only when opened: at start-up they cost the page its quiet time.
  await expect(about.locator('dl dt')).toHaveCount(0);
  await expect(about.locator('ol.references li')).toHaveCount(0);
  await about.getByText(/All references/).click();
  await expect(about.locator('ol.references li').first()).toBeVisible();
  await about.getByText(/All terms of art, explained/).click();
  await expect(about.locator('dl dt')).toHaveCount(GLOSSARY.length);
  await expect(about.locator('#glossary-cmax')).toHaveText('Cmax (peak concentration)');
});

/**
 * Holds back the engine until `release` is called: the worker's script, and the chunks the page
 * would compute with itself once the worker has not started in time, so that the page cannot have
 * an answer from the engine meanwhile.
 */
async function holdEngine(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/(engine\.worker|engine|registryApi)-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const CURVE = '#conc-chart-title ~ svg path[stroke]';
/** The label of the concentration chart's peak marker, as drawn. */
const peakLabel = (page: Page) => page.locator('#conc-chart-title ~ svg text', { hasText: 'Cmax' });

test('a fresh page draws the default curve before the engine has answered, and the engine’s own answer then', async ({
  page,
}) => {
  const release = await holdEngine(page);
  await page.goto('./');
  await expect(page.getByText('Starting the simulation engine…')).toBeVisible();
  // The default scenario's curve, and its peak.
  await expect(page.locator(CURVE).first()).toHaveAttribute('d', /^M.{20,}/);
  const peak = await peakLabel(page).textContent();
  expect(peak).toMatch(/^Cmax \d+ at 40 min$/);
  // Only the chart: the summary, the occupancy chart and the spoken summary wait for the engine.
  await expect(page.locator('table.summary tbody tr')).toHaveCount(0);
  await expect(page.locator('figure:has(#conc-chart-title) + p[role="status"]')).toHaveText('');
  release();
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
  await expect(page.getByText('Starting the simulation engine…')).toHaveCount(0);
  // The engine's answer is the same curve: the same peak.
  await expect(peakLabel(page)).toHaveText(peak!);
});

for (const [width, height] of [
  [390, 844],
  [1280, 800],
] as const)
  test(`at ${width} px the chart does not move when the engine has started and its status goes`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const release = await holdEngine(page);
    await page.goto('./');
    const status = page.getByText('Starting the simulation engine…');
    await expect(status).toBeVisible();
    await expect(page.locator(CURVE).first()).toHaveAttribute('d', /^M.{20,}/);
    const top = () =>
      page
        .locator('#conc-chart-title ~ svg')
        .evaluate((e) => Math.round(e.getBoundingClientRect().top + scrollY));
    const before = await top();
    release();
    await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
    await expect(status).toHaveCount(0);
    expect(await top()).toBe(before);
  });

test('a link to another state draws no curve until the engine has answered', async ({ page }) => {
  const state = defaultState();
  const named = state.scenarios[0]!;
  named.scenario = {
    ...named.scenario,
    regimen: { ...named.scenario.regimen, doseMgPerKg: 0.6 },
  } as typeof named.scenario;
  const release = await holdEngine(page);
  await page.goto(`./#${encodeState(state).slice(1)}`);
  await expect(page.getByText('Starting the simulation engine…')).toBeVisible();
  await expect(page.locator('#conc-chart-title ~ svg')).toBeVisible();
  await expect(page.locator(CURVE)).toHaveCount(0);
  release();
  await expect(page.locator(CURVE).first()).toHaveAttribute('d', /^M.{20,}/);
  await expect(page.locator('table.summary tbody tr')).toHaveCount(1);
});

/**
 * Records, from the document's start, when the first frame with `selector` on the page began
 * (window.__firstFrame) and when the first link tag to a chunk whose name starts with `chunk` was
 * added (window.__chunkAsked): Vite's loader adds one for each file of a chunk it is asked for.
 */
function watchStart({ selector, chunk }: { selector: string; chunk: string }) {
  const w = window as unknown as { __firstFrame?: number; __chunkAsked?: number };
  const look = () => {
    if (document.querySelector(selector)) w.__firstFrame = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (
          w.__chunkAsked === undefined &&
          n instanceof HTMLLinkElement &&
          n.href.includes(`/assets/${chunk}-`)
        )
          w.__chunkAsked = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

// The simulator's first frame has the default curve (drawn before the engine answers); the
// lecture's has its chart, whose curve waits for the engine.
for (const [mode, address, selector] of [
  ['simulator', './', CURVE],
  ['lecture', './#mode=lecture', '#conc-chart-title'],
] as const)
  test(`the ${mode} asks for the mechanism panels’ chunk only after its first frame`, async ({
    page,
  }) => {
    // Asking for a chunk is work of its own (a link tag and a request for each of its files): it
    // made the task that builds the page longer, and the chart later.
    await page.addInitScript(watchStart, { selector, chunk: 'MechanismPanels' });
    await page.goto(address);
    await expect(page.locator('.mechanism-panels')).toBeAttached();
    const { frame, asked } = await page.evaluate(() => {
      const w = window as unknown as { __firstFrame?: number; __chunkAsked?: number };
      return { frame: w.__firstFrame, asked: w.__chunkAsked };
    });
    expect(frame).toBeDefined();
    expect(asked).toBeDefined();
    expect(asked!).toBeGreaterThan(frame!);
  });
