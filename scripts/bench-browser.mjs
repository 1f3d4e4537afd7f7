// Browser benchmark (not a test): builds the app, serves it on localhost, drives it in Chromium and
// prints, last, one line of key=value figures: first today's
//   input_to_paint_p95_ms band_ms first_chart_ms main_js_gzip_kb worker_js_gzip_kb
// then first_chart_warm_ms band_full_ms course_band_ms course_band_mb, per slider
// <id>_presented_p95_ms <id>_late <id>_first_late <id>_replay_presented_p95_ms (the nasal
// scenario's prefixed nasal_), bare_presented_p95_ms and dose_replay_curves_presented_p95_ms.
// BENCH_OUTDIR (default dist) and BENCH_PORT (default 4182) choose the build folder and the port;
// BENCH_SKIP_BUILD=1 measures the build already in that folder (e.g. an older version's, for a
// comparison in the same hour).
// - <mode>_start_blocking_4x_ms (simulator, lecture): the main thread's blocking during a cold
//   start with the CPU slowed 4x on a phone's viewport, as Lighthouse's total blocking time counts
//   it but measured (scripts/bench-browser-startup.mjs), median of 5; ..._after_fcp_4x_ms: only
//   the long tasks that start after the first contentful paint.
// - first_chart_ms: navigation start to the first frame showing the concentration curve, cold: a
//   fresh browser context per load (no HTTP cache, no service worker), median of 5.
//   first_chart_warm_ms: the same for reloads in one context once the service worker has installed
//   and cached the app, median of 5.
// - Every slider of the Simulator dragged with the mouse, as a student does (IV: dose, infusion,
//   weight, age; nasal esketamine: spacing, weight, age), while Chromium records a performance
//   trace: from the start of the main-thread task that handles a pointer move to the end of the
//   rendering (style, layout, paint) of the frame that shows the new curve, and to that frame's
//   presentation (when the compositor has rastered and shown it; on this VM the raster is
//   software, on shared cores). Chromium delivers a drag's moves at the start of a frame, so the
//   first is the app's own work for the frame. input_to_paint_p95_ms is the dose slider's p95 to
//   the rendered frame; <id>_presented_p95_ms the p95 to the screen; <id>_late how many steps were
//   shown a frame or more after the input's own (of about 90-320 steps; a step that brought no new
//   curve within 30 frames is counted apart); <id>_first_late how many of the first 12 steps, moved
//   one slider step each right after pointer down (while the slider's table of curves is still
//   being computed), were, or brought none. A step to a value for which the engine gives exactly
//   the same curves (age in the IV model, which has no age covariate; age up to 60 and weight in
//   the nasal model) changes nothing on the chart: it is measured to the input's own frame, and
//   said. bare_presented_p95_ms: the same drag on a bare page holding only a slider and one path
//   (what the browser itself costs). <id>_replay_presented_p95_ms: the same drag recorded in the
//   app and replayed on a page that is the app's page without its code, each input making the
//   changes the app made (scripts/bench-browser-replay.mjs): what the browser needs to show the
//   app's changes; the app's figure less it is what the app's code and worker add.
//   dose_replay_curves_presented_p95_ms: the dose drag's replay with only the concentration
//   chart's curves (its paths' d) changing: the least the browser needs for a step's new curve.
//   Printed before the last line, also: a synthetic input at a random moment of the frame to the
//   first animation frame showing it, mostly the wait for the display's next refresh (p95 about
//   15.9 ms at 60 Hz for any page).
// - band_ms: a change of the nasal esketamine scenario (devices 2 <-> 3) to the first frame
//   showing its new variability band (the first, 200-patient one), band_full_ms: to the frame
//   showing the band of all 1000 patients (the legend says how many); median of 10 changes, each
//   once the previous change's full band is shown.
// - course_band_ms: the same to the full band of a 26-week esketamine course (the longest the
//   app's limits allow; its scenario is printed), median of 5. course_band_mb: the bands worker's
//   peak memory during that band, 1 MB = 1e6 bytes: V8 heap in use + Blink heap in use +
//   ArrayBuffer backing stores, read over CDP (scripts/bench-browser-memory.mjs) after a garbage
//   collection, during and right after the band; the larger of 2 changes.
// - main_js_gzip_kb / worker_js_gzip_kb: gzip size of the JavaScript the page loads at start and of
//   the worker's bundle
// The helpers are beside it: bench-browser-page.mjs (what runs in the page, the links, the band
// changes), -drag.mjs (a slider drag), -trace.mjs (the trace's latencies), -memory.mjs (CDP).
import { startupBlocking } from './bench-browser-startup.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './browser.mjs';
import { FIRST_STEPS, dragLatencies } from './bench-browser-drag.mjs';
import {
  BARE_PAGE,
  CURVE,
  bandTimes,
  instrument,
  openWithFullBand,
  sameCurveFor,
  scenarioLinks,
} from './bench-browser-page.mjs';
import { workerMemory } from './bench-browser-memory.mjs';
import { onlyCurves, recorder, replayPage } from './bench-browser-replay.mjs';
import { list, median, p95, stats } from './bench-browser-trace.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4182);
const OUTDIR = process.env.BENCH_OUTDIR ?? 'dist';
const build =
  process.env.BENCH_SKIP_BUILD === '1'
    ? { status: 0, stderr: '' }
    : spawnSync('npx', ['vite', 'build', '--outDir', OUTDIR, '--emptyOutDir'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
if (build.status !== 0) {
  console.error(`${build.stderr}\nbench-browser: vite build failed`);
  process.exit(1);
}

const assets = readdirSync(`${OUTDIR}/assets`);
const gz = (/** @type {string} */ f) =>
  gzipSync(readFileSync(`${OUTDIR}/assets/${f}`)).length / 1024;
const html = readFileSync(`${OUTDIR}/index.html`, 'utf8');
const entry = [...html.matchAll(/assets\/([^"']+\.js)/g)].map((m) => m[1] ?? '');
const workerFile = assets.find((f) => f.startsWith('engine.worker') && f.endsWith('.js'));
const mainKb = entry.reduce((s, f) => s + gz(f), 0);
const workerKb = workerFile ? gz(workerFile) : Number.NaN;
const links = await scenarioLinks();

const server = spawn(
  process.execPath,
  ['scripts/serve.mjs', '--host', '127.0.0.1', '--port', String(PORT), '--dir', OUTDIR],
  { stdio: 'ignore', detached: true },
);

/** @typedef {import('@playwright/test').Page} Page */

try {
  const browser = await launchChromium();
  const viewport = { width: 1280, height: 900 };
  /** A page in a context of its own, with the page-side measures. */
  const newPage = async (/** @type {{ serviceWorkers?: 'block' }} */ options = {}) => {
    const context = await browser.newContext({ viewport, ...options });
    await context.addInitScript(instrument, { curve: CURVE });
    return context.newPage();
  };
  const page = await newPage();
  const url = `http://127.0.0.1:${PORT}/`;
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(url);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  // First chart: navigation start (time 0 of performance.now) to the frame showing the curve.
  const firstChart = async (/** @type {Page} */ pg) =>
    /** @type {number} */ (
      await (await pg.waitForFunction(() => /** @type {any} */ (window).__firstChart)).jsonValue()
    );
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const pg = await newPage();
    await pg.goto(`${url}?cold=${i}`);
    cold.push(await firstChart(pg));
    await pg.context().close();
  }
  // The main thread's blocking at start, at a 4x slower CPU (scripts/bench-browser-startup.mjs).
  const starts = {
    simulator: await startupBlocking(browser, url, 5),
    lecture: await startupBlocking(browser, `${url}#mode=lecture`, 5),
  };
  const warmPage = await newPage();
  await warmPage.goto(url);
  await firstChart(warmPage);
  const installed = await warmPage.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then((r) => !!r.active),
      new Promise((resolve) => setTimeout(() => resolve(false), 30_000)),
    ]),
  );
  if (!installed) throw new Error('bench-browser: the service worker did not install');
  const warm = [];
  let controlled = 0;
  for (let i = 0; i < 5; i++) {
    await warmPage.reload();
    warm.push(await firstChart(warmPage));
    if (await warmPage.evaluate(() => !!navigator.serviceWorker.controller)) controlled++;
  }
  await warmPage.context().close();

  // Synthetic slider input at a random moment to the first frame showing it.
  await page.goto(`${url}?synthetic`);
  await page.waitForFunction(() => document.querySelector('table.summary tbody tr td'));
  const latencies = await page.evaluate(async (curveSelector) => {
    const slider = /** @type {HTMLInputElement} */ (document.querySelector('#dose-range'));
    const curve = () => document.querySelector(curveSelector)?.getAttribute('d');
    const out = [];
    for (let i = 0; i < 80; i++) {
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 17));
      const before = curve();
      const t0 = performance.now();
      slider.value = (0.1 + 0.05 * ((i % 18) + 1)).toFixed(2);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const [t1 = Number.NaN] = await /** @type {any} */ (window).__untilFramesAfter(
        () => curve() !== before,
      );
      out.push(t1 - t0);
    }
    return out;
  }, CURVE);

  // The bare page, in a context without the app's service worker (which would answer it).
  const barePage = await newPage({ serviceWorkers: 'block' });
  await barePage.route('**/bench-bare.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: BARE_PAGE }),
  );
  const bare = await dragLatencies(
    browser,
    barePage,
    'floor',
    `${url}bench-bare.html`,
    () => false,
  );
  await barePage.context().close();
  /**
   * A drag of slider `id` recorded in the app (scripts/bench-browser-replay.mjs), in a page of its
   * own: the recorder's work is not in the app's figures.
   * @param {string} id
   * @param {string} address
   * @param {(a: number, b: number) => boolean} same
   * @returns {Promise<import('./bench-browser-replay.mjs').Recording>}
   */
  const recorded = async (id, address, same) => {
    const recording = await newPage({ serviceWorkers: 'block' });
    await recording.context().addInitScript(recorder, id);
    await dragLatencies(browser, recording, id, address, same);
    const rec = await recording.evaluate(() => /** @type {any} */ (window).__replay());
    await recording.context().close();
    if (!rec) throw new Error(`bench-browser: the ${id} drag was not recorded`);
    return rec;
  };
  /**
   * The same drag on the replay page of a recording.
   * @param {string} id
   * @param {import('./bench-browser-replay.mjs').Recording} rec
   * @param {(a: number, b: number) => boolean} same
   */
  const replayed = async (id, rec, same) => {
    const replay = await newPage({ serviceWorkers: 'block' });
    await replay.route('**/bench-replay.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: replayPage(id, rec) }),
    );
    const d = await dragLatencies(browser, replay, id, `${url}bench-replay.html`, same);
    /** @type {string[]} */
    const errors = await replay.evaluate(() => /** @type {any} */ (window).__replayErrors);
    await replay.context().close();
    if (errors.length)
      throw new Error(
        `bench-browser: the replay of the ${id} drag differs from the recording: ${errors.slice(0, 5).join('; ')}`,
      );
    return d;
  };
  /** The dose drag's replay with only the concentration chart's curves changing (see below). */
  let curvesOnly = /** @type {Awaited<ReturnType<typeof dragLatencies>> | null} */ (null);
  /** @type {[string, string, Awaited<ReturnType<typeof dragLatencies>>, Awaited<ReturnType<typeof dragLatencies>>][]} */
  const drags = [];
  /** @type {[string, string, string, 'iv' | 'nasal'][]} */
  const sliders = [
    ...['dose', 'infusion', 'weight', 'age'].map(
      (id) => /** @type {[string, string, string, 'iv']} */ ([id, id, `${url}?drag=${id}`, 'iv']),
    ),
    ...['spacing', 'weight', 'age'].map(
      (id) =>
        /** @type {[string, string, string, 'nasal']} */ ([
          `nasal_${id}`,
          id,
          `${url}?drag=nasal-${id}${links.nasal}`,
          'nasal',
        ]),
    ),
  ];
  for (const [key, id, address, kind] of sliders) {
    const same = await sameCurveFor(kind, id);
    const app = await dragLatencies(browser, page, id, address, same);
    const rec = await recorded(id, address, same);
    drags.push([
      key,
      `${kind === 'iv' ? 'IV' : 'nasal'}, ${id}`,
      app,
      await replayed(id, rec, same),
    ]);
    if (key === 'dose') curvesOnly = await replayed(id, onlyCurves(rec), same);
  }

  // The variability band of the nasal scenario after a change of devices.
  const bandError = await openWithFullBand(page, `${url}?band${links.nasal}`);
  const bands = bandError
    ? { first: [Number.NaN], full: [Number.NaN], error: bandError }
    : await bandTimes(page, 10);

  // The band of a 26-week course: its times, then the bands worker's memory.
  const courseError = await openWithFullBand(page, `${url}?course${links.course}`);
  const course = courseError
    ? { first: [Number.NaN], full: [Number.NaN], error: courseError }
    : await bandTimes(page, 5);
  const peaks = [];
  if (!course.error) {
    const memory = await workerMemory(browser, page);
    for (let i = 0; i < 2; i++) {
      await memory.collectGarbage();
      const { workers } = await memory.peakDuring(() => bandTimes(page, 1));
      // The bands worker: the one whose memory rose most.
      const bandsWorker = workers.reduce((a, b) => (b.peak.total > a.peak.total ? b : a));
      peaks.push({ bandsWorker, others: workers.filter((w) => w !== bandsWorker) });
    }
    await memory.close();
  }
  await browser.close();

  const mb = (/** @type {number} */ bytes) => (bytes / 1e6).toFixed(1);
  const barePresented = p95(bare.toPresented);
  console.log(`first chart, ms, cold (5 loads, each in a fresh context): ${list(cold)}`);
  for (const [mode, runs] of Object.entries(starts))
    console.log(
      `start, ${mode}, 4x slower CPU, 412 x 823 (5 cold loads): blocking ms ${list(runs.map((r) => r.total))}, after the first contentful paint ${list(runs.map((r) => r.afterFcp))}; long tasks of the median load ${JSON.stringify(runs.toSorted((a, b) => a.total - b.total)[2]?.tasks)}`,
    );
  console.log(
    `first chart, ms, warm (5 reloads once the service worker had installed; ${controlled} of 5 answered by it): ${list(warm)}`,
  );
  console.log(
    `synthetic input at a random moment to the first frame showing it, ms: ${stats(latencies)} (80 inputs; includes waiting for the next refresh)`,
  );
  /** @type {[string, Awaited<ReturnType<typeof dragLatencies>>][]} */
  const rows = [
    ['bare page', bare],
    ...drags.map(([, name, d]) => /** @type {[string, typeof d]} */ ([name, d])),
  ];
  for (const [name, d] of rows) {
    const ratio =
      d === bare
        ? ''
        : ` (p95 ${(p95(d.toPresented) / barePresented).toFixed(1)} x the bare page's)`;
    const same = d.same
      ? `, ${d.same} to a value with the same curve (measured to the input's own frame)`
      : '';
    console.log(
      `mouse drag, ${name} slider: ${d.steps} steps, ${d.late} shown a frame or more after the input's own, ${d.unchanged} with no new curve within 30 frames${same}; ms from the pointer move's task to the frame showing the curve: rendered ${stats(d.toRendered)}; presented ${stats(d.toPresented)}${ratio}; first ${FIRST_STEPS} steps right after pointer down, frames to each new curve (= same curve, - none within 30 frames): ${d.first.join(' ')} (${d.firstLate} late)`,
    );
  }
  for (const [, name, d, r] of drags)
    console.log(
      `replay of the app's changes, ${name} slider (the same drag on the page as the app left it, each input making the changes the app made, without its code): ${r.steps} steps, ${r.late} late; presented ${stats(r.toPresented)} (p95 ${(p95(r.toPresented) / barePresented).toFixed(1)} x the bare page's); the app's p95 less the replay's: ${(p95(d.toPresented) - p95(r.toPresented)).toFixed(1)} ms`,
    );
  if (curvesOnly)
    console.log(
      `replay of the dose drag with only the concentration chart's curves changing (no readouts, axes, notices, fields or other charts): presented ${stats(curvesOnly.toPresented)} (p95 ${(p95(curvesOnly.toPresented) / barePresented).toFixed(1)} x the bare page's)`,
    );
  if (bands.error) console.log(`band: the page says: ${bands.error}`);
  console.log(`band, ms (10 changes), first frame with the new band: ${list(bands.first)}`);
  console.log(
    `band, ms (10 changes), frame with the band of all 1000 patients: ${list(bands.full)}`,
  );
  console.log(`course band: ${links.courseText}; devices 3 <-> 2`);
  if (course.error) console.log(`course band: the page says: ${course.error}`);
  console.log(
    `course band, ms (5 changes), first band: ${list(course.first)}; band of all 1000 patients: ${list(course.full)}`,
  );
  for (const [i, { bandsWorker: w, others }] of peaks.entries())
    console.log(
      `course band memory, change ${i + 1}: bands worker peak ${mb(w.peak.total)} MB = V8 heap in use ${mb(w.peak.used)} + Blink heap ${mb(w.peak.embedder)} + ArrayBuffer backing stores ${mb(w.peak.backing)} (after a garbage collection before the change: ${mb(w.before.total)} MB; ${w.samples} CDP Runtime.getHeapUsage readings, longest gap ${w.longestGapMs.toFixed(0)} ms); other worker peak ${others.map((o) => mb(o.peak.total)).join(', ')} MB`,
    );
  console.log(`main JS: ${entry.join(', ')}; worker JS: ${workerFile}`);
  const keys = {
    input_to_paint_p95_ms: p95(drags[0]?.[2].toRendered ?? []).toFixed(1),
    band_ms: median(bands.first).toFixed(0),
    first_chart_ms: median(cold).toFixed(0),
    main_js_gzip_kb: mainKb.toFixed(1),
    worker_js_gzip_kb: workerKb.toFixed(1),
    first_chart_warm_ms: median(warm).toFixed(0),
    band_full_ms: median(bands.full).toFixed(0),
    course_band_ms: median(course.full).toFixed(0),
    course_band_mb: mb(
      peaks.length ? Math.max(...peaks.map((p) => p.bandsWorker.peak.total)) : NaN,
    ),
    ...Object.fromEntries(
      drags.flatMap(([id, , d, r]) => [
        [`${id}_presented_p95_ms`, p95(d.toPresented).toFixed(1)],
        [`${id}_late`, String(d.late)],
        [`${id}_first_late`, String(d.firstLate)],
        [`${id}_replay_presented_p95_ms`, p95(r.toPresented).toFixed(1)],
      ]),
    ),
    bare_presented_p95_ms: barePresented.toFixed(1),
    dose_replay_curves_presented_p95_ms: p95(curvesOnly?.toPresented ?? []).toFixed(1),
    ...Object.fromEntries(
      Object.entries(starts).flatMap(([mode, runs]) => [
        [`${mode}_start_blocking_4x_ms`, median(runs.map((r) => r.total)).toFixed(0)],
        [`${mode}_start_blocking_after_fcp_4x_ms`, median(runs.map((r) => r.afterFcp)).toFixed(0)],
      ]),
    ),
  };
  console.log(
    Object.entries(keys)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );
} finally {
  try {
    process.kill(-(server.pid ?? 0));
  } catch {
    server.kill();
  }
}
