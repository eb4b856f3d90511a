/**
 * Reference packs: one binary file for a fingerprinted library, written once and restored without
 * tokenising or fingerprinting anything again.
 *
 *   0  "SPSCPACK"                       8 bytes, tells a pack from any other file
 *   8  version (u16), reserved (u16)
 *  12  CRC-32 of every byte from 16 to the start of the bodies' data
 *  16  reference count n (u32)
 *  20  metadata: length (u32), then UTF-8 JSON {scheme, references: [every field but the body]}
 *      zero padding to a multiple of 4
 *      fingerprints: offsets (u32 × n+1), then the fingerprints (u32)
 *      story keys:   offsets (u32 × n+1), then the key hashes (u32)
 *      bodies:       offsets (u32 × n+1), then each body compressed on its own (zlib: deflate + Adler-32)
 *
 * Numbers are little-endian (every browser and Node platform), so the arrays are read as typed-array views
 * in place. Each body is compressed alone: a check reads only the few bodies it aligns, never the whole
 * library. The CRC covers all but the bodies' data, which carry their own checksum, checked when a body is
 * read (checkBodies reads them all): a wake checks 7 MB of a 10,000-reference pack, not 23. The metadata
 * is left uncompressed: inflating it cost a wake more than reading the 2 MB it saves.
 */
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { fingerprints, IMMUTABLE_GRAM, STOPWORD_GRAM, WINNOW_WINDOW } from '../match/fingerprint.ts';
import { STORY_KEYS, storyKeys } from '../match/story.ts';
import { tokenize } from '../text/text.ts';
import type { Reference } from '../types.ts';
import { adler32, crc32 } from './checksums.ts';

export const PACK_MAGIC = 'SPSCPACK';
export const PACK_VERSION = 1;
const HEADER = 20;

/**
 * What the stored fingerprints were made with: a pack from another scheme still restores its texts, but
 * its fingerprints are made again rather than trusted.
 */
export const FINGERPRINT_SCHEME = `stopword${STOPWORD_GRAM}-immutable${IMMUTABLE_GRAM}-window${WINNOW_WINDOW}-keys${STORY_KEYS}`;

/** A pack that cannot be read, with a reason for a person. */
export class PackError extends Error {}

/** Everything a reference is but its body. */
export type ReferenceMeta = Omit<Reference, 'body'>;

/** One reference as a pack holds it: fingerprints and story keys ready, the body still compressed (zlib). */
export interface PackEntry {
  meta: ReferenceMeta;
  prints: Uint32Array;
  keys: Uint32Array;
  deflatedBody: Uint8Array;
}

/** Fingerprints and story keys of a reference, as the engine indexes them. */
export interface Prepared {
  prints: Uint32Array;
  keys: Uint32Array;
}

export function prepare(body: string): Prepared {
  const tokens = tokenize(body);
  return { prints: fingerprints(tokens), keys: storyKeys(tokens).hashes };
}

/** Fingerprints a reference and deflates its body: the work done once, when it joins a library. */
export function packEntry(reference: Reference): PackEntry {
  const { body, ...meta } = reference;
  return { meta, ...prepare(body), deflatedBody: compressBody(body) };
}

export function compressBody(body: string): Uint8Array {
  return zlibSync(strToU8(body), { level: 6 });
}

export function encodePack(entries: readonly PackEntry[]): Uint8Array {
  const meta = strToU8(JSON.stringify({ scheme: FINGERPRINT_SCHEME, references: entries.map((e) => e.meta) }));
  const align4 = (n: number) => (n + 3) & ~3;
  const n = entries.length;
  const sum = (f: (e: PackEntry) => number) => entries.reduce((s, e) => s + f(e), 0);
  const printsAt = align4(HEADER + 4 + meta.length);
  const keysAt = printsAt + 4 * (n + 1 + sum((e) => e.prints.length));
  const bodiesAt = keysAt + 4 * (n + 1 + sum((e) => e.keys.length));
  const total = bodiesAt + 4 * (n + 1) + sum((e) => e.deflatedBody.length);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(strToU8(PACK_MAGIC), 0);
  view.setUint16(8, PACK_VERSION, true);
  view.setUint32(16, n, true);
  view.setUint32(HEADER, meta.length, true);
  out.set(meta, HEADER + 4);
  const writeArrays = (at: number, parts: readonly Uint32Array[]) => {
    let data = at + 4 * (parts.length + 1);
    view.setUint32(at, 0, true);
    parts.forEach((p, i) => {
      for (let k = 0; k < p.length; k++, data += 4) view.setUint32(data, p[k]!, true);
      view.setUint32(at + 4 * (i + 1), (data - at) / 4 - (parts.length + 1), true);
    });
  };
  writeArrays(printsAt, entries.map((e) => e.prints));
  writeArrays(keysAt, entries.map((e) => e.keys));
  let data = bodiesAt + 4 * (n + 1);
  entries.forEach((e, i) => {
    out.set(e.deflatedBody, data);
    data += e.deflatedBody.length;
    view.setUint32(bodiesAt + 4 * (i + 1), data - bodiesAt - 4 * (n + 1), true);
  });
  view.setUint32(12, crc32(out.subarray(16, bodiesAt + 4 * (n + 1))), true);
  return out;
}

