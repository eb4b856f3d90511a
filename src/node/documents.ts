/** Files and folders on disk as documents: the command's side of extract/document.ts. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawDocument } from '../core/index.ts';
import { DOCUMENT_EXTENSIONS, DocumentError, extensionOf, isHtmlFile, readDocumentBytes, type HtmlReader } from '../extract/document.ts';

export { isWebAddress } from '../extract/address.ts';
export { DocumentError };

const noHtml: HtmlReader = () => ({ article: null, declared: null });

/** Reads a .txt or .html file into a raw document, its id the file's name. */
export async function readDocument(file: string, url?: string): Promise<RawDocument> {
  let bytes: Buffer;
  try {
    if ((await stat(file)).isDirectory()) throw new DocumentError(file, 'folder holds no .txt, .html or .htm files');
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const readHtml = isHtmlFile(file) ? (await import('./html.ts')).readHtml : noHtml;
  const { name, ...doc } = readDocumentBytes(file, bytes, readHtml, url);
  return { id: name, ...doc };
}

/** Expands files and folders into the document files they hold (folders: .txt/.html/.htm, sorted). */
export async function listDocumentFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      files.push(path); // reported as unreadable by readDocument, in order
      continue;
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((n) => DOCUMENT_EXTENSIONS.has(extensionOf(n))).sort();
    // An empty folder is kept as an input of its own, so that it is reported rather than silently skipped.
    files.push(...(names.length ? names.map((n) => join(path, n)) : [path]));
  }
  return files;
}
