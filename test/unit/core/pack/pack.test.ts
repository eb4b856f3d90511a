import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../../../src/core/index.ts';
import { checkBodies, decodePack, materialize, encodePack, packEntry, PackError, prepare, restoreReferences } from '../../../../src/core/pack/format.ts';
import { decodeSegment, joinSegment, loadStored, splitSegment, storedBytes, upgradeHead, type PartName, type StoredPart, type StoredSegment } from '../../../../src/core/pack/segment.ts';
import { loadSeedLibrary } from '../../../../src/node/library.ts';
import { adler32, crc32 } from '../../../../src/core/pack/checksums.ts';
import { spin } from '../../../support/spin.ts';
import { versionOneHead } from '../../support/segment-v1.ts';

const seeds = await loadSeedLibrary();
const bytes = encodePack(seeds.map(packEntry));

describe('reference packs', () => {
  it('restore every reference, field for field, with the fingerprints the engine would make', () => {
    const decoded = decodePack(bytes);
    expect(decoded.currentScheme).toBe(true);
    const { references, prepared } = restoreReferences(decoded);
    expect(references.map(materialize)).toEqual(seeds);
    seeds.forEach((s, i) => expect({ prints: prepared[i]!.prints, keys: prepared[i]!.keys }).toEqual(prepare(s.body)));
  });

  it('inflate a body only when it is read', () => {
    const { references } = restoreReferences(decodePack(bytes));
    expect(Object.getOwnPropertyDescriptor(references[2]!, 'body')).toBeUndefined();
    expect(references[2]!.body).toBe(seeds[2]!.body);
    expect(Object.getOwnPropertyDescriptor(references[2]!, 'body')!.value).toBe(seeds[2]!.body);
  });

  it('check pages exactly as the references they were made from', () => {
    const { references, prepared } = restoreReferences(decodePack(bytes));
    const page = { text: spin(seeds[1]!.body, 0.3, 11).text };
    expect(createEngine(references, { prepared }).check(page)).toEqual(createEngine(seeds).check(page));
  });

  it('with the indexes an engine kept, build an engine that checks exactly as the first', () => {
    const first = createEngine(seeds);
    const again = createEngine(seeds, { prebuilt: structuredClone(first.indexes) });
    const page = { text: spin(seeds[3]!.body, 0.2, 5).text };
    expect(again.check(page)).toEqual(first.check(page));
    expect(again.indexBytes).toBe(first.indexBytes);
  });

  it('are compressed: the pack is smaller than the references as JSON, fingerprints included', () => {
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(JSON.stringify(seeds)).length * 0.8);
  });

  it('refuse a foreign file, a damaged pack, a truncated one and an unknown version, each with its reason', () => {
    const refusal = (b: Uint8Array) => {
      try {
        decodePack(b);
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(PackError);
        return (e as Error).message;
      }
    };
    expect(refusal(new TextEncoder().encode('{"references": []}'))).toBe('not a Spinscope reference pack');
    const flipped = bytes.slice();
    flipped[60]! ^= 0x40;
    expect(refusal(flipped)).toBe('the pack is damaged (its checksum does not match)');
    expect(refusal(bytes.slice(0, 100))).toBe('the pack is damaged (its checksum does not match)');
    expect(refusal(bytes.slice(0, bytes.length - 10))).toBe('the pack is damaged (bad offsets)');
    const text = bytes.slice();
    text[text.length - 100]! ^= 0x40;
    const decoded = decodePack(text);
    expect(() => checkBodies(decoded)).toThrow(`the pack is damaged (the text of ${seeds[4]!.id} cannot be read)`);
    const future = bytes.slice();
    future[8] = 2;
    expect(refusal(future)).toBe('pack version 2 is not supported (this version reads 1)');
  });

  it('stored as head, metadata, arrays and texts, restore from the head alone and read the rest only when asked to', async () => {
    const stored = splitSegment(bytes);
    const loads = { metadata: 0, arrays: 0, texts: 0 };
    const part = (what: PartName): StoredPart => {
      const p: StoredPart = { bytes: null, load: async () => void (loads[what]++, (p.bytes = stored[what])) };
      return p;
    };
    const decoded = decodeSegment(stored.head, { metadata: part('metadata'), arrays: part('arrays'), texts: part('texts') });
    const { references, prepared } = restoreReferences(decoded);
    expect(decoded.entries.map(storedBytes)).toEqual(decodePack(bytes).entries.map(storedBytes));
    expect(() => references[0]!.id).toThrow('the metadata of a stored reference is not loaded');
    await loadStored([references[0]!, references[3]!], 'metadata');
    expect(references.map((r) => r.id)).toEqual(seeds.map((s) => s.id));
    expect(() => references[0]!.body).toThrow(`the text of ${seeds[0]!.id} is not loaded`);
    expect(() => prepared[0]!.prints).toThrow(`the fingerprints of ${seeds[0]!.id} are not loaded`);
    await loadStored([references[0]!, references[3]!], 'texts');
    expect(loads).toEqual({ metadata: 1, arrays: 0, texts: 1 });
    expect(references.map((r) => r.body)).toEqual(seeds.map((s) => s.body));
    await loadStored(decoded.entries, 'arrays');
    expect(prepared.map((p) => [...p.prints])).toEqual(seeds.map((s) => [...prepare(s.body).prints]));
    expect(prepared.map((p) => [...p.keys])).toEqual(seeds.map((s) => [...prepare(s.body).keys]));
    expect(joinSegment(stored)).toEqual(bytes);
  });

  it('stored as head, metadata, arrays and texts, refuse each damaged record when it is read', async () => {
    const stored = splitSegment(bytes);
    const head = stored.head.slice();
    head[30]! ^= 1;
    expect(() => decodeSegment(head, readyParts(stored))).toThrow('the pack is damaged (its checksum does not match)');
    // The head alone reads; the damaged metadata and arrays are refused once loaded.
    for (const [what, message] of [['metadata', 'its metadata does not match its checksum'], ['arrays', 'its fingerprints do not match their checksum']] as const) {
      const damaged = stored[what].slice();
      damaged[7]! ^= 1;
      const lazy: StoredPart = { bytes: null, load: async () => void (lazy.bytes = damaged) };
      const { entries } = decodeSegment(stored.head, { ...readyParts(stored), [what]: lazy });
      expect(entries).toHaveLength(seeds.length);
      await expect(loadStored(entries, what)).rejects.toThrow(`the pack is damaged (${message})`);
    }
    expect(() => splitSegment(bytes.subarray(0, 100))).toThrow(PackError);
  });

  it('stored, restore without parsing any reference\'s metadata until one of its fields is read', () => {
    const stored = splitSegment(bytes);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const { references } = restoreReferences(decodeSegment(stored.head, readyParts(stored)), 'user');
      expect(parse).not.toHaveBeenCalled();
      expect(references[2]!.title).toBe(seeds[2]!.title);
      expect(parse).toHaveBeenCalledTimes(1);
      expect(references[2]!.origin).toBe('user');
      expect(references[2]!.learned).toBeUndefined();
      expect(materialize(references[2]!)).toEqual({ ...seeds[2], origin: 'user' });
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('stored, refuse a reference whose metadata does not read when it is read, though its record is whole', () => {
    const stored = splitSegment(bytes);
    // The first reference's metadata starts the record: made unreadable, the head's checksums made to match.
    const metadata = stored.metadata.slice();
    metadata[0] = 0x5b;
    const head = stored.head.slice();
    const view = new DataView(head.buffer);
    view.setUint32(24, crc32(metadata), true);
    view.setUint32(12, crc32(head.subarray(16)), true);
    const { references } = restoreReferences(decodeSegment(head, { ...readyParts(stored), metadata: ready(metadata) }));
    expect(() => references[0]!.id).toThrow('the pack is damaged (its metadata cannot be read)');
    expect(references[1]!.id).toBe(seeds[1]!.id);
  });

  it('stored by version 1, read, and written again in the current form with the same references', () => {
    const stored = splitSegment(bytes);
    const old = versionOneHead(bytes, stored.arrays);
    // A head of version 1 holds the metadata: no record of it is read.
    const before = decodeSegment(old, { ...readyParts(stored), metadata: ready(new Uint8Array()) });
    expect(before.entries.map((e) => e.meta)).toEqual(decodePack(bytes).entries.map((e) => e.meta));
    expect(joinSegment({ ...stored, head: old, metadata: new Uint8Array() })).toEqual(bytes);
    expect(upgradeHead(old)).toEqual({ head: stored.head, metadata: stored.metadata });
    const damaged = old.slice();
    damaged[40]! ^= 1;
    expect(() => upgradeHead(damaged)).toThrow('the pack is damaged (its checksum does not match)');
    expect(() => upgradeHead(stored.head)).toThrow('not a segment of version 1');
  });

  it('read a pack at any byte offset', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodePack(shifted.subarray(1)).entries.map((e) => e.meta.id)).toEqual(seeds.map((s) => s.id));
  });
});

describe('pack checksums', () => {
  it('are the standard CRC-32 and Adler-32', () => {
    const bytesOf = (s: string) => new TextEncoder().encode(s);
    expect(crc32(bytesOf('123456789'))).toBe(0xcbf43926);
    expect(crc32(bytesOf('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(adler32(bytesOf('Wikipedia'))).toBe(0x11e60398);
    expect(adler32(new Uint8Array(100_000).fill(255))).toBe(0x149a302c);
  });
});

const ready = (bytes: Uint8Array): StoredPart => ({ bytes, load: async () => undefined });
const readyParts = (s: StoredSegment) => ({ metadata: ready(s.metadata), arrays: ready(s.arrays), texts: ready(s.texts) });
