/**
 * The source-free analyser's data as one binary blob: flat typed arrays read in place, so loading costs a
 * few views and no parsing. Built by src/node/source-free-data/ from a language model of fluent English and
 * WordNet (README, "Data").
 *
 * Layout (little-endian): "SPSF", u32 version, u32 section count, then per section u32 offset and u32 byte
 * length, then the sections, each starting at a multiple of 4 bytes.
 */
export interface SourceFreeTables {
  /** Word hashes (FNV-1a of the lower-cased word), sorted: a word's id is its index here. */
  wordHashes: Uint32Array;
  /** Word text for reports: word id's UTF-8 bytes are wordText[wordStarts[id] .. wordStarts[id + 1]]. */
  wordStarts: Uint32Array;
  wordText: Uint8Array;
  /** −10 × log10 P(word), capped at 255. */
  unigramCost: Uint8Array;
  /**
   * The commonest bigrams "a b", grouped by a: bigramSeconds[bigramStarts[a] .. bigramStarts[a + 1]] are the
   * b (sorted), bigramCost the −10 × log10 P(b | a) of each. For fluency.
   */
  bigramStarts: Uint32Array;
  bigramSeconds: Uint16Array;
  bigramCost: Uint8Array;
  /**
   * Tortured phrases, grouped the same way: word pairs the model never saw, one WordNet synonym away from a
   * strong collocation. For each: the collocation's word that was replaced, which side was swapped (0 = the
   * first word, 1 = the second).
   */
  torturedStarts: Uint32Array;
  torturedSeconds: Uint16Array;
  torturedOriginal: Uint16Array;
  torturedSide: Uint8Array;
  /** Hashes of common words of other languages that are not English words, sorted. */
  foreignHashes: Uint32Array;
  /** Hashes of words English always capitalises (countries, nationalities, weekdays), sorted. */
  properHashes: Uint32Array;
}

export const TABLES_VERSION = 1;
const MAGIC = 0x46535053; // "SPSF"

type Section = keyof SourceFreeTables;
const SECTIONS: readonly [Section, Uint32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor][] = [
  ['wordHashes', Uint32Array],
  ['wordStarts', Uint32Array],
  ['wordText', Uint8Array],
  ['unigramCost', Uint8Array],
  ['bigramStarts', Uint32Array],
  ['bigramSeconds', Uint16Array],
  ['bigramCost', Uint8Array],
  ['torturedStarts', Uint32Array],
  ['torturedSeconds', Uint16Array],
  ['torturedOriginal', Uint16Array],
  ['torturedSide', Uint8Array],
  ['foreignHashes', Uint32Array],
  ['properHashes', Uint32Array],
];

const align4 = (n: number) => (n + 3) & ~3;

export function encodeTables(tables: SourceFreeTables): Uint8Array {
  const headerBytes = 12 + SECTIONS.length * 8;
  let size = align4(headerBytes);
  const offsets: number[] = [];
  for (const [name] of SECTIONS) {
    offsets.push(size);
    size = align4(size + tables[name].byteLength);
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, TABLES_VERSION, true);
  view.setUint32(8, SECTIONS.length, true);
  SECTIONS.forEach(([name], i) => {
    const array = tables[name];
    view.setUint32(12 + i * 8, offsets[i]!, true);
    view.setUint32(16 + i * 8, array.byteLength, true);
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[i]!);
  });
  return out;
}

/** Views into `bytes` (which must start 4-byte aligned); throws a clear error on anything else. */
export function decodeTables(bytes: Uint8Array): SourceFreeTables {
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('source-free tables: not a Spinscope table file');
  const version = view.getUint32(4, true);
  if (version !== TABLES_VERSION) throw new Error(`source-free tables: version ${version}, expected ${TABLES_VERSION}`);
  if (view.getUint32(8, true) !== SECTIONS.length) throw new Error('source-free tables: unexpected section count');
  const tables = {} as Record<Section, Uint32Array | Uint16Array | Uint8Array>;
  SECTIONS.forEach(([name, Type], i) => {
    const offset = view.getUint32(12 + i * 8, true);
    const length = view.getUint32(16 + i * 8, true);
    if (offset + length > bytes.byteLength || length % Type.BYTES_PER_ELEMENT !== 0) throw new Error(`source-free tables: section ${name} is out of bounds`);
    tables[name] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, length / Type.BYTES_PER_ELEMENT);
  });
  return tables as unknown as SourceFreeTables;
}
