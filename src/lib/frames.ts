/**
 * Work put after the next frame, so that the page's first frame comes sooner and the start's
 * work is not all one long task (a long task delays the page's answer to a tap or a key by its
 * whole length).
 */

/**
 * Calls `fn` in a task of its own after the next frame has been drawn (at once in a new task when
 * the page is hidden, where frames do not come). Returns a function that cancels it.
 */
export function afterNextFrame(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const task = () => (timer = setTimeout(fn, 0));
  if (
    typeof document === 'undefined' ||
    document.hidden ||
    typeof requestAnimationFrame !== 'function'
  )
    task();
  else frame = requestAnimationFrame(task);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** A promise of `afterNextFrame`. */
export function nextFrameTask(): Promise<void> {
  return new Promise((done) => afterNextFrame(done));
}
