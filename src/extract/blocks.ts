/** Turns Readability's article element into plain text with one paragraph per block element. */

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'PRE']);
/** Containers that separate paragraphs although they are not paragraphs themselves. */
const BLOCKISH_TAGS = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'TABLE', 'TR', 'TD', 'TH', 'FIGURE',
  'HEADER', 'FOOTER', 'ASIDE', 'DL', 'DD', 'DT', 'MAIN', 'HR',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/**
 * Walks the tree in document order. A block that contains other blocks (a <blockquote> of <p>s,
 * an <li> holding a <p>) is split at them, so no text is emitted twice and paragraph breaks survive.
 * Text outside any block is kept as its own paragraph rather than dropped.
 */
export function blocksToText(root: Element): string {
  const out: string[] = [];
  let pending = '';
  const flush = (): void => {
    const t = normalizeBlock(pending);
    if (t) out.push(t);
    pending = '';
  };

  // Iterative walk: a hostile page can nest elements deeper than the call stack allows.
  // A null entry marks the end of a block, where the paragraph is closed.
  const stack: (Node | null)[] = [];
  for (let c = root.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (!node) break;
    if (node.nodeType === 3) {
      pending += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      pending += ' ';
      continue;
    }
    const block = BLOCK_TAGS.has(tag) || BLOCKISH_TAGS.has(tag);
    if (block) {
      flush();
      stack.push(null);
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  flush();
  return out.join('\n\n');
}

/** Collapses runs of spaces within a paragraph; line breaks from <br> become single spaces too. */
function normalizeBlock(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
