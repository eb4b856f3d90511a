/**
 * What a highlighted word replaced, shown beside it when the pointer rests on it or when the keyboard
 * reaches it. The replaced word is reference text, and the page must not learn it: the page may see which
 * of its own words are highlighted (the highlight registry and the style sheet are in its document), never
 * what they replaced.
 *
 * So the tip is built as the banner is: a closed shadow root whose words are painted by its own style sheet
 * (`content:`), with no text node for `window.find()` or a Selection and no attribute on the host. The host
 * is a plain <div>, closed before it is inserted (a page can define a custom element for any new tag name and
 * run its own code in it); it sits 0×0 at the window's corner and takes no pointer events, the box inside
 * being placed from there, so neither the host's size nor hit-testing tells the page how long the word is.
 *
 * Keyboard: the tip is focusable and is focused when the reader asks for the highlights; arrow keys move from
 * swap to swap, Escape hides it. It is also in the tab order (last) while highlights are shown.
 */
import { t } from '../shared/browser/i18n.ts';
import { BANNER_COLOURS } from './banner-style.ts';
import { closedHost, cssString } from './closed-host.ts';

export interface SwapTip {
  /** The highlighted words in the page. */
  range: Range;
  /** What they replaced (or, when the page is the original, what the spun copy put there). */
  other: string;
}

/** Host styles are inline and !important: page rules must not move, show or size the host. */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['left', '0'],
  ['top', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['display', 'block'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
];

const { light, dark } = BANNER_COLOURS;
const TIP_CSS = `
:host { all: initial; }
.tip {
  --bg: ${light.bg}; --fg: ${light.fg}; --muted: ${light.muted}; --line: ${light.line}; --focus: ${light.focus};
  position: absolute; left: 0; top: 0; box-sizing: border-box; width: max-content; max-width: min(360px, calc(100vw - 16px));
  padding: 6px 10px; border: 1px solid var(--line); border-radius: 8px;
  background: var(--bg); color: var(--fg); box-shadow: 0 4px 16px rgba(0,0,0,.25);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left; direction: ltr;
  pointer-events: none; overflow-wrap: anywhere;
}
@media (prefers-color-scheme: dark) {
  .tip { --bg: ${dark.bg}; --fg: ${dark.fg}; --muted: ${dark.muted}; --line: ${dark.line}; --focus: ${dark.focus}; }
}
/* Out of sight rather than invisible: a hidden tip must stay focusable, for Tab to reach it. */
.tip:not([data-shown]) { left: -10000px; }
.tip::before { display: block; font-weight: 600; }
.tip:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.tip:focus::after { display: block; margin-top: 2px; color: var(--muted); font-size: 12px; }
`;

/** Room between the words and the tip. */
const GAP = 6;
const EDGE = 8;

/** Everything of the tip, alive while highlights are shown. */
interface State {
  host: HTMLElement;
  box: HTMLDivElement;
  words: HTMLStyleElement;
  tips: SwapTip[];
  pageIsOriginal: boolean;
  /** The swap shown (-1: none) and the line of its words the tip sits by. */
  current: number;
  line: number;
  /** The swap last shown: where the keyboard picks up again, after the window lost focus and got it back. */
  at: number;
  life: AbortController;
}

let state: State | null = null;

/** Shows a tip for each swap on hover and focus; with `focus`, the keyboard lands on the first at once. */
export function attachSwapTips(tips: SwapTip[], pageIsOriginal: boolean, focus: boolean): void {
  detachSwapTips();
  if (!tips.length) return;
  // A plain <div>: a page can define a custom element for a new tag name and run its code in the host.
  const { host, root } = closedHost('div', HOST_STYLE);
  const base = document.createElement('style');
  base.textContent = TIP_CSS;
  const words = document.createElement('style');
  const box = document.createElement('div');
  box.className = 'tip';
  box.tabIndex = 0;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight Escape');
  root.append(base, words, box);
  const life = new AbortController();
  const s: State = { host, box, words, tips, pageIsOriginal, current: -1, line: 0, at: 0, life };
  state = s;
  document.documentElement.appendChild(host);

  const signal = life.signal;
  let frame = 0;
  let pointer: { x: number; y: number } | null = null;
  const onFrame = () => {
    frame = 0;
    // With the keyboard in the tip, it stays on its swap unless the pointer rests on another.
    if (!pointer || !hover(s, pointer.x, pointer.y, document.activeElement === host)) place(s);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(onFrame);
  };
  document.addEventListener(
    'pointermove',
    (e) => {
      // A page can dispatch pointer events of its own; only the reader's pointer counts.
      if (!e.isTrusted) return;
      pointer = { x: e.clientX, y: e.clientY };
      schedule();
    },
    { capture: true, passive: true, signal },
  );
  window.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  window.addEventListener('resize', schedule, { passive: true, signal });
  signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });
  box.addEventListener('focus', () => show(s, s.at, 0, true), { signal });
  box.addEventListener('blur', () => hide(s), { signal });
  box.addEventListener(
    'keydown',
    (e) => {
      const step = STEPS[e.key];
      // Alt+Left is the browser's Back, and the like: only plain keys are ours.
      if (step === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      e.stopPropagation();
      if (step === 0) return box.blur();
      show(s, (s.at + step + tips.length) % tips.length, 0, true);
    },
    { signal },
  );
  if (focus) {
    // Focus events wait until the reader is back on the page (the popup has it now); the first swap shows at once.
    show(s, 0, 0, true);
    box.focus({ preventScroll: true });
  }
}

