import { describe, expect, it } from 'vitest';
import { DocumentError, readDocumentBytes, type HtmlReader } from '../../../src/extract/document.ts';
import { readHtml } from '../../../src/node/html.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const neverHtml: HtmlReader = () => {
  throw new Error('a text file must not be parsed as HTML');
};
const para = (word: string) => Array.from({ length: 12 }, (_, i) => `${word} sentence ${i} reports on the harbour council's late vote on the budget.`).join(' ');
const PAGE = `<!doctype html><html><head><title>Harbour budget passes - Coast Post</title>
  <link rel="canonical" href="https://coast.example/budget"><meta property="og:site_name" content="Coast Post"></head>
  <body><article><h1>Harbour budget passes</h1><p>${para('First')}</p><p>${para('Second')}</p><p>${para('Third')}</p></article></body></html>`;

function problemOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof DocumentError) return error.problem;
    throw error;
  }
  return 'none';
}

describe('readDocumentBytes: the one reader of files for the command and the options page', () => {
  it('takes a text file as it is, line breaks normalised and a byte-order mark dropped, named by its file', () => {
    const doc = readDocumentBytes('notes/story.v2.txt', bytes('\uFEFFLine one\r\nLine two\rLine three'), neverHtml);
    expect(doc).toEqual({ name: 'story.v2', text: 'Line one\nLine two\nLine three' });
  });

  it('reads an HTML page through the article extraction, with its title, site and declared address', () => {
    const doc = readDocumentBytes('C:\\pages\\budget.HTML', bytes(PAGE), readHtml);
    expect(doc.name).toBe('budget');
    expect(doc.title).toMatch(/^Harbour budget passes/);
    expect(doc.source).toBe('Coast Post');
    expect(doc.url).toBe('https://coast.example/budget');
    expect(doc.text.split('\n\n')).toHaveLength(3);
  });

  it('prefers the address it is given to the one the page declares', () => {
    expect(readDocumentBytes('budget.htm', bytes(PAGE), readHtml, 'https://mirror.example/b').url).toBe('https://mirror.example/b');
  });

  it('refuses empty, whitespace-only, binary, non-UTF-8 and article-less files, each with its own problem', () => {
    expect(problemOf(() => readDocumentBytes('a.txt', new Uint8Array(), neverHtml))).toBe('empty');
    expect(problemOf(() => readDocumentBytes('a.txt', bytes(' \n\t '), neverHtml))).toBe('empty');
    expect(problemOf(() => readDocumentBytes('a.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), neverHtml))).toBe('binary');
    expect(problemOf(() => readDocumentBytes('a.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), neverHtml))).toBe('not-utf8');
    expect(problemOf(() => readDocumentBytes('a.html', bytes('<html><head><title>Empty</title></head><body></body></html>'), readHtml))).toBe('no-article');
  });
});
