// Helpers of the browser benchmark (scripts/bench-browser.mjs): statistics, and the slider
// latencies read from a Chromium performance trace.

export const median = (/** @type {number[]} */ xs) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
export const p95 = (/** @type {number[]} */ xs) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)] ??
  Number.NaN;
/** median, p95 and max of a list, in one phrase */
export const stats = (/** @type {number[]} */ xs) =>
  `median ${median(xs).toFixed(1)}, p95 ${p95(xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
/** a list of times, ms, as whole numbers */
export const list = (/** @type {number[]} */ xs) => xs.map((x) => x.toFixed(0)).join(' ');

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
export function latenciesFromTrace(trace, framesToChange) {
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
