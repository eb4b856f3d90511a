/**
 * A pack as the extension stores it: three records per segment, so that a wake reads only the first.
 *
 *   head    what every wake reads: the metadata and every per-reference offset
 *           0  "SPSCSEGM"   8  version (u16), reserved (u16)   12  CRC-32 of every byte from 16 to the end
 *          16  reference count n (u32)   20  CRC-32 of the arrays record (u32)
 *          24  metadata: length (u32), then each reference's metadata as UTF-8 JSON, one after another, then
 *              the fingerprint scheme; zero padding to a multiple of 4
 *              offsets (u32 × n+1) of the fingerprints, of the story keys, of the bodies, of the metadata
 *   arrays  the fingerprints, then the story keys (u32): read when the engine's kept indexes cannot be used
 *           (the library or the scheme changed) or the segment is rewritten
 *   texts   each body compressed on its own (zlib, its own Adler-32): read when a check aligns one of them
 *
 * Each record is checked when it is read, and only then: a wake with valid kept indexes checks the heads.
 * A reference's metadata is parsed the first time it is read: a wake parses none (parsing all of them was
 * most of a wake's cost at 10,000 references). Version 1 held the metadata as a pack does (one JSON text,
 * without its offsets); it is still read, for segments set aside by it and for the database's upgrade.
 */
import { strFromU8, strToU8 } from 'fflate';
import { crc32 } from './checksums.ts';
import {
  encodePack, FINGERPRINT_SCHEME, HEADER, packedEntryOf, packLayout, PackError, parseMeta, parseMetadata, readOffsets,
  type PackedArrays, type PackEntry, type ReferenceMeta,
} from './format.ts';
import type { Reference } from '../types.ts';

const SEGMENT_MAGIC = 'SPSCSEGM';
const SEGMENT_VERSION = 2;
const SEGMENT_HEADER = 24;

/** The three records of a stored segment. */
interface StoredSegment {
  head: Uint8Array;
  arrays: Uint8Array;
  texts: Uint8Array;
}

/** A record kept apart, read from the store the first time an entry needs it. */
export interface StoredPart {
  bytes: Uint8Array | null;
  load(): Promise<void>;
}

/** What a head holds, as written. */
interface HeadContent {
  metas: readonly ReferenceMeta[];
  scheme: string;
  printOffsets: Uint32Array;
  keyOffsets: Uint32Array;
  bodyOffsets: Uint32Array;
  arraysChecksum: number;
}

function writeHead({ metas, scheme, printOffsets, keyOffsets, bodyOffsets, arraysChecksum }: HeadContent): Uint8Array {
  const n = metas.length;
  const parts = [...metas.map((m) => strToU8(JSON.stringify(m))), strToU8(scheme)];
  const metaOffsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) metaOffsets[i + 1] = metaOffsets[i]! + parts[i]!.length;
  const metaLength = metaOffsets[n]! + parts[n]!.length;
  const offsetsAt = (SEGMENT_HEADER + 4 + metaLength + 3) & ~3;
  const head = new Uint8Array(offsetsAt + 16 * (n + 1));
  const view = new DataView(head.buffer);
  head.set(strToU8(SEGMENT_MAGIC), 0);
  view.setUint16(8, SEGMENT_VERSION, true);
  view.setUint32(16, n, true);
  view.setUint32(20, arraysChecksum, true);
  view.setUint32(SEGMENT_HEADER, metaLength, true);
  let at = SEGMENT_HEADER + 4;
  for (const part of parts) at += (head.set(part, at), part.length);
  [printOffsets, keyOffsets, bodyOffsets, metaOffsets].forEach((offsets, k) => head.set(new Uint8Array(offsets.buffer, offsets.byteOffset, offsets.byteLength), offsetsAt + 4 * k * (n + 1)));
  view.setUint32(12, crc32(head.subarray(16)), true);
  return head;
}

/**
 * Splits a pack into the records the store keeps. An index part of the earlier stored form (a pack without
 * its bodies' data) splits the same way, its texts record empty: that is how stored libraries are migrated.
 */
