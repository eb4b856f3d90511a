/**
 * Article extraction shared by the content script (live DOM) and the CLI (linkedom).
 * Only DOM Core APIs are used so that both kinds of Document work.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { isWebAddress } from './address.ts';
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
 * A feed excerpt is short: a page with this many words whose text the caller finds marked (auto-publishing
 * or scraper evidence) is checked although it is no article by Readability's measure, since that is the page
 * a reader lands on from a search.
 */
export const MIN_MARKED_WORDS = 30;
/** Past this much text a page with few paragraph words is an app or a listing, not a feed excerpt. */
const SHORT_PAGE_CHARS = 20_000;

/**
 * Cheap test run before any extraction: Readability's own heuristic plus a paragraph word count
 * that stops as soon as the threshold is reached, so big pages cost little. A short page passes when
 * `marked` says its text carries the boilerplate of a machine-published page.
 */
export function isArticlePage(doc: Document, marked: (text: string) => boolean = () => false, minWords = MIN_ARTICLE_WORDS): boolean {
  if (!doc.body || overLimits(doc)) return false;
  const words = countParagraphWords(doc, minWords);
  if (words >= minWords) return isProbablyReaderable(doc, { visibilityChecker: visible });
  if (exceeds(doc, SHOW_TEXT, SHORT_PAGE_CHARS, (node) => node.nodeValue?.length ?? 0)) return false;
  const text = blocksToText(doc.body);
  return (text.match(/\S+/g)?.length ?? 0) >= MIN_MARKED_WORDS && marked(text);
}

/**
 * More elements or text than any article: the ordinary extraction does not read such a page (the
 * content script then reads a bounded slice of its visible text instead). Both limits are checked
 * without reading the page's text into one string or visiting every paragraph.
 */
export function overLimits(doc: Document): boolean {
  if (!doc.body) return false;
  return exceeds(doc, SHOW_ELEMENT, MAX_ELEMENTS, () => 1) || exceeds(doc, SHOW_TEXT, MAX_PAGE_CHARS, (node) => node.nodeValue?.length ?? 0);
}

/**
 * The page's own address as it declares it: `<link rel="canonical">`, else `<meta property="og:url">`.
 * Only an absolute http(s) address counts; a saved page has no other way to say where it came from.
 */
export function pageAddress(doc: Document): string | null {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i][content], meta[name="og:url" i][content]')?.getAttribute('content'),
  ];
  for (const value of candidates) {
    const url = value?.trim();
    if (url && isWebAddress(url)) return url;
  }
  return null;
}

/** What a document reader needs from a parsed HTML page (see document.ts). */
export function readArticle(doc: Document): { article: ExtractedArticle | null; declared: string | null } {
  return { article: extractArticle(doc), declared: pageAddress(doc) };
}

/**
 * Readability's cost grows steeply with nesting depth (seconds at a depth of 1,000) and with the
 * element count; real articles stay far below both, hostile pages need not. Elements nested deeper
 * than MAX_DEPTH are cut from the copy Readability reads (no article lives down there, and a page must
 * not escape the check by hiding one deep element); past MAX_ELEMENTS the page is not read at all.
 */
export const MAX_DEPTH = 200;
export const MAX_ELEMENTS = 40_000;

/**
 * Extracts the article from a clone of `doc` (Readability mutates the tree it reads).
 * Returns null when Readability finds no article, the body is empty, or the page has more elements
 * than the limit above; it never throws.
 */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const copy = copyForExtraction(doc);
  return copy ? extractFromCopy(copy, doc) : null;
}

/**
 * The copy of `doc` that Readability may change, cut to the limits above; null past them. Split from the
 * extraction so that a page can do the two in separate idle slices.
 */
export function copyForExtraction(doc: Document): Document | null {
  if (!doc.body) return null;
  try {
    const copy = doc.cloneNode(true) as Document;
    return copy.body && pruneToLimits(copy.body) ? copy : null;
  } catch {
    return null;
  }
}

/** Runs Readability on a copy made by copyForExtraction; `doc` is the page itself, for its title. */
export function extractFromCopy(copy: Document, doc: Document): ExtractedArticle | null {
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    // The serializer hands back the element itself: no HTML string, no re-parse.
    parsed = new Readability<Element>(copy, {
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

/**
 * One pass over the elements of a copy: removes every subtree that starts deeper than MAX_DEPTH and
 * reports false (stop) once more than MAX_ELEMENTS elements remain.
 */
function pruneToLimits(root: Element): boolean {
  let count = 0;
  let depth = 0;
  let el: Element | null = root;
  while (el) {
    if (++count > MAX_ELEMENTS) return false;
    let child: Element | null = el.firstElementChild;
    if (child && depth + 1 > MAX_DEPTH) {
      while (child) {
        const next: Element | null = child.nextElementSibling;
        child.remove();
        child = next;
      }
    }
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

// NodeFilter constants, not a global in every DOM.
const SHOW_ELEMENT = 1;
const SHOW_TEXT = 4;

/** Adds up `measure` over the body's nodes of one kind and stops past `limit`: no whole-page string or list. */
function exceeds(doc: Document, whatToShow: number, limit: number, measure: (node: Node) => number): boolean {
  const walker = doc.createTreeWalker(doc.body, whatToShow);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    total += measure(node);
    if (total > limit) return true;
  }
  return false;
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
