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
 * read (checkBodies reads them all). The metadata is left uncompressed: inflating it cost a wake more than
 * reading the 2 MB it saves. The extension stores a pack in three parts (segment.ts).
 */
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { fingerprints, IMMUTABLE_GRAM, STOPWORD_GRAM, WINNOW_WINDOW } from '../match/fingerprint.ts';
import { STORY_KEYS, storyKeys } from '../match/story.ts';
import { tokenize } from '../text/text.ts';
import type { Reference } from '../types.ts';
import { adler32, crc32 } from './checksums.ts';

export const PACK_MAGIC = 'SPSCPACK';
export const PACK_VERSION = 1;
export const HEADER = 20;

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

/** One of a pack's per-reference arrays: reference i owns data[offsets[i]..offsets[i+1]). */
export interface PackedArrays {
  offsets: Uint32Array;
  data: Uint32Array;
}

/** Where each part of a pack starts (byte positions), every offset bounded and the checksum verified. */
export interface PackLayout {
  n: number;
  metaLength: number;
  /** Offsets, then data, of the fingerprints and of the story keys; then the bodies' offsets. */
  printsAt: number;
  keysAt: number;
  bodiesAt: number;
  /** End of the checksummed part: the bodies' data follow. */
  end: number;
}

export function packLayout(bytes: Uint8Array): PackLayout {
  if (bytes.length < HEADER + 4 || strFromU8(bytes.subarray(0, 8)) !== PACK_MAGIC) throw new PackError('not a Spinscope reference pack');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(8, true);
  if (version !== PACK_VERSION) throw new PackError(`pack version ${version} is not supported (this version reads ${PACK_VERSION})`);
  const n = view.getUint32(16, true);
  const metaLength = view.getUint32(HEADER, true);
  const damaged = () => new PackError('the pack is damaged (its checksum does not match)');
  const starts: number[] = [];
  let end = (HEADER + 4 + metaLength + 3) & ~3;
  for (let section = 0; section < 3; section++) {
    if (end + 4 * (n + 1) > bytes.length) throw damaged();
    starts.push(end);
    end += 4 * (n + 1) + (section < 2 ? 4 * view.getUint32(end + 4 * n, true) : 0);
  }
  if (end > bytes.length || view.getUint32(12, true) !== crc32(bytes.subarray(16, end))) throw damaged();
  return { n, metaLength, printsAt: starts[0]!, keysAt: starts[1]!, bodiesAt: starts[2]!, end };
}

/** The references' metadata of a pack (or a segment stored by version 1), each record checked. */
export function parseMetadata(json: Uint8Array, n: number): { metas: ReferenceMeta[]; scheme: string } {
  let header: { scheme?: unknown; references?: unknown };
  try {
    header = JSON.parse(strFromU8(json)) as typeof header;
  } catch {
    throw new PackError('the pack is damaged (its metadata cannot be read)');
  }
  const metas = header.references;
  if (!Array.isArray(metas) || metas.length !== n || !metas.every(isMeta)) throw new PackError('the pack is damaged (bad reference metadata)');
  return { metas, scheme: typeof header.scheme === 'string' ? header.scheme : '' };
}

/** One reference's metadata, stored on its own (segment.ts), checked as a pack's are. */
export function parseMeta(json: Uint8Array): ReferenceMeta {
  let meta: unknown;
  try {
    meta = JSON.parse(strFromU8(json));
  } catch {
    throw new PackError('the pack is damaged (its metadata cannot be read)');
  }
  if (!isMeta(meta)) throw new PackError('the pack is damaged (bad reference metadata)');
  return meta;
}

/** Offsets at `at` (n+1 of them, ascending from 0), bounded by `limit` entries of the data they index. */
export function readOffsets(bytes: Uint8Array, at: number, n: number, limit = Infinity): Uint32Array {
  const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + at, n + 1);
  if (!ascending(offsets) || offsets[n]! > limit) throw new PackError('the pack is damaged (bad offsets)');
  return offsets;
}

