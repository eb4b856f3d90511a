/**
 * One reader for the documents a person hands Spinscope: the command's files and the options page's uploads.
 * Plain text is taken as it is; an HTML page goes through the extension's own article extraction, which the
 * caller supplies (`HtmlReader`) so that the command loads its HTML parser only when an HTML file is met.
 */
import type { ExtractedArticle } from './index.ts';

/** Why a file is not a document: the options page words each one, the command prints `reason`. */
export type DocumentProblem = 'unreadable' | 'empty' | 'binary' | 'not-utf8' | 'no-article';

/** A file that could not be read as a document, with a reason a person can act on. */
export class DocumentError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly problem: DocumentProblem = 'unreadable',
  ) {
    super(`${file}: ${reason}`);
  }
}

export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/** The article of an HTML page and the address the page declares for itself. */
export type HtmlReader = (html: string) => { article: ExtractedArticle | null; declared: string | null };

export interface ReadDocument {
  /** The file's name without its extension: the id on the command line, the title when none is found. */
  name: string;
  text: string;
  title?: string;
  source?: string;
  url?: string;
}

export const extensionOf = (file: string): string => /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '';
export const isHtmlFile = (file: string): boolean => /^\.html?$/.test(extensionOf(file));
const baseName = (file: string): string => (file.split(/[/\\]/).pop() ?? file).replace(/\.[^.]+$/, '');

/**
 * Bytes to a document: refuses empty, binary and non-UTF-8 files with their reason. The address is `url`
 * when given, else what an HTML page declares (canonical link or og:url).
 */
export function readDocumentBytes(file: string, bytes: Uint8Array, readHtml: HtmlReader, url?: string): ReadDocument {
  if (bytes.length === 0) throw new DocumentError(file, 'empty file', 'empty');
  if (bytes.subarray(0, 8192).includes(0)) throw new DocumentError(file, 'binary file, not text or HTML', 'binary');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    throw new DocumentError(file, 'not UTF-8 text', 'not-utf8');
  }
  if (!text.trim()) throw new DocumentError(file, 'empty file (only whitespace)', 'empty');
  const name = baseName(file);
  if (!isHtmlFile(file)) return { name, text, ...(url ? { url } : {}) };
  const { declared, article } = readHtml(text);
  if (!article) throw new DocumentError(file, 'no article text found in this HTML page', 'no-article');
  const address = url ?? declared;
  return {
    name,
    text: article.text,
    ...(article.title ? { title: article.title } : {}),
    ...(article.siteName ? { source: article.siteName } : {}),
    ...(address ? { url: address } : {}),
  };
}
