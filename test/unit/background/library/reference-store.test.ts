/** A reference store with damaged records: they are set aside and counted, the valid ones load. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getEngine, invalidateEngine } from '../../../../src/background/library/library.ts';
import { setReferenceStore } from '../../../../src/background/library/reference-db.ts';
import { addReference, exportReferences, listReferences } from '../../../../src/background/library/references.ts';
import { getUserReference, loadUserReferences } from '../../../../src/background/library/user-references.ts';
import { MAX_TEXT } from '../../../../src/shared/protocol/messages.ts';
import { unreadableText } from '../../../../src/options/library-status.ts';
import { installFakeBrowser, plain } from '../../support/fake-browser.ts';
import { MemoryReferenceStore } from '../../support/fake-reference-store.ts';

vi.mock('virtual:spinscope/library', () => ({ default: [] }));

const SEED = readFileSync(join(import.meta.dirname, '../../../../seeds/000_75176f18231e56a2.txt'), 'utf8');

let store: MemoryReferenceStore;
let goodId: string;
let good: Record<string, unknown>;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  installFakeBrowser();
  invalidateEngine();
  store = new MemoryReferenceStore();
  setReferenceStore(store);
  goodId = (await addReference({ title: 'Nato talks', text: SEED, source: 'Business News', url: 'https://news.example.com/nato', date: null })).id;
  good = store.records.get(goodId) as Record<string, unknown>;
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  setReferenceStore(null);
  vi.restoreAllMocks();
});

/** One damaged record of each kind, under the key it would have. */
function damage(): Map<string, unknown> {
  const bad = new Map<string, unknown>([
    ['user-no-body', { ...good, id: 'user-no-body', body: undefined }],
    ['user-wrong-types', { ...good, id: 'user-wrong-types', title: 42, boilerplate: 'none' }],
    ['user-huge', { ...good, id: 'user-huge', body: 'x'.repeat(MAX_TEXT + 1) }],
    ['user-string', 'not a record at all'],
    ['user-array', [good]],
    ['user-null', null],
    ['user-bad-role', { ...good, id: 'user-bad-role', role: 'trusted' }],
    ['user-other-key', { ...good }],
  ]);
  for (const [key, value] of bad) store.records.set(key, value);
  return bad;
}

describe('loading a damaged reference store', () => {
  it('loads the valid references and sets each damaged record aside with its value and a reason', async () => {
    const bad = damage();
    const loaded = await loadUserReferences();

    expect(loaded.references.map((r) => r.id)).toEqual([goodId]);
    expect(loaded.unreadable).toBe(bad.size);
    expect([...store.records.keys()]).toEqual([goodId]);
    for (const [key, value] of bad) {
      const aside = store.setAsideMap.get(key);
      expect(aside?.value, key).toEqual(value);
      expect(aside?.reason, key).toMatch(/\w/);
    }
    expect(store.setAsideMap.get('user-no-body')?.reason).toBe('no body');
    expect(store.setAsideMap.get('user-huge')?.reason).toBe('body too long');
    expect(store.setAsideMap.get('user-string')?.reason).toBe('not an object');
    expect(store.setAsideMap.get('user-other-key')?.reason).toBe('id does not match its key');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${bad.size} stored reference(s) could not be read`), expect.any(Array));
  });

  it('keeps counting the set-aside records on later loads, so the options page keeps saying so', async () => {
    const bad = damage();
    await loadUserReferences();
    const list = await listReferences();
    expect(list.unreadable).toBe(bad.size);
    expect(list.references.map((r) => r.id)).toEqual([goodId]);
    expect(plain(unreadableText(list.unreadable))).toBe(`${bad.size} stored references could not be read. They were set aside; the rest of the library works.`);
    expect(unreadableText(0)).toBe('');
    expect(await exportReferences()).toEqual([expect.objectContaining({ title: 'Nato talks', url: 'https://news.example.com/nato' })]);
  });

  it('leaves damaged records where they are when they cannot be moved, and still counts and skips them', async () => {
    const bad = damage();
    store.failSetAside = true;
    const loaded = await loadUserReferences();
    expect(loaded.references.map((r) => r.id)).toEqual([goodId]);
    expect(loaded.unreadable).toBe(bad.size);
    expect(store.records.size).toBe(bad.size + 1);
  });

  it('does not hand a damaged record to a caller asking for it by id', async () => {
    damage();
    expect(await getUserReference('user-wrong-types')).toBeNull();
    expect(await getUserReference(goodId)).toMatchObject({ id: goodId, title: 'Nato talks' });
  });
});

describe('starting the engine', () => {
  it('starts with the valid references despite damaged ones, and matches a copy to them', async () => {
    damage();
    const engine = await getEngine();
    expect(engine.references.map((r) => r.id)).toEqual([goodId]);
    const result = engine.check({ text: SEED, url: 'https://copy.example.org/a' });
    expect(result.match?.referenceId).toBe(goodId);
  });

  it('starts with the bundled library alone when the store cannot be read at all', async () => {
    store.all = async () => {
      throw new Error('database is corrupt');
    };
    const engine = await getEngine();
    expect(engine.references).toEqual([]);
    expect((await listReferences()).references).toEqual([]);
  });
});
