/**
 * Libraries stored by earlier versions of the database, opened by today's extension in Chromium's own
 * IndexedDB: a reader who updates keeps their references, and a segment that no longer reads is set aside,
 * not lost. Version 3 kept each segment's index part (a pack up to its texts' data) in `packs`; version 4 a
 * head of segment version 1 (metadata and offsets) in `pack-heads` and the fingerprints in `pack-arrays`;
 * both the texts in `pack-texts`. All keyed by segment number.
 */
import { describe, test, expect } from 'vitest';
import { buildReference } from '../../src/core/index.ts';
import { encodePack, packEntry, packLayout } from '../../src/core/pack/format.ts';
import { splitSegment } from '../../src/core/pack/segment.ts';
import { versionOneHead } from '../unit/support/segment-v1.ts';
import { nodeSourceFreeAnalyser } from '../../src/node/source-free.ts';
import { loadOriginals } from '../site/content.ts';
import { norm } from './harness.ts';
import { chromiumForFile } from './file-harness.ts';

const h = await chromiumForFile();
const { site } = h;

// The fixture site's spun copy of one of its newsroom's articles, and that article as a reference of the reader's.
const reworded = site.pages.find((p) => p.group === 'reworded')!;
const slug = reworded.path.replace('/reworded/', '');
const article = loadOriginals().find((a) => a.slug === slug)!;
const text = article.body.filter((b) => b.kind === 'p').map((b) => b.text).join('\n\n');
const reference = buildReference({ id: 'user-upgraded', text, title: article.headline, url: `${site.origin}/original/${slug}`, origin: 'user' }, nodeSourceFreeAnalyser());

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The stores of each earlier version, and its records of one segment holding the reference (base64). */
const VERSIONS = {
  3: { stores: ['set-aside', 'packs', 'pack-texts', 'index-cache'], head: 'packs' },
  4: { stores: ['set-aside', 'pack-heads', 'pack-arrays', 'pack-texts', 'index-cache'], head: 'pack-heads' },
} as const;

function segmentOf(version: keyof typeof VERSIONS): Record<string, string> {
  const pack = encodePack([packEntry(reference)]);
  const { arrays, texts } = splitSegment(pack);
  if (version === 3) return { packs: b64(pack.slice(0, packLayout(pack).end)), 'pack-texts': b64(texts) };
  return { 'pack-heads': b64(versionOneHead(pack, arrays)), 'pack-arrays': b64(arrays), 'pack-texts': b64(texts) };
}

describe.each([3, 4] as const)('a library stored by version %i of the database', (version) => {
  test('is upgraded in place: the reference catches its spun copy, a damaged segment is set aside and can be cleared', async () => {
    const { stores, head } = VERSIONS[version];
    const good = segmentOf(version);
    // A segment whose head was damaged on disk: one byte of its metadata flipped.
    const damagedHead = Buffer.from(good[head]!, 'base64');
    damagedHead[40]! ^= 4;
    const damaged = { ...good, [head]: damagedHead.toString('base64') };

    // No worker holds the database open while the old one is written.
    const cdp = await h.context.newCDPSession(h.context.pages()[0] ?? (await h.context.newPage()));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // An extension page that runs none of the extension's code: the database is the extension origin's.
    const writer = await h.context.newPage();
    await writer.goto(`chrome-extension://${h.extensionId}/manifest.json`);
    await writer.evaluate(
      async ({ version, stores, segments }) => {
        const buffer = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
        const done = (r: IDBRequest | IDBTransaction) => new Promise((resolve, reject) => {
          if ('oncomplete' in r) (r.oncomplete = resolve), (r.onerror = () => reject(r.error));
          else (r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error));
        });
        await done(indexedDB.deleteDatabase('spinscope'));
        const open = indexedDB.open('spinscope', version);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('references', { keyPath: 'id' });
          for (const name of stores) open.result.createObjectStore(name);
        };
        const db = (await done(open)) as IDBDatabase;
        const tx = db.transaction(Object.keys(segments[0]!), 'readwrite');
        segments.forEach((records, key) => {
          for (const [store, value] of Object.entries(records)) tx.objectStore(store).put(buffer(value), key);
        });
        await done(tx);
        db.close();
      },
      { version, stores: [...stores], segments: [good, damaged] },
    );
    await writer.close();

    const page = await h.open(site.altOrigin + reworded.path);
    try {
      expect(await h.waitBadge(await h.tabId(page), (t) => t === 'SPUN', 30_000)).toBe('SPUN');
    } finally {
      await page.close();
    }

    // Once checked, the good segment is stored in today's form: a head of segment version 2, its metadata a record apart.
    const reader = await h.context.newPage();
    await reader.goto(`chrome-extension://${h.extensionId}/manifest.json`);
    const stored = await reader.evaluate(async () => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open('spinscope');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = (store: string) => new Promise<unknown>((resolve) => {
        const r = db.transaction(store).objectStore(store).get(0);
        r.onsuccess = () => resolve(r.result);
      });
      const head = (await get('pack-heads')) as ArrayBuffer | undefined;
      const result = { dbVersion: db.version, headVersion: head ? new DataView(head).getUint16(8, true) : null, metadata: (await get('pack-metadata')) instanceof ArrayBuffer };
      db.close();
      return result;
    });
    await reader.close();
    expect(stored).toEqual({ dbVersion: 5, headVersion: 2, metadata: true });

    const options = await h.openOptions();
    try {
      const titles = async () => (await options.getByTestId('reference-item').allTextContents()).map(norm);
      await expect.poll(async () => (await titles()).some((t) => t.includes(norm(article.headline))), { timeout: 10_000 }).toBe(true);
      const setAside = options.getByTestId('set-aside');
      await expect.poll(async () => norm(await setAside.textContent()), { timeout: 10_000 }).toContain('1');
      await options.getByTestId('clear-set-aside').click();
      await expect.poll(() => setAside.count(), { timeout: 10_000 }).toBe(0);
      expect((await titles()).some((t) => t.includes(norm(article.headline))), 'clearing the set-aside segment keeps the good one').toBe(true);
    } finally {
      await options.close();
    }
  }, 120_000);
});
