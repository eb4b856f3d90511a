/**
 * The warning banner: fixed in a corner (so it shifts no layout), inside a closed shadow root (so
 * the page can neither style nor read it), built with textContent only. Keyboard: every control is
 * a button; Escape inside the banner dismisses it.
 */
import type { CheckResult, Verdict } from '../core/types.ts';
import { t } from '../shared/i18n.ts';
import { BANNER_CSS } from './banner-style.ts';

export interface BannerActions {
  details(): void;
  trust(): void;
  dismiss(): void;
}

const HOST_TAG = 'spinscope-banner';
/** Host styles are inline and !important: page rules must not move, hide or restyle the host. */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['right', '16px'],
  ['bottom', '16px'],
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
  const el = document.createElement(HOST_TAG);
  for (const [prop, value] of HOST_STYLE) el.style.setProperty(prop, value, 'important');
  el.setAttribute('data-spinscope', 'banner');
  el.setAttribute('data-verdict', result.verdict);
  const root = el.attachShadow({ mode: 'closed' });

  const style = document.createElement('style');
  style.textContent = BANNER_CSS;
  root.appendChild(style);

  const box = element('div', 'box');
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', t('bannerLabel'));
  box.dataset.tone = result.verdict === 'spun' ? 'red' : 'amber';

  const head = element('div', 'head');
  head.appendChild(element('span', 'mark', badgeWord(result.verdict))).setAttribute('aria-hidden', 'true');
  const msg = element('p', 'msg', sentence(result));
  msg.setAttribute('role', 'status');
  head.appendChild(msg);
  const close = button('close', '×', actions.dismiss);
  close.setAttribute('aria-label', t('bannerDismiss'));
  close.title = t('bannerDismiss');
  head.appendChild(close);

  const row = element('div', 'actions');
  row.appendChild(button('btn primary', t('bannerDetails'), actions.details));
  row.appendChild(button('btn', t('bannerTrust'), actions.trust));

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
  host = el;
}

export function removeBanner(): void {
  host?.remove();
  host = null;
}

/** One sentence: what was found, with the reference it derives from when there is one. */
export function sentence(result: CheckResult): string {
  const title = result.match?.title;
  const source = result.match?.source ?? '';
  switch (result.verdict) {
    case 'spun':
      return title ? t('bannerSpunOf', [title, source]) : t('bannerSpun');
    case 'copy':
      return title ? t('bannerCopyOf', [title, source]) : t('bannerCopy');
    case 'auto-published':
      // Named like SPUN and COPY; a reference that is itself a feed copy is what this page reproduces,
      // any other one only shares text with a page whose own boilerplate gave the verdict.
      if (!title) return t('bannerAuto');
      return result.match?.referenceRole === 'auto-published' ? t('bannerAutoOf', [title, source]) : t('bannerAutoShares', [title, source]);
    default:
      return result.summary;
  }
}

function badgeWord(verdict: Verdict): string {
  return verdict === 'spun' ? 'SPUN' : verdict === 'copy' ? 'COPY' : 'AUTO';
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(className: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = element('button', className, label);
  b.type = 'button';
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onClick();
  });
  return b;
}
