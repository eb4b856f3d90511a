import { fileURLToPath } from 'node:url';
import { buildReference, type Reference } from '../core/index.ts';
import { listDocumentFiles, readDocument } from './documents.ts';
import { nodeSourceFreeAnalyser } from './source-free.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** Builds references from files and folders of documents; fails on the first unreadable one. */
export async function loadReferences(paths: readonly string[], origin: Reference['origin']): Promise<Reference[]> {
  const references: Reference[] = [];
  for (const file of await listDocumentFiles(paths)) {
    references.push(buildReference({ ...(await readDocument(file)), origin }, nodeSourceFreeAnalyser()));
  }
  return references;
}

/** The bundled library: every document in `seeds/` (or another folder given, for tests). */
export function loadSeedLibrary(dir: string = SEEDS_DIR): Promise<Reference[]> {
  return loadReferences([dir], 'bundled');
}
