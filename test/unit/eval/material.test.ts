/**
 * The evaluation-material readers (CSV, zip, tar.gz, the corpus parsers) and the committed paraphrase
 * fixtures: what the evaluation is measured on must be parsed right and carry its provenance.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { abc, detokeniseBrown, reuters21578, wmt } from '../../eval/material/corpora.ts';
import { parseCsv, readTarGz, readZip } from '../../eval/material/formats.ts';
import { selectFluent } from '../../eval/material/fluent.ts';
import type { FixtureFile } from '../../eval/material/fixtures.ts';

/** A little-endian record: `size` bytes with [offset, width (2 or 4), value] fields written in. */
function record(size: number, fields: [number, 2 | 4, number][]): Buffer {
  const buf = Buffer.alloc(size);
  for (const [at, width, value] of fields) {
    if (width === 2) buf.writeUInt16LE(value, at);
    else buf.writeUInt32LE(value, at);
  }
  return buf;
}

/** A zip archive of stored and deflated entries, built by hand to the PKWARE layout. */
function zip(entries: [string, string, boolean][]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text, deflate] of entries) {
    const raw = Buffer.from(text);
    const data = deflate ? deflateRawSync(raw) : raw;
    const nameBuf = Buffer.from(name);
    const method = deflate ? 8 : 0;
    parts.push(record(30, [[0, 4, 0x04034b50], [8, 2, method], [18, 4, data.length], [22, 4, raw.length], [26, 2, nameBuf.length]]), nameBuf, data);
    centrals.push(
      record(46, [[0, 4, 0x02014b50], [10, 2, method], [20, 4, data.length], [24, 4, raw.length], [28, 2, nameBuf.length], [42, 4, offset]]),
      nameBuf,
    );
    offset += 30 + nameBuf.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  return Buffer.concat([...parts, dir, record(22, [[0, 4, 0x06054b50], [10, 2, entries.length], [12, 4, dir.length], [16, 4, offset]])]);
}

function tarGz(name: string, text: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write(`${Buffer.byteLength(text).toString(8).padStart(11, '0')}\0`, 124);
  header.write('0', 156);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(text) / 512) * 512);
  body.write(text);
  return gzipSync(Buffer.concat([header, body, Buffer.alloc(1024)]));
}

describe('material formats', () => {
  it('parses quoted CSV fields with commas, doubled quotes and newlines', () => {
    expect(parseCsv('title,text\n"A, B","He said ""no""\nthen left"\r\nC,D\n')).toEqual([
      ['title', 'text'],
      ['A, B', 'He said "no"\nthen left'],
      ['C', 'D'],
    ]);
  });

  it('reads stored and deflated zip entries', () => {
    const files = readZip(zip([['abc/rural.txt', 'deflated text '.repeat(20), true], ['abc/README', 'stored', false]]));
    expect(files.get('abc/rural.txt')?.toString()).toBe('deflated text '.repeat(20));
    expect(files.get('abc/README')?.toString()).toBe('stored');
  });

  it('refuses a file that is not a zip archive with a clear error', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just text'))).toThrow(/not a zip archive/);
  });

  it('reads a gzipped tar archive', () => {
    expect(readTarGz(tarGz('package/ca01', 'The/at jury/nn ./.')).get('package/ca01')?.toString()).toBe('The/at jury/nn ./.');
  });
});

