/**
 * Builds the evaluation material from public sources into test/eval/.data/ (git-ignored: the news text is
 * copyrighted and stays out of the repository). See README.md beside this file for each source.
 *
 *   npx tsx test/eval/material/fetch-material.ts [--out DIR] [--local NAME=PATH ...] [--steps fluent,pairs]
 *
 * Every source is downloaded from its https address unless --local gives a file, archive or folder already
 * on disk (names: the corpus names in corpora.ts, plus the spinner and tortured-phrase sources), so the
 * script also runs offline. Downloads are cached in OUT/downloads/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { brownNews, FLUENT_CORPORA, type Article } from './corpora.ts';
import { writeFixtures } from './fixtures.ts';
import { readTarGz, readZip } from './formats.ts';
import { selectFluent } from './fluent.ts';
import { roundTrips, APERTIUM_MODES } from './roundtrip.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'test/eval/.data' },
    local: { type: 'string', multiple: true, default: [] },
    steps: { type: 'string', default: 'fluent,pairs,tortured' },
    'per-mode': { type: 'string', default: '100' },
    'fixtures-per-mode': { type: 'string', default: '12' },
  },
});
const out = values.out;
const locals = new Map(
  values.local.map((spec) => {
    const eq = spec.indexOf('=');
    if (eq < 1) throw new Error(`--local takes NAME=PATH, got "${spec}"`);
    return [spec.slice(0, eq), spec.slice(eq + 1)] as const;
  }),
);
const steps = new Set(values.steps.split(','));
mkdirSync(join(out, 'downloads'), { recursive: true });

/** Files of a folder (recursively), of an archive (nested archives opened too), or a single file. */
function unpack(name: string, buf: Buffer): Map<string, Buffer> {
  const inner = /\.zip$/i.test(name) ? readZip(buf) : /\.(tar\.gz|tgz)$/i.test(name) ? readTarGz(buf) : null;
  if (!inner) return new Map([[name, buf]]);
  const files = new Map<string, Buffer>();
  for (const [n, b] of inner) for (const [m, c] of unpack(n, b)) files.set(m, c);
  return files;
}

function readLocal(path: string): Map<string, Buffer> {
  if (!existsSync(path)) throw new Error(`local source ${path} does not exist`);
  if (!statSync(path).isDirectory()) return unpack(basename(path), readFileSync(path));
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else for (const [n, b] of unpack(relative(path, p), readFileSync(p))) files.set(n, b);
    }
  };
  walk(path);
  return files;
}

export async function sourceFiles(name: string, url: string): Promise<Map<string, Buffer>> {
  const local = locals.get(name);
  if (local) return readLocal(local);
  const cached = join(out, 'downloads', `${name}-${decodeURIComponent(basename(new URL(url).pathname))}`);
  if (!existsSync(cached)) {
    console.log(`downloading ${url}`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}; download it by hand and pass --local ${name}=PATH`);
    writeFileSync(cached, Buffer.from(await res.arrayBuffer()));
  }
  return readLocal(cached);
}

const writeJsonl = (file: string, rows: readonly object[]) =>
  writeFileSync(join(out, file), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

function readJsonl<T>(file: string): T[] {
  return readFileSync(join(out, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

if (steps.has('fluent')) {
  const all: Article[] = [];
  for (const corpus of FLUENT_CORPORA) {
    const parsed = corpus.parse(await sourceFiles(corpus.name, corpus.download));
    console.log(`${corpus.name}: ${parsed.length} items`);
    for (const p of parsed) all.push({ corpus: corpus.name, source: corpus.source, licence: corpus.licence, ...p });
  }
  const fluent = selectFluent(all);
  const per = new Map<string, number>();
  for (const a of fluent) per.set(a.corpus, (per.get(a.corpus) ?? 0) + 1);
  console.log(`fluent.jsonl: ${fluent.length} articles (${[...per].map(([c, n]) => `${c} ${n}`).join(', ')})`);
  writeJsonl('fluent.jsonl', fluent);
}

if (steps.has('pairs')) {
  const fluent = readJsonl<Article>('fluent.jsonl');
  const pairs = await roundTrips(fluent, APERTIUM_MODES, Number(values['per-mode']));
  console.log(`pairs.jsonl: ${pairs.length} Apertium round trips`);
  writeJsonl('pairs.jsonl', pairs);
}

/** Problematic Paper Screener dictionary (Cabanac, Labbé & Magazinov), as bundled by torturedcheck. */
const TORTURED = 'https://raw.githubusercontent.com/giladfeldman/torturedcheck/3571a95c9a94fa278ce6505ec460187599aacd45/src/data/tortured-phrases.json';

if (steps.has('tortured')) {
  const [, buf] = [...(await sourceFiles('tortured', TORTURED))][0] ?? [];
  if (!buf) throw new Error('tortured: no dictionary file');
  const dict = JSON.parse(buf.toString('utf8')) as { license?: string; phrases?: { tortured: string; correct: string }[] };
  if (!Array.isArray(dict.phrases)) throw new Error('tortured: the file has no "phrases" list');
  const phrases = dict.phrases.filter((p) => p.tortured?.trim() && p.correct?.trim()).map((p) => ({ tortured: p.tortured.trim(), correct: p.correct.trim() }));
  console.log(`tortured.json: ${phrases.length} pairs (licence stated in the file: ${dict.license ?? 'none'})`);
  writeFileSync(join(out, 'tortured.json'), JSON.stringify(phrases, null, 0).replace(/},{/g, '},\n{') + '\n');
}

// Not in the default steps: it rewrites the committed fixtures.
if (steps.has('fixtures')) {
  const samples = brownNews.parse(await sourceFiles(brownNews.name, brownNews.download));
  const withMeta = samples.map((p) => ({ ...p, corpus: brownNews.name, source: brownNews.source, licence: brownNews.licence }));
  const n = await writeFixtures(withMeta, APERTIUM_MODES, Number(values['fixtures-per-mode']));
  console.log(`fixtures: ${n} round trips of Brown press reportage`);
}
