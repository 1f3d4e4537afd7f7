// The main thread's blocking at start (part of bench-browser.mjs): cold loads of a mode, each in
// a fresh context, with the CPU slowed 4x over CDP (as Lighthouse's mobile run assumes) and a
// phone's viewport (412 x 823). The page's own PerformanceObserver lists its long tasks (over
// 50 ms); blocking is the sum over them of the part above 50 ms (Lighthouse's "total blocking
// time", measured rather than simulated, and over the first 4 s, not up to "interactive"), in
// all and counting only the tasks that start after the first contentful paint.

/** @typedef {import('@playwright/test').Browser} Browser */

/**
 * Loads `url` cold `loads` times; per load, the blocking in all and after the first contentful
 * paint, ms, and the long tasks ([start, duration] ms).
 * @param {Browser} browser
 * @param {string} url
 * @param {number} loads
 */
export async function startupBlocking(browser, url, loads) {
  const out = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const w = /** @type {any} */ (window);
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(
      url.includes('?') ? `${url}&start=${i}` : url.replace(/(#|$)/, `?start=${i}$1`),
    );
    await page.waitForTimeout(4000);
    const { tasks, fcp } = await page.evaluate(() => ({
      tasks: /** @type {[number, number][]} */ (/** @type {any} */ (window).__longTasks),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    }));
    const over = (/** @type {[number, number][]} */ ts) =>
      ts.reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
    out.push({
      total: over(tasks),
      afterFcp: over(tasks.filter(([t]) => t >= fcp)),
      tasks: tasks.map(([t, d]) => [Math.round(t), Math.round(d)]),
    });
    await context.close();
  }
  return out;
}