/** Reads a pack, refusing anything that is not a whole, unaltered pack of a version this code knows. */
export function decodePack(input: Uint8Array): DecodedPack {
  // Typed-array views need 4-byte alignment: a pack read at an odd offset is copied once.
  const bytes = input.byteOffset % 4 ? input.slice() : input;
  const layout = packLayout(bytes);
  const { n } = layout;
  const { metas, scheme } = parseMetadata(bytes.subarray(HEADER + 4, HEADER + 4 + layout.metaLength), n);
  const readArrays = (at: number): PackedArrays => {
    const offsets = readOffsets(bytes, at, n);
    return { offsets, data: new Uint32Array(bytes.buffer, bytes.byteOffset + at + 4 * (n + 1), offsets[n]!) };
  };
  const prints = readArrays(layout.printsAt);
  const keys = readArrays(layout.keysAt);
  const bodies = bytes.subarray(layout.end);
  const bodyOffsets = readOffsets(bytes, layout.bodiesAt, n);
  if (bodyOffsets[n] !== bodies.length) throw new PackError('the pack is damaged (bad offsets)');
  const entries = metas.map((meta, i): PackEntry => ({
    meta,
    prints: prints.data.subarray(prints.offsets[i]!, prints.offsets[i + 1]!),
    keys: keys.data.subarray(keys.offsets[i]!, keys.offsets[i + 1]!),
    deflatedBody: bodies.subarray(bodyOffsets[i]!, bodyOffsets[i + 1]!),
  }));
  return { entries, currentScheme: scheme === FINGERPRINT_SCHEME };
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

/** Every field of a reference but its body: a field left out here would read as undefined when restored. */
const META_FIELDS = Object.keys({
  id: true, title: true, source: true, date: true, url: true, boilerplate: true, role: true, roleReason: true, origin: true, learned: true, addedAt: true, sourceFree: true,
} satisfies Record<keyof ReferenceMeta, true>);

const own = (target: object, field: string, value: unknown) => Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true });

/**
 * A restored reference: its fields are read from its entry the first time any of them is, and `body`
 * inflates the text on first read; each is then the reference's own property. A wake that restores 10,000
 * references touches none of their metadata (a check reads the few it matches), and shared getters cost
 * nothing per reference where defining them on each object costs tens of milliseconds. Spreading such a
 * reference copies own fields only: use `materialize` for a plain copy.
 */
class PackedReference {
  readonly #entry: PackEntry;
  readonly #origin: Reference['origin'] | undefined;
  #resolved = false;

  constructor(entry: PackEntry, origin: Reference['origin'] | undefined) {
    this.#entry = entry;
    this.#origin = origin;
  }

  static entryOf(reference: object): PackEntry | undefined {
    return #entry in reference ? (reference as PackedReference).#entry : undefined;
  }

  /** Copies the entry's metadata onto the reference as its own fields (the entry parses it on first read). */
  static resolve(reference: object): void {
    if (!(#entry in reference)) return;
    const r = reference as PackedReference;
    if (r.#resolved) return;
    for (const [field, value] of Object.entries(r.#origin ? { ...r.#entry.meta, origin: r.#origin } : r.#entry.meta)) own(r, field, value);
    r.#resolved = true;
  }

  get body(): string {
    const body = entryBody(this.#entry);
    own(this, 'body', body);
    return body;
  }
}

for (const field of META_FIELDS) {
  Object.defineProperty(PackedReference.prototype, field, {
    get(this: PackedReference): unknown {
      PackedReference.resolve(this);
      // A field the metadata lacks (an optional one) stays undefined.
      return Object.getOwnPropertyDescriptor(this, field)?.value;
    },
  });
}

/** The pack entry a restored reference reads its body from. */
export function packedEntryOf(reference: Reference): PackEntry | undefined {
  return PackedReference.entryOf(reference);
}

function lazyReference(entry: PackEntry, origin?: Reference['origin']): Reference {
  return new PackedReference(entry, origin) as unknown as Reference;
}

/** A plain copy of a reference, its body included (restored references keep their fields behind getters). */
export function materialize(reference: Reference): Reference {
  PackedReference.resolve(reference);
  return { ...reference, body: reference.body };
}
