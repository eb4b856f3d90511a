/**
 * One worker wake, in a fresh process: the source-free tables read, the bundled library and (when given) the
 * user's library restored from a folder of pack segments stored as the worker stores them (`<k>.head` read on
 * wake, `<k>.arrays` read when the indexes must be built, `<k>.texts` and `<k>.metadata` read when the check
 * needs one of its references), the engine built, the first page checked. Each step's time goes to stdout as JSON;
 * loading this module and its imports is not counted (the extension's worker pays it whatever the library).
 * With an index file, the engine's indexes are read from it as the worker reads the ones it kept in IndexedDB
 * (the file is written, and the run not counted, when it does not exist yet).
 *   wake-child.ts <bundled.pack> <page.txt> [user-segments/ [indexes.bin]]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine, createSourceFreeAnalyser, decodeTables, type EngineIndexes, type Reference } from '../../src/core/index.ts';
import { decodePack, restoreReferences, type Prepared } from '../../src/core/pack/format.ts';
import { decodeSegment, loadStored, type PartName, type StoredPart } from '../../src/core/pack/segment.ts';
import { SOURCE_FREE_TABLES_FILE } from '../../src/node/source-free.ts';

const [bundledFile, pageFile, userFile, indexFile] = process.argv.slice(2);
const page = readFileSync(pageFile!, 'utf8');
const t0 = performance.now();
const analyser = createSourceFreeAnalyser(decodeTables(new Uint8Array(readFileSync(SOURCE_FREE_TABLES_FILE))));
const bundled = restoreReferences(decodePack(new Uint8Array(readFileSync(bundledFile!))), 'bundled');
const t1 = performance.now();
const segments = userFile ? readdirSync(userFile).filter((f) => f.endsWith('.head')).map((f) => ({ file: join(userFile, f), bytes: new Uint8Array(readFileSync(join(userFile, f))) })) : [];
const t2 = performance.now();
const user: { references: Reference[]; prepared: Prepared[] } = { references: [], prepared: [] };
const part = (file: string): StoredPart => {
  const stored: StoredPart = { bytes: null, load: async () => void (stored.bytes = new Uint8Array(await readFile(file))) };
  return stored;
};
for (const { file, bytes } of segments) {
  const stored = (name: PartName) => part(file.replace(/\.head$/, `.${name}`));
  const restored = restoreReferences(decodeSegment(bytes, { metadata: stored('metadata'), arrays: stored('arrays'), texts: stored('texts') }), 'user');
  user.references.push(...restored.references);
  user.prepared.push(...restored.prepared);
}
const kept = indexFile && existsSync(indexFile) ? readIndexes(new Uint8Array(readFileSync(indexFile))) : undefined;
// Without kept indexes the worker reads every segment's fingerprints and story keys, to index them.
if (!kept) await loadStored(user.references, 'arrays');
const t3 = performance.now();
// The worker fingerprints the bundled references on each wake; the user's come ready.
const engine = createEngine([...bundled.references, ...user.references], {
  analyser,
  prepared: [...bundled.references.map(() => undefined), ...user.prepared],
  ...(kept ? { prebuilt: kept } : {}),
});
const t4 = performance.now();
if (indexFile && !kept) writeFileSync(indexFile, writeIndexes(engine.indexes));
const all = engine.references;
const needed = engine.needs({ text: page }).map((i) => all[i]!);
await Promise.all([loadStored(needed, 'texts'), loadStored(needed, 'metadata')]);
const result = engine.check({ text: page });
const t5 = performance.now();
process.stdout.write(JSON.stringify({
  kept: Boolean(kept), baseMs: t1 - t0, readMs: t2 - t1, restoreMs: t3 - t2, engineMs: t4 - t3, checkMs: t5 - t4, totalMs: t5 - t0,
  references: engine.references.length, indexBytes: engine.indexBytes, verdict: result.verdict, rss: process.memoryUsage().rss,
}));

/**
 * The two indexes as one file: eight numbers (count, bucket bits and lengths of each), then the four arrays,
 * each starting at a multiple of 4 bytes.
 */
function writeIndexes(i: EngineIndexes): Uint8Array {
  const parts = [i.fingerprints, i.stories];
  const head = Uint32Array.from(parts.flatMap((p) => [p.count, p.bucketBits, p.directory.length, p.postings.length]));
  const arrays = parts.flatMap((p) => [new Uint8Array(p.directory.buffer, p.directory.byteOffset, p.directory.byteLength), p.postings]);
  const out = new Uint8Array(arrays.reduce((n, a) => n + align4(a.length), head.byteLength));
  out.set(new Uint8Array(head.buffer));
  let at = head.byteLength;
  for (const a of arrays) at += align4((out.set(a, at), a.length));
  return out;
}

function readIndexes(bytes: Uint8Array): EngineIndexes {
  const head = new Uint32Array(bytes.buffer, bytes.byteOffset, 8);
  let at = bytes.byteOffset + head.byteLength;
  const [fingerprints, stories] = [0, 1].map((k) => {
    const [count, bucketBits, dirLength, postLength] = head.subarray(4 * k, 4 * k + 4);
    const directory = new Uint32Array(bytes.buffer, at, dirLength!);
    at += 4 * dirLength!;
    const postings = new Uint8Array(bytes.buffer, at, postLength!);
    at += align4(postLength!);
    return { count: count!, bucketBits: bucketBits!, directory, postings };
  });
  return { fingerprints: fingerprints!, stories: stories! };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
