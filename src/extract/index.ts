/**
 * Article extraction shared by the content script (live DOM) and the CLI (linkedom).
 * Only DOM Core APIs are used so that both kinds of Document work.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { blocksToText } from './blocks.ts';

export interface ExtractedArticle {
  title: string;
  /** Body text, paragraphs separated by a blank line. */
  text: string;
  byline: string | null;
  siteName: string | null;
  excerpt: string | null;
}

/** Fewer words than this in paragraphs and the page is not worth a check (teasers, index pages). */
export const MIN_ARTICLE_WORDS = 120;
/**
 * More text than this and the page is an archive or a dump, not an article (the longest long-reads
 * stay under a tenth of it); reading it would block the page's main thread for nothing.
 */
export const MAX_PAGE_CHARS = 1_000_000;

/**
 * Cheap test run before any extraction: Readability's own heuristic plus a paragraph word count
 * that stops as soon as the threshold is reached, so big pages cost little.
 */
export function isArticlePage(doc: Document, minWords = MIN_ARTICLE_WORDS): boolean {
  if (!doc.body) return false;
  if ((doc.body.textContent?.length ?? 0) > MAX_PAGE_CHARS) return false;
  if (!isProbablyReaderable(doc, { visibilityChecker: visible })) return false;
  return countParagraphWords(doc, minWords) >= minWords;
}

/**
 * Readability's cost grows steeply with nesting depth (seconds at a depth of 1,000) and with the
 * element count; real articles stay far below both, hostile pages need not. Past these limits the
 * page is not read at all.
 */
export const MAX_DEPTH = 200;
export const MAX_ELEMENTS = 40_000;

/**
 * Extracts the article from a clone of `doc` (Readability mutates the tree it reads).
 * Returns null when Readability finds no article, the body is empty, or the page is past the
 * limits above; it never throws.
 */
export function extractArticle(doc: Document): ExtractedArticle | null {
  if (!doc.body || !withinLimits(doc.body)) return null;
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    const clone = doc.cloneNode(true) as Document;
    // The serializer hands back the element itself: no HTML string, no re-parse.
    parsed = new Readability<Element>(clone, {
      serializer: (node) => node as Element,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse();
  } catch {
    return null;
  }
  if (!parsed || !parsed.content) return null;
  const text = blocksToText(parsed.content);
  if (!text) return null;
  return {
    title: clean(parsed.title) ?? clean(doc.title) ?? '',
    text,
    byline: clean(parsed.byline),
    siteName: clean(parsed.siteName),
    excerpt: clean(parsed.excerpt),
  };
}

/** One pass over the elements, stopping early: is the tree shallower and smaller than the limits? */
function withinLimits(root: Element): boolean {
  let count = 0;
  let depth = 0;
  let el: Element | null = root;
  while (el) {
    if (++count > MAX_ELEMENTS || depth > MAX_DEPTH) return false;
    if (el.firstElementChild) {
      el = el.firstElementChild;
      depth += 1;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth -= 1;
    }
    if (!el || el === root) break;
    el = el.nextElementSibling;
  }
  return true;
}

function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}

function countParagraphWords(doc: Document, enough: number): number {
  let words = 0;
  for (const node of Array.from(doc.querySelectorAll('p, pre'))) {
    const m = node.textContent?.match(/\S+/g);
    words += m ? m.length : 0;
    if (words >= enough) break;
  }
  return words;
}

/**
 * Readability's default checker reads `style.display` and `hidden`; linkedom lacks a computed style,
 * so the same test is written with attributes only, which both DOMs support.
 */
function visible(node: Node): boolean {
  const el = node as Element;
  if (typeof el.getAttribute !== 'function') return true;
  if (el.hasAttribute('hidden')) return false;
  const style = el.getAttribute('style') ?? '';
  if (/display\s*:\s*none/i.test(style)) return false;
  const ariaHidden = el.getAttribute('aria-hidden');
  if (ariaHidden === 'true' && !/\bfallback-image\b/.test(el.className ?? '')) return false;
  return true;
}
