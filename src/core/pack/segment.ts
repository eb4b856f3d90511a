/**
 * A pack as the extension stores it: four records per segment, so that a wake reads only the first.
 *
 *   head      what every wake reads: every per-reference offset
 *             0  "SPSCSEGM"   8  version (u16), reserved (u16)   12  CRC-32 of every byte from 16 to the end
 *            16  reference count n (u32)   20  CRC-32 of the arrays record   24  CRC-32 of the metadata record
 *            28  the fingerprint scheme: length (u32), then UTF-8, zero padding to a multiple of 4
 *                offsets (u32 × n+1) of the fingerprints, of the story keys, of the bodies, of the metadata
 *   metadata  each reference's metadata as UTF-8 JSON, one after another: read when a check matches one of
 *             them or the library is listed or changed, each reference's parsed when first read
 *   arrays    the fingerprints, then the story keys (u32): read when the engine's kept indexes cannot be used
 *             (the library or the scheme changed) or the segment is rewritten
 *   texts     each body compressed on its own (zlib, its own Adler-32): read when a check aligns one of them
 *
 * Each record is checked when it is read, and only then: a wake with valid kept indexes checks the heads.
 * Version 1 kept the metadata in the head (one JSON text, as a pack does), which made reading and parsing it
 * most of a wake's cost at 10,000 references; its heads are still read (segments set aside by it, the
 * database's upgrade).
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
/** Where the version 1 head's metadata, and the current head's scheme, start (their length first). */
const V1_HEADER = 24;
const SEGMENT_HEADER = 28;

/** A stored segment's head and the records kept apart from it. */
export interface StoredSegment {
  head: Uint8Array;
  metadata: Uint8Array;
  arrays: Uint8Array;
  texts: Uint8Array;
}

/** The records of a segment kept apart from its head. */
export type PartName = 'metadata' | 'arrays' | 'texts';

/** A record kept apart, read from the store the first time an entry needs it. */
export interface StoredPart {
  bytes: Uint8Array | null;
  load(): Promise<void>;
}

/** What a head describes, as written. */
interface HeadContent {
  metas: readonly ReferenceMeta[];
  scheme: string;
  printOffsets: Uint32Array;
  keyOffsets: Uint32Array;
  bodyOffsets: Uint32Array;
  arraysChecksum: number;
}

function writeHead({ metas, scheme, printOffsets, keyOffsets, bodyOffsets, arraysChecksum }: HeadContent): { head: Uint8Array; metadata: Uint8Array } {
  const n = metas.length;
  const parts = metas.map((m) => strToU8(JSON.stringify(m)));
  const metaOffsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) metaOffsets[i + 1] = metaOffsets[i]! + parts[i]!.length;
  const metadata = new Uint8Array(metaOffsets[n]!);
  parts.forEach((part, i) => metadata.set(part, metaOffsets[i]!));
  const schemeBytes = strToU8(scheme);
  const offsetsAt = (SEGMENT_HEADER + 4 + schemeBytes.length + 3) & ~3;
  const head = new Uint8Array(offsetsAt + 16 * (n + 1));
  const view = new DataView(head.buffer);
  head.set(strToU8(SEGMENT_MAGIC), 0);
  view.setUint16(8, SEGMENT_VERSION, true);
  view.setUint32(16, n, true);
  view.setUint32(20, arraysChecksum, true);
  view.setUint32(24, crc32(metadata), true);
  view.setUint32(SEGMENT_HEADER, schemeBytes.length, true);
  head.set(schemeBytes, SEGMENT_HEADER + 4);
  [printOffsets, keyOffsets, bodyOffsets, metaOffsets].forEach((offsets, k) => head.set(new Uint8Array(offsets.buffer, offsets.byteOffset, offsets.byteLength), offsetsAt + 4 * k * (n + 1)));
  view.setUint32(12, crc32(head.subarray(16)), true);
  return { head, metadata };
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
  const { head, metadata } = writeHead({
    metas, scheme, printOffsets: readOffsets(bytes, layout.printsAt, n), keyOffsets: readOffsets(bytes, layout.keysAt, n), bodyOffsets: readOffsets(bytes, layout.bodiesAt, n), arraysChecksum: crc32(arrays),
  });
  return { head, metadata, arrays, texts: bytes.slice(layout.end) };
}