/** Arrow keys move by one swap; Escape (0) leaves the tip. */
const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Escape: 0 };

export function detachSwapTips(): void {
  if (!state) return;
  state.life.abort();
  state.host.remove();
  state = null;
}

/** The words a tip paints: the replaced phrase, and when it has the keyboard, where it is and how to move. */
export function tipText(other: string, pageIsOriginal: boolean, index: number, count: number): { main: string; hint: string } {
  return {
    main: t(pageIsOriginal ? 'tipSpunCopy' : 'tipOriginal', other),
    hint: t('tipKeys', [String(index + 1), String(count)]),
  };
}

function show(s: State, index: number, line: number, keyboard: boolean): void {
  const tip = s.tips[index];
  if (!tip) return hide(s);
  const { main, hint } = tipText(tip.other, s.pageIsOriginal, index, s.tips.length);
  s.words.textContent = `.tip::before { content: ${cssString(main)}; }\n.tip:focus::after { content: ${cssString(hint)}; }`;
  s.box.setAttribute('aria-label', keyboard ? `${main}. ${hint}` : main);
  s.current = index;
  s.at = index;
  s.line = line;
  // The page may have taken the host out. (Moving a host that is in place would take the keyboard out of it.)
  if (!s.host.isConnected) document.documentElement.appendChild(s.host);
  if (keyboard) scrollToRange(tip.range);
  place(s);
}

function hide(s: State): void {
  s.current = -1;
  s.box.removeAttribute('data-shown');
  s.words.textContent = '';
}

/** Beside the words' line: below it, or above when the window has no room below. */
function place(s: State): void {
  const tip = s.tips[s.current];
  const rect = tip ? (tip.range.getClientRects()[s.line] ?? tip.range.getBoundingClientRect()) : null;
  if (!rect || (rect.width === 0 && rect.height === 0)) return hide(s);
  const box = s.box;
  box.setAttribute('data-shown', '');
  const { width, height } = box.getBoundingClientRect();
  const below = rect.bottom + GAP;
  const top = below + height <= innerHeight - EDGE ? below : Math.max(EDGE, rect.top - GAP - height);
  const left = Math.min(Math.max(EDGE, rect.left), Math.max(EDGE, innerWidth - EDGE - width));
  box.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}

/**
 * Shows the swap under the pointer, found from the caret there and confirmed by the boxes of its words;
 * with none there, hides the tip unless it `stays`. Whether the tip was dealt with.
 */
function hover(s: State, x: number, y: number, stays: boolean): boolean {
  const caret = caretAt(x, y);
  let found = -1;
  let line = 0;
  for (let i = 0; i < s.tips.length && found < 0; i++) {
    const range = (s.tips[i] as SwapTip).range;
    if (caret && !safeInRange(range, caret.node, caret.offset)) continue;
    const rects = range.getClientRects();
    for (let r = 0; r < rects.length; r++) {
      const b = rects[r] as DOMRect;
      if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) {
        found = i;
        line = r;
        break;
      }
    }
  }
  if (found < 0) {
    if (stays) return false;
    hide(s);
    return true;
  }
  if (found !== s.current || line !== s.line || !s.box.hasAttribute('data-shown')) show(s, found, line, false);
  else place(s);
  return true;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function safeInRange(range: Range, node: Node, offset: number): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    return false; // a caret in another document or a doctype
  }
}

/** Brings the words into view unless they are in it already; the tip follows the scroll. */
export function scrollToRange(range: Range): void {
  const rect = range.getBoundingClientRect();
  if (rect.height > 0 && rect.top >= 0 && rect.bottom <= innerHeight) return;
  // Smoothly only where it is seen: a tab in the background may drop a smooth scroll (Firefox does).
  const instant = document.visibilityState === 'hidden' || window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: instant ? 'auto' : 'smooth' });
}
