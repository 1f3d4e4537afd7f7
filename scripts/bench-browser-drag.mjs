// Helper of the browser benchmark (scripts/bench-browser.mjs): a slider dragged with the mouse.
import { CURVE } from './bench-browser-page.mjs';
import { latenciesFromTrace } from './bench-browser-trace.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** Steps moved right after pointer down. */
export const FIRST_STEPS = 12;

/**
 * The frames to the curve's change of every slider input so far, once all are counted, and the
 * slider's value before and after each.
 */
export const settledFrames = async (/** @type {Page} */ pg) => {
  await pg.waitForFunction(() => {
    const w = /** @type {any} */ (window);
    return w.__framesToChange.length >= w.__inputs;
  });
  return pg.evaluate(() => {
    const w = /** @type {any} */ (window);
    return {
      frames: /** @type {number[]} */ ([...w.__framesToChange]),
      steps: /** @type {[number, number][]} */ ([...w.__steps]),
    };
  });
};
export const resetCounts = async (/** @type {Page} */ pg) => {
  await settledFrames(pg);
  await pg.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__framesToChange.length = 0;
    w.__steps.length = 0;
    w.__inputs = 0;
  });
};

/**
 * Takes hold of slider `id` and moves it FIRST_STEPS slider steps, one a move (the frames to
 * each new curve); then drags it with the mouse back and forth over its track while Chromium
 * records a performance trace: per slider step, the times from the pointer move's task to the end
 * of the rendering and to the presentation of the frame showing the new curve. A step to a value
 * whose curve the engine gives exactly as before (`same`: e.g. age below 60 in the nasal model)
 * changes nothing on the chart: it is measured to the input's own frame.
 * @param {import('@playwright/test').Browser} browser
 * @param {Page} pg
 * @param {string} id
 * @param {string} address
 * @param {(a: number, b: number) => boolean} same
 */
export async function dragLatencies(browser, pg, id, address, same) {
  await pg.goto(address);
  await pg.waitForFunction(
    (sel) => (document.querySelector(sel)?.getAttribute('d') ?? '').length > 10,
    CURVE,
  );
  await pg.waitForTimeout(500);
  const slider = pg.locator(`#${id}-range`);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error(`bench-browser: no #${id}-range slider on the page`);
  const { min, max, step, value } = await slider.evaluate((el) => {
    const input = /** @type {HTMLInputElement} */ (el);
    return { min: +input.min, max: +input.max, step: +input.step, value: +input.value };
  });
  // Chromium's thumb is 16 px wide: its centre runs from 8 px to (width - 8) px.
  const at = (/** @type {number} */ f) => box.x + 8 + (box.width - 16) * f;
  const y = box.y + box.height / 2;
  const n = Math.round((max - min) / step);
  let k = Math.round((value - min) / step);
  /** Each step's frames, 1 for a step to the same curve; and how many of those. */
  const judged = (/** @type {Awaited<ReturnType<typeof settledFrames>>} */ r) => {
    // Judged by the engine, not by the page: a step to the same curve changes nothing, and the
    // curve the page counts frames to is then a later step's (age 59 -> 61 after 40 -> 42).
    const sameAt = r.frames.map((_, i) => same(...(r.steps[i] ?? [Number.NaN, Number.NaN])));
    return { frames: r.frames.map((f, i) => (sameAt[i] ? 1 : f)), sameAt };
  };
  await pg.mouse.move(at(k / n), y);
  await resetCounts(pg);
  await pg.mouse.down();
  let dir = n - k >= k ? 1 : -1;
  for (let s = 0; s < FIRST_STEPS; s++) {
    if (k + dir < 0 || k + dir > n) dir = -dir;
    k += dir;
    await pg.mouse.move(at(k / n), y);
  }
  const start = judged(await settledFrames(pg));
  const first = start.frames
    .slice(0, FIRST_STEPS)
    .map((f, i) => (start.sameAt[i] ? '=' : Number.isFinite(f) ? String(f) : '-'));
  await pg.mouse.move(at(0) - 10, y, { steps: 30 });
  await pg.waitForTimeout(500);
  await resetCounts(pg);
  await browser.startTracing(pg, { categories: ['devtools.timeline', 'toplevel'] });
  for (let pass = 0; pass < 6; pass++) {
    await pg.mouse.move(pass % 2 === 0 ? at(1) + 10 : at(0) - 10, y, { steps: 60 });
  }
  await pg.waitForTimeout(500);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await pg.mouse.up();
  const { frames, sameAt } = judged(await settledFrames(pg));
  return {
    ...latenciesFromTrace(trace, frames),
    steps: frames.length,
    // shown a frame or more after the input's own (no new curve at all is counted apart)
    late: frames.filter((f) => Number.isFinite(f) && f !== 1).length,
    same: sameAt.filter(Boolean).length,
    first,
    firstLate: first.filter((f) => f !== '1' && f !== '=').length,
  };
}
