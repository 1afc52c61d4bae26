/**
 * Runs `task` once the browser has a moment with nothing to do (or after `timeout` ms at the latest),
 * so work a reader does not need to start reading waits until the page is interactive. Returns a
 * cancel function for an effect's cleanup. Safari has no requestIdleCallback: a timer stands in.
 */
export function whenIdle(task: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}