export interface DecodedPack {
  entries: PackEntry[];
  /** False when the fingerprints were made by another scheme and must be made again. */
  currentScheme: boolean;
}

/**
 * Where the texts of a pack kept apart from the rest (the extension's store) are: loaded when a check needs
 * one, so that a wake reads the index and metadata, not every text.
 */
export interface TextSource {
  texts: Uint8Array | null;
  load(): Promise<void>;
}

/** One of a pack's per-reference arrays: reference i owns data[offsets[i]..offsets[i+1]). */
interface PackedArrays {
  offsets: Uint32Array;
  data: Uint32Array;
}

/** What the entries of one decoded segment share: its arrays and where its texts are. */
interface SegmentParts {
  prints: PackedArrays;
  keys: PackedArrays;
  bodyOffsets: Uint32Array;
  source: TextSource;
}

/**
 * A packed reference whose text lives in a TextSource. Its arrays are cut from the segment's when first
 * read: a wake that restores the engine's kept indexes reads none of them.
 */
class EntryWithTextApart implements PackEntry {
  constructor(
    readonly meta: ReferenceMeta,
    private readonly parts: SegmentParts,
    private readonly at: number,
  ) {}

  get prints(): Uint32Array {
    const { offsets, data } = this.parts.prints;
    return data.subarray(offsets[this.at]!, offsets[this.at + 1]!);
  }

  get keys(): Uint32Array {
    const { offsets, data } = this.parts.keys;
    return data.subarray(offsets[this.at]!, offsets[this.at + 1]!);
  }

  get source(): TextSource {
    return this.parts.source;
  }

  get textLength(): number {
    return this.parts.bodyOffsets[this.at + 1]! - this.parts.bodyOffsets[this.at]!;
  }

  get deflatedBody(): Uint8Array {
    const texts = this.parts.source.texts;
    const to = this.parts.bodyOffsets[this.at + 1]!;
    if (!texts || to > texts.length) throw new PackError(`the text of ${this.meta.id} is not loaded`);
    return texts.subarray(this.parts.bodyOffsets[this.at]!, to);
  }
}

/** Splits an encoded pack into what a wake reads (checksummed: header, metadata, arrays, offsets) and its texts. */
export function splitPack(bytes: Uint8Array): { index: Uint8Array; texts: Uint8Array } {
  const end = indexEnd(bytes);
  return { index: bytes.slice(0, end), texts: bytes.slice(end) };
}

/** Where the checksummed part ends, found from the arrays' offsets, each bounded before it is used. */
function indexEnd(bytes: Uint8Array): number {
  if (bytes.length < HEADER + 4 || strFromU8(bytes.subarray(0, 8)) !== PACK_MAGIC) throw new PackError('not a Spinscope reference pack');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(8, true);
  if (version !== PACK_VERSION) throw new PackError(`pack version ${version} is not supported (this version reads ${PACK_VERSION})`);
  const n = view.getUint32(16, true);
  const damaged = () => new PackError('the pack is damaged (its checksum does not match)');
  let end = (HEADER + 4 + view.getUint32(HEADER, true) + 3) & ~3;
  for (let section = 0; section < 3; section++) {
    if (end + 4 * (n + 1) > bytes.length) throw damaged();
    end += 4 * (n + 1) + (section < 2 ? 4 * view.getUint32(end + 4 * n, true) : 0);
  }
  if (end > bytes.length || view.getUint32(12, true) !== crc32(bytes.subarray(16, end))) throw damaged();
  return end;
}

/**
 * Reads a pack, refusing anything that is not a whole, unaltered pack of a version this code knows. With a
 * text source, `input` is the index part of a split pack and the texts are read from the source when needed.
 */
