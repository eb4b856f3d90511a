/**
 * Highlights, on the reader's request, the swapped phrases in the page. The CSS Custom Highlight
 * API paints ranges without touching the DOM; where it is missing the text is wrapped in <mark>
 * elements, which are unwrapped again when the highlights are cleared.
 *
 * Nothing of this is on a page before the reader asks: the style sheet is added with the first
 * highlight and removed with the last, and only the marks made here (kept in a list, not found by
 * an attribute the page could put on its own elements) are ever unwrapped.
 */
import type { Span } from '../core/types.ts';
import { locateSpans, readLiveText, type LiveSpan } from './text-map.ts';

const NAME = 'spinscope-swap';
const CSS = `::highlight(${NAME}) { background-color: #ffd54f; color: #1b1b1b; }`;
const MARK_STYLE: [string, string][] = [
  ['background-color', '#ffd54f'],
  ['color', '#1b1b1b'],
  ['padding', '0'],
  ['border-radius', '2px'],
];

/** What this script added to the page: removed again, and only it, when the highlights are cleared. */
let sheet: HTMLStyleElement | null = null;
const marks: HTMLElement[] = [];

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

export function highlightSpans(text: string, spans: readonly Span[], exclude: Node | null): number {
  clearHighlights();
  const body = document.body;
  if (!body) return 0;
  const ranges = locateSpans(text, spans, readLiveText(body, exclude)).map(toRange);
  if (!ranges.length) return 0;
  if (paintRanges(ranges)) addSheet();
  else wrapRanges(ranges);
  scrollTo(ranges[0] as Range);
  return ranges.length;
}

/** Constant work when nothing was highlighted: it runs on every check. */
export function clearHighlights(): void {
  if (sheet) {
    registry()?.delete(NAME);
    sheet.remove();
    sheet = null;
  }
  for (const mark of marks.splice(0)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}

function addSheet(): void {
  sheet = document.createElement('style');
  sheet.textContent = CSS;
  (document.head ?? document.documentElement).appendChild(sheet);
}

function toRange(span: LiveSpan): Range {
  const range = document.createRange();
  range.setStart(span.start.node, span.start.offset);
  range.setEnd(span.end.node, span.end.offset);
  return range;
}

function registry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  return css?.highlights ?? null;
}

function paintRanges(ranges: Range[]): boolean {
  const reg = registry();
  const HighlightCtor = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!reg || typeof HighlightCtor !== 'function') return false;
  try {
    reg.set(NAME, new HighlightCtor(...ranges));
    return true;
  } catch {
    return false; // some isolated worlds expose the API but refuse ranges from the page
  }
}

/** Wraps each text node piece of each range; ranges are handled last-first so earlier offsets stay valid. */
function wrapRanges(ranges: Range[]): void {
  for (const range of [...ranges].reverse()) {
    for (const piece of textPieces(range).reverse()) {
      const { node, start, end } = piece;
      const target = end < node.length ? (node.splitText(end), node) : node;
      const middle = start > 0 ? target.splitText(start) : target;
      const mark = document.createElement('mark');
      // Inline and !important: no style sheet on the page for the fallback, and page rules cannot unpaint it.
      for (const [prop, value] of MARK_STYLE) mark.style.setProperty(prop, value, 'important');
      marks.push(mark);
      middle.parentNode?.insertBefore(mark, middle);
      mark.appendChild(middle);
    }
  }
}

function textPieces(range: Range): { node: Text; start: number; end: number }[] {
  const out: { node: Text; start: number; end: number }[] = [];
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) {
    out.push({ node: root as Text, start: range.startOffset, end: range.endOffset });
    return out;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!range.intersectsNode(n)) continue;
    const t = n as Text;
    const start = n === range.startContainer ? range.startOffset : 0;
    const end = n === range.endContainer ? range.endOffset : t.length;
    if (end > start) out.push({ node: t, start, end });
  }
  return out;
}

function scrollTo(range: Range): void {
  const el = range.startContainer.parentElement;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}
