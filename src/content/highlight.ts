/**
 * Highlights, on the reader's request, the swapped phrases in the page. The CSS Custom Highlight
 * API paints ranges without touching the DOM; where it is missing the text is wrapped in <mark>
 * elements, which are unwrapped again when the highlights are cleared.
 *
 * Nothing of this is on a page before the reader asks: the style sheet is added with the first
 * highlight and removed with the last, and only the marks made here (kept in a list, not found by
 * an attribute the page could put on its own elements) are ever unwrapped.
 *
 * The page can see which of its words are highlighted (the registry, the sheet and the marks are in its
 * document); what each replaced is reference text and is shown only in the tip (swap-tip.ts).
 */
import type { CheckResult, Span } from '../core/types.ts';
import { attachSwapTips, detachSwapTips, scrollToRange, type SwapTip } from './swap-tip.ts';
import { locateSpans, readLiveText, type LiveSpan } from './text-map.ts';

const NAME = 'spinscope-swap';
/** The popup's --mark-bg and --mark-fg (src/shared/ui/ui.css): a swap looks the same in both places. */
export const MARK_COLOURS = { bg: '#ffd54f', fg: '#1b1b1b' };
const CSS = `::highlight(${NAME}) { background-color: ${MARK_COLOURS.bg}; color: ${MARK_COLOURS.fg}; }`;
const MARK_STYLE: [string, string][] = [
  ['background-color', MARK_COLOURS.bg],
  ['color', MARK_COLOURS.fg],
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

/**
 * Highlights `spans` of the article `text` and, from the check's `result`, gives each the words it
 * replaced, shown on hover and on focus; the keyboard lands on the first.
 */
export function highlightSpans(text: string, spans: readonly Span[], exclude: Node | null, result: CheckResult | null): number {
  clearHighlights();
  const body = document.body;
  if (!body) return 0;
  const located = locateSpans(text, spans, readLiveText(body, exclude));
  const ranges = located.map(toRange);
  if (!ranges.length) return 0;
  const painted = paintRanges(ranges);
  if (painted) addSheet();
  // Wrapping moves the text into marks, which collapses the ranges: each is taken again around its marks.
  const live = painted ? ranges : wrapRanges(ranges);
  const tips = swapTips(located, live, result);
  if (tips.length) attachSwapTips(tips, result?.match?.spunSide === 'reference', true);
  else scrollToRange(live[0] as Range);
  return ranges.length;
}

/** Each located swap with the words on the other side, looked up by its place in the article. */
export function swapTips(located: readonly LiveSpan[], ranges: readonly Range[], result: CheckResult | null): SwapTip[] {
  const other = new Map<string, string>();
  for (const s of result?.substitutions ?? []) other.set(spanKey(s.pageSpan), s.reference);
  const tips: SwapTip[] = [];
  located.forEach((l, i) => {
    const words = other.get(spanKey(l.span));
    const range = ranges[i];
    if (words !== undefined && range) tips.push({ range, other: words });
  });
  return tips;
}

const spanKey = (s: Span): string => `${s.start}:${s.end}`;

/** Constant work when nothing was highlighted: it runs on every check. */
export function clearHighlights(): void {
  detachSwapTips();
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

/**
 * Wraps each text node piece of each range; ranges are handled last-first so earlier offsets stay valid.
 * Returns, for each range, a range around its marks.
 */
function wrapRanges(ranges: Range[]): Range[] {
  const around = ranges.map(() => document.createRange());
  for (let i = ranges.length - 1; i >= 0; i--) {
    const own: HTMLElement[] = [];
    for (const piece of textPieces(ranges[i] as Range).reverse()) {
      const { node, start, end } = piece;
      const target = end < node.length ? (node.splitText(end), node) : node;
      const middle = start > 0 ? target.splitText(start) : target;
      const mark = document.createElement('mark');
      // Inline and !important: no style sheet on the page for the fallback, and page rules cannot unpaint it.
      for (const [prop, value] of MARK_STYLE) mark.style.setProperty(prop, value, 'important');
      marks.push(mark);
      own.push(mark);
      middle.parentNode?.insertBefore(mark, middle);
      mark.appendChild(middle);
    }
    const first = own[own.length - 1];
    const last = own[0];
    if (first && last) {
      (around[i] as Range).setStartBefore(first);
      (around[i] as Range).setEndAfter(last);
    }
  }
  return around;
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
