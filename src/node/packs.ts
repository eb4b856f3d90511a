/** Reference packs on disk: telling one from a document and reading one. */
import { open, readFile } from 'node:fs/promises';
import { checkBodies, decodePack, PACK_MAGIC, PackError, restoreReferences, type Prepared } from '../core/pack/format.ts';
import type { Reference } from '../core/index.ts';
import { DocumentError } from './documents.ts';

/** References with, for those restored from a pack, their fingerprints (undefined: made by the engine). */
export interface Library {
  references: Reference[];
  prepared: (Prepared | undefined)[];
}

/** A file is a pack when it starts with the pack's magic, whatever its name. */
export async function isPackFile(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
    const head = Buffer.alloc(PACK_MAGIC.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.toString('latin1') === PACK_MAGIC;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

export async function readPackFile(file: string, origin: Reference['origin']): Promise<Library> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new DocumentError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    const decoded = decodePack(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // Every text is checked before any is used: a damaged one refuses the pack, not a check halfway through.
    checkBodies(decoded);
    return restoreReferences(decoded, origin);
  } catch (error) {
    if (error instanceof PackError) throw new DocumentError(file, error.message);
    throw error;
  }
}
