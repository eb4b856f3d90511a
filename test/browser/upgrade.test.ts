/**
 * A library stored by version 3 of the database, opened by today's extension in Chromium's own IndexedDB:
 * a reader who updates keeps their references, and a segment that no longer reads is set aside, not lost.
 * Version 3 kept each segment's index part (a pack up to its texts' data) in `packs` and its texts in
 * `pack-texts`, both keyed by segment number.
 */
import { describe, test, expect } from 'vitest';
import { buildReference } from '../../src/core/index.ts';
import { encodePack, packEntry, packLayout } from '../../src/core/pack/format.ts';
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

/** A version 3 segment: its index part and its texts. */
function version3Segment(): { index: string; texts: string } {
  const pack = encodePack([packEntry(reference)]);
  const { end } = packLayout(pack);
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return { index: b64(pack.slice(0, end)), texts: b64(pack.slice(end)) };
}

describe('a library stored by version 3 of the database', () => {
  test('is upgraded in place: the reference catches its spun copy, a damaged segment is set aside and can be cleared', async () => {
    const { index, texts } = version3Segment();
    // A segment whose index part was damaged on disk: one byte of its metadata flipped.
    const damaged = Buffer.from(index, 'base64');
    damaged[40]! ^= 4;

    // No worker holds the database open while the old one is written.
    const cdp = await h.context.newCDPSession(h.context.pages()[0] ?? (await h.context.newPage()));
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // An extension page that runs none of the extension's code: the database is the extension origin's.
    const writer = await h.context.newPage();
    await writer.goto(`chrome-extension://${h.extensionId}/manifest.json`);
    await writer.evaluate(
      async ({ segments }) => {
        const buffer = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
        const done = (r: IDBRequest | IDBTransaction) => new Promise((resolve, reject) => {
          if ('oncomplete' in r) (r.oncomplete = resolve), (r.onerror = () => reject(r.error));
          else (r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error));
        });
        await done(indexedDB.deleteDatabase('spinscope'));
        const open = indexedDB.open('spinscope', 3);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('references', { keyPath: 'id' });
          for (const name of ['set-aside', 'packs', 'pack-texts', 'index-cache']) open.result.createObjectStore(name);
        };
        const db = (await done(open)) as IDBDatabase;
        const tx = db.transaction(['packs', 'pack-texts'], 'readwrite');
        segments.forEach((s, key) => {
          tx.objectStore('packs').put(buffer(s.index), key);
          tx.objectStore('pack-texts').put(buffer(s.texts), key);
        });
        await done(tx);
        db.close();
      },
      { segments: [{ index, texts }, { index: damaged.toString('base64'), texts }] },
    );
    await writer.close();

    const page = await h.open(site.altOrigin + reworded.path);
    try {
      expect(await h.waitBadge(await h.tabId(page), (t) => t === 'SPUN', 30_000)).toBe('SPUN');
    } finally {
      await page.close();
    }

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
