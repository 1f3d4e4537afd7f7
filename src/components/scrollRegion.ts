/**
 * An attachment for a box that may scroll (a wide table or an equation block on a phone): while its
 * content overflows it, the box is a named, focusable region, so a keyboard user can tab to it and
 * scroll it with the arrow keys and a screen reader says what it holds; while everything fits, it
 * is a plain box and adds no stop to the tab order.
 *
 * `name` is what the region is called; `labelledby`, the id of an element that names it instead.
 */
import { afterNextFrame } from '../lib/frames';

export function scrollRegion(opts: { name?: string; labelledby?: string }) {
  return (box: HTMLElement): (() => void) => {
    const update = () => {
      const overflows =
        box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (overflows === box.hasAttribute('tabindex')) return;
      if (overflows) {
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        if (opts.labelledby) box.setAttribute('aria-labelledby', opts.labelledby);
        else if (opts.name) box.setAttribute('aria-label', opts.name);
      } else {
        for (const a of ['tabindex', 'role', 'aria-labelledby', 'aria-label'])
          box.removeAttribute(a);
      }
    };
    // The box's own size, and its content's (a table that grows rows), both change the overflow.
    // The observer's first report comes once the page is laid out, before it is painted; asking
    // for the sizes now instead would force a layout in the middle of the page's first render.
    if (typeof ResizeObserver === 'undefined') {
      update();
      return () => {};
    }
    const observer = new ResizeObserver(update);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    // A panel the browser does not lay out until it is scrolled near (content-visibility: auto,
    // app.css) gets no report until then; it is measured once anyway, in a task of its own after
    // the first frame, so the region is named and in the tab order before anyone reaches it.
    const cancel = afterNextFrame(update);
    return () => {
      cancel();
      observer.disconnect();
    };
  };
}
