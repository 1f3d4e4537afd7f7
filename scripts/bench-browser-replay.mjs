// Helper of the browser benchmark (scripts/bench-browser.mjs): the replay page, the browser's own
// cost of the app's changes. A drag of a slider in the app is recorded: the page as it was when the
// slider was taken hold of, and after each slider input every change the app made to the page until
// the next (attributes, text, added and removed nodes, form fields' values). The replay page is
// that page without the app's code, with the same style sheets, and a few lines that make the same
// changes in place, node by node, on each input of the same drag. Its latency is what the browser
// needs to show those changes (style, layout, paint, raster, drawing); the app's own latency less
// the replay's is what its code, its worker and its way of changing the page add.

/**
 * A recorded drag: the body's HTML and its fields' values when the slider was taken hold of, the
 * style sheets, the scroll, and `batches`: [0] the changes before the first input, [k] those after
 * input k - 1 until the next (operations, see replayer); `values`: the slider's value at each input.
 * @typedef {{ snapshot: string, head: string, htmlAttrs: [string, string][],
 *   bodyAttrs: [string, string][], fields: any[], batches: any[][], values: number[],
 *   scrollY: number }} Recording
 */

/**
 * Added to the app's page before its own scripts: records a drag of slider `id` in `__replay`.
 * @param {string} id
 */
