// Browser benchmark (not a test): builds the app, serves it on localhost, drives it in Chromium and
// prints, last, one line:
//   input_to_paint_p95_ms=A band_ms=B first_chart_ms=C main_js_gzip_kb=D worker_js_gzip_kb=E
// - first_chart_ms: navigation start to the first frame showing the concentration curve (median of 5 loads)
// - input_to_paint_p95_ms: dragging the dose slider with the mouse, as a student does, 95th
//   percentile over about 110 slider steps: from the start of the main-thread task that handles a
//   pointer move to the end of the rendering (style, layout, paint) of the frame that shows the new
//   curve, read from a Chromium performance trace. Chromium delivers a drag's moves at the start of
//   a frame, so this is the app's own work for the frame: event handling, redraw and rendering.
//   Printed before the last line, for the same drags: the time to the frame's presentation (when
//   the compositor has rastered and shown it; on this VM the raster is software, on shared cores),
//   how many steps were shown only a frame or more later, the same figures for the infusion-time
//   and weight sliders (these wait for the worker's answer) and for a bare page holding only a
//   slider and one path (what the browser itself costs); and the earlier measure: a synthetic input
//   at a random moment of the frame to the first animation frame showing it, which is mostly the
//   wait for the display's next refresh (its p95 is about 15.9 ms at 60 Hz for any page).
// - band_ms: a change of the esketamine scenario to the first frame showing its new variability band
//   (1000 virtual patients, computed in the worker), median of 10
// - main_js_gzip_kb / worker_js_gzip_kb: gzip size of the JavaScript the page loads at start and of
//   the worker's bundle
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';
import { launchChromium } from './browser.mjs';

const PORT = 4182;
const build = spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' });
if (build.status !== 0) {
  console.error('bench-browser: vite build failed');
  process.exit(1);
}

const assets = readdirSync('dist/assets');
const gz = (/** @type {string} */ f) => gzipSync(readFileSync(`dist/assets/${f}`)).length / 1024;
const html = readFileSync('dist/index.html', 'utf8');
const entry = [...html.matchAll(/assets\/([^"']+\.js)/g)].map((m) => m[1] ?? '');
const workerFile = assets.find((f) => f.startsWith('engine.worker') && f.endsWith('.js'));
const mainKb = entry.reduce((s, f) => s + gz(f), 0);
const workerKb = workerFile ? gz(workerFile) : Number.NaN;

const server = spawn(
  process.execPath,
  ['scripts/serve.mjs', '--host', '127.0.0.1', '--port', String(PORT)],
  {
    stdio: 'ignore',
    detached: true,
  },
);
const median = (/** @type {number[]} */ xs) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p95 = (/** @type {number[]} */ xs) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)] ??
  Number.NaN;

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, pid: number, tid: number,
 *   id?: string | number, args?: { data?: { type?: string } } }} TraceEvent
 */

/**
 * From a Chromium performance trace of a slider drag, for each slider `input` event: the time from
 * the start of the main-thread task that dispatched it to (a) the end of the rendering (style,
 * layout, paint) of the frame that shows the new curve, and (b) that frame's presentation, when the
 * compositor put it on screen. `framesToChange[i]` (counted in the page) says which rendering after
 * input i first showed a changed curve: 1 is the one right after the input, 2 the next, and so on.
 * @param {{ traceEvents: TraceEvent[] } | TraceEvent[]} trace
 * @param {number[]} framesToChange
 */
