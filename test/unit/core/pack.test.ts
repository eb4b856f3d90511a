import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/index.ts';
import { decodePack, encodePack, packEntry, PackError, prepare, restoreReferences } from '../../../src/core/pack/format.ts';
import { loadSeedLibrary } from '../../../src/node/library.ts';
import { spin } from '../../support/spin.ts';

const seeds = await loadSeedLibrary();
const bytes = encodePack(seeds.map(packEntry));

describe('reference packs', () => {
  it('restore every reference, field for field, with the fingerprints the engine would make', () => {
    const decoded = decodePack(bytes);
    expect(decoded.currentScheme).toBe(true);
    const { references, prepared } = restoreReferences(decoded);
    expect(references.map((r) => ({ ...r }))).toEqual(seeds);
    seeds.forEach((s, i) => expect(prepared[i]).toEqual(prepare(s.body)));
  });

  it('inflate a body only when it is read', () => {
    const { references } = restoreReferences(decodePack(bytes));
    const descriptor = Object.getOwnPropertyDescriptor(references[2]!, 'body')!;
    expect(descriptor.get).toBeTypeOf('function');
    expect(references[2]!.body).toBe(seeds[2]!.body);
    expect(Object.getOwnPropertyDescriptor(references[2]!, 'body')!.value).toBe(seeds[2]!.body);
  });

  it('check pages exactly as the references they were made from', () => {
    const { references, prepared } = restoreReferences(decodePack(bytes));
    const page = { text: spin(seeds[1]!.body, 0.3, 11).text };
    expect(createEngine(references, { prepared }).check(page)).toEqual(createEngine(seeds).check(page));
  });

  it('are compressed: the pack is smaller than the texts it holds', () => {
    const texts = seeds.reduce((n, s) => n + new TextEncoder().encode(s.body).length, 0);
    expect(bytes.length).toBeLessThan(texts);
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
    flipped[flipped.length - 100]! ^= 0x40;
    expect(refusal(flipped)).toBe('the pack is damaged (its checksum does not match)');
    expect(refusal(bytes.slice(0, bytes.length - 10))).toBe('the pack is damaged (its checksum does not match)');
    const future = bytes.slice();
    future[8] = 2;
    expect(refusal(future)).toBe('pack version 2 is not supported (this version reads 1)');
  });

  it('read a pack at any byte offset', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodePack(shifted.subarray(1)).entries.map((e) => e.meta.id)).toEqual(seeds.map((s) => s.id));
  });
});
