import type { RuleFamily, RuleKind } from '../types.ts';

/**
 * Boilerplate markers as data. Each rule names where in a text it may match, so that "Source link" as the
 * last line of an article counts and the same words inside a sentence do not.
 *
 * - `line`: the pattern must match a whole paragraph (after trimming), anywhere in the text.
 * - `tail`: like `line`, but only after the body has ended (from a few paragraphs above its last long one).
 * - `head`: like `line`, but only before the first long paragraph.
 * - `opening`: the pattern must match the start of a paragraph of at most `maxWords` words.
 * - `edge`: the pattern must match the start of a sentence or bracketed part of at most `maxWords` words,
 *   in the page's head (up to its first long paragraph) or tail: feed disclaimers are often glued to the
 *   last paragraph ("… said. (This story has not been edited …)") or sit above the first one.
 *
 * `offSite` names the capture group that holds the site a footer credits ("The post … appeared first on
 * X"): the hit is dropped when the page's own address is on that site, since a site may show its own
 * feed footer but a copy elsewhere is feed machinery.
 *
 * `removes` says what cleaning takes out with the hit: the paragraph, the paragraph and every one after it
 * (a footer followed by the site's own chrome), or the paragraph and the photo caption just before it.
 * Whether a hit warns on its own follows from its kind (see verdict-evidence.ts): auto-publishing,
 * scraper footers and spinner artefacts do; site chrome that any site may show is removed and kept as
 * evidence only. What a hit betrays is said to the reader in the message catalogue, under `rule_<id>`.
 */
export interface BoilerplateRule {
  id: string;
  kind: RuleKind;
  family: RuleFamily;
  where: 'line' | 'tail' | 'head' | 'opening' | 'edge';
  patterns: readonly string[];
  maxWords?: number;
  offSite?: number;
  removes: 'paragraph' | 'paragraph-and-rest' | 'paragraph-and-caption';
}

/** Lines that can be a footer in a text with no long (body) paragraph at all. */
export const TAIL_PARAGRAPHS = 3;
