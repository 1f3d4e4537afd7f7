// Helpers of the browser benchmark (scripts/bench-browser.mjs): what runs in the page, the bare
// comparison page, and the links to the scenarios it opens.
import { tsImport } from 'tsx/esm/api';

/** @typedef {import('@playwright/test').Page} Page */

/** The concentration chart's first line and its variability band (outer, 5-95 %). */
export const CURVE = '#conc-chart-title ~ svg path[stroke]';
export const BAND = '#conc-chart-title ~ svg path[fill-opacity="0.15"]';
/** What the chart's legend says of the band of all 1000 patients (src/components/concentration). */
const FULL_BAND = 'of\\s+1000\\s+virtual patients';

/**
 * Added to every page before its own scripts (page.addInitScript): the page-side measures.
 * - `__untilFramesAfter(...changed)`: for each condition, the time of the first animation frame
 *   after it becomes true. A MutationObserver sees a change in the microtask right after it, before
 *   the browser can render, so the frame asked for there is the first one that shows it. (Polling
 *   with timers instead can notice a change only after a frame has already shown it, and then
 *   measures the frame after that one.) NaN for a condition still false after 60 s.
 * - `__framesToChange`: for each trusted slider input (`__inputs` counts them), the number of
 *   animation frames to the curve's change (1: the very frame that handles the input shows it;
 *   NaN: no change within 30 frames); `__steps`: for each, the slider's value before and after.
 * - `__firstChart`: the time (from navigation start) of the first frame showing the curve, polled
 *   every frame from the document's start.
 * @param {{ curve: string }} selectors
 */
