/** Runs work when the page's main thread is idle (with a deadline so it still happens on busy pages). */
export function whenIdle(work: () => void, signal: AbortSignal, timeout = 3000): void {
  if (signal.aborted) return;
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout });
    signal.addEventListener('abort', () => cancelIdleCallback(id), { once: true });
  } else {
    // Safari-like engines without requestIdleCallback: a short timer after load is the closest.
    const id = setTimeout(work, 200);
    signal.addEventListener('abort', () => clearTimeout(id), { once: true });
  }
}
