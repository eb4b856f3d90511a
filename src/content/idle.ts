/**
 * Runs work when the page's main thread is idle (with a deadline so it still happens on busy pages).
 * The abort listener goes when the work runs: a walk of hundreds of idle steps must not leave hundreds
 * of listeners for the abort (on leaving the page) to call.
 */
export function whenIdle(work: (timeLeft: () => number) => void, signal: AbortSignal, timeout = 3000): void {
  if (signal.aborted) return;
  let cancel: () => void;
  const onAbort = (): void => cancel();
  const run = (deadline?: IdleDeadline): void => {
    signal.removeEventListener('abort', onAbort);
    // Milliseconds of this idle period left (none when the deadline forced the call, or without the API).
    work(() => (deadline && !deadline.didTimeout ? deadline.timeRemaining() : 0));
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout });
    cancel = () => cancelIdleCallback(id);
  } else {
    // Safari-like engines without requestIdleCallback: a short timer after load is the closest.
    const id = setTimeout(() => run(), 200);
    cancel = () => clearTimeout(id);
  }
  signal.addEventListener('abort', onAbort, { once: true });
}
