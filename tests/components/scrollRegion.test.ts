import { describe, expect, it } from 'vitest';
import { scrollRegion } from '../../src/components/scrollRegion';

/** A box whose content is `content` px wide inside `width` px (happy-dom does no layout). */
function box(width: number, content: number): HTMLElement {
  const el = document.createElement('div');
  el.appendChild(document.createElement('table'));
  Object.defineProperty(el, 'clientWidth', { get: () => width });
  Object.defineProperty(el, 'scrollWidth', { get: () => content });
  Object.defineProperty(el, 'clientHeight', { get: () => 100 });
  Object.defineProperty(el, 'scrollHeight', { get: () => 100 });
  return el;
}

describe('scrollRegion', () => {
  it('makes an overflowing box a focusable region named by its caption', () => {
    const el = box(300, 520);
    const stop = scrollRegion({ labelledby: 'cap-1' })(el);
    expect(el.tabIndex).toBe(0);
    expect(el.getAttribute('role')).toBe('region');
    expect(el.getAttribute('aria-labelledby')).toBe('cap-1');
    stop();
  });

  it('leaves a box whose content fits out of the tab order', () => {
    const el = box(300, 300);
    scrollRegion({ name: 'Model equations' })(el)();
    expect(el.hasAttribute('tabindex')).toBe(false);
    expect(el.hasAttribute('role')).toBe(false);
    expect(el.hasAttribute('aria-label')).toBe(false);
  });
});
