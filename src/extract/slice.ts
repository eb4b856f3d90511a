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
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'BUTTON', 'CITE', 'CODE', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);

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

/** One list of siblings being walked: the next node of it, and whether a paragraph closes after it. */
interface Frame {
  next: Node | null;
  depth: number;
  shadow: boolean;
  block: boolean;
}

export class PageSlice {
  /** Walked sibling by sibling, never all children at once: a node with 100,000 children costs one step each. */
  private readonly stack: Frame[] = [];
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
    this.stack.push({ next: root.firstChild, depth: 1, shadow: false, block: true });
  }

  /** Walks at most `budget` nodes; true when the walk is over. */
  step(budget: number): boolean {
    let left = budget;
    while (!this.done && left-- > 0) {
      const top = this.stack[this.stack.length - 1];
      if (!top) return this.finish(false);
      const node = top.next;
      if (!node) {
        this.stack.pop();
        if (top.block) this.flush();
        continue;
      }
      top.next = node.nextSibling;
      if (++this.visited > SLICE_NODES) return this.finish(true);
      this.visit(node, top.depth, top.shadow);
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
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el === this.o.exclude || SKIP.has(el.tagName.toUpperCase()) || hiddenByAttribute(el) || this.o.isHidden?.(el)) return;
    this.r.visibleElements += 1;
    if (this.tooBig()) {
      this.finish(true);
      return;
    }
    const tag = el.tagName.toUpperCase();
    const block = !INLINE.has(tag);
    if (block) this.flush();
    // Links and buttons side by side ("Facebook", "Twitter") are separate words, however the markup runs them together.
    else if (tag === 'A' || tag === 'BUTTON') this.pending += ' ';
    this.stack.push({ next: el.firstChild, depth: depth + 1, shadow, block });
    // An open shadow root is what is shown in the element's place: read before its light children.
    const open = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (open) this.stack.push({ next: open.firstChild, depth: depth + 1, shadow: true, block: false });
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
