// Helper of the browser benchmark (scripts/bench-browser.mjs): the memory of a page's dedicated
// workers, read over the Chrome DevTools Protocol.
//
// Playwright opens CDP sessions on pages and frames only, so the browser's own session attaches to
// each worker target of the page's browser context (Target.attachToTarget, not flattened) and
// sends it messages through Target.sendMessageToTarget. Runtime.getHeapUsage gives the worker
// isolate's V8 heap in use (`usedSize`: JS objects, not the contents of typed arrays), its
// embedder (Blink) heap in use, and `backingStorageSize`: the memory behind its ArrayBuffers (the
// typed arrays' contents) and external strings, live or not yet collected. Their sum is the
// figure. A worker busy with a long task still answers: Chromium runs DevTools commands at V8's
// interrupt checks (function entries, loop back edges), so the readings come during the task as
// well as right after it, before its garbage is collected.

/**
 * @typedef {{ used: number, embedder: number, backing: number, total: number }} Heap
 * @typedef {{ heap: (k: number) => Promise<Heap>, collectGarbage: () => Promise<void>,
 *   peakDuring: <T>(action: () => Promise<T>) => Promise<{ value: T, workers: Peak[] }>,
 *   count: number, close: () => Promise<void> }} WorkerMemory
 * @typedef {{ peak: Heap, before: Heap, samples: number, longestGapMs: number }} Peak
 */

/**
 * Attaches to the dedicated workers of `page` (those already started).
 * @param {import('@playwright/test').Browser} browser
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<WorkerMemory>}
 */
export async function workerMemory(browser, page) {
  const own = await page.context().newCDPSession(page);
  const { targetInfo } = await own.send('Target.getTargetInfo');
  await own.detach();
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const workers = targetInfos.filter(
    (t) => t.type === 'worker' && t.browserContextId === targetInfo.browserContextId,
  );
  if (workers.length === 0) throw new Error('bench-browser: the page has no dedicated worker');
  /** @type {Map<number, (m: { result?: any, error?: { message: string } }) => void>} */
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  /** @type {string[]} */
  const sessions = [];
  for (const w of workers)
    sessions.push(
      (await cdp.send('Target.attachToTarget', { targetId: w.targetId, flatten: false })).sessionId,
    );
  let lastId = 0;
  /** @returns {Promise<any>} */
  const send = (/** @type {string} */ sessionId, /** @type {string} */ method) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .catch(reject);
    });
  const heap = async (/** @type {number} */ k) => {
    const r = await send(sessions[k] ?? '', 'Runtime.getHeapUsage');
    const used = r.usedSize ?? 0;
    const embedder = r.embedderHeapUsedSize ?? 0;
    const backing = r.backingStorageSize ?? Number.NaN;
    return { used, embedder, backing, total: used + embedder + backing };
  };
  return {
    heap,
    count: sessions.length,
    async collectGarbage() {
      await Promise.all(sessions.map((s) => send(s, 'HeapProfiler.collectGarbage')));
    },
    /**
     * Reads every worker's heap before `action`, about every 10 ms during it (a busy worker: as
     * often as it checks for interrupts) and once after it; the peak reading of each.
     */
    async peakDuring(action) {
      const befores = await Promise.all(sessions.map((_, k) => heap(k)));
      let running = true;
      const loops = befores.map(async (before, k) => {
        let peak = before;
        let samples = 0;
        let longestGapMs = 0;
        let last = performance.now();
        const read = async () => {
          const h = await heap(k);
          const now = performance.now();
          longestGapMs = Math.max(longestGapMs, now - last);
          last = now;
          samples++;
          if (h.total > peak.total) peak = h;
        };
        while (running) {
          await read();
          await new Promise((r) => setTimeout(r, 10));
        }
        await read();
        return { peak, before, samples, longestGapMs };
      });
      let value;
      try {
        value = await action();
      } finally {
        running = false;
      }
      return { value, workers: await Promise.all(loops) };
    },
    async close() {
      await cdp.detach();
    },
  };
}
