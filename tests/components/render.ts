/**
 * Helpers of the component tests: mount a component in happy-dom, and turn its markup into a
 * stable text for snapshots (Svelte's comments and style hashes removed, numbers rounded to
 * 0.1 as Observable Plot's tests do, one element a line).
 */
import { flushSync, mount, unmount, type Component } from 'svelte';
import { afterEach } from 'vitest';

const mounted: (() => void)[] = [];
afterEach(() => {
  while (mounted.length) mounted.pop()!();
});

/** Mounts a component into a fresh element of the page; it is unmounted after the test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function show<P extends Record<string, any>>(
  component: Component<P>,
  props: P,
): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(component, { target, props });
  flushSync();
  mounted.push(() => {
    unmount(app);
    target.remove();
  });
  return target;
}

/** Markup as snapshot text. */
export function normalise(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s*\bsvelte-[a-z0-9]+\b/g, '')
    .replace(/ class=""/g, '')
    .replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/>\s+</g, '><')
    .replace(/></g, '>\n<')
    .trim();
}

/** Fires a pointer event at chart coordinates px, py (happy-dom has no layout: the target's box is set). */
export function pointer(
  el: Element,
  type: 'pointerdown' | 'pointermove' | 'pointerup',
  x: number,
  y: number,
  box: { width: number; height: number },
) {
  (el as SVGElement).getBoundingClientRect = () =>
    ({ left: 0, top: 0, x: 0, y: 0, right: box.width, bottom: box.height, ...box }) as DOMRect;
  el.dispatchEvent(
    new PointerEvent(type, { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true }),
  );
  flushSync();
}

/** The props every test chart shares: a 640 px concentration chart with its cursor at 40 min. */
export const chartBase = {
  id: 'c',
  title: 'Concentration',
  yLabel: 'Concentration (ng/mL)',
  width: 640,
  cursorMin: 40,
  oncursor: () => {},
};
