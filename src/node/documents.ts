import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { RawDocument } from '../core/index.ts';

export { isWebAddress } from '../extract/address.ts';

/** A file that could not be read as a document, with a reason a person can act on. */
export class DocumentError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.html', '.htm']);
const HTML_EXTENSIONS = new Set(['.html', '.htm']);

/**
 * Reads a .txt or .html file into a raw document; HTML goes through the same extraction as the extension.
 * The page's address is `url` when given, else what an HTML page declares (canonical link or og:url).
 */
export async function readDocument(file: string, url?: string): Promise<RawDocument> {
  let bytes: Buffer;
  try {
    if ((await stat(file)).isDirectory()) throw new DocumentError(file, 'folder holds no .txt, .html or .htm files');
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (bytes.length === 0) throw new DocumentError(file, 'empty file');
  if (bytes.subarray(0, 8192).includes(0)) throw new DocumentError(file, 'binary file, not text or HTML');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    throw new DocumentError(file, 'not UTF-8 text');
  }
  if (!text.trim()) throw new DocumentError(file, 'empty file (only whitespace)');
  const id = basename(file, extname(file));
  if (!HTML_EXTENSIONS.has(extname(file).toLowerCase())) return { id, text, ...(url ? { url } : {}) };
  const { declared, article } = (await import('./html.ts')).readHtml(text);
  if (!article) throw new DocumentError(file, 'no article text found in this HTML page');
  const address = url ?? declared;
  return { id, text: article.text, title: article.title, ...(article.siteName ? { source: article.siteName } : {}), ...(address ? { url: address } : {}) };
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
    const names = (await readdir(path)).filter((n) => DOCUMENT_EXTENSIONS.has(extname(n).toLowerCase())).sort();
    // An empty folder is kept as an input of its own, so that it is reported rather than silently skipped.
    files.push(...(names.length ? names.map((n) => join(path, n)) : [path]));
  }
  return files;
}
