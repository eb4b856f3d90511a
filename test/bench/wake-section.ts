/**
 * Section 6: a library that grows as the reader reads. Packs of 1,000, 10,000 and 50,000 learned references
 * (their size on disk, per reference), and what a worker wake costs with each restored, against a wake with
 * the bundled library alone: every wake in a fresh process, several times, interleaved.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reference } from '../../src/core/index.ts';
import { SEGMENT_SIZE } from '../../src/background/library/pack-segments.ts';
import { compressBody, encodePack, packEntry, type PackEntry } from '../../src/core/pack/format.ts';
import { splitSegment } from '../../src/core/pack/segment.ts';
import { spin } from '../support/spin.ts';
import { bytes, heading, ratio, sig, table, time, verdict } from './table.ts';
import { median, nowNs } from './timing.ts';

export const WAKE_SIZES = [1_000, 10_000, 50_000] as const;
const RUNS = 5;
const WAKE_TARGET = 1.5;
/** The learned-reference cap's budget in IndexedDB: 50,000 packed references must fit in it. */
export const BUDGET_BYTES = 150 * 1_048_576;

interface Wake {
  kept: boolean;
  baseMs: number;
  readMs: number;
  restoreMs: number;
  engineMs: number;
  checkMs: number;
  totalMs: number;
  references: number;
  indexBytes: number;
  verdict: string;
  rss: number;
}

export interface WakeSummary {
  ratios: { n: number; ratio: number; afterChange: number }[];
  packBytesPerReference: number;
  fiftyThousandBytes: number;
  pass: boolean;
  budgetPass: boolean;
}

const CHILD = fileURLToPath(new URL('./wake-child.ts', import.meta.url));