/** A head of version 1 written again in the current form, its metadata as a record of its own (the arrays and texts do not change). */
export function upgradeHead(head: Uint8Array): { head: Uint8Array; metadata: Uint8Array } {
  const read = readHead(head);
  if (!read.metas) throw new PackError('not a segment of version 1');
  return writeHead({ ...read, metas: read.metas });
}

/** A head read and checked: its offsets, and the metadata itself when the head is of version 1. */
function readHead(input: Uint8Array) {
  const head = input.byteOffset % 4 ? input.slice() : input;
  if (head.length < SEGMENT_HEADER + 4 || strFromU8(head.subarray(0, 8)) !== SEGMENT_MAGIC) throw new PackError('not a stored segment');
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const version = view.getUint16(8, true);
  if (version !== SEGMENT_VERSION && version !== 1) throw new PackError(`segment version ${version} is not supported (this version reads ${SEGMENT_VERSION})`);
  const n = view.getUint32(16, true);
  // Version 1: the metadata JSON, then three offset tables; now the scheme, then four.
  const textAt = version === 1 ? V1_HEADER : SEGMENT_HEADER;
  const textLength = view.getUint32(textAt, true);
  const text = head.subarray(textAt + 4, textAt + 4 + textLength);
  const offsetsAt = (textAt + 4 + textLength + 3) & ~3;
  if (head.length !== offsetsAt + 4 * (version === 1 ? 3 : 4) * (n + 1) || view.getUint32(12, true) !== crc32(head.subarray(16))) {
    throw new PackError('the pack is damaged (its checksum does not match)');
  }
  const offsets = (k: number) => readOffsets(head, offsetsAt + 4 * k * (n + 1), n);
  const common = { printOffsets: offsets(0), keyOffsets: offsets(1), bodyOffsets: offsets(2), arraysChecksum: view.getUint32(20, true), checksum: view.getUint32(12, true) };
  if (version === 1) return { ...common, ...parseMetadata(text, n), metaOffsets: null, metadataChecksum: 0 };
  return { ...common, scheme: strFromU8(text), metas: null, metaOffsets: offsets(3), metadataChecksum: view.getUint32(24, true) };
}

/** What the entries of one stored segment share: their offsets and the records kept apart. */
class SegmentParts {
  private views: { prints: PackedArrays; keys: PackedArrays } | null = null;
  private metadataChecked = false;

  constructor(
    private readonly head: ReturnType<typeof readHead>,
    readonly records: Record<PartName, StoredPart>,
  ) {}

  get printOffsets(): Uint32Array {
    return this.head.printOffsets;
  }

  get keyOffsets(): Uint32Array {
    return this.head.keyOffsets;
  }

  get bodyOffsets(): Uint32Array {
    return this.head.bodyOffsets;
  }

  /** Whether an entry needs this record read before it can be used. */
  needs(what: PartName): boolean {
    return !this.records[what].bytes && !(what === 'metadata' && this.head.metas);
  }

  /** Checks a record just read against the head's checksum, so that damage is reported where it was loaded. */
  check(what: PartName): void {
    if (what === 'arrays') this.arrayViews('');
    if (what === 'metadata') this.metadataBytes();
  }

  /** Reference i's metadata: in a head of version 1, or parsed from the metadata record. */
  meta(i: number): ReferenceMeta {
    if (this.head.metas) return this.head.metas[i]!;
    const offsets = this.head.metaOffsets!;
    return parseMeta(this.metadataBytes().subarray(offsets[i]!, offsets[i + 1]!));
  }

  private metadataBytes(): Uint8Array {
    const bytes = this.records.metadata.bytes;
    if (!bytes) throw new PackError('the metadata of a stored reference is not loaded');
    if (!this.metadataChecked) {
      const n = this.head.metaOffsets!.length - 1;
      if (bytes.length !== this.head.metaOffsets![n] || crc32(bytes) !== this.head.metadataChecksum) {
        throw new PackError('the pack is damaged (its metadata does not match its checksum)');
      }
      this.metadataChecked = true;
    }
    return bytes;
  }

