/**
 * Words a rule's pattern cannot match without, read from the pattern itself: a paragraph that holds none of
 * them is not run through the pattern at all. Most paragraphs of an article hold no "automatically",
 * "provided" or "admin", so cleaning runs almost no regular expression on them.
 *
 * The words are ASCII, lower-case, and the test reads a folded copy of the text (see `FoldedText`), so that
 * it passes wherever the case-insensitive pattern could match. Whatever the reader does not understand in
 * a pattern counts as "any text": the prefilter may let a paragraph through needlessly, never turn one away.
 */

/** All of these groups must be present, each by at least one of its words. */
export type Required = readonly (readonly string[])[];

/** What a part of a pattern matches: the exact strings, when few and all literal, and what it requires. */
interface Info {
  exact: string[] | null;
  required: string[][];
}

/** More literal strings than this are not multiplied out (a product of alternations grows fast). */
const MAX_EXACT = 64;

const ANY: Info = { exact: null, required: [] };
const EMPTY: Info = { exact: [''], required: [] };

/** A group of words is useful only when every one of them is non-empty. */
const usable = (words: readonly string[] | null): words is string[] => !!words && words.length > 0 && !words.includes('');

/** The group that narrows most: the longest shortest word, then the fewest words. */
function best(groups: readonly string[][]): string[] | null {
  let chosen: string[] | null = null;
  const shortest = (g: readonly string[]) => Math.min(...g.map((w) => w.length));
  for (const g of groups) {
    if (!chosen || shortest(g) > shortest(chosen) || (shortest(g) === shortest(chosen) && g.length < chosen.length)) chosen = g;
  }
  return chosen;
}

function candidates(info: Info): string[][] {
  return usable(info.exact) ? [...info.required, info.exact] : info.required;
}

function sequence(items: readonly Info[]): Info {
  const required: string[][] = [];
  let run: string[] | null = [''];
  let allExact = true;
  const flush = () => {
    if (usable(run)) required.push(run);
  };
  for (const item of items) {
    required.push(...item.required);
    if (!item.exact) {
      allExact = false;
      flush();
      run = [''];
    } else if (run.length * item.exact.length > MAX_EXACT) {
      allExact = false;
      flush();
      run = item.exact;
    } else {
      const prefixes: string[] = run;
      run = [...new Set(prefixes.flatMap((a) => item.exact!.map((b) => a + b)))];
    }
  }
  if (allExact) return { exact: run, required };
  flush();
  return { exact: null, required };
}

function alternation(branches: readonly Info[]): Info {
  if (branches.every((b) => b.exact)) {
    const exact = [...new Set(branches.flatMap((b) => b.exact!))];
    if (exact.length <= MAX_EXACT) return { exact, required: [] };
  }
  const union: string[] = [];
  for (const branch of branches) {
    const chosen = best(candidates(branch));
    if (!chosen) return ANY;
    union.push(...chosen);
  }
  return { exact: null, required: [[...new Set(union)]] };
}

function repeated(item: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return item;
  if (min === 0) return max === 1 && item.exact ? { exact: [...new Set(['', ...item.exact])], required: [] } : ANY;
  const chosen = usable(item.exact) ? [item.exact] : [];
  return { exact: null, required: [...item.required, ...chosen] };
}

/** Escapes that stand for one literal character (the rest are classes, assertions, references or controls). */
const LITERAL_ESCAPE = /[\^$\\.*+?()[\]{}|/-]/;

/** Reads a pattern (JavaScript syntax, `u` flag) far enough to know its literal parts. */
class Reader {
  private at = 0;
  constructor(private readonly source: string) {}

  all(): Info {
    const info = this.disjunction();
    if (this.at < this.source.length) throw new Error(`Unexpected "${this.source[this.at]}" at ${this.at} in ${this.source}`);
    return info;
  }