function wake(args: string[]): Wake {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`wake child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Wake;
}

export function wakeSection(
  seeds: readonly Reference[],
  library: { references: readonly Reference[]; prints: readonly Uint32Array[]; stories: readonly Uint32Array[] },
  log: (line: string) => void,
): WakeSummary {
  log(heading('6. A growing library: reference packs and the cost of a wake'));
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-wake-'));
  const bundledFile = join(dir, 'bundled.pack');
  writeFileSync(bundledFile, encodePack(seeds.map(packEntry)));
  const pageFile = join(dir, 'page.txt');
  writeFileSync(pageFile, spin(seeds[1]!.body, 0.3, 99).text);

  const largest = WAKE_SIZES[WAKE_SIZES.length - 1]!;
  const t0 = nowNs();
  // Learned references, a day apart: what "Learn from trusted sources" stores (fingerprints made by the generator).
  const entries: PackEntry[] = library.references.slice(0, largest).map((r, i) => {
    const { body, ...meta } = r;
    return { meta: { ...meta, id: `user-${r.id}`, origin: 'user', learned: true, addedAt: 1_700_000_000_000 + i * 86_400_000 }, prints: library.prints[i]!, keys: library.stories[i]!, deflatedBody: compressBody(body) };
  });
  const compressNs = Number(nowNs() - t0);
  const packs = WAKE_SIZES.map((n) => {
    const e0 = nowNs();
    const packed = encodePack(entries.slice(0, n));
    const encodeNs = Number(nowNs() - e0);
    // Stored as the worker stores them: segments, each as its head, its metadata, its arrays and its texts.
    const file = join(dir, `user-${n}`);
    mkdirSync(file);
    for (let k = 0; k * SEGMENT_SIZE < n; k++) {
      const stored = splitSegment(encodePack(entries.slice(k * SEGMENT_SIZE, Math.min(n, (k + 1) * SEGMENT_SIZE))));
      for (const part of ['head', 'metadata', 'arrays', 'texts'] as const) writeFileSync(join(file, `${k}.${part}`), stored[part]);
    }
    const texts = entries.slice(0, n).reduce((sum, e, i) => sum + Buffer.byteLength(library.references[i]!.body), 0);
    return { n, file, size: packed.length, encodeNs, texts };
  });
  log(`${largest.toLocaleString('en')} synthetic references compressed in ${time(compressNs)}; each pack written by encodePack:`);
  log(table(
    ['references', 'pack', 'per reference', 'texts (UTF-8)', 'encodePack'],
    packs.map((p) => [p.n.toLocaleString('en'), bytes(p.size), `${(p.size / p.n).toFixed(0)} B`, bytes(p.texts), time(p.encodeNs)]),
  ));

  // Two wakes per library: the first after the library changed (indexes built, then kept) and a later one
  // (indexes read as kept). The index file is written by one uncounted run.
  const rows: { name: string; n: number; kept: boolean; args: string[] }[] = [{ name: 'bundled alone', n: 0, kept: false, args: [bundledFile, pageFile] }];
  for (const p of packs) {
    const indexFile = `${p.file}.indexes`;
    wake([bundledFile, pageFile, p.file, indexFile]);
    rows.push({ name: `${p.n.toLocaleString('en')}, after a change`, n: p.n, kept: false, args: [bundledFile, pageFile, p.file] });
    rows.push({ name: `${p.n.toLocaleString('en')}, indexes kept`, n: p.n, kept: true, args: [bundledFile, pageFile, p.file, indexFile] });
  }
  const runs = new Map(rows.map((row) => [row, [] as Wake[]]));
  for (let r = 0; r < RUNS; r++) for (const row of rows) runs.get(row)!.push(wake(row.args));
  const med = (ws: Wake[], f: (w: Wake) => number) => median(ws.map(f));
  const base = med(runs.get(rows[0]!)!, (w) => w.totalMs);
  log('');
  log(table(
    ['user references', 'tables + bundled', 'read pack', 'restore', 'engine', 'first check', 'wake to first result', '÷ bundled alone', 'index B/ref', 'RSS', 'verdict'],
    [...runs].map(([row, ws]) => [
      row.name, `${sig(med(ws, (w) => w.baseMs))} ms`, `${sig(med(ws, (w) => w.readMs))} ms`, `${sig(med(ws, (w) => w.restoreMs))} ms`,
      `${sig(med(ws, (w) => w.engineMs))} ms`, `${sig(med(ws, (w) => w.checkMs))} ms`, `${sig(med(ws, (w) => w.totalMs))} ms`,
      ratio(med(ws, (w) => w.totalMs) / base), `${(ws[0]!.indexBytes / ws[0]!.references).toFixed(0)}`, bytes(med(ws, (w) => w.rss)), ws[0]!.verdict,
    ]),
  ));
  log(`Medians of ${RUNS} wakes each, interleaved, each in a fresh Node process: the source-free tables read, the bundled`);
  log('library (a pack of the seeds) and the heads of the user\'s pack segments read and restored, the engine built (or');
  log('its indexes read as kept), the texts of the segments the page needs read, one spun page checked. "read pack" is the');
  log('heads (the offsets); the first check includes reading the texts and metadata of the references it matches.');
  log('"After a change" is the first wake after the library changed: the worker reads the segments\' fingerprints and story');
  log('keys, builds the indexes and keeps them in IndexedDB ("restore" includes that read); every later wake reads them.');
  const ratioOf = (n: number, kept: boolean) => med(runs.get(rows.find((r) => r.n === n && r.kept === kept)!)!, (w) => w.totalMs) / base;
  const ratios = packs.map((p) => ({ n: p.n, ratio: ratioOf(p.n, true), afterChange: ratioOf(p.n, false) }));
  const ten = ratios.find((r) => r.n === 10_000)!;
  const pass = ten.ratio <= WAKE_TARGET;
  const fifty = packs.find((p) => p.n === largest)!;
  // What the worker stores for them: the packs and the indexes it keeps between wakes.
  const fiftyKept = runs.get(rows.find((r) => r.n === largest && r.kept)!)![0]!;
  const fiftyStored = fifty.size + fiftyKept.indexBytes;
  const budgetPass = fiftyStored <= BUDGET_BYTES;
  log('');
  log(`Target: first check after a wake with 10,000 user references ≤ ${WAKE_TARGET} × the bundled library alone (${ratio(ten.ratio)}; ${ratio(ten.afterChange)} on the first wake after a change): ${verdict(pass)}`);
  log(`Target: 50,000 learned references within the ${bytes(BUDGET_BYTES)} IndexedDB budget (packs ${bytes(fifty.size)} + kept indexes ${bytes(fiftyKept.indexBytes)}): ${verdict(budgetPass)}`);
  return { ratios, packBytesPerReference: fiftyStored / largest, fiftyThousandBytes: fiftyStored, pass, budgetPass };
}
