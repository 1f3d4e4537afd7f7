import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scrollRegion } from '../../src/components/scrollRegion';

/**
 * A ResizeObserver as a browser's behaves for these tests: its first report of each box comes
 * after the page is laid out (here, when `layOut()` is called), not during `observe`.
 */
let waiting: (() => void)[] = [];
class FakeResizeObserver {
  constructor(private readonly report: () => void) {}
  observe() {
    waiting.push(() => this.report());
  }
  unobserve() {}
  disconnect() {}
}
const layOut = () => {
  const now = waiting;
  waiting = [];
  now.forEach((f) => f());
};
const realObserver = globalThis.ResizeObserver;
beforeEach(() => {
  waiting = [];
  globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
});
afterEach(() => {
  globalThis.ResizeObserver = realObserver;
});

/** A box whose content is `content` px wide inside `width` px (happy-dom does no layout). */
function box(width: number, content: number, onRead = () => {}): HTMLElement {
  const el = document.createElement('div');
  el.appendChild(document.createElement('table'));
  const sizes = { clientWidth: width, scrollWidth: content, clientHeight: 100, scrollHeight: 100 };
  for (const [name, px] of Object.entries(sizes))
    Object.defineProperty(el, name, { get: () => (onRead(), px) });
  return el;
}

describe('scrollRegion', () => {
  it('makes an overflowing box a focusable region named by its caption', () => {
    const el = box(300, 520);
    const stop = scrollRegion({ labelledby: 'cap-1' })(el);
    layOut();
    expect(el.tabIndex).toBe(0);
    expect(el.getAttribute('role')).toBe('region');
    expect(el.getAttribute('aria-labelledby')).toBe('cap-1');
    stop();
  });

  it('leaves a box whose content fits out of the tab order', () => {
    const el = box(300, 300);
    const stop = scrollRegion({ name: 'Model equations' })(el);
    layOut();
    stop();
    expect(el.hasAttribute('tabindex')).toBe(false);
    expect(el.hasAttribute('role')).toBe(false);
    expect(el.hasAttribute('aria-label')).toBe(false);
  });

  it('reads no size while it is attached, so the first render forces no layout', () => {
    let reads = 0;
    const el = box(300, 520, () => reads++);
    const stop = scrollRegion({ labelledby: 'cap-2' })(el);
    expect(reads).toBe(0);
    layOut();
    expect(reads).toBeGreaterThan(0);
    expect(el.getAttribute('role')).toBe('region');
    stop();
  });
});
