/** A disk that fills up while references are added: nothing half-written, nothing lost, a clear message. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { handlers } from '../../../../src/background/handlers.ts';
import { setReferenceStore } from '../../../../src/background/library/reference-db.ts';
import { addReference, importReferences, listReferences } from '../../../../src/background/library/references.ts';
import { route } from '../../../../src/background/router.ts';
import { isQuotaError } from '../../../../src/background/library/user-references.ts';
import { STORAGE_FULL } from '../../../../src/shared/protocol/messages.ts';
import type { NewReference } from '../../../../src/shared/protocol/state.ts';
import { importStatus, libraryErrorText } from '../../../../src/options/library-status.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, installFakeBrowser, plain } from '../../support/fake-browser.ts';
import { MemoryReferenceStore } from '../../support/fake-reference-store.ts';

vi.mock('virtual:spinscope/library', () => ({ default: [] }));

const doc = (n: number, text = `Story number ${n} told in a few plain words.`): NewReference => ({
  title: `Story ${n}`,
  text,
  source: 'Example News',
  url: `https://news.example.com/${n}`,
  date: null,
});
const optionsPage: Runtime.MessageSender = { id: EXTENSION_ID, url: EXTENSION_ORIGIN + 'src/options/index.html' };

let store: MemoryReferenceStore;
beforeEach(async () => {
  installFakeBrowser();
  store = new MemoryReferenceStore();
  setReferenceStore(store);
  await addReference(doc(1));
  await addReference(doc(2));
});
afterEach(() => setReferenceStore(null));

describe('importing on a disk that fills up', () => {
  it('adds none of the import, keeps every stored reference, and says how many were not added', async () => {
    const before = structuredClone([...store.records]);
    store.writesLeft = 3; // full after 3 of the 10 writes
    const report = await importReferences(Array.from({ length: 10 }, (_, i) => doc(10 + i)));

    expect(report).toEqual({ added: 0, errors: [], storageFull: 10 });
    expect([...store.records]).toEqual(before);
    const listed = await listReferences();
    expect(listed.references.map((r) => r.title)).toEqual(['Story 1', 'Story 2']);
    expect(plain(importStatus([], { ok: true, value: report }))).toBe(
      'Storage is full: references not added: 10. Nothing else in the library changed. Remove references you no longer need, then try again.',
    );
  });

  it('still lists the documents that were unusable, and counts only the usable ones as not added', async () => {
    store.writesLeft = 1;
    const docs = [doc(10), doc(11, '   '), doc(12)];
    const report = await importReferences(docs);
    expect(report).toEqual({ added: 0, errors: ['2: empty text'], storageFull: 2 });
    expect(store.records.size).toBe(2);
    expect(plain(importStatus(['not JSON'], { ok: true, value: report }))).toMatch(/^Storage is full: references not added: 2\..* not JSON; 2: empty text$/);
  });

  it('imports everything in one go when there is room', async () => {
    store.writesLeft = 3;
    const report = await importReferences([doc(10), doc(11), doc(12)]);
    expect(report).toEqual({ added: 3, errors: [], storageFull: 0 });
    expect(store.records.size).toBe(5);
    expect(plain(importStatus([], { ok: true, value: report }))).toBe('3 references imported; 0 could not be read.');
  });

  it('passes on a failure other than a full disk without writing anything', async () => {
    store.putAll = async () => {
      throw new Error('database closed');
    };
    await expect(importReferences([doc(10)])).rejects.toThrow('database closed');
    expect(store.records.size).toBe(2);
  });
});

describe('adding one reference on a full disk', () => {
  it('answers the options page with the storage-full error, which it shows as a sentence', async () => {
    const before = structuredClone([...store.records]);
    store.writesLeft = 0;
    const reply = await route({ type: 'add-reference', doc: doc(3) }, optionsPage, handlers);
    expect(reply).toEqual({ ok: false, error: STORAGE_FULL });
    expect([...store.records]).toEqual(before);
    expect(plain(libraryErrorText(STORAGE_FULL))).toBe(
      'Storage is full: references not added: 1. Nothing else in the library changed. Remove references you no longer need, then try again.',
    );
    expect(plain(libraryErrorText('empty text'))).toBe('Something went wrong: empty text');
  });

  it('answers an import through the router with the same all-or-nothing report', async () => {
    store.writesLeft = 1;
    const reply = await route({ type: 'import-references', docs: [doc(10), doc(11)] }, optionsPage, handlers);
    expect(reply).toEqual({ ok: true, value: { added: 0, errors: [], storageFull: 2 } });
    expect(store.records.size).toBe(2);
  });
});

describe('isQuotaError', () => {
  it("recognises IndexedDB's and extension storage's quota errors and nothing else", () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('QUOTA_BYTES quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('database closed'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