export function recorder(id) {
  /** @type {any} */
  const w = window;
  /** @type {Recording | null} */
  let rec = null;
  w.__replay = () => rec && (close(), rec);
  /** @type {MutationRecord[]} */
  let records = [];
  /** Each element's path when the slider was taken hold of (see onlyCurves). */
  const snapPaths = new WeakMap();
  const mo = new MutationObserver((rs) => records.push(...rs));
  /** @type {Map<Element, { value: string, checked: boolean }>} */
  let fields = new Map();
  const fieldList = () =>
    /** @type {(HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[]} */ ([
      ...document.body.querySelectorAll('input, select, textarea'),
    ]);
  /** The entries a parser makes of these children: a run of text nodes is one, an empty run none. */
  const entries = (
    /** @type {Node[]} */ nodes,
    /** @type {(t: Text) => string} */ dataOf = (t) => t.data,
  ) => {
    /** @type {Node[][]} */
    const out = [];
    let run = false;
    for (const c of nodes) {
      if (c.nodeType === Node.TEXT_NODE) {
        if (run) out[out.length - 1]?.push(c);
        else out.push([c]);
        run = true;
      } else {
        out.push([c]);
        run = false;
      }
    }
    return out.filter(
      (e) => e[0]?.nodeType !== Node.TEXT_NODE || e.some((t) => dataOf(/** @type {Text} */ (t))),
    );
  };
  /** The path of entry indices from the body to a connected node (null: none, e.g. empty text). */
  const locate = (/** @type {Node} */ node) => {
    /** @type {number[]} */
    const path = [];
    let n = node;
    while (n !== document.body) {
      const p = n.parentNode;
      if (!p) return null;
      const k = entries([...p.childNodes]).findIndex((e) => e.includes(n));
      if (k < 0) return null;
      path.unshift(k);
      n = p;
    }
    return path;
  };
  /**
   * Where a change is, for reading the recording: the nearest element with an id, or figure,
   * table, list or paragraph, by its tag and its id (or its first descendant's).
   */
  const region = (/** @type {Node} */ n) => {
    const el = (n instanceof Element ? n : n.parentElement)?.closest('[id], figure, table, ul, p');
    const id = el?.id || el?.querySelector('[id]')?.id;
    return el ? `${el.localName}${id ? `#${id}` : ''}` : '';
  };
  const textOf = (/** @type {Node[]} */ run) =>
    run.map((t) => /** @type {Text} */ (t).data).join('');
  const htmlOf = (/** @type {Node[]} */ e) => {
    const [n] = e;
    if (n instanceof Element) return n.outerHTML;
    const box = document.createElement('div');
    for (const c of e) box.append(c.cloneNode());
    return box.innerHTML;
  };
  const readFields = () =>
    new Map(fieldList().map((f) => [f, { value: f.value, checked: 'checked' in f && f.checked }]));
  /** The changes since the last input, as operations on the replay page (see replayer). */
  const close = () => {
    if (!rec) return;
    records.push(...mo.takeRecords());
    const byParent = new Map();
    /** @type {Map<Node, Set<string>>} */
    const attrs = new Map();
    /** @type {Set<Node>} */
    const texts = new Set();
    /** @type {Map<Node, string>} text nodes' data before the changes */
    const textBefore = new Map();
    for (const r of records) {
      if (r.type === 'childList') {
        if (!byParent.has(r.target)) byParent.set(r.target, []);
        byParent.get(r.target).push(r);
      } else if (r.type === 'attributes') {
        const s = attrs.get(r.target) ?? new Set();
        s.add(/** @type {string} */ (r.attributeName));
        attrs.set(r.target, s);
      } else {
        texts.add(r.target);
        if (!textBefore.has(r.target)) textBefore.set(r.target, r.oldValue ?? '');
      }
    }
    records = [];
    // A text that was empty or became so was not, or is no longer, a node of the parsed page:
    // its parent's children changed.
    for (const t of texts) {
      const was = textBefore.get(t) ?? '';
      const is = /** @type {Text} */ (t).data;
      if (t.parentNode && (was === '') !== (is === ''))
        if (!byParent.has(t.parentNode)) byParent.set(t.parentNode, []);
    }
    const dataBefore = (/** @type {Text} */ t) => textBefore.get(t) ?? t.data;
    /** @type {Set<Node>} */
    const added = new Set();
    const structural = [];
    for (const [parent, rs] of byParent) {
      if (!parent.isConnected) continue;
      const now = [...parent.childNodes];
      // The children before the changes: the records undone, last first.
      const before = [...now];
      for (const r of [...rs].reverse()) {
        for (const a of r.addedNodes) {
          const k = before.indexOf(a);
          if (k >= 0) before.splice(k, 1);
        }
        const at = r.previousSibling
          ? before.indexOf(r.previousSibling) + 1
          : r.nextSibling
            ? before.indexOf(r.nextSibling)
            : 0;
        before.splice(at, 0, ...r.removedNodes);
      }
      const old = entries(before, dataBefore);
      const fresh = entries(now);
      const kept = (/** @type {Node[]} */ e) => old.findIndex((o) => o.some((n) => e.includes(n)));
      const keep = fresh.map(kept);
      const keptOld = new Set(keep.filter((k) => k >= 0));
      for (const [i, e] of fresh.entries())
        if ((keep[i] ?? -1) < 0) for (const n of e) added.add(n);
      structural.push({
        node: parent,
        remove: old.map((_, k) => k).filter((k) => !keptOld.has(k)),
        children: fresh.map((e, i) => ((keep[i] ?? -1) >= 0 ? (keep[i] ?? -1) : htmlOf(e))),
        texts: fresh.map((e, i) =>
          (keep[i] ?? -1) >= 0 && e[0]?.nodeType === Node.TEXT_NODE ? textOf(e) : null,
        ),
      });
    }
    const inAdded = (/** @type {Node} */ n) => {
      for (let m = /** @type {Node | null} */ (n); m; m = m.parentNode)
        if (added.has(m)) return true;
      return false;
    };
    /** @type {any[]} */
    const ops = [];
    // Parents first: a child's path is its place once its ancestors' children are final.
    const depth = (/** @type {Node} */ n) => {
      let d = 0;
      for (let m = n.parentNode; m; m = m.parentNode) d++;
      return d;
    };
    for (const s of structural.sort((a, b) => depth(a.node) - depth(b.node))) {
      if (inAdded(s.node)) continue;
      const path = locate(s.node);
      if (!path) continue;
      ops.push({
        op: 'children',
        path,
        name: s.node.nodeName,
        region: region(s.node),
        ...s,
        node: undefined,
      });
    }
    for (const t of texts) {
      if (!t.isConnected || inAdded(t) || !t.parentNode) continue;
      const run = entries([...t.parentNode.childNodes]).find((e) => e.includes(t));
      const path = run && locate(t);
      // A run that became empty went with its parent's children (structural) or is kept empty.
      if (run && path)
        ops.push({ op: 'text', path, name: '#text', region: region(t), text: textOf(run) });
    }
    for (const [el, names] of attrs) {
      if (!el.isConnected || inAdded(el)) continue;
      const path = locate(el);
      if (!path) continue;
      for (const name of names)
        ops.push({
          op: 'attr',
          path,
          name: el.nodeName,
          region: region(el),
          snap: snapPaths.get(el) ?? null,
          attr: name,
          value: /** @type {Element} */ (el).getAttribute(name),
        });
    }
    const now = readFields();
    for (const [f, v] of now) {
      // The slider itself: moved by the pointer on both pages.
      if (f.id === `${id}-range`) continue;
      const was = fields.get(f);
      if (was && was.value === v.value && was.checked === v.checked) continue;
      if (inAdded(f) && !was) continue;
      const path = locate(f);
      if (path) ops.push({ op: 'field', path, name: f.nodeName, region: region(f), ...v });
    }
    fields = now;
    rec.batches.push(ops);
  };
  const isSlider = (/** @type {Event} */ e) =>
    e.isTrusted && /** @type {Element} */ (e.target).id === `${id}-range`;
  window.addEventListener(
    'pointerdown',
    (e) => {
      if (!isSlider(e) || rec) return;
      const copy = (/** @type {Element} */ el) =>
        /** @type {[string, string][]} */ ([...el.attributes].map((a) => [a.name, a.value]));
      const head = [...document.head.querySelectorAll('link[rel="stylesheet"], style')]
        .map((el) => el.outerHTML)
        .join('\n');
      fields = readFields();
      for (const el of document.body.querySelectorAll('*')) snapPaths.set(el, locate(el));
      rec = {
        snapshot: document.body.innerHTML,
        head,
        htmlAttrs: copy(document.documentElement),
        bodyAttrs: copy(document.body),
        fields: [...fields].map(([f, v]) => ({ path: locate(f), name: f.nodeName, ...v })),
        batches: [],
        values: [],
        scrollY: window.scrollY,
      };
      mo.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
        characterDataOldValue: true,
      });
    },
    true,
  );
  window.addEventListener(
    'input',
    (e) => {
      if (!isSlider(e) || !rec) return;
      close();
      rec.values.push(Number(/** @type {HTMLInputElement} */ (e.target).value));
    },
    true,
  );
}

