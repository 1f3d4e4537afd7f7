/**
 * Work spread over tasks, so that the page's start never holds the main thread for long: a part
 * that is not in the first screen's first frame is drawn in a later task, one part per task.
 * (A long task delays the page's answer to a tap or a key by its whole length; several short
 * ones let the browser answer between them.)
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

/** Parts waiting for their turn (see `inTurn`), in the order they asked. */
const turns: (() => void)[] = [];
let turning = false;

function nextTurn(): void {
  const part = turns.shift();
  part?.();
  if (turns.length > 0) setTimeout(nextTurn, 0);
  else turning = false;
}

/**
 * Draws a part of the page in a task of its own: the parts that ask are drawn one per task, in
 * the order they asked, starting after the next frame. Returns a function that takes the part
 * out of the queue (its component has gone).
 */
export function inTurn(draw: () => void): () => void {
  const part = () => draw();
  turns.push(part);
  if (!turning) {
    turning = true;
    afterNextFrame(nextTurn);
  }
  return () => {
    const k = turns.indexOf(part);
    if (k >= 0) turns.splice(k, 1);
  };
}
