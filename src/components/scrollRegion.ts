/**
 * An attachment for a box that may scroll (a wide table or an equation block on a phone): while its
 * content overflows it, the box is a named, focusable region, so a keyboard user can tab to it and
 * scroll it with the arrow keys and a screen reader says what it holds; while everything fits, it
 * is a plain box and adds no stop to the tab order.
 *
 * `name` is what the region is called; `labelledby`, the id of an element that names it instead.
 */
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
    update();
    // The box's own size, and its content's (a table that grows rows), both change the overflow.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(box);
    if (box.firstElementChild) observer?.observe(box.firstElementChild);
    return () => observer?.disconnect();
  };
}
