/**
 * A wake with a grown library, in Chromium with the built extension: 10,000 references imported as a pack
 * through the options page, the worker stopped, and the first check after each wake timed by the worker
 * itself (its diagnostics: restoring the user's references, building the engine, the first check), against
 * the same wakes with the bundled library alone, in a second browser profile. The two profiles' wakes
 * alternate, so that neither is measured only while Chromium still compiles the worker's script or while the
 * machine is busier. Also the options page's library section, light and dark.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { encodePack, packEntry } from '../../src/core/pack/format.ts';
import { asReference, syntheticArticle } from '../bench/corpus.ts';
import { launchChromium, type Harness } from './harness.ts';
import { startSite } from '../site/server.ts';
import { ROOT } from '../site/content.ts';

const site = await startSite();
/** A profile with the bundled library alone, and one with 10,000 references of the reader's own. */
let alone: Harness;
let h: Harness;
const USER_REFERENCES = 10_000;
const WAKES = 5;

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

interface Diagnostics {
  indexesKept: boolean;
  userMs: number;
  packReadMs: number;
  packDecodeMs: number;
  libraryMs: number;
  indexReadMs: number;
  engineMs: number;
  firstCheckMs: number | null;
  references: number;
}

beforeAll(async () => {
  alone = await launchChromium({ site });
  h = await launchChromium({ site });
});

afterAll(async () => {
  await alone?.close();
  await h?.close();
  await site.close();
});

/** Stops the worker, loads a spun page, waits for its badge, and reads what the fresh worker measured. */
async function wake(h: Harness): Promise<Diagnostics> {
  const blank = h.context.pages()[0] ?? (await h.context.newPage());
  const cdp = await h.context.newCDPSession(blank);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  const page = await h.open(site.origin + site.page('/spun/seed-001').path);
  const tab = await h.tabId(page);
  expect(await h.waitBadge(tab, (t) => t === 'SPUN', 30_000)).toBe('SPUN');
  const diagnostics = (await (await h.worker()).evaluate(async () => (await chrome.storage.session.get('diagnostics')).diagnostics)) as Diagnostics;
  await page.close();
  return diagnostics;
}

/** The words of an extension page's text, without the isolation marks around the values it inserts. */
const words = async (text: Promise<string | null>) => ((await text) ?? '').replace(/[\u2068\u2069]/g, '');
const total = (d: Diagnostics) => d.userMs + d.engineMs + (d.firstCheckMs ?? Infinity);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('a wake with 10,000 references of the reader\'s own', () => {
  test('reads its kept indexes and reports its cost against a wake with the bundled library alone, as the worker measures it', async () => {
    const pack = encodePack(Array.from({ length: USER_REFERENCES }, (_, i) => packEntry({ ...asReference(i, syntheticArticle(i)), origin: 'user' })));
    const options = await h.openOptions();
    await options.getByTestId('import-pack').setInputFiles({ name: 'newsroom.pack', mimeType: 'application/octet-stream', buffer: Buffer.from(pack) });
    await expect.poll(() => words(options.getByTestId('pack-status').textContent()), { timeout: 120_000 }).toContain('10,000 references imported');
    await options.close();

    // The first wake after the import builds the indexes and keeps them; the wakes after it read them. The
    // other profile's first wake is not counted either.
    const afterChange = await wake(h);
    await wake(alone);
    const bundled: Diagnostics[] = [];
    const grown: Diagnostics[] = [];
    for (let i = 0; i < WAKES; i++) {
      bundled.push(await wake(alone));
      grown.push(await wake(h));
    }
    const ratio = median(grown.map(total)) / median(bundled.map(total));
    const describe = (d: Diagnostics) =>
      `${total(d).toFixed(0)} (restore ${d.userMs.toFixed(0)}: read ${d.packReadMs.toFixed(0)}, decode ${d.packDecodeMs.toFixed(0)}, library restored by ${d.libraryMs.toFixed(0)}, ` +
      `kept indexes read by ${d.indexReadMs?.toFixed(0)}; engine ${d.engineMs.toFixed(0)}, check ${d.firstCheckMs?.toFixed(0)})`;
    console.log(
      `Wake to first result: bundled alone ${bundled.map(describe).join(', ')} ms; with ${USER_REFERENCES} user references, first wake after the import ` +
        `${describe(afterChange)} ms, later wakes ${grown.map(describe).join(', ')} ms; ratio ${ratio.toFixed(2)} (first wake after the import ${(total(afterChange) / median(bundled.map(total))).toFixed(2)})`,
    );
    expect(afterChange.indexesKept).toBe(false);
    expect(grown.every((d) => d.references >= USER_REFERENCES && d.indexesKept)).toBe(true);
    // The target is 1.5 ×: measured 1.44 × to 1.84 × while the segments' heads held every reference's metadata
    // (read and parsed on each wake), then 1.15 × and 1.29 × once a wake read their offsets alone. The assertion
    // leaves room for a busy machine: the grown wake reads its kept indexes and costs the same order as the
    // bundled one; `npm run bench` reports the ratio side by side.
    expect(ratio).toBeLessThan(2);
  }, 600_000);

  test('the options page shows the library\'s storage, the cap and the pack buttons, light and dark', async () => {
    const dir = join(ROOT, 'test-results', 'screenshots');
    mkdirSync(dir, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const options = await h.openOptions({ colorScheme: scheme });
      const section = options.getByTestId('pack-section');
      await expect.poll(() => words(section.getByTestId('pack-stats').textContent()), { timeout: 30_000 }).toMatch(/10,000 references you added and 0 learned/);
      expect(await section.getByTestId('learned-cap').inputValue()).toBe('50000');
      await section.screenshot({ path: join(dir, `options-packs-${scheme}.png`) });
      await options.close();
    }
  }, 120_000);
});