/**
 * The replay page's own script (its source is put in the page): on each input of slider `id`,
 * the changes the app made after the same input of the recorded drag.
 * @param {string} id
 */
function replayer(id) {
  /** @type {any} */
  const w = window;
  /** @type {Recording} */
  const data = JSON.parse(document.getElementById('replay-data')?.textContent ?? '{}');
  /** @type {string[]} */
  const errors = [];
  w.__replayErrors = errors;
  const at = (/** @type {number[]} */ path, /** @type {string} */ name) => {
    /** @type {Node | undefined} */
    let n = document.body;
    for (const k of path) n = n?.childNodes[k];
    if (!n || n.nodeName !== name) {
      errors.push(`no ${name} at ${path.join('.')} (${n?.nodeName ?? 'nothing'})`);
      return null;
    }
    return n;
  };
  const setField = (/** @type {any} */ f) => {
    const el = /** @type {HTMLInputElement | null} */ (at(f.path, f.name));
    if (!el) return;
    if (el.value !== f.value) el.value = f.value;
    if ('checked' in el && el.checked !== f.checked) el.checked = f.checked;
  };
  const apply = (/** @type {any[]} */ batch) => {
    for (const o of batch) {
      if (o.op === 'children') {
        const parent = /** @type {Element | null} */ (at(o.path, o.name));
        if (!parent) continue;
        const old = [...parent.childNodes];
        for (const k of o.remove) old[k]?.remove();
        // The new children in order: kept ones where they are, new ones parsed in place.
        /** @type {Node | null} */
        let next = null;
        for (let i = o.children.length - 1; i >= 0; i--) {
          const c = o.children[i];
          if (typeof c === 'number') {
            const node = old[c];
            if (!node) continue;
            if (o.texts[i] !== null && /** @type {Text} */ (node).data !== o.texts[i])
              /** @type {Text} */ (node).data = o.texts[i];
            if (node.nextSibling !== next) parent.insertBefore(node, next);
            next = node;
          } else {
            const range = document.createRange();
            range.selectNodeContents(parent);
            const frag = range.createContextualFragment(c);
            const first = frag.firstChild;
            parent.insertBefore(frag, next);
            next = first ?? next;
          }
        }
      } else if (o.op === 'text') {
        const t = /** @type {Text | null} */ (at(o.path, o.name));
        if (t) t.data = o.text;
      } else if (o.op === 'attr') {
        const el = /** @type {Element | null} */ (at(o.path, o.name));
        if (!el) continue;
        if (o.value === null) el.removeAttribute(o.attr);
        else el.setAttribute(o.attr, o.value);
      } else setField(o);
    }
  };
  for (const f of data.fields) setField(f);
  apply(data.batches[0] ?? []);
  window.scrollTo(0, data.scrollY);
  let step = 0;
  document.getElementById(`${id}-range`)?.addEventListener('input', (e) => {
    const value = Number(/** @type {HTMLInputElement} */ (e.target).value);
    if (data.values[step] !== value)
      errors.push(`input ${step}: ${value}, recorded ${data.values[step]}`);
    step++;
    apply(data.batches[step] ?? []);
  });
}

