/**
 * WhenNear draws what it holds only once the reader comes near it (the route comparison, far
 * below the chart, so that the page's start does not pay for it): when its box comes within the
 * margin of the viewport, before printing, or after a while in any case.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRawSnippet, flushSync } from 'svelte';
import WhenNear from '../../src/components/WhenNear.svelte';
import { show } from './render';

const inside = createRawSnippet(() => ({ render: () => '<p class="inside">the panel</p>' }));

/** A stand-in IntersectionObserver whose entries the test sends. */
let observers: { callback: IntersectionObserverCallback; margin: string | undefined }[] = [];
class FakeObserver {
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    observers.push({ callback, margin: options?.rootMargin });
  }
  observe() {}
  disconnect() {}
}
const sendIntersecting = (isIntersecting: boolean) => {
  for (const o of observers)
    o.callback(
      [{ isIntersecting } as IntersectionObserverEntry],
      {} as unknown as IntersectionObserver,
    );
  flushSync();
};

describe('WhenNear', () => {
  beforeEach(() => {
    observers = [];
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits, saying so, until its box comes within the margin of the viewport', () => {
    const el = show(WhenNear, { what: 'route comparison', children: inside });
    expect(el.querySelector('.inside')).toBeNull();
    expect(el.textContent).toContain('The route comparison is drawn when you scroll to it.');
    expect(observers.map((o) => o.margin)).toEqual(['600px']);
    sendIntersecting(false);
    expect(el.querySelector('.inside')).toBeNull();
    sendIntersecting(true);
    expect(el.querySelector('.inside')?.textContent).toBe('the panel');
    expect(el.textContent).not.toContain('drawn when you scroll');
  });

  it('is drawn before printing', () => {
    const el = show(WhenNear, { what: 'route comparison', children: inside });
    dispatchEvent(new Event('beforeprint'));
    flushSync();
    expect(el.querySelector('.inside')).not.toBeNull();
  });

  it('is drawn after a while in any case', () => {
    const el = show(WhenNear, { what: 'route comparison', laterMs: 5000, children: inside });
    vi.advanceTimersByTime(4999);
    flushSync();
    expect(el.querySelector('.inside')).toBeNull();
    vi.advanceTimersByTime(1);
    flushSync();
    expect(el.querySelector('.inside')).not.toBeNull();
  });

  it('draws at once, watching nothing, when told not to defer (the simulator off a phone)', () => {
    const el = show(WhenNear, { what: 'model view', defer: false, children: inside });
    expect(el.querySelector('.inside')?.textContent).toBe('the panel');
    expect(el.textContent).not.toContain('drawn when you scroll');
    expect(observers).toEqual([]);
  });

  it('draws at once where the browser cannot tell what is in view', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const el = show(WhenNear, { what: 'route comparison', children: inside });
    expect(el.querySelector('.inside')).not.toBeNull();
  });
});
