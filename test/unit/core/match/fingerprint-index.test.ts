/** The inverted index: which references share fingerprints with a page, and how many. */
import { describe, expect, it } from 'vitest';
import { buildFingerprintIndex, postingBytes } from '../../../../src/core/match/fingerprint-index.ts';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => (Math.imul(from + i, 0x9e3779b1) >>> 0));

describe('fingerprint index', () => {
  const library = [range(0, 50), range(1000, 50), range(25, 50)];
  const index = buildFingerprintIndex(library);

  it('ranks references by shared fingerprints, ties by position', () => {
    expect(index.lookup(range(0, 50), 10, 1)).toEqual([{ reference: 0, shared: 50 }, { reference: 2, shared: 25 }]);
    expect(index.lookup(range(1000, 10), 10, 1)).toEqual([{ reference: 1, shared: 10 }]);
  });

  it('drops candidates below minShared and keeps at most limit', () => {
    expect(index.lookup(range(0, 50), 10, 30)).toEqual([{ reference: 0, shared: 50 }]);
    expect(index.lookup(range(0, 50), 1, 1)).toHaveLength(1);
    expect(index.lookup(range(5000, 50), 10, 1)).toEqual([]);
  });

  it('stores three bytes per posting while the check keeps enough bits, four beyond', () => {
    expect(index.size).toBe(3);
    expect(index.arrays.postings.length).toBe(150 * 3);
    expect(index.bytes).toBeLessThan(150 * 3 + 1024);
    expect(postingBytes(131_071)).toBe(3);
    expect(postingBytes(131_072)).toBe(4);
  });

  it('finds the same candidates with 4-byte postings', () => {
    const wide = buildFingerprintIndex([...library, ...new Array<Uint32Array>(140_000).fill(new Uint32Array(0))]);
    expect(wide.arrays.postings.length).toBe(150 * 4);
    expect(wide.lookup(range(0, 50), 10, 1)).toEqual([{ reference: 0, shared: 50 }, { reference: 2, shared: 25 }]);
    expect(wide.lookup(range(1000, 10), 10, 1)).toEqual([{ reference: 1, shared: 10 }]);
  });

  it('works for an empty library and refuses one too large to address', () => {
    expect(buildFingerprintIndex([]).lookup(range(0, 5), 5, 1)).toEqual([]);
    const none = new Uint32Array(0);
    expect(() => buildFingerprintIndex(new Array<Uint32Array>(1 << 24).fill(none))).toThrow(/larger than the index supports/);
  });

  it('bounds the work of a key the whole library shares: it casts no vote, rarer keys still do', () => {
    const common = 0x9e3779b9;
    const many = Array.from({ length: 3000 }, (_, i) => Uint32Array.of(common, (i * 2654435761) >>> 0));
    const big = buildFingerprintIndex(many);
    expect(big.lookup([common], 10, 1)).toEqual([]);
    expect(big.lookup([common, many[1234]![1]!], 10, 1)).toEqual([{ reference: 1234, shared: 1 }]);
  });
});