  private disjunction(): Info {
    const branches = [this.alternative()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.alternative());
    }
    return branches.length === 1 ? branches[0]! : alternation(branches);
  }

  private alternative(): Info {
    const items: Info[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return sequence(items);
  }

  private quantified(item: Info): Info {
    const c = this.source[this.at];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.at++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) throw new Error(`Bad quantifier at ${this.at} in ${this.source}`);
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
    } else {
      return item;
    }
    if (this.source[this.at] === '?') this.at++;
    return repeated(item, min, max);
  }

  private atom(): Info {
    const c = this.source[this.at]!;
    this.at++;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY;
    if (c === '[') return this.skipClass();
    if (c === '(') return this.group();
    if (c === '\\') return this.escape();
    return literal(c);
  }

  private group(): Info {
    let kind: 'plain' | 'look' | 'negative' = 'plain';
    const rest = this.source.slice(this.at);
    const opener = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(rest)?.[0] ?? '';
    if (opener === '?=' || opener === '?<=') kind = 'look';
    if (opener === '?!' || opener === '?<!') kind = 'negative';
    this.at += opener.length;
    const inner = this.disjunction();
    if (this.source[this.at] !== ')') throw new Error(`Unclosed group in ${this.source}`);
    this.at++;
    // A lookaround matches no characters of its own; what a positive one needs is still in the text.
    if (kind === 'negative') return EMPTY;
    if (kind === 'look') return { exact: [''], required: candidates(inner) };
    return inner;
  }

  private skipClass(): Info {
    while (this.at < this.source.length && this.source[this.at] !== ']') this.at += this.source[this.at] === '\\' ? 2 : 1;
    if (this.source[this.at] !== ']') throw new Error(`Unclosed class in ${this.source}`);
    this.at++;
    return ANY;
  }

  private escape(): Info {
    const c = this.source[this.at]!;
    this.at++;
    if (c === 'b' || c === 'B') return EMPTY;
    if ((c === 'p' || c === 'P') && this.source[this.at] === '{') this.at = this.source.indexOf('}', this.at) + 1;
    if (c === 'k' && this.source[this.at] === '<') this.at = this.source.indexOf('>', this.at) + 1;
    if (c === 'u' && this.source[this.at] === '{') this.at = this.source.indexOf('}', this.at) + 1;
    else if (c === 'u') this.at += 4;
    if (c === 'x') this.at += 2;
    if (c === 'c') this.at += 1;
    return LITERAL_ESCAPE.test(c) ? literal(c) : ANY;
  }
}

/** A literal character: ASCII is known under case folding; any other stands for "some character". */
function literal(c: string): Info {
  return c.charCodeAt(0) < 0x80 ? { exact: [c.toLowerCase()], required: [] } : ANY;
}

/**
 * The groups of words any text matching `pattern` (case-insensitively) must hold, as folded text: the most
 * telling group first, so that a paragraph is turned away after one or two searches.
 */
export function requiredWords(pattern: string): Required {
  const info = new Reader(pattern).all();
  const groups = (usable(info.exact) ? [...info.required, info.exact] : info.required).map(shortest);
  const order: string[][] = [];
  for (let left = groups; left.length; ) {
    const next = best(left)!;
    order.push(next);
    left = left.filter((g) => g !== next);
  }
  return order;
}

/** A word that holds another word of its group adds nothing to the search: "feeds" is found wherever "feed" is. */
function shortest(group: readonly string[]): string[] {
  const words = [...new Set(group)];
  return words.filter((w) => !words.some((other) => other !== w && w.includes(other)));
}

/** Bits of the table of character pairs a folded text holds (pairs share bits: a shared bit only lets more through). */
const PAIR_BITS = 4096;
const pairBit = (a: number, b: number) => ((a << 7) ^ b) & (PAIR_BITS - 1);

/**
 * A paragraph as the prefilter reads it, with the pairs of adjacent characters it holds, so that most absent
 * words are ruled out by a few table reads before any search of the text.
 *
 * Folding: under the `iu` flags an ASCII letter matches its capital and, for s and k, the long s (ſ) and the
 * Kelvin sign (K); lower-casing and replacing the long s brings each of them to the ASCII letter. Other
 * characters may change too; that only lets more paragraphs through.
 */
export class FoldedText {
  readonly text: string;
  private readonly pairs = new Uint32Array(PAIR_BITS / 32);

  constructor(text: string) {
    const lower = text.toLowerCase();
    this.text = lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
    for (let i = 0; i + 1 < this.text.length; i++) {
      const bit = pairBit(this.text.charCodeAt(i), this.text.charCodeAt(i + 1));
      this.pairs[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** Whether the text holds `word` (folded, as `requiredWords` gives it). */
  has(word: string): boolean {
    for (let i = 0; i + 1 < word.length; i++) {
      const bit = pairBit(word.charCodeAt(i), word.charCodeAt(i + 1));
      if (!(this.pairs[bit >>> 5]! & (1 << (bit & 31)))) return false;
    }
    return this.text.includes(word);
  }

  /** Whether the text holds a word of each group: the patterns that require them may match it. */
  holds(required: Required): boolean {
    for (const group of required) {
      let found = false;
      for (const word of group) {
        if (this.has(word)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
}
