/**
 * The chart's height in the card a phone pins at the top of the screen (SimulatorView.svelte:
 * sticky, with a height limit of about half the screen, the rest of the card scrolling inside
 * it). A drawing of the usual 320 px under the card's heading, the chart options and the chart's
 * title ended below the card's bottom edge at 360 x 740 and 740 x 360, and the time axis (its
 * numbers and title, the last 44 px of the drawing) was cut off. So on a phone the drawing takes
 * the room the card leaves under what is above it, measured, not guessed: the type and the
 * title's line breaks differ from phone to phone.
 */

/** The usual height of the chart, px (ConcentrationChart's), never exceeded. */
const FULL_HEIGHT = 320;
/** The smallest height a phone's chart is drawn at, px, however little room there is. */
const MIN_HEIGHT = 160;
/** Room kept under the drawing inside the card, px. */
const GAP = 4;

/** The card that pins `el`: its nearest ancestor that is sticky and has a height limit. */
function pinnedCard(el: Element): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const cs = getComputedStyle(p);
    if (cs.position === 'sticky' && cs.maxHeight !== 'none') return p;
  }
  return null;
}

/**
 * The height that keeps the whole drawing of `svg` inside its pinned card, from MIN_HEIGHT to
 * FULL_HEIGHT px, or undefined when no card pins it (a wide screen: the chart's own height).
 */
function pinnedHeight(svg: Element): number | undefined {
  const card = pinnedCard(svg);
  if (!card) return undefined;
  const cs = getComputedStyle(card);
  const limit = parseFloat(cs.maxHeight);
  if (!Number.isFinite(limit)) return undefined;
  // Where the drawing starts in the card's content, whatever the card has scrolled to.
  const offset =
    svg.getBoundingClientRect().top - card.getBoundingClientRect().top + card.scrollTop;
  const room = limit - (parseFloat(cs.borderBottomWidth) || 0) - offset - GAP;
  return Math.floor(Math.min(FULL_HEIGHT, Math.max(MIN_HEIGHT, room)));
}

/**
 * Calls `onheight` with `pinnedHeight(svg)` now and whenever the screen or the chart's figure
 * (its title's lines) changes size. Returns the function that stops it, for an $effect.
 */
export function followPinnedHeight(
  svg: Element,
  onheight: (h: number | undefined) => void,
): () => void {
  const fit = () => onheight(pinnedHeight(svg));
  fit();
  window.addEventListener('resize', fit);
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : null;
  if (svg.parentElement) observer?.observe(svg.parentElement);
  return () => {
    window.removeEventListener('resize', fit);
    observer?.disconnect();
  };
}
