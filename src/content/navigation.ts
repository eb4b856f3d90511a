/**
 * Notices in-page navigation (pushState/replaceState/back/forward). A content script lives in an
 * isolated world and cannot wrap the page's history functions, so it listens to what it can see:
 * the Navigation API's `currententrychange` where the browser has it, otherwise `popstate` plus a
 * watch on <head> (single-page apps retitle the document on each route). Each signal only compares
 * `location.href` with the last value, so a noisy signal costs a string comparison.
 */
export function watchUrl(onChange: (href: string) => void, signal: AbortSignal): void {
  let last = location.href;
  const check = (): void => {
    const href = location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  window.addEventListener('popstate', check, { signal });
  const nav = (window as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('currententrychange', check, { signal });
    return;
  }
  const head = document.head;
  if (!head) return;
  const observer = new MutationObserver(check);
  observer.observe(head, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** Two URLs show the same page when they differ only in the fragment. */
export function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/**
 * How long to hold back a check after in-page navigation. A page can change its address as often as
 * it likes, and each check tells it one bit (a banner or none), so a page cycling candidate articles
 * could learn what is in the reader's library: a few checks come at once (a reader clicking through a
 * single-page site), then one per `refillMs`.
 */
export class RouteBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly burst = 3,
    private readonly refillMs = 10_000,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.at = now;
  }

  /** Milliseconds until a check may run (0: now). */
  wait(now = Date.now()): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.refillMs);
  }

  /** A check ran. */
  take(now = Date.now()): void {
    this.refill(now);
    this.tokens = Math.max(0, this.tokens - 1);
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + Math.max(0, now - this.at) / this.refillMs);
    this.at = now;
  }
}