function latenciesFromTrace(trace, framesToChange) {
  const all = (Array.isArray(trace) ? trace : trace.traceEvents).sort((a, b) => a.ts - b.ts);
  const inputs = all.filter(
    (e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'input',
  );
  if (inputs.length === 0) throw new Error('bench-browser: the trace has no input events');
  const { pid, tid } = inputs[0] ?? { pid: 0, tid: 0 };
  const here = (/** @type {TraceEvent} */ e) => e.pid === pid;
  const tasks = all.filter(
    (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && here(e) && e.tid === tid,
  );
  // Chromium's animation-frame events: a frame ('b' ... 'e') with its rendering ('Render' b/e),
  // and a flow from the frame's start ('s') to its presentation ('f'), paired by id.
  const frameStarts = all.filter((e) => e.name === 'AnimationFrame' && e.ph === 'b' && here(e));
  const renderBegins = all.filter(
    (e) => e.name === 'AnimationFrame::Render' && e.ph === 'b' && here(e),
  );
  const renderEnds = all.filter(
    (e) => e.name === 'AnimationFrame::Render' && e.ph === 'e' && here(e),
  );
  /** @type {Map<number, string | number | undefined>} */
  const flowAt = new Map();
  for (const e of all) if (e.name === 'AnimationFrame' && e.ph === 's') flowAt.set(e.ts, e.id);
  /** @type {Map<string | number | undefined, number>} */
  const presentedAt = new Map();
  for (const e of all) if (e.name === 'AnimationFrame' && e.ph === 'f') presentedAt.set(e.id, e.ts);

  const mine = inputs.filter((e) => here(e) && e.tid === tid);
  if (mine.length !== framesToChange.length)
    throw new Error(
      `bench-browser: the trace has ${mine.length} slider inputs but the page counted ${framesToChange.length}`,
    );
  /** @type {number[]} */
  const toRendered = [];
  /** @type {number[]} */
  const toPresented = [];
  let unchanged = 0;
  mine.forEach((input, i) => {
    const frames = framesToChange[i] ?? Number.NaN;
    if (!Number.isFinite(frames)) {
      unchanged++;
      return;
    }
    const end = input.ts + (input.dur ?? 0);
    const task = tasks.findLast((t) => t.ts <= input.ts && t.ts + (t.dur ?? 0) >= end);
    const render = renderBegins.filter((r) => r.ts >= end)[frames - 1];
    if (!task || !render) throw new Error('bench-browser: a slider input without its frame');
    const renderEnd = renderEnds.find((r) => r.ts >= render.ts);
    const frame = frameStarts.findLast((f) => f.ts <= render.ts);
    const presented = frame ? presentedAt.get(flowAt.get(frame.ts)) : undefined;
    if (!renderEnd || presented === undefined)
      throw new Error('bench-browser: a frame without its end or presentation in the trace');
    toRendered.push((renderEnd.ts - task.ts) / 1000);
    toPresented.push((presented - task.ts) / 1000);
  });
  return { toRendered, toPresented, unchanged };
}

try {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The time of the first animation frame after `changed()` becomes true. A MutationObserver sees
  // the change in the microtask right after it, before the browser can render, so the frame asked
  // for there is the first one that shows it. (Polling with timers instead can notice the change
  // only after a frame has already shown it, and then measures the frame after that one.)
  const instrument = () => {
    /** @param {() => boolean} changed */
    const untilFrameAfter = (changed) =>
      new Promise((resolve) => {
        const seen = () => {
          mo.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        };
        const mo = new MutationObserver(() => {
          if (changed()) seen();
        });
        mo.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        if (changed()) seen();
      });
    /** @type {any} */ (window).__untilFrameAfter = untilFrameAfter;
    // For real drags: the number of animation frames from each slider input to the curve's change
    // (1 means the very frame that handles the input shows it).
    /** @type {number[]} */
    const framesToChange = [];
    /** @type {any} */ (window).__framesToChange = framesToChange;
    window.addEventListener(
      'input',
      (e) => {
        const t = /** @type {HTMLElement} */ (e.target);
        if (!e.isTrusted || !t.id?.endsWith('-range')) return;
        const curve = () =>
          document.querySelector('#conc-chart-title ~ svg path[stroke]')?.getAttribute('d');
        const before = curve();
        let frames = 0;
        const check = () => {
          frames++;
          if (curve() === before && frames < 30) requestAnimationFrame(check);
          else framesToChange.push(curve() === before ? Number.NaN : frames);
        };
        requestAnimationFrame(check);
      },
      true,
    );
  };
  await page.addInitScript(instrument);
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
  const firsts = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${url}?bench=${i}`);
    firsts.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const check = () => {
              const path = document.querySelector('#conc-chart-title ~ svg path[stroke]');
              if (path && (path.getAttribute('d') ?? '').length > 10) resolve(performance.now());
              else requestAnimationFrame(check);
            };
            check();
          }),
      ),
    );
  }

  // Slider input to repaint.
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('table.summary tbody tr td'));
  const latencies = await page.evaluate(async () => {
    const untilFrameAfter = /** @type {any} */ (window).__untilFrameAfter;
    const slider = /** @type {HTMLInputElement} */ (document.querySelector('#dose-range'));
    const curve = () => document.querySelector('#conc-chart-title ~ svg path[stroke]');
    const out = [];
    for (let i = 0; i < 80; i++) {
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 17));
      const before = curve()?.getAttribute('d');
      const value = (0.1 + 0.05 * ((i % 18) + 1)).toFixed(2);
      const t0 = performance.now();
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = await untilFrameAfter(() => curve()?.getAttribute('d') !== before);
      out.push(t1 - t0);
    }
    return out;
  });

  /**
   * Drags slider `id` with the mouse back and forth over its track while Chromium records a
   * performance trace; per slider step, the times from the pointer move's task to the end of the
   * rendering and to the presentation of the frame showing the new curve.
   * @param {import('@playwright/test').Page} pg
   * @param {string} id
   * @param {string} [address] the page (the app by default)
   */
  async function dragLatencies(pg, id, address = url) {
    await pg.goto(address);
    await pg.waitForFunction(() => {
      const d = document.querySelector('#conc-chart-title ~ svg path[stroke]')?.getAttribute('d');
      return (d ?? '').length > 10;
    });
    await pg.waitForTimeout(500);
    const slider = pg.locator(`#${id}-range`);
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error(`bench-browser: no #${id}-range slider on the page`);
    const [min, max, value] = await slider.evaluate((el) => {
      const input = /** @type {HTMLInputElement} */ (el);
      return [Number(input.min), Number(input.max), Number(input.value)];
    });
    // Chromium's thumb is 16 px wide: its centre runs from 8 px to (width - 8) px.
    const at = (/** @type {number} */ f) => box.x + 8 + (box.width - 16) * f;
    const y = box.y + box.height / 2;
    await pg.mouse.move(at((value - min) / (max - min)), y);
    await pg.mouse.down();
    await pg.mouse.move(at(0) - 10, y, { steps: 30 });
    await pg.waitForTimeout(500);
    await pg.evaluate(() => {
      /** @type {{ __framesToChange: number[] }} */ (
        /** @type {unknown} */ (window)
      ).__framesToChange.length = 0;
    });
    await browser.startTracing(pg, { categories: ['devtools.timeline', 'toplevel'] });
    for (let pass = 0; pass < 6; pass++) {
      await pg.mouse.move(pass % 2 === 0 ? at(1) + 10 : at(0) - 10, y, { steps: 60 });
    }
    await pg.waitForTimeout(500);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    await pg.mouse.up();
    /** @type {number[]} */
    const frames = await pg.evaluate(() => [
      .../** @type {{ __framesToChange: number[] }} */ (/** @type {unknown} */ (window))
        .__framesToChange,
    ]);
    return { ...latenciesFromTrace(trace, frames), frames };
  }

  // A bare page with only a slider and one 300-point path, redrawn on each input: what the browser
  // itself costs, for comparison with the app.
  // Its own context, without the app's service worker (which would answer the navigation).
  const floorPage = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  await floorPage.addInitScript(instrument);
  await floorPage.route('**/bench-floor.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>floor</title><h2 id="conc-chart-title">floor</h2>
<svg width="600" height="300"><path stroke="black" fill="none" d=""></path></svg>
<input id="floor-range" type="range" min="0.1" max="1" step="0.05" value="0.5" style="width:300px">
<script>
  const path = document.querySelector('path');
  const draw = (k) => {
    let d = '';
    for (let i = 0; i < 300; i++) d += (i ? 'L' : 'M') + i * 2 + ',' + (280 - 250 * k * Math.exp(-i / 80)).toFixed(1);
    path.setAttribute('d', d);
  };
  draw(0.5);
  document.querySelector('input').addEventListener('input', (e) => draw(Number(e.target.value)));
</script>`,
    }),
  );

  const randomPhaseP95 = p95(latencies);
  const drags = {
    'bare page': await dragLatencies(floorPage, 'floor', `${url}bench-floor.html`),
    dose: await dragLatencies(page, 'dose'),
    infusion: await dragLatencies(page, 'infusion'),
    weight: await dragLatencies(page, 'weight'),
  };

  // Variability band of an esketamine scenario, after a change of devices. The page opens on the
  // default nasal scenario and view, in a link made as the app makes its own (src/lib/urlState.ts).
  const { encodeState } = await tsImport('../src/lib/urlState.ts', import.meta.url);
  const { DEFAULT_VIEW } = await tsImport('../src/lib/appState.ts', import.meta.url);
  const { nasalScenario } = await tsImport('../src/registry.ts', import.meta.url);
  const search = encodeState({
    scenarios: [{ name: 'Nasal', scenario: nasalScenario() }],
    view: { ...DEFAULT_VIEW },
  });
  await page.goto(`${url}#${search.slice(1)}`);
  await page.waitForFunction(() =>
    document.querySelector('#conc-chart-title ~ svg path[fill-opacity="0.15"]'),
  );
  const bands = await page.evaluate(async () => {
    const untilFrameAfter = /** @type {any} */ (window).__untilFrameAfter;
    const select = /** @type {HTMLSelectElement} */ (document.querySelector('#devices'));
    const band = () =>
      document
        .querySelector('#conc-chart-title ~ svg path[fill-opacity="0.15"]')
        ?.getAttribute('d');
    const out = [];
    for (let i = 0; i < 10; i++) {
      const before = band();
      const t0 = performance.now();
      select.value = String(i % 2 === 0 ? 2 : 3);
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const t1 = await untilFrameAfter(() => {
        const now = band();
        return !!now && now !== before;
      });
      out.push(t1 - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  });
  await browser.close();

  console.log(`first chart, ms (5 loads): ${firsts.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(
    `synthetic input at a random moment to the first frame showing it, ms: median ${median(latencies).toFixed(1)}, p95 ${randomPhaseP95.toFixed(1)}, max ${Math.max(...latencies).toFixed(1)} (80 inputs; includes waiting for the next refresh)`,
  );
  for (const [id, d] of Object.entries(drags)) {
    const late = d.frames.filter((f) => f !== 1).length - d.unchanged;
    const stats = (/** @type {number[]} */ xs) =>
      `median ${median(xs).toFixed(1)}, p95 ${p95(xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
    console.log(
      `mouse drag, ${id} slider (${d.toRendered.length} steps; ${late} shown a frame or more after the input's own; ${d.unchanged} with no new curve within 30 frames), ms from the pointer move's task to the frame showing the curve: rendered ${stats(d.toRendered)}; presented ${stats(d.toPresented)}`,
    );
  }
  console.log(`band, ms (10 changes): ${bands.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`main JS: ${entry.join(', ')}; worker JS: ${workerFile}`);
  console.log(
    `input_to_paint_p95_ms=${p95(drags.dose.toRendered).toFixed(1)} band_ms=${median(bands).toFixed(0)} first_chart_ms=${median(firsts).toFixed(0)} main_js_gzip_kb=${mainKb.toFixed(1)} worker_js_gzip_kb=${workerKb.toFixed(1)}`,
  );
} finally {
  try {
    process.kill(-(server.pid ?? 0));
  } catch {
    server.kill();
  }
}