describe('corpus parsers', () => {
  it('Reuters-21578: dateline kept, wire wraps joined, indented lines start paragraphs, tables dropped', () => {
    const sgm = `<REUTERS NEWID="7"><TEXT><TITLE>GRAIN &amp; OIL</TITLE><DATELINE>    CHICAGO, March 2 - </DATELINE><BODY>Prices rose
sharply today.
    Traders said demand &lt;was&gt; strong.
 Reuter
&#3;</BODY></TEXT></REUTERS>
<REUTERS NEWID="8"><TEXT><BODY>Prices -
 Wheat   2.55   2.40
 Corn    1.35   1.92
 Reuter</BODY></TEXT></REUTERS>`;
    const out = reuters21578.parse(new Map([['reut2-000.sgm', Buffer.from(sgm)]]));
    expect(out).toEqual([
      {
        id: 'reuters-21578-7',
        url: 'https://kdd.ics.uci.edu/databases/reuters21578/reuters21578.html#NEWID=7',
        title: 'GRAIN & OIL',
        text: 'CHICAGO, March 2 - Prices rose sharply today.\nTraders said demand <was> strong.',
      },
    ]);
  });

  it('ABC: blank-line blocks become articles with their first line as title', () => {
    const out = abc.parse(new Map([['abc/science.txt', Buffer.from('Headline one\r\nFirst line.\r\nSecond line.\r\n\r\nHeadline two\r\nBody.\r\n')]]));
    expect(out.map((a) => [a.id, a.title, a.text])).toEqual([
      ['abc-science-1', 'Headline one', 'First line.\nSecond line.'],
      ['abc-science-2', 'Headline two', 'Body.'],
    ]);
  });

  it('WMT: the English side of a translated article comes from the reference, of an English one from the source', () => {
    const doc = (lang: string, id: string, seg: string) =>
      `<doc docid="${id}" genre="news" origlang="${lang}"><p><seg id="1">Title ${id}</seg></p><p><seg id="2">${seg}</seg> <seg id="3">More.</seg></p></doc>`;
    const ref = `<refset>${doc('de', '1-zeit.de', 'Translated text.')}${doc('en', '2-cnn.com', 'Reference copy of English.')}</refset>`;
    const src = `<srcset>${doc('de', '1-zeit.de', 'Should not be used.')}${doc('en', '2-cnn.com', 'English original.')}</srcset>`;
    const out = wmt.parse(new Map([['dev/newstest2014-deen-ref.en.sgm', Buffer.from(ref)], ['dev/newstest2014-deen-src.en.sgm', Buffer.from(src)]]));
    expect(out.map((a) => [a.corpus, a.source, a.title, a.text])).toEqual([
      ['wmt-newstest-translated', 'zeit.de, translated from German by a human translator', 'Title 1-zeit.de', 'Translated text. More.'],
      ['wmt-newstest-english', 'cnn.com', 'Title 2-cnn.com', 'English original. More.'],
    ]);
  });

  it('Brown: tags stripped, quotes and punctuation rejoined', () => {
    expect(detokeniseBrown("\tThe/at jury/nn said/vbd ``/`` it's/pps+bez fine/jj ''/'' ,/, Jr./np ./.")).toBe('The jury said "it\'s fine", Jr.');
  });

  it('keeps long articles once and drops short ones and duplicates', () => {
    const long = (w: string) => Array.from({ length: 160 }, () => w).join(' ');
    const base = { corpus: 'c', source: 's', licence: 'l', url: 'u', title: '' };
    const out = selectFluent([
      { ...base, id: 'a', text: long('alpha') },
      { ...base, id: 'b', text: `${long('alpha')}!` },
      { ...base, id: 'c', text: 'too short' },
      { ...base, id: 'd', text: long('beta') },
    ]);
    expect(out.map((a) => a.id)).toEqual(['a', 'd']);
  });
});

describe('committed paraphrase fixtures', () => {
  const dir = resolve(import.meta.dirname, '../../fixtures/paraphrase');
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FixtureFile);

  it('cover several language pairs, each item with its provenance and a real rewrite', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
    for (const file of fixtures) {
      expect(file.producedBy).toMatch(/^apertium-\S+ \d/);
      for (const item of file.items) {
        expect(item.url).toMatch(/^https:\/\//);
        expect(item.licence).toMatch(/redistribution permitted/);
        expect(item.rewritten).not.toBe(item.original);
        expect(item.original.split(/\s+/).length).toBeLessThanOrEqual(260);
      }
    }
  });

  it('use every excerpt once', () => {
    const originals = fixtures.flatMap((f) => f.items.map((i) => i.original));
    expect(new Set(originals).size).toBe(originals.length);
  });
});