/**
 * The replay page of a recorded drag.
 * @param {string} id the slider's id (without -range)
 * @param {Recording} rec
 */
export function replayPage(id, rec) {
  if (/<script\b/i.test(rec.snapshot))
    throw new Error('bench-browser: the page body holds a script, which the replay would run');
  const attrs = (/** @type {[string, string][]} */ list) =>
    list
      .map(([k, v]) => ` ${k}="${v.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
      .join('');
  const json = JSON.stringify(rec).replaceAll('<', '\\u003c');
  return `<!doctype html><html${attrs(rec.htmlAttrs)}><head><meta charset="utf-8"><title>replay</title>
${rec.head}
<script type="application/json" id="replay-data">${json}</script>
<script>document.addEventListener('DOMContentLoaded', () => (${replayer.toString()})(${JSON.stringify(id)}));</script>
</head><body${attrs(rec.bodyAttrs)}>${rec.snapshot}</body></html>`;
}

/**
 * A recording with only the concentration chart's curves changing after the first input (the
 * `d` of its paths, found where they were when the slider was taken hold of, since the page's
 * other changes, nodes added and removed among them, are left out): the least a step shows.
 * @param {Recording} rec
 * @returns {Recording}
 */
export function onlyCurves(rec) {
  const curve = (/** @type {any} */ o) =>
    o.op === 'attr' && o.attr === 'd' && o.region === 'figure#conc-chart-title' && o.snap;
  const batches = rec.batches.map((b, k) =>
    k === 0 ? b : b.filter(curve).map((o) => ({ ...o, path: o.snap })),
  );
  if (!batches.slice(1).some((b) => b.length))
    throw new Error('bench-browser: the recording has no change of the concentration curves');
  return { ...rec, batches };
}
