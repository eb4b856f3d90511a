import { charCodes, type Tokens } from '../text/text.ts';
import type { RewriteArtefact as Artefact } from '../types.ts';
import type { Lexicon } from './lexicon.ts';
import { isName } from './word-pairs.ts';

/**
 * Word-level marks: common words of another language lower-case inside an English sentence ("the reunión
 * del consejo"), and names English always capitalises written lower-case ("ministers in sweden") — the
 * latter only in a text that capitalises such names elsewhere (some archives lower-case whole wires).
 */
export function wordArtefacts(tokens: Tokens, text: string, lexicon: Lexicon): Artefact[] {
  const foreign: Artefact[] = [];
  const lowerNames: Artefact[] = [];
  let capitalisedNames = 0;
  const { ids, foreign: isForeign, properName } = lexicon.facts(tokens);
  const inPassage = foreignPassages(tokens.words.map((_, i) => !tokens.capitalised[i] && (isForeign[i] === 1 || ids[i]! < 0)));
  tokens.words.forEach((word, i) => {
    const start = tokens.starts[i]!;
    if (tokens.capitalised[i]) {
      if (properName[i]) capitalisedNames++;
      return;
    }
    // Addresses, handles and tags are written lower-case on purpose.
    if (WRITTEN_LOWER_CASE_AFTER.has(text.charCodeAt(start - 1))) return;
    if (inPassage[i]) return;
    const span = { start, end: tokens.ends[i]! };
    if (isForeign[i]) foreign.push({ kind: 'foreign-word', text: word, span });
    else if (properName[i] && !isNameParticle(tokens, i)) lowerNames.push({ kind: 'lower-case-name', text: word, span });
  });
  const namesCapitalised = capitalisedNames >= LOWER_CASE_NAME_CONTRAST * lowerNames.length;
  return namesCapitalised ? [...foreign, ...lowerNames] : foreign;
}

/** Before a word, the characters of an address, handle or tag (outside the text, NaN is none of them). */
const WRITTEN_LOWER_CASE_AFTER = charCodes('/@#.-_');

/**
 * Words English does not know, in a chain of three or more a few words apart, make a passage in another
 * language (a quotation) with the words between them ("avec un même"), which fluent writers keep; a round
 * trip leaves single words behind.
 */
function foreignPassages(notEnglish: readonly boolean[]): boolean[] {
  const inPassage = notEnglish.map(() => false);
  let chain: number[] = [];
  const close = () => {
    if (chain.length >= FOREIGN_PASSAGE_WORDS) inPassage.fill(true, chain[0], chain[chain.length - 1]! + 1);
    chain = [];
  };
  notEnglish.forEach((foreign, i) => {
    if (!foreign) return;
    if (chain.length && i - chain[chain.length - 1]! > FOREIGN_PASSAGE_REACH) close();
    chain.push(i);
  });
  close();
  return inPassage;
}

const FOREIGN_PASSAGE_WORDS = 3;
const FOREIGN_PASSAGE_REACH = 3;

/** Lower-case between two names, it belongs to them: "Garde des Sceaux", "Charles de Gaulle". */
const isNameParticle = (tokens: Tokens, i: number) => i > 0 && isName(tokens, i - 1) && i + 1 < tokens.words.length && isName(tokens, i + 1);

/** Capitalised names needed per lower-case one for the text to follow English capitalisation. */
const LOWER_CASE_NAME_CONTRAST = 3;

/**
 * Curly quotation marks that editors' software never produces and machine translation of quoted speech
 * does: a closing mark after a space (`turn out. ”`), an opening one before a space or at a paragraph's end,
 * and an opening mark where the quote should close (`like never before, “Biden told`): a second opening mark
 * after a comma. (After a full stop, a second opening mark starts the next paragraph of a long quote, in
 * texts whose paragraph breaks were lost.)
 */
// Each branch starts with its mark, the space looked for behind it: the search jumps from mark to mark instead
// of trying a look-behind at every character.
const LOOSE_QUOTE = /”(?<=\s”)|“(?=\s|$)/gmu;

export function brokenQuotes(text: string): Artefact[] {
  const out: Artefact[] = [];
  const at = (index: number): Artefact => ({
    kind: 'broken-quote',
    text: text.slice(Math.max(0, index - 20), index + 20).replace(/\s+/g, ' ').trim(),
    span: { start: index, end: index + 1 },
  });
  const flagged = new Set<number>();
  for (const m of text.matchAll(LOOSE_QUOTE)) flagged.add(m.index);
  for (const paragraph of text.matchAll(/[^\n]+/g)) {
    let previous = '';
    for (const m of paragraph[0].matchAll(/[“”]/g)) {
      if (m[0] === '“' && previous === '“' && /[,;]\s*$/.test(paragraph[0].slice(0, m.index))) flagged.add(paragraph.index + m.index);
      previous = m[0];
    }
  }
  for (const index of [...flagged].sort((a, b) => a - b)) out.push(at(index));
  return out;
}

/**
 * A paragraph opened by a dash and a capital ("– He said last Friday …"): the quotation dash of Swedish,
 * Finnish or French news, kept by a machine translation into English, where quotes take quotation marks.
 */
const QUOTATION_DASH = /^[–—]\s+(?=\p{Lu})/gmu;

export function quotationDashes(text: string): Artefact[] {
  return [...text.matchAll(QUOTATION_DASH)].map((m) => ({
    kind: 'quotation-dash' as const,
    text: text.slice(m.index, m.index + 40).split('\n')[0]!.trim(),
    span: { start: m.index, end: m.index + 1 },
  }));
}

/** Edit distance, stopping early once it exceeds `limit`. */
function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return false;
    previous = row;
  }
  return previous[b.length]! <= limit;
}

const POSSESSIVE = /'s$/;

/**
 * One name in two spellings beside the same other name ("Anthony Blinken" and "Antony Blinken", "Oleksiy
 * Reznikov" and "Oleksiy Reznikow"): a text stitched from a translation keeps some of the original's
 * transliterations. Names unknown to the language model, at least five letters, one or two edits apart.
 */
export function twoSpellings(tokens: Tokens, lexicon: Lexicon): Artefact[] {
  const name = (i: number) => (i >= 0 && i < tokens.words.length && isName(tokens, i) ? tokens.words[i]!.replace(POSSESSIVE, '') : null);
  // For each spelling: the first place it occurs and the names right beside it.
  const seen = new Map<string, { at: number; neighbours: Set<string> }>();
  tokens.words.forEach((_, i) => {
    const word = name(i);
    if (!word || word.length < 5 || word.includes('-') || lexicon.id(word) >= 0) return;
    const entry = seen.get(word) ?? { at: i, neighbours: new Set<string>() };
    for (const n of [name(i - 1), name(i + 1)]) if (n) entry.neighbours.add(n);
    seen.set(word, entry);
  });
  const names = [...seen.keys()];
  const out: Artefact[] = [];
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      const x = names[a]!;
      const y = names[b]!;
      const ex = seen.get(x)!;
      const ey = seen.get(y)!;
      if (x[0] !== y[0] || x.startsWith(y) || y.startsWith(x) || !withinEdits(x, y, 2)) continue;
      if (![...ex.neighbours].some((n) => ey.neighbours.has(n))) continue;
      out.push({ kind: 'two-spellings', text: y, other: x, span: { start: tokens.starts[ey.at]!, end: tokens.ends[ey.at]! } });
    }
  }
  return out;
}
