// Browser benchmark (not a test): builds the app, serves it on localhost, drives it in Chromium and
// prints, last, one line:
//   input_to_paint_p95_ms=A band_ms=B first_chart_ms=C main_js_gzip_kb=D worker_js_gzip_kb=E
// - first_chart_ms: navigation start to the first frame showing the concentration curve (median of 5 loads)
// - input_to_paint_p95_ms: a dose-slider input event to the first animation frame after the curve
//   changed (so it includes waiting for the next frame), 95th percentile of 80 inputs at random phases;
//   the change is seen by a MutationObserver, so the frame is the first that can show it
// - band_ms: a change of the esketamine scenario to the first frame showing its new variability band
//   (1000 virtual patients, computed in the worker), median of 10
// - main_js_gzip_kb / worker_js_gzip_kb: gzip size of the JavaScript the page loads at start and of
//   the worker's bundle
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';

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
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
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

try {
  const found = findChromium();
  const browser = await chromium.launch({
    ...(found.path && found.source !== 'playwright' ? { executablePath: found.path } : {}),
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The time of the first animation frame after `changed()` becomes true. A MutationObserver sees
  // the change in the microtask right after it, before the browser can render, so the frame asked
  // for there is the first one that shows it. (Polling with timers instead can notice the change
  // only after a frame has already shown it, and then measures the frame after that one.)
  await page.addInitScript(() => {
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
  });
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

  // Variability band of an esketamine scenario, after a change of devices.
  const state = {
    scenarios: [
      {
        name: 'Nasal',
        scenario: {
          version: 1,
          patient: { weightKg: 70, ageYears: 40, asian: false, japanese: false },
          model: 'perezruixo2021',
          regimen: {
            kind: 'intranasal',
            devices: 3,
            deviceMg: 28,
            spacingMin: 5,
            schedule: { kind: 'single' },
          },
          options: { endH: 24, stepMin: 1 },
        },
      },
    ],
    view: {
      window: '24h',
      scale: 'linear',
      unit: 'ng/mL',
      showMetabolite: true,
      showEffectSite: true,
      showBand: true,
      active: 0,
    },
  };
  await page.goto(`${url}?v=1&state=${Buffer.from(JSON.stringify(state)).toString('base64url')}`);
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
    `input to paint, ms: median ${median(latencies).toFixed(1)}, p95 ${p95(latencies).toFixed(1)}, max ${Math.max(...latencies).toFixed(1)} (80 inputs)`,
  );
  console.log(`band, ms (10 changes): ${bands.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`main JS: ${entry.join(', ')}; worker JS: ${workerFile}`);
  console.log(
    `input_to_paint_p95_ms=${p95(latencies).toFixed(1)} band_ms=${median(bands).toFixed(0)} first_chart_ms=${median(firsts).toFixed(0)} main_js_gzip_kb=${mainKb.toFixed(1)} worker_js_gzip_kb=${workerKb.toFixed(1)}`,
  );
} finally {
  try {
    process.kill(-(server.pid ?? 0));
  } catch {
    server.kill();
  }
}
