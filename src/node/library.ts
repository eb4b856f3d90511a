/** The one loader of reference libraries on disk: document files, folders of them and packs. */
import { fileURLToPath } from 'node:url';
import { buildReference, type Reference } from '../core/index.ts';
import { DocumentError, listDocumentFiles, readDocument } from './documents.ts';
import { isPackFile, readPackFile, type Library } from './packs.ts';
import { nodeSourceFreeAnalyser } from './source-free.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** A pack named on the command line is taken as it is; folders give their documents. */
export async function listLibraryFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) files.push(...((await isPackFile(path)) ? [path] : await listDocumentFiles([path])));
  return files;
}

/**
 * Documents are read and fingerprinted; packs are restored as they are. A file that cannot be read is passed
 * to `skip` and left out; without `skip` the load fails on it.
 */
export async function loadLibrary(paths: readonly string[], origin: Reference['origin'], skip?: (error: DocumentError) => void): Promise<Library> {
  const library: Library = { references: [], prepared: [] };
  for (const file of await listLibraryFiles(paths)) {
    try {
      if (await isPackFile(file)) {
        const pack = await readPackFile(file, origin);
        library.references.push(...pack.references);
        library.prepared.push(...pack.prepared);
      } else {
        library.references.push(buildReference({ ...(await readDocument(file)), origin }, nodeSourceFreeAnalyser()));
        library.prepared.push(undefined);
      }
    } catch (error) {
      if (!(error instanceof DocumentError) || !skip) throw error;
      skip(error);
    }
  }
  return library;
}

/** Builds references from files and folders of documents; fails on the first unreadable one. */
export async function loadReferences(paths: readonly string[], origin: Reference['origin']): Promise<Reference[]> {
  return (await loadLibrary(paths, origin)).references;
}

/** The bundled library: every document in `seeds/` (or another folder given, for tests). */
export function loadSeedLibrary(dir: string = SEEDS_DIR): Promise<Reference[]> {
  return loadReferences([dir], 'bundled');
}

/** The compiled command ships the seed library as a pack beside it; from the sources it is built from seeds/. */
export const BUNDLED_PACK = new URL('./seeds.pack', import.meta.url);

export async function loadBundledLibrary(): Promise<Library> {
  if (await isPackFile(BUNDLED_PACK.pathname)) return readPackFile(BUNDLED_PACK.pathname, 'bundled');
  const references = await loadSeedLibrary();
  return { references, prepared: references.map(() => undefined) };
}
