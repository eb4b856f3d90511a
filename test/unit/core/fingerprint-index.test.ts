import { describe, expect, it } from 'vitest';
import { buildFingerprintIndex } from '../../../src/core/fingerprint-index.ts';

describe('the fingerprint index', () => {
  it('votes for the references sharing a page\'s fingerprints, most shared first', () => {
    const index = buildFingerprintIndex([Uint32Array.of(1, 2, 3), Uint32Array.of(3, 4), Uint32Array.of(5)]);
    expect(index.lookup([1, 2, 3, 4], 10, 1)).toEqual([{ reference: 0, shared: 3 }, { reference: 1, shared: 2 }]);
    expect(index.lookup([1, 2, 3, 4], 10, 3)).toEqual([{ reference: 0, shared: 3 }]);
  });

  it('bounds the work of a key the whole library shares: it casts no vote, rarer keys still do', () => {
    const common = 0x9e3779b9;
    const library = Array.from({ length: 3000 }, (_, i) => Uint32Array.of(common, (i * 2654435761) >>> 0));
    const index = buildFingerprintIndex(library);
    expect(index.lookup([common], 10, 1)).toEqual([]);
    expect(index.lookup([common, library[1234]![1]!], 10, 1)).toEqual([{ reference: 1234, shared: 1 }]);
  });
});