export function splitSegment(pack: Uint8Array): StoredSegment {
  const bytes = pack.byteOffset % 4 ? pack.slice() : pack;
  const layout = packLayout(bytes);
  const { n, metaLength } = layout;
  const { metas, scheme } = parseMetadata(bytes.subarray(HEADER + 4, HEADER + 4 + metaLength), n);
  const offsetsBytes = 4 * (n + 1);
  const printsData = bytes.subarray(layout.printsAt + offsetsBytes, layout.keysAt);
  const keysData = bytes.subarray(layout.keysAt + offsetsBytes, layout.bodiesAt);
  const arrays = new Uint8Array(printsData.length + keysData.length);
  arrays.set(printsData);
  arrays.set(keysData, printsData.length);
  const head = writeHead({
    metas, scheme, printOffsets: readOffsets(bytes, layout.printsAt, n), keyOffsets: readOffsets(bytes, layout.keysAt, n), bodyOffsets: readOffsets(bytes, layout.bodiesAt, n), arraysChecksum: crc32(arrays),
  });
  return { head, arrays, texts: bytes.slice(layout.end) };
}

/** A head of version 1 written again in the current form (the arrays and texts records do not change). */
export function upgradeHead(head: Uint8Array): Uint8Array {
  const read = readHead(head);
  const n = read.printOffsets.length - 1;
  return writeHead({ ...read, metas: Array.from({ length: n }, (_, i) => read.meta(i)) });
}

/** A head read and checked; each reference's metadata is parsed when `meta` is first asked for it. */
function readHead(input: Uint8Array): Omit<HeadContent, 'metas'> & { meta(i: number): ReferenceMeta; checksum: number } {
  const head = input.byteOffset % 4 ? input.slice() : input;
  if (head.length < SEGMENT_HEADER + 4 || strFromU8(head.subarray(0, 8)) !== SEGMENT_MAGIC) throw new PackError('not a stored segment');
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const version = view.getUint16(8, true);
  if (version !== SEGMENT_VERSION && version !== 1) throw new PackError(`segment version ${version} is not supported (this version reads ${SEGMENT_VERSION})`);
  const n = view.getUint32(16, true);
  const metaLength = view.getUint32(SEGMENT_HEADER, true);
  const offsetsAt = (SEGMENT_HEADER + 4 + metaLength + 3) & ~3;
  const sections = version === 1 ? 3 : 4;
  if (head.length !== offsetsAt + 4 * sections * (n + 1) || view.getUint32(12, true) !== crc32(head.subarray(16))) {
    throw new PackError('the pack is damaged (its checksum does not match)');
  }
  const metadata = head.subarray(SEGMENT_HEADER + 4, SEGMENT_HEADER + 4 + metaLength);
  const offsets = (k: number, limit?: number) => readOffsets(head, offsetsAt + 4 * k * (n + 1), n, limit);
  const common = { printOffsets: offsets(0), keyOffsets: offsets(1), bodyOffsets: offsets(2), arraysChecksum: view.getUint32(20, true), checksum: view.getUint32(12, true) };
  if (version === 1) {
    const { metas, scheme } = parseMetadata(metadata, n);
    return { ...common, scheme, meta: (i) => metas[i]! };
  }
  const metaOffsets = offsets(3, metaLength);
  return { ...common, scheme: strFromU8(metadata.subarray(metaOffsets[n]!)), meta: (i) => parseMeta(metadata.subarray(metaOffsets[i]!, metaOffsets[i + 1]!)) };
}

/** What the entries of one stored segment share: their offsets and the records kept apart. */
class SegmentParts {
  private views: { prints: PackedArrays; keys: PackedArrays } | null = null;

  constructor(
    readonly printOffsets: Uint32Array,
    readonly keyOffsets: Uint32Array,
    readonly bodyOffsets: Uint32Array,
    private readonly arraysChecksum: number,
    readonly arrays: StoredPart,
    readonly texts: StoredPart,
  ) {}

  /** The arrays record, checked against the head's checksum the first time it is used. */
  arrayViews(id: string): { prints: PackedArrays; keys: PackedArrays } {
    if (this.views) return this.views;
    const bytes = this.arrays.bytes;
    if (!bytes) throw new PackError(`the fingerprints of ${id} are not loaded`);
    const n = this.printOffsets.length - 1;
    const prints = this.printOffsets[n]!;
    const keys = this.keyOffsets[n]!;
    if (bytes.length !== 4 * (prints + keys) || crc32(bytes) !== this.arraysChecksum) {
      throw new PackError('the pack is damaged (its fingerprints do not match their checksum)');
    }
    const aligned = bytes.byteOffset % 4 ? bytes.slice() : bytes;
    this.views = {
      prints: { offsets: this.printOffsets, data: new Uint32Array(aligned.buffer, aligned.byteOffset, prints) },
      keys: { offsets: this.keyOffsets, data: new Uint32Array(aligned.buffer, aligned.byteOffset + 4 * prints, keys) },
    };
    return this.views;
  }
}

