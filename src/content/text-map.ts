/**
 * Finds passages of the extracted article text in the live page. The extracted text came from a
 * clone, so its offsets do not point into the page: instead both sides are compared with all
 * whitespace removed (Readability and the page differ only in spacing), and each passage is
 * located by a little of the text around it, so a phrase that also appears in a headline, a teaser
 * or a list of related stories is found at the right place.
 *
 * Only DOM Core (firstChild, nextSibling, nodeType) is used: the same code runs on the live page and
 * on linkedom in tests.
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

/** A place in the live page: a text node and an offset in it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** A located passage; `end` is exclusive, like a Range's end. */
export interface LiveSpan {
  start: TextPoint;
  end: TextPoint;
  /** The span of the article text it was found for. */
  span: Span;
}

/** The code points JavaScript's `\s` matches, so `flat` and `stripSpace` drop exactly the same characters. */
export function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function stripSpace(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The text of `root` in document order, skipping `exclude` (our own banner) and non-text elements. */
export function readLiveText(root: Node, exclude: Node | null): LiveText {
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeIdx: number[] = [];
  const offs: number[] = [];
  // Iterative walk: a hostile page can nest elements deeper than the call stack allows.
  let n: Node | null = root.firstChild;
  while (n) {
    let descend = false;
    if (n.nodeType === 3) {
      const text = n as Text;
      const value = text.data;
      const index = nodes.length;
      nodes.push(text);
      for (let i = 0; i < value.length; i++) {
        if (isSpace(value.charCodeAt(i))) continue;
        chars.push(value[i] as string);
        nodeIdx.push(index);
        offs.push(i);
      }
    } else if (n.nodeType === 1) {
      descend = n !== exclude && !SKIP.has((n as Element).tagName.toUpperCase()) && n.firstChild !== null;
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== root && !n.nextSibling) n = n.parentNode;
    n = n && n !== root ? n.nextSibling : null;
  }
  return { flat: chars.join(''), node: Int32Array.from(nodeIdx), offset: Int32Array.from(offs), nodes };
}

/**
 * The live-page place of each span of `text` that can be found there; spans not found are skipped.
 * A span whose context was found moves a cursor forward (the article reads in page order); a span
 * found only by its own words does not, so one ambiguous phrase cannot throw the later ones off.
 */
export function locateSpans(text: string, spans: readonly Span[], live: LiveText): LiveSpan[] {
  const out: LiveSpan[] = [];
  let cursor = 0;
  const sorted = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    const needle = stripSpace(text.slice(span.start, span.end));
    // One scan settles a phrase that is not in the page at all; the context searches below would each scan again.
    if (!needle || !live.flat.includes(needle)) continue;
    const anchored = findWithContext(text, span, needle, live.flat, cursor);
    const at = anchored >= 0 ? anchored : findNear(live.flat, needle, cursor);
    if (at < 0) continue;
    const last = at + needle.length - 1;
    out.push({
      start: { node: live.nodes[live.node[at] as number] as Text, offset: live.offset[at] as number },
      end: { node: live.nodes[live.node[last] as number] as Text, offset: (live.offset[last] as number) + 1 },
      span,
    });
    if (anchored >= 0) cursor = at + needle.length;
  }
  return out;
}

const CONTEXT_LENGTHS = [80, 30, 10];

/**
 * Position in `flat` of the needle where the text around it matches the article. The text before it
 * is tried first, then the text after it (a phrase opening a paragraph has nothing before it in the
 * paragraph, and what precedes the paragraph on the page, a caption or an injected "See also" line, is
 * often not in the article), both within the phrase's own paragraph; last, the text before it across
 * paragraphs. -1 when no context matches.
 */
function findWithContext(text: string, span: Span, needle: string, flat: string, cursor: number): number {
  const paraStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const nl = text.indexOf('\n', span.end);
  const paraEnd = nl < 0 ? text.length : nl;
  const tries: { before: string; after: string }[] = [];
  for (const n of CONTEXT_LENGTHS) tries.push({ before: stripSpace(text.slice(Math.max(paraStart, span.start - n), span.start)), after: '' });
  for (const n of CONTEXT_LENGTHS) tries.push({ before: '', after: stripSpace(text.slice(span.end, Math.min(paraEnd, span.end + n))) });
  for (const n of CONTEXT_LENGTHS.slice(0, 2)) tries.push({ before: stripSpace(text.slice(Math.max(0, span.start - n), span.start)), after: '' });
  const seen = new Set<string>();
  for (const { before, after } of tries) {
    if (!before && !after) continue;
    const key = `${before}\u0000${after}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // The context before may overlap the previous phrase (two swaps in a row): start that far back.
    const i = findNear(flat, before + needle + after, Math.max(0, cursor - before.length));
    if (i >= 0) return i + before.length;
  }
  return -1;
}

/** First occurrence at or after `from`, else the first anywhere. */
function findNear(flat: string, s: string, from: number): number {
  const i = flat.indexOf(s, from);
  return i >= 0 || from === 0 ? i : flat.indexOf(s);
}
