import { paragraphs, wordCount } from '../text/text.ts';
import type { BoilerplateHit, Span } from '../types.ts';
import { TAIL_PARAGRAPHS, type BoilerplateRule } from './rule.ts';
import { BOILERPLATE_RULES } from './rules.ts';
import { findDate } from './dates.ts';
import { onSite } from './site.ts';
import { segments } from './segments.ts';
import { FoldedText, requiredWords, type Required } from './prefilter.ts';

/** What cleaning found in a text: metadata, boilerplate evidence, and the spans that are not article body. */
export interface CleanedText {
  title: string | null;
  source: string | null;
  /** The calendar date the text gives (byline first, then the head, then anywhere): computed on first read. */
  readonly date: string | null;
  hits: BoilerplateHit[];
  /** Sorted, non-overlapping spans of the text that are site chrome, title or byline, not body. */
  excluded: Span[];
}

/** A paragraph this long starts the article body; shorter ones before it are the page's head. */
const BODY_MIN_WORDS = 20;
const TITLE_MIN_WORDS = 4;
const SITE_NAME_MAX_WORDS = 6;
const CAPTION_MAX_WORDS = 80;
const DEFAULT_LINE_MAX_WORDS = 12;
/** Paragraphs before the last long one that still count as the tail (a footer sits above a site blurb). */
const TAIL_SLACK = 3;

/** A site-name line above the headline, as scraper sites print it: found by the head's structure, not a pattern. */
export const SITE_NAME_RULE = { id: 'site-name-line', kind: 'scraper-chrome', family: 'site-chrome' } as const;

/** The paragraph that holds a span (paragraphs are sorted and do not overlap). */
function paraIndexOf(paras: readonly { span: Span }[], span: Span): number {
  return paras.findIndex((p) => p.span.start <= span.start && span.end <= p.span.end);
}

/** A rule's pattern with the words it cannot match without. */
interface CompiledPattern {
  regex: RegExp;
  required: Required;
}

const compiled = new Map<BoilerplateRule, CompiledPattern[]>();
function compiledPatterns(rule: BoilerplateRule): CompiledPattern[] {
  let list = compiled.get(rule);
  if (!list) compiled.set(rule, (list = rule.patterns.map((p) => ({ regex: new RegExp(p, 'iu'), required: requiredWords(p) }))));
  return list;
}

/** Whether any of the rule's patterns may match a text whose folded form (or a folded text around it) is given. */
function mayMatch(rule: BoilerplateRule, folded: FoldedText): boolean {
  return compiledPatterns(rule).some((p) => folded.holds(p.required));
}

