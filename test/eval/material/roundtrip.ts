/**
 * Round-trip machine translation with Debian's Apertium (apt-get install apertium-eng-spa apertium-eng-cat
 * apertium-eo-en apertium-en-gl apertium-hbs-eng): English → other language → English, unknown-word marks
 * off (-u) so the output reads like a real tool's. Each language pair gets its own articles.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Article } from './corpora.ts';
import { wordCount } from './fluent.ts';

export interface Pair {
  id: string;
  tool: string;
  corpus: string;
  url: string;
  original: string;
  rewritten: string;
}

export interface RoundTrip {
  /** Outbound and return modes as Apertium names them. */
  out: string;
  back: string;
  /** The Debian package that provides both. */
  pkg: string;
}

export const APERTIUM_MODES: readonly RoundTrip[] = [
  { out: 'eng-spa', back: 'spa-eng', pkg: 'apertium-eng-spa' },
  { out: 'eng-cat', back: 'cat-eng', pkg: 'apertium-eng-cat' },
  { out: 'en-eo', back: 'eo-en', pkg: 'apertium-eo-en' },
  { out: 'en-gl', back: 'gl-en', pkg: 'apertium-en-gl' },
  { out: 'eng-hbs', back: 'hbs-eng', pkg: 'apertium-hbs-eng' },
];

/** The installed Debian version of a package, for the record of what produced the material. */
export function debianVersion(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' }).trim();
  } catch {
    return 'not installed';
  }
}

/** One text through one language pair and back. */
export async function roundTrip(mode: RoundTrip, text: string): Promise<string> {
  return apertium(mode.back, await apertium(mode.out, text));
}

/** A line between texts of a batch; Apertium passes it through as an unknown word (Esperanto lower-cases it). */
const separator = (i: number) => `ZZSEP${i}ZZ`;
const SEPARATOR = /\s*ZZSEP(\d+)ZZ\s*/i;

/**
 * Many texts through one language pair and back in two Apertium runs, which saves the pipeline's start-up
 * per text. If the separators do not come back in order, the texts go through one by one instead.
 */
export async function roundTripBatch(mode: RoundTrip, texts: readonly string[]): Promise<string[]> {
  const joined = texts.map((t, i) => (i ? `${separator(i)}\n\n${t}` : t)).join('\n\n');
  const parts = (await roundTrip(mode, joined)).split(SEPARATOR);
  // split() with a capturing group interleaves the separator numbers: text, "1", text, "2", text…
  const ok = parts.length === 2 * texts.length - 1 && parts.every((p, i) => i % 2 === 0 || p === String((i + 1) / 2));
  if (ok) return parts.filter((_, i) => i % 2 === 0).map((p) => p.trim());
  const out: string[] = [];
  for (const t of texts) out.push(await roundTrip(mode, t));
  return out;
}

/**
 * Runs one Apertium mode on a text. The input goes through a file: the `apertium` script reads
 * /dev/stdin, which cannot be opened when stdin is the socket Node gives a child process.
 */
export function apertium(mode: string, text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'apertium-'));
  const input = join(dir, 'in.txt');
  writeFileSync(input, text);
  return new Promise<string>((resolve, reject) => {
    execFile('apertium', ['-u', mode, input], { encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`apertium ${mode} failed (${err.message.split('\n')[0]}): ${stderr.trim()}; install the Debian packages named in roundtrip.ts`));
      else if (!stdout.trim() && text.trim()) reject(new Error(`apertium ${mode} returned nothing`));
      else resolve(stdout.trim());
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** Longer articles add Apertium time, not evidence. */
const MAX_WORDS = 400;
/** Articles per Apertium run. */
const BATCH = 20;

const rank = (key: string) => createHash('sha1').update(key).digest('hex');

/**
 * Picks `perMode` articles for each mode (150–MAX_WORDS words, deterministic order, corpora taken in turn, no
 * article used twice) and round-trips them, two at a time.
 */
export async function roundTrips(fluent: readonly Article[], modes: typeof APERTIUM_MODES, perMode: number): Promise<Pair[]> {
  const byCorpus = new Map<string, Article[]>();
  for (const a of [...fluent].sort((x, y) => rank(x.id).localeCompare(rank(y.id)))) {
    if (wordCount(a.text) > MAX_WORDS) continue;
    const list = byCorpus.get(a.corpus) ?? [];
    list.push(a);
    byCorpus.set(a.corpus, list);
  }
  const queues = [...byCorpus.values()];
  const jobs: { article: Article; mode: RoundTrip }[] = [];
  for (const mode of modes) {
    for (let n = 0, q = 0; n < perMode && queues.some((l) => l.length); q++) {
      const article = queues[q % queues.length]?.shift();
      if (!article) continue;
      jobs.push({ article, mode });
      n++;
    }
  }
  const pairs: Pair[] = [];
  const batches: (typeof jobs)[] = [];
  for (const mode of modes) {
    const mine = jobs.filter((j) => j.mode === mode);
    for (let i = 0; i < mine.length; i += BATCH) batches.push(mine.slice(i, i + BATCH));
  }
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const mode = batch[0]!.mode;
      const rewritten = await roundTripBatch(mode, batch.map((j) => j.article.text));
      batch.forEach(({ article }, i) =>
        pairs.push({ id: `${article.id}~${mode.out}`, tool: `apertium:${mode.out}`, corpus: article.corpus, url: article.url, original: article.text, rewritten: rewritten[i]! }),
      );
      console.log(`  ${pairs.length}/${jobs.length} round trips`);
    }
  };
  await Promise.all([worker(), worker()]);
  return pairs.sort((a, b) => a.id.localeCompare(b.id));
}
