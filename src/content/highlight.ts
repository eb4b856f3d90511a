/**
 * Highlights, on the reader's request, the swapped phrases in the page. The CSS Custom Highlight
 * API paints ranges without touching the DOM; where it is missing the text is wrapped in <mark>
 * elements, which are unwrapped again when the highlights are cleared.
 */
import type { Span } from '../core/types.ts';
import { locateSpans, readLiveText, type LiveSpan } from './text-map.ts';

const NAME = 'spinscope-swap';
const MARK_ATTR = 'data-spinscope-mark';

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
  if (!paintRanges(ranges)) wrapRanges(ranges);
  scrollTo(ranges[0] as Range);
  return ranges.length;
}

export function clearHighlights(): void {
  registry()?.delete(NAME);
  for (const mark of Array.from(document.querySelectorAll(`mark[${MARK_ATTR}]`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
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
      mark.setAttribute(MARK_ATTR, '');
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
