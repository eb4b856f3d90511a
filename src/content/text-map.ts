/**
 * Finds passages of the extracted article text in the live page. The extracted text came from a
 * clone, so its offsets do not point into the page: instead both sides are compared with all
 * whitespace removed (Readability and the page differ only in spacing), and each passage is
 * located with a little of the text before it so a phrase that also appears in a headline or a
 * teaser is found at the right place.
 */
import type { Span } from '../core/types.ts';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT']);

export interface LiveText {
  /** Page text without whitespace. */
  flat: string;
  /** For each char of `flat`: the text node index and the offset in it. */
  node: Int32Array;
  offset: Int32Array;
  nodes: Text[];
}

export function readLiveText(root: Node, exclude: Node | null): LiveText {
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeIdx: number[] = [];
  const offs: number[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === 1) {
        if (n === exclude || SKIP.has((n as Element).tagName)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    const value = text.data;
    const index = nodes.length;
    nodes.push(text);
    for (let i = 0; i < value.length; i++) {
      const c = value[i] as string;
      if (/\s/.test(c)) continue;
      chars.push(c);
      nodeIdx.push(index);
      offs.push(i);
    }
  }
  return { flat: chars.join(''), node: Int32Array.from(nodeIdx), offset: Int32Array.from(offs), nodes };
}

export function stripSpace(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The live-page Range for each span of `text` that can be found; spans not found are skipped. */
export function locateSpans(text: string, spans: readonly Span[], live: LiveText, doc: Document): Range[] {
  const ranges: Range[] = [];
  let from = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    const needle = stripSpace(text.slice(span.start, span.end));
    if (!needle) continue;
    const at = find(text, span, needle, live.flat, from);
    if (at < 0) continue;
    const end = at + needle.length - 1;
    const range = doc.createRange();
    const startNode = live.nodes[live.node[at] as number] as Text;
    const endNode = live.nodes[live.node[end] as number] as Text;
    range.setStart(startNode, live.offset[at] as number);
    range.setEnd(endNode, (live.offset[end] as number) + 1);
    ranges.push(range);
    from = at + needle.length;
  }
  return ranges;
}

/** Position in `flat` of the needle, preferring a place preceded by the same context as in the article. */
function find(text: string, span: Span, needle: string, flat: string, from: number): number {
  for (const contextChars of [80, 30, 10]) {
    const context = stripSpace(text.slice(Math.max(0, span.start - contextChars), span.start));
    if (!context) continue;
    const i = flat.indexOf(context + needle, Math.max(0, from - context.length));
    if (i >= 0) return i + context.length;
  }
  const i = flat.indexOf(needle, from);
  return i >= 0 ? i : flat.indexOf(needle);
}
