/**
 * An attachment for a link whose address carries the state the user has reached, which changes
 * as they work (the simulator rewrites the page's address after each pause): the link's address
 * is written afresh whenever it is about to be used, so a new tab, a copied link or a followed
 * link carries the state of that moment. It is about to be used when it is pressed with any
 * button (a middle click opens a new tab), given a context menu (copy link, open in a new tab),
 * focused (the keyboard's way to the same menu) or clicked (written before the browser follows
 * it). Its first address is the element's own `href`: the attachment writes nothing at load.
 */
const WHEN_USED = ['pointerdown', 'contextmenu', 'focus', 'click'] as const;

export function freshLink(href: () => string) {
  return (link: HTMLAnchorElement): (() => void) => {
    const update = () => {
      link.href = href();
    };
    // In the capture phase, so the address is new before any click handler of the link runs.
    for (const type of WHEN_USED) link.addEventListener(type, update, { capture: true });
    return () => {
      for (const type of WHEN_USED) link.removeEventListener(type, update, { capture: true });
    };
  };
}
