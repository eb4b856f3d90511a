/** Stored segments as version 1 of the extension wrote them, for the tests of reading and upgrading them. */
import { crc32 } from '../../../src/core/pack/checksums.ts';
import { HEADER, packLayout } from '../../../src/core/pack/format.ts';

/** A segment's head as version 1 wrote it: the pack's metadata JSON as it is, and three offset tables. */
export function versionOneHead(pack: Uint8Array, arrays: Uint8Array): Uint8Array {
  const { n, metaLength, printsAt, keysAt, bodiesAt } = packLayout(pack);
  const offsetsAt = (28 + metaLength + 3) & ~3;
  const head = new Uint8Array(offsetsAt + 12 * (n + 1));
  const view = new DataView(head.buffer);
  head.set(new TextEncoder().encode('SPSCSEGM'));
  view.setUint16(8, 1, true);
  view.setUint32(16, n, true);
  view.setUint32(20, crc32(arrays), true);
  view.setUint32(24, metaLength, true);
  head.set(pack.subarray(HEADER + 4, HEADER + 4 + metaLength), 28);
  [printsAt, keysAt, bodiesAt].forEach((at, k) => head.set(pack.subarray(at, at + 4 * (n + 1)), offsetsAt + 4 * k * (n + 1)));
  view.setUint32(12, crc32(head.subarray(16)), true);
  return head;
}