/**
 * A stored reference: its metadata is parsed, and its arrays and its text are cut from the segment's records,
 * when first read.
 */
class StoredEntry implements PackEntry {
  private parsed: ReferenceMeta | undefined;

  constructor(
    private readonly metaOf: (i: number) => ReferenceMeta,
    readonly parts: SegmentParts,
    private readonly at: number,
  ) {}

  get meta(): ReferenceMeta {
    return (this.parsed ??= this.metaOf(this.at));
  }

  get prints(): Uint32Array {
    const { offsets, data } = this.parts.arrayViews(this.meta.id).prints;
    return data.subarray(offsets[this.at]!, offsets[this.at + 1]!);
  }

  get keys(): Uint32Array {
    const { offsets, data } = this.parts.arrayViews(this.meta.id).keys;
    return data.subarray(offsets[this.at]!, offsets[this.at + 1]!);
  }

  get deflatedBody(): Uint8Array {
    const texts = this.parts.texts.bytes;
    const to = this.parts.bodyOffsets[this.at + 1]!;
    if (!texts || to > texts.length) throw new PackError(`the text of ${this.meta.id} is not loaded`);
    return texts.subarray(this.parts.bodyOffsets[this.at]!, to);
  }

  /** Bytes this entry takes in the store, known from the head alone. */
  get storedBytes(): number {
    const span = (o: Uint32Array) => o[this.at + 1]! - o[this.at]!;
    return entryBytes(span(this.parts.printOffsets), span(this.parts.keyOffsets), span(this.parts.bodyOffsets));
  }
}

/**
 * Reads a segment's head; its arrays and texts stay in the store until an entry needs them. The head's
 * checksum names its references, in order, as well as their ids would.
 */
export function decodeSegment(input: Uint8Array, arrays: StoredPart, texts: StoredPart): { entries: PackEntry[]; currentScheme: boolean; checksum: number } {
  const head = readHead(input);
  const parts = new SegmentParts(head.printOffsets, head.keyOffsets, head.bodyOffsets, head.arraysChecksum, arrays, texts);
  const entries = Array.from({ length: head.printOffsets.length - 1 }, (_, i) => new StoredEntry(head.meta, parts, i));
  return { entries, currentScheme: head.scheme === FINGERPRINT_SCHEME, checksum: head.checksum };
}

/** The segment as one pack again (a segment set aside, an export): every record read and checked. */
export function joinSegment(head: Uint8Array, arrays: Uint8Array, texts: Uint8Array): Uint8Array {
  const part = (bytes: Uint8Array): StoredPart => ({ bytes, load: async () => undefined });
  return encodePack(decodeSegment(head, part(arrays), part(texts)).entries);
}

/** Reads the records kept apart that these references or entries need: their texts, or their arrays. */
export async function loadStored(items: readonly (Reference | PackEntry)[], what: 'texts' | 'arrays'): Promise<void> {
  const parts = new Set<SegmentParts>();
  for (const item of items) {
    const entry = 'meta' in item ? item : packedEntryOf(item);
    if (entry instanceof StoredEntry && !entry.parts[what].bytes) parts.add(entry.parts);
  }
  await Promise.all([...parts].map(async (p) => {
    await p[what].load();
    // Checked as soon as read, so that a damaged record is reported where it was loaded.
    if (what === 'arrays') p.arrayViews('');
  }));
}

/** Bytes an entry takes in the store, without reading what is kept apart. */
export function storedBytes(entry: PackEntry): number {
  return entry instanceof StoredEntry ? entry.storedBytes : entryBytes(entry.prints.length, entry.keys.length, entry.deflatedBody.length);
}

/** Three offsets, the fingerprints and story keys (4 bytes each) and the compressed text. */
const entryBytes = (prints: number, keys: number, bodyBytes: number) => 12 + 4 * (prints + keys) + bodyBytes;
