/**
 * The warning banner: fixed in a corner (so it shifts no layout), inside a closed shadow root (so
 * the page can neither style nor read it). It says only what the page could know itself (the kind of
 * warning, never the reference it matched), and offers no way to trust the site: a page that covers,
 * scales or hides it can at most make the reader open the popup, where trusting is done.
 *
 * Its words are painted by the shadow root's stylesheet (`content:`), not held in text nodes, so
 * `window.find()` and a Selection over the page find nothing of it. Keyboard: every control is a
 * button with an accessible name; Escape inside the banner dismisses it.
 */
import type { CheckResult } from '../core/types.ts';
import { VERDICTS, type Verdict } from '../core/vocabulary.ts';
import { t } from '../shared/browser/i18n.ts';
import { BANNER_CSS } from './banner-style.ts';
import { closedHost, cssString } from './closed-host.ts';

export interface BannerActions {
  details(): void;
  dismiss(): void;
}

const HOST_TAG = 'spinscope-banner';
/** Host styles are inline and !important: page rules must not move, hide or restyle the host. */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['right', '16px'],
  ['bottom', '16px'], // raised above a bar the page fixes to the bottom, once shown
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['transform', 'none'],
  ['visibility', 'visible'],
  ['opacity', '1'],
];

let host: HTMLElement | null = null;

export function bannerHost(): HTMLElement | null {
  return host;
}

export function showBanner(result: CheckResult, actions: BannerActions): void {
  removeBanner();
  const { host: el, root } = closedHost(HOST_TAG, HOST_STYLE);

  const message = sentence(result.verdict);
  const details = t('bannerDetails');
  const style = document.createElement('style');
  style.textContent =
    BANNER_CSS +
    `.mark::before { content: ${cssString(VERDICTS[result.verdict].badge)}; }
.msg::before { content: ${cssString(message)}; }
.details::before { content: ${cssString(details)}; }
.close::before { content: "\\d7"; }`;
  root.appendChild(style);

  const box = element('div', 'box');
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', t('bannerLabel'));
  box.dataset.tone = VERDICTS[result.verdict].tone;

  const head = element('div', 'head');
  head.appendChild(element('span', 'mark')).setAttribute('aria-hidden', 'true');
  const msg = element('p', 'msg');
  msg.setAttribute('role', 'status');
  head.appendChild(msg);
  const close = button('close', t('bannerDismiss'), actions.dismiss);
  head.appendChild(close);

  const row = element('div', 'actions');
  row.appendChild(button('btn primary details', details, actions.details));

  box.append(head, row);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      actions.dismiss();
    }
  });
  root.appendChild(box);
  // On <html>, not <body>: body styles (transforms, overflow) must not affect a fixed element.
  document.documentElement.appendChild(el);
  const rise = () => el.style.setProperty('bottom', `${GAP + bottomBarHeight(el)}px`, 'important');
  rise();
  rechecks = RECHECK_MS.map((ms) => setTimeout(rise, ms));
  host = el;
}

const GAP = 16;
/** A cookie bar often comes after the banner: it looks again a few times, then no more. */
const RECHECK_MS = [1000, 3000, 10_000];
let rechecks: ReturnType<typeof setTimeout>[] = [];
/** However tall a page's bottom bar, the banner rises at most this share of the window above it. */
const MAX_RISE = 0.4;

/**
 * The height of what the page fixes along the bottom of the window under the banner (a cookie bar with its
 * "Accept" button, a player, an app prompt): the banner sits above it instead of covering it. A few points
 * along the banner's width, a few ancestors each: bounded work, done when the banner appears and at its few looks again.
 */
function bottomBarHeight(banner: HTMLElement): number {
  const box = banner.getBoundingClientRect();
  const y = innerHeight - 2;
  let top = innerHeight;
  for (const x of [box.left + 4, (box.left + box.right) / 2, box.right - 4]) {
    for (const hit of document.elementsFromPoint(x, y).slice(0, 8)) {
      if (hit === banner || hit === document.documentElement || hit === document.body) continue;
      let node: Element | null = hit;
      for (let depth = 0; node && node !== document.body && depth < 8; depth++, node = node.parentElement) {
        const position = getComputedStyle(node).position;
        if (position === 'fixed' || position === 'sticky') {
          top = Math.min(top, node.getBoundingClientRect().top);
          break;
        }
      }
    }
  }
  return Math.min(Math.max(0, innerHeight - top), innerHeight * MAX_RISE);
}

export function removeBanner(): void {
  rechecks.forEach(clearTimeout);
  rechecks = [];
  host?.remove();
  host = null;
}

/** One sentence about the kind of warning; the reference and the evidence are in the popup only. */
export function sentence(verdict: Verdict): string {
  return t(VERDICTS[verdict].banner ?? VERDICTS[verdict].label);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}

function button(className: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = element('button', className);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  b.title = label;
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onClick();
  });
  return b;
}
