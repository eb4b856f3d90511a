/**
 * The bounded reading of a page the ordinary extraction gives up on. A page can hide its article from
 * Readability by structure: tens of thousands of hidden elements or a megabyte of hidden text (past the
 * limits, the page counts as too big), the article nested deeper than the depth the copy is cut to, or
 * the article in a shadow root (which a clone does not copy). Instead of "not an article", such a page is
 * judged on a slice: the visible text in document order, deep subtrees flattened into paragraphs, open
 * shadow roots read where they stand, hidden subtrees skipped at their root (one visit each, not one per
 * element inside), and everything capped.
 *
 * The walk is done in steps of a bounded number of nodes, so a page's main thread is never held for
 * long; the caller yields between steps. Only DOM Core and attributes are used, so the same code runs on
 * linkedom in tests; `isHidden` may add a browser's own visibility test.
 */

/** Text collected for judgement; past it the rest of the page is not read. */
export const SLICE_CHARS = 200_000;
/** Nodes visited in all (hidden roots included); past it the page is judged on what was read. */
export const SLICE_NODES = 300_000;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'TEXTAREA', 'SELECT', 'INPUT']);
/** Inline elements: their text runs on within the paragraph; every other element closes one. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);

export interface SliceResult {
  /** The visible text read, one paragraph per block, at most SLICE_CHARS. */
  text: string;
  /** Visible elements and characters seen (counting stops with the walk). */
  visibleElements: number;
  visibleChars: number;
  /** Text was found deeper than `maxDepth`, or in an open shadow root: places the ordinary extraction misses. */
  deepText: boolean;
  shadowText: boolean;
  /** The walk stopped before the end of the page (a cap was reached). */
  cut: boolean;
}

export interface SliceOptions {
  /** Depth past which the ordinary extraction cuts the tree. */
  maxDepth: number;
  /** The walk stops once this many visible elements or characters are seen: the page is too big to be an article. */
  maxVisibleElements: number;
  maxVisibleChars: number;
  /** Our own banner. */
  exclude?: Node | null;
  /** A browser's own visibility test, on top of the attribute checks. */
  isHidden?: (el: Element) => boolean;
}

type Entry = { node: Node; depth: number; shadow: boolean } | null;

export class PageSlice {
  private readonly stack: Entry[] = [];
  private readonly parts: string[] = [];
  private pending = '';
  private chars = 0;
  private visited = 0;
  private readonly r: Omit<SliceResult, 'text'> = { visibleElements: 0, visibleChars: 0, deepText: false, shadowText: false, cut: false };
  private done = false;

  constructor(
    root: Node,
    private readonly o: SliceOptions,
  ) {
    this.push(root, 0, false);
  }

  /** Walks at most `budget` nodes; true when the walk is over. */
  step(budget: number): boolean {
    let left = budget;
    while (!this.done && left-- > 0) {
      if (!this.stack.length) return this.finish(false);
      if (++this.visited > SLICE_NODES) return this.finish(true);
      const entry = this.stack.pop() as Entry;
      if (!entry) {
        this.flush();
        continue;
      }
      this.visit(entry.node, entry.depth, entry.shadow);
    }
    return this.done;
  }

  result(): SliceResult {
    return { ...this.r, text: this.parts.join('\n\n') };
  }

  /** Over the visible limits: the page is too big to be one article, whatever is hidden in it. */
  tooBig(): boolean {
    return this.r.visibleElements > this.o.maxVisibleElements || this.r.visibleChars > this.o.maxVisibleChars;
  }

  private visit(node: Node, depth: number, shadow: boolean): void {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (!/\S/.test(value)) return;
      this.r.visibleChars += value.length;
      if (depth > this.o.maxDepth) this.r.deepText = true;
      if (shadow) this.r.shadowText = true;
      if (this.chars < SLICE_CHARS) this.pending += value;
      if (this.tooBig()) this.finish(true);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el === this.o.exclude || SKIP.has(el.tagName.toUpperCase()) || hiddenByAttribute(el) || this.o.isHidden?.(el)) return;
      this.r.visibleElements += 1;
      if (this.tooBig()) {
        this.finish(true);
        return;
      }
      const block = !INLINE.has(el.tagName.toUpperCase());
      if (block) {
        this.flush();
        this.stack.push(null); // closes the paragraph after the element's content
      }
      const open = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
      // Children last-first onto the stack, so they come off in document order; a shadow root is what is shown.
      this.pushChildren(el, depth + 1, shadow);
      if (open) this.push(open, depth + 1, true);
      return;
    }
    this.pushChildren(node, depth + 1, shadow);
  }

  private push(node: Node, depth: number, shadow: boolean): void {
    this.stack.push({ node, depth, shadow });
  }

  private pushChildren(node: Node, depth: number, shadow: boolean): void {
    for (let c = node.lastChild; c; c = c.previousSibling) this.push(c, depth, shadow);
  }

  private flush(): void {
    const t = this.pending.replace(/\s+/g, ' ').trim();
    this.pending = '';
    if (!t || this.chars >= SLICE_CHARS) return;
    const piece = t.slice(0, SLICE_CHARS - this.chars);
    this.parts.push(piece);
    this.chars += piece.length + 2;
  }

  private finish(cut: boolean): boolean {
    this.flush();
    this.r.cut = cut;
    this.done = true;
    this.stack.length = 0;
    return true;
  }
}

/** Hidden the way a page's markup says it (the browser's computed style is the caller's to add). */
function hiddenByAttribute(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(display\s*:\s*none|visibility\s*:\s*hidden|content-visibility\s*:\s*hidden)/i.test(style);
}