export function instrument({ curve: curveSelector }) {
  /** @type {any} */
  const w = window;
  const curve = () => document.querySelector(curveSelector)?.getAttribute('d');
  /** @param {(() => boolean)[]} conditions */
  w.__untilFramesAfter = (...conditions) =>
    new Promise((resolve) => {
      const times = conditions.map(() => Number.NaN);
      const asked = conditions.map(() => false);
      const done = () => {
        mo.disconnect();
        clearTimeout(timer);
        resolve(times);
      };
      const look = () =>
        conditions.forEach((changed, k) => {
          if (asked[k] || !changed()) return;
          asked[k] = true;
          requestAnimationFrame(() => {
            times[k] = performance.now();
            if (times.every(Number.isFinite)) done();
          });
        });
      const mo = new MutationObserver(look);
      const timer = setTimeout(done, 60_000);
      mo.observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      look();
    });
  /** @type {number[]} */
  const framesToChange = [];
  w.__framesToChange = framesToChange;
  w.__inputs = 0;
  /** @type {[number, number][]} */
  w.__steps = [];
  /** @type {Record<string, number>} */
  const last = {};
  /** @param {Event} e */
  const slider = (e) => {
    const t = /** @type {HTMLInputElement} */ (e.target);
    return e.isTrusted && t.id?.endsWith('-range') ? t : null;
  };
  window.addEventListener(
    'pointerdown',
    (e) => {
      const t = slider(e);
      if (t) last[t.id] = Number(t.value);
    },
    true,
  );
  window.addEventListener(
    'input',
    (e) => {
      const t = slider(e);
      if (!t) return;
      w.__inputs++;
      w.__steps.push([last[t.id] ?? Number.NaN, Number(t.value)]);
      last[t.id] = Number(t.value);
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
  const firstChart = () => {
    if ((curve() ?? '').length > 10) w.__firstChart = performance.now();
    else requestAnimationFrame(firstChart);
  };
  requestAnimationFrame(firstChart);
}

/**
 * A bare page with only a slider and one 300-point path, redrawn on each input: what the browser
 * itself costs, for comparison with the app.
 */
export const BARE_PAGE = `<!doctype html><title>floor</title><h2 id="conc-chart-title">floor</h2>
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
</script>`;

/**
 * Whether the engine gives the same curves (every analyte's plasma and the effect site, exactly)
 * for two values of slider `id` in the default IV or nasal scenario, as src/components/Controls.svelte
 * sets them: a step between them leaves the chart's curve as it was.
 * @param {'iv' | 'nasal'} kind
 * @param {string} id
 */
export async function sameCurveFor(kind, id) {
  const { ivScenario, nasalScenario, runScenario } = await tsImport(
    '../src/registry.ts',
    import.meta.url,
  );
  const base = kind === 'iv' ? ivScenario() : nasalScenario();
  const at = (/** @type {number} */ v) => {
    const s = structuredClone(base);
    if (id === 'weight' || id === 'age') s.patient[id === 'age' ? 'ageYears' : 'weightKg'] = v;
    else
      s.regimen[{ dose: 'doseMgPerKg', infusion: 'infusionMin', spacing: 'spacingMin' }[id] ?? id] =
        v;
    const r = runScenario(s);
    if (!r.ok) throw new Error(`bench-browser: the engine refused ${id} = ${v}`);
    /** @type {Float64Array[]} */
    const curves = [...Object.values(r.result.plasma), r.result.effectSite];
    return curves;
  };
  /** @type {Map<number, Float64Array[]>} */
  const cache = new Map();
  const curvesAt = (/** @type {number} */ v) => cache.get(v) ?? cache.set(v, at(v)).get(v) ?? [];
  return (/** @type {number} */ a, /** @type {number} */ b) => {
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    const [x, y] = [curvesAt(a), curvesAt(b)];
    return x.length === y.length && x.every((c, k) => c.every((value, i) => value === y[k]?.[i]));
  };
}

/**
 * The fragments (`#v=1&state=...`, made as the app makes its own links: src/lib/urlState.ts) of
 * the default nasal esketamine scenario in the default view, and of the longest esketamine course
 * the app's limits allow (LIMITS.endH, 26 weeks) in the course window: 84 mg, the label schedule
 * with weekly sessions from week 9 through week 26. `course` describes the latter.
 */
export async function scenarioLinks() {
  const here = import.meta.url;
  const { encodeState } = await tsImport('../src/lib/urlState.ts', here);
  const { DEFAULT_VIEW } = await tsImport('../src/lib/appState.ts', here);
  const { nasalScenario } = await tsImport('../src/registry.ts', here);
  const { optionsFor } = await tsImport('../src/engine/presets.ts', here);
  const { esketamineLabelCourseDays } = await tsImport('../src/engine/regimen.ts', here);
  const { LIMITS } = await tsImport('../src/engine/scenario.ts', here);
  const link = (/** @type {string} */ name, /** @type {unknown} */ scenario, view = {}) =>
    `#${encodeState({ scenarios: [{ name, scenario }], view: { ...DEFAULT_VIEW, ...view } }).slice(1)}`;
  const nasal = nasalScenario();
  // 8 sessions in weeks 1-4, 4 in weeks 5-8, then weekly in weeks 9-26 (18 more).
  const regimen = {
    ...nasal.regimen,
    schedule: { kind: 'course', sessionDays: esketamineLabelCourseDays('weekly', 18) },
  };
  const course = { ...nasal, regimen, options: optionsFor(regimen) };
  const days = regimen.schedule.sessionDays;
  if (course.options.endH > LIMITS.endH[1] || (days.at(-1) ?? 0) > LIMITS.maxSessionDay)
    throw new Error('bench-browser: the 26-week course is beyond the app limits');
  return {
    nasal: link('Nasal', nasal),
    course: link('Nasal course', course, { window: 'course' }),
    courseText: `esketamine ${regimen.devices * regimen.deviceMg} mg (${regimen.devices} devices ${regimen.spacingMin} min apart), label schedule with weekly sessions from week 9 through week 26: ${days.length} sessions on days ${days[0]}-${days.at(-1)}, ${course.options.endH} h simulated, course window`,
  };
}

/**
 * Changes the devices `times` times (from the link's 3: 2, 3, 2, ...), each once the last
 * change's full band is shown: the times to the first frame with a new band and to the first
 * with the band of all 1000 patients (NaN, and the page's message, if it says it could not).
 */
export const bandTimes = (/** @type {Page} */ pg, /** @type {number} */ times) =>
  pg.evaluate(
    async ({ band: bandSelector, fullText, times }) => {
      const select = /** @type {HTMLSelectElement} */ (document.querySelector('#devices'));
      const band = () => document.querySelector(bandSelector)?.getAttribute('d');
      const full = () =>
        new RegExp(fullText).test(document.querySelector('.legend-note')?.textContent ?? '');
      const failed = () => document.querySelector('.band-error')?.textContent ?? '';
      const out = {
        first: /** @type {number[]} */ ([]),
        full: /** @type {number[]} */ ([]),
        error: '',
      };
      for (let i = 0; i < times && !out.error; i++) {
        const before = band();
        const changed = () => !!band() && band() !== before;
        const t0 = performance.now();
        select.value = String(select.value === '3' ? 2 : 3);
        select.dispatchEvent(new Event('change', { bubbles: true }));
        const [t1 = Number.NaN, t2 = Number.NaN] = await /** @type {any} */ (
          window
        ).__untilFramesAfter(
          () => changed() || !!failed(),
          () => (changed() && full()) || !!failed(),
        );
        out.error = failed();
        out.first.push(out.error ? Number.NaN : t1 - t0);
        out.full.push(out.error ? Number.NaN : t2 - t0);
        // A pause as between two choices of a person: changes closer together than
        // 3 x BAND_DELAY_MS (180 ms) are a burst to the app (a key held down), whose band waits
        // until the burst pauses (computeBand in src/lib/simulator.svelte.ts).
        await new Promise((r) => setTimeout(r, 300));
      }
      return out;
    },
    { band: BAND, fullText: FULL_BAND, times },
  );
/** Opens a link and waits for its full band; the page's message if it could not draw it. */
export const openWithFullBand = async (/** @type {Page} */ pg, /** @type {string} */ address) => {
  await pg.goto(address);
  await pg.waitForFunction(
    ({ band, fullText }) =>
      (document.querySelector(band) &&
        new RegExp(fullText).test(document.querySelector('.legend-note')?.textContent ?? '')) ||
      document.querySelector('.band-error'),
    { band: BAND, fullText: FULL_BAND },
    { timeout: 60_000 },
  );
  return pg.evaluate(() => document.querySelector('.band-error')?.textContent ?? '');
};