  /** The arrays record, checked against the head's checksum the first time it is used. */
  arrayViews(id: string): { prints: PackedArrays; keys: PackedArrays } {
    if (this.views) return this.views;
    const bytes = this.records.arrays.bytes;
    if (!bytes) throw new PackError(`the fingerprints of ${id} are not loaded`);
    const n = this.printOffsets.length - 1;
    const prints = this.printOffsets[n]!;
    const keys = this.keyOffsets[n]!;
    if (bytes.length !== 4 * (prints + keys) || crc32(bytes) !== this.head.arraysChecksum) {
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
    readonly parts: SegmentParts,
    private readonly at: number,
  ) {}

  get meta(): ReferenceMeta {
    return (this.parsed ??= this.parts.meta(this.at));
  }

  get prints(): Uint32Array {
    const { offsets, data } = this.parts.arrayViews(this.name).prints;
    return data.subarray(offsets[this.at]!, offsets[this.at + 1]!);
  }

  get keys(): Uint32Array {
    const { offsets, data } = this.parts.arrayViews(this.name).keys;
    return data.subarray(offsets[this.at]!, offsets[this.at + 1]!);
  }

  get deflatedBody(): Uint8Array {
    const texts = this.parts.records.texts.bytes;
    const to = this.parts.bodyOffsets[this.at + 1]!;
    if (!texts || to > texts.length) throw new PackError(`the text of ${this.name} is not loaded`);
    return texts.subarray(this.parts.bodyOffsets[this.at]!, to);
  }

  /** Bytes this entry takes in the store, known from the head alone. */
  get storedBytes(): number {
    const span = (o: Uint32Array) => o[this.at + 1]! - o[this.at]!;
    return entryBytes(span(this.parts.printOffsets), span(this.parts.keyOffsets), span(this.parts.bodyOffsets));
  }

  /** For messages: the reference's id, when its metadata is at hand. */
  private get name(): string {
    return this.parts.needs('metadata') ? 'a stored reference' : this.meta.id;
  }
}

/**
 * Reads a segment's head; its other records stay in the store until an entry needs them. The head's
 * checksum names its references, in order, as well as their ids would.
 */
export function decodeSegment(input: Uint8Array, records: Record<PartName, StoredPart>): { entries: PackEntry[]; currentScheme: boolean; checksum: number } {
  const head = readHead(input);
  const parts = new SegmentParts(head, records);
  const entries: PackEntry[] = [];
  for (let i = 0; i < head.printOffsets.length - 1; i++) entries.push(new StoredEntry(parts, i));
  return { entries, currentScheme: head.scheme === FINGERPRINT_SCHEME, checksum: head.checksum };
}

/** The segment as one pack again (a segment set aside, an export): every record read and checked. */
export function joinSegment(segment: StoredSegment): Uint8Array {
  const part = (bytes: Uint8Array): StoredPart => ({ bytes, load: async () => undefined });
  return encodePack(decodeSegment(segment.head, { metadata: part(segment.metadata), arrays: part(segment.arrays), texts: part(segment.texts) }).entries);
}

/** Reads the records kept apart that these references or entries need: their metadata, texts or arrays. */
export async function loadStored(items: readonly (Reference | PackEntry)[], what: PartName): Promise<void> {
  const parts = new Set<SegmentParts>();
  for (const item of items) {
    const entry = 'meta' in item ? item : packedEntryOf(item);
    if (entry instanceof StoredEntry && entry.parts.needs(what)) parts.add(entry.parts);
  }
  await Promise.all([...parts].map(async (p) => {
    await p.records[what].load();
    p.check(what);
  }));
}

/** Bytes an entry takes in the store, without reading what is kept apart. */
export function storedBytes(entry: PackEntry): number {
  return entry instanceof StoredEntry ? entry.storedBytes : entryBytes(entry.prints.length, entry.keys.length, entry.deflatedBody.length);
}

/** Three offsets, the fingerprints and story keys (4 bytes each) and the compressed text. */
const entryBytes = (prints: number, keys: number, bodyBytes: number) => 12 + 4 * (prints + keys) + bodyBytes;