/** A paragraph that ends like a sentence, closing quotes and brackets included ("… he said.”"). */
const SENTENCE_END = /[.!?]["'”’»)\]]*$/;

/** Where the page's own chrome may follow the article: paragraph positions that count as its tail. */
interface Layout {
  total: number;
  bodyStart: number;
  /** The last paragraph long enough to be body text (a site blurb after the footer can be one). */
  lastLong: number;
}

function inTail(index: number, layout: Layout): boolean {
  // Without any long paragraph there is no body to end: only the very last lines can be a footer.
  if (layout.lastLong < 0) return index >= layout.total - TAIL_PARAGRAPHS;
  return index >= layout.lastLong - TAIL_SLACK;
}

/** The head (up to and with the first long paragraph) or the tail, where edge rules may match. */
function atEdge(index: number, layout: Layout): boolean {
  return index <= layout.bodyStart || inTail(index, layout);
}

/**
 * Whether one of the rule's patterns matches `text`; a footer crediting the page's own site does not count.
 * `folded` is the folded text or a text that holds it: a pattern whose words it lacks is not run.
 */
function patternMatches(rule: BoilerplateRule, text: string, folded: FoldedText, url: string | null): boolean {
  return compiledPatterns(rule).some(({ regex, required }) => {
    if (!folded.holds(required)) return false;
    const m = regex.exec(text);
    if (!m) return false;
    const site = rule.offSite === undefined ? undefined : m[rule.offSite];
    return !(site && url && onSite(site, url));
  });
}

/** `fold` gives the paragraph's folded text, made only once a rule's place and length allow it to match. */
function ruleMatches(rule: BoilerplateRule, text: string, fold: () => FoldedText, words: number, index: number, layout: Layout, url: string | null): boolean {
  if (rule.where === 'edge') return false;
  if (rule.where === 'tail' && !inTail(index, layout)) return false;
  if (rule.where === 'head' && index >= layout.bodyStart) return false;
  if (words > (rule.maxWords ?? DEFAULT_LINE_MAX_WORDS)) return false;
  return patternMatches(rule, text, fold(), url);
}

export interface CleanOptions {
  /** The page's own address, when known: rules about other sites' footers need it. */
  url?: string | null;
  rules?: readonly BoilerplateRule[];
}

/** Finds boilerplate, title, byline and date in a text of paragraphs, without changing the text. */
export function cleanText(text: string, options: CleanOptions = {}): CleanedText {
  const rules = options.rules ?? BOILERPLATE_RULES;
  const url = options.url ?? null;
  const edgeRules = rules.filter((r) => r.where === 'edge');
  const paras = paragraphs(text);
  const words = paras.map((p) => wordCount(p.text));
  // Most paragraphs are too long for any rule: their folded copy is never made.
  const folded: (FoldedText | undefined)[] = [];
  const foldedAt = (i: number) => (folded[i] ??= new FoldedText(paras[i]!.text));
  const excludedFlags = new Uint8Array(paras.length);
  const hits: BoilerplateHit[] = [];
  /** Spans inside paragraphs that edge rules found: a disclaimer glued to the last paragraph, not the paragraph. */
  const partial: Span[] = [];
  const hit = (i: number, rule: Pick<BoilerplateRule, 'id' | 'kind' | 'family'>, span = paras[i]!.span) =>
    hits.push({ rule: rule.id, kind: rule.kind, family: rule.family, text: text.slice(span.start, span.end), span });

  let bodyStart = words.findIndex((w) => w >= BODY_MIN_WORDS);
  if (bodyStart < 0) bodyStart = 0;

  // The head: site-name lines, the headline, a repeated headline, a byline.
  let title: string | null = null;
  let siteName: string | null = null;
  let byline: string | null = null;
  // The headline: the longest head line that is not a sentence or a byline.
  let titleIndex = -1;
  for (let i = 0; i < bodyStart; i++) {
    const line = paras[i]!.text;
    if (words[i]! < TITLE_MIN_WORDS || SENTENCE_END.test(line) || /^by\s/i.test(line)) continue;
    if (titleIndex < 0 || words[i]! > words[titleIndex]!) titleIndex = i;
  }
  // Rules are tested before the head is read, so that a head line which is feed or scraper machinery is
  // reported as such, not as the site's name.
  let lastLong = -1;
  words.forEach((w, i) => {
    if (w >= BODY_MIN_WORDS) lastLong = i;
  });
  const layout: Layout = { total: paras.length, bodyStart, lastLong };
  const ruleAt = paras.map((p, i) => rules.find((r) => ruleMatches(r, p.text, () => foldedAt(i), words[i]!, i, layout, url)));
  for (let i = 0; i < bodyStart; i++) {
    const line = paras[i]!.text;
    if (ruleAt[i]) continue;
    if (titleIndex >= 0 && i < titleIndex && words[i]! <= SITE_NAME_MAX_WORDS && !SENTENCE_END.test(line)) {
      siteName ??= line;
      hit(i, SITE_NAME_RULE);
      excludedFlags[i] = 1;
    } else if (i === titleIndex) {
      title = line;
      excludedFlags[i] = 1;
    } else if (title !== null && line === title) {
      excludedFlags[i] = 1;
    } else if (/^by\s+\S/i.test(line) && words[i]! <= 25) {
      byline = line;
      excludedFlags[i] = 1;
    }
  }

  let restFrom = paras.length;
  const findInSegments = (i: number) => {
    const para = paras[i]!;
    // A part of the paragraph holds no word the whole paragraph lacks: rules it lacks words for are not tried.
    const possible = edgeRules.filter((r) => mayMatch(r, foldedAt(i)));
    if (!possible.length) return;
    for (const seg of segments(para.text)) {
      const rule = possible.find((r) => seg.words <= (r.maxWords ?? DEFAULT_LINE_MAX_WORDS) && patternMatches(r, seg.text, foldedAt(i), url));
      if (!rule) continue;
      const span = { start: para.span.start + seg.start, end: para.span.start + seg.end };
      hit(i, rule, span);
      if (seg.start === 0 && seg.end === para.text.length) excludedFlags[i] = 1;
      else partial.push(span);
      return;
    }
  };
  for (let i = 0; i < paras.length; i++) {
    if (i < bodyStart && excludedFlags[i]) continue;
    const rule = ruleAt[i];
    if (!rule) {
      if (atEdge(i, layout)) findInSegments(i);
      continue;
    }
    hit(i, rule);
    excludedFlags[i] = 1;
    if (rule.removes === 'paragraph-and-rest') restFrom = Math.min(restFrom, i);
    if (rule.removes === 'paragraph-and-caption' && i > 0 && !excludedFlags[i - 1] && words[i - 1]! <= CAPTION_MAX_WORDS) {
      excludedFlags[i - 1] = 1;
    }
  }
  for (let i = restFrom; i < paras.length; i++) excludedFlags[i] = 1;

  const excluded: Span[] = [];
  const spans = [...paras.filter((_, i) => excludedFlags[i]).map((p) => p.span), ...partial.filter((s) => !excludedFlags[paraIndexOf(paras, s)])];
  spans.sort((a, b) => a.start - b.start);
  for (const span of spans) {
    const last = excluded[excluded.length - 1];
    // Merge with the previous span when only whitespace lies between them.
    if (last && /^\s*$/.test(text.slice(last.end, span.start))) last.end = span.end;
    else excluded.push({ ...span });
  }

  const bylineSource = byline?.match(/^by\s+([^|,•–-]+?)\s*(?:[|,•–-]|$)/i)?.[1]?.trim() ?? null;
  const head = paras.slice(0, Math.max(bodyStart, 1) + 2).map((p) => p.text).join('\n');
  // Pages being checked never need the date; scanning the whole text for one is the costliest part of cleaning.
  return {
    title, source: bylineSource ?? siteName, hits, excluded,
    get date() {
      return findDate(byline ?? '') ?? findDate(head) ?? findDate(text);
    },
  };
}

/** The text with excluded spans removed, paragraphs separated by blank lines. */
export function keptText(text: string, excluded: readonly Span[]): string {
  const kept: string[] = [];
  let from = 0;
  for (const span of [...excluded, { start: text.length, end: text.length }]) {
    kept.push(text.slice(from, span.start));
    from = span.end;
  }
  return paragraphs(kept.join('\n')).map((p) => p.text).join('\n\n');
}
