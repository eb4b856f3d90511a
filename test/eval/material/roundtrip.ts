/**
 * Round-trip machine translation with Debian's Apertium (apt-get install apertium-eng-spa apertium-eng-cat
 * apertium-eo-en apertium-en-gl apertium-hbs-eng): English → other language → English, unknown-word marks
 * off (-u) so the output reads like a real tool's. Each language pair gets its own articles.
 */
import { execFileSync, spawn } from 'node:child_process';
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

/** One article through one language pair and back. */
export async function roundTrip(mode: RoundTrip, text: string): Promise<string> {
  return apertium(mode.back, await apertium(mode.out, text));
}

export function apertium(mode: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('apertium', ['-u', mode], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => reject(new Error(`apertium not runnable (${e.message}); install the Debian packages named in roundtrip.ts`)));
    child.on('close', (code) => (code === 0 ? resolve(stdout.trim()) : reject(new Error(`apertium ${mode} exited ${code}: ${stderr.trim()}`))));
    child.stdin.end(text);
  });
}

const rank = (key: string) => createHash('sha1').update(key).digest('hex');

/**
 * Picks `perMode` articles for each mode (150–700 words, deterministic order, corpora taken in turn, no
 * article used twice) and round-trips them, two at a time.
 */
export async function roundTrips(fluent: readonly Article[], modes: typeof APERTIUM_MODES, perMode: number): Promise<Pair[]> {
  const byCorpus = new Map<string, Article[]>();
  for (const a of [...fluent].sort((x, y) => rank(x.id).localeCompare(rank(y.id)))) {
    if (wordCount(a.text) > 700) continue;
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
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { article, mode } = jobs[next++]!;
      const rewritten = await roundTrip(mode, article.text);
      pairs.push({ id: `${article.id}~${mode.out}`, tool: `apertium:${mode.out}`, corpus: article.corpus, url: article.url, original: article.text, rewritten });
      if (pairs.length % 50 === 0) console.log(`  ${pairs.length}/${jobs.length} round trips`);
    }
  };
  await Promise.all([worker(), worker()]);
  return pairs.sort((a, b) => a.id.localeCompare(b.id));
}