export function decodePack(input: Uint8Array, textsApart?: TextSource): DecodedPack {
  // Typed-array views need 4-byte alignment: a pack read at an odd offset is copied once.
  const bytes = input.byteOffset % 4 ? input.slice() : input;
  const end = indexEnd(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(16, true);
  const metaLength = view.getUint32(HEADER, true);
  let header: { scheme?: unknown; references?: unknown };
  try {
    header = JSON.parse(strFromU8(bytes.subarray(HEADER + 4, HEADER + 4 + metaLength))) as typeof header;
  } catch {
    throw new PackError('the pack is damaged (its metadata cannot be read)');
  }
  const metas = header.references;
  if (!Array.isArray(metas) || metas.length !== n || !metas.every(isMeta)) throw new PackError('the pack is damaged (bad reference metadata)');
  let at = (HEADER + 4 + metaLength + 3) & ~3;
  const readArrays = (): PackedArrays => {
    const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + at, n + 1);
    const length = offsets[n]!;
    at += 4 * (n + 1);
    if (!ascending(offsets)) throw new PackError('the pack is damaged (bad offsets)');
    const data = new Uint32Array(bytes.buffer, bytes.byteOffset + at, length);
    at += 4 * length;
    return { offsets, data };
  };
  const prints = readArrays();
  const keys = readArrays();
  const bodyOffsets = new Uint32Array(bytes.buffer, bytes.byteOffset + at, n + 1);
  const bodies = bytes.subarray(end);
  if (!ascending(bodyOffsets) || (textsApart ? end !== bytes.length : bodyOffsets[n] !== bodies.length)) throw new PackError('the pack is damaged (bad offsets)');
  const parts = textsApart ? { prints, keys, bodyOffsets, source: textsApart } : null;
  const entries = (metas as ReferenceMeta[]).map((meta, i): PackEntry => parts
    ? new EntryWithTextApart(meta, parts, i)
    : {
      meta,
      prints: prints.data.subarray(prints.offsets[i]!, prints.offsets[i + 1]!),
      keys: keys.data.subarray(keys.offsets[i]!, keys.offsets[i + 1]!),
      deflatedBody: bodies.subarray(bodyOffsets[i]!, bodyOffsets[i + 1]!),
    });
  return { entries, currentScheme: header.scheme === FINGERPRINT_SCHEME };
}

/** Loads the texts kept apart of these references (those a check is about to read) or pack entries. */
export async function loadTexts(items: readonly (Reference | PackEntry)[]): Promise<void> {
  const sources = new Set<TextSource>();
  for (const item of items) {
    const entry = 'meta' in item ? item : packedBodies.get(item);
    if (entry instanceof EntryWithTextApart && !entry.source.texts) sources.add(entry.source);
  }
  await Promise.all([...sources].map((s) => s.load()));
}

/** Bytes of an entry's compressed text, known without loading a text kept apart. */
export function compressedTextLength(entry: PackEntry): number {
  return entry instanceof EntryWithTextApart ? entry.textLength : entry.deflatedBody.length;
}

function ascending(offsets: Uint32Array): boolean {
  for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) return false;
  return offsets[0] === 0;
}

const TEXT_FIELDS = ['id', 'title', 'source', 'role', 'roleReason'] as const;

function isMeta(v: unknown): v is ReferenceMeta {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return TEXT_FIELDS.every((f) => typeof r[f] === 'string') && Array.isArray(r.boilerplate) &&
    (r.url === null || typeof r.url === 'string') && (r.date === null || typeof r.date === 'string');
}

/** The body of a packed reference, inflated and checked against its own checksum. */
export function entryBody(entry: PackEntry): string {
  const z = entry.deflatedBody;
  let raw: Uint8Array | null = null;
  try {
    raw = unzlibSync(z);
  } catch {
    // reported below
  }
  const stored = z.length >= 4 ? ((z[z.length - 4]! << 24) | (z[z.length - 3]! << 16) | (z[z.length - 2]! << 8) | z[z.length - 1]!) >>> 0 : -1;
  if (!raw || adler32(raw) !== stored) throw new PackError(`the pack is damaged (the text of ${entry.meta.id} cannot be read)`);
  return strFromU8(raw);
}

/** Reads every body once: a pack taken in from outside is refused whole when any text is damaged. */
export function checkBodies(decoded: DecodedPack): void {
  for (const entry of decoded.entries) entryBody(entry);
}

/**
 * References whose bodies are inflated only when first read (a check reads the few it aligns), with the
 * fingerprints and story keys the engine indexes. Fingerprints of another scheme are made again.
 */
export function restoreReferences(decoded: DecodedPack, origin?: Reference['origin']): { references: Reference[]; prepared: Prepared[] } {
  const references = decoded.entries.map((entry) => lazyReference(entry, origin));
  // An entry is its own Prepared: its arrays are read only if the engine indexes it.
  const prepared = decoded.currentScheme ? decoded.entries : references.map((r) => prepare(r.body));
  return { references, prepared };
}

/** Where each restored reference's compressed body is, for the `body` getter all of them share. */
const packedBodies = new WeakMap<object, PackEntry>();

/**
 * The prototype of restored references: `body` inflates the text on first read and keeps it as the
 * reference's own property. A shared getter costs a wake nothing per reference, where defining one on each
 * of 10,000 objects costs tens of milliseconds. Spreading such a reference copies own fields only: use
 * `materialize` for a plain copy.
 */
const PACKED_REFERENCE = {
  get body(): string {
    const body = entryBody(packedBodies.get(this)!);
    Object.defineProperty(this, 'body', { value: body, enumerable: true, writable: true, configurable: true });
    return body;
  },
};

function lazyReference(entry: PackEntry, origin?: Reference['origin']): Reference {
  const reference = Object.setPrototypeOf(origin ? { ...entry.meta, origin } : { ...entry.meta }, PACKED_REFERENCE) as Reference;
  packedBodies.set(reference, entry);
  return reference;
}

/** A plain copy of a reference, its body included (restored references keep theirs behind a getter). */
export function materialize(reference: Reference): Reference {
  return { ...reference, body: reference.body };
}
