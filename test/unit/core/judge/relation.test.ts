/** Which case a `related` verdict is, and the credit that decided syndication. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReference } from '../../../../src/core/index.ts';
import { createNodeEngine } from '../../../../src/node/source-free.ts';
import { creditLine } from '../../../../src/core/judge/verdict-evidence.ts';

// A real independent report (test/fixtures/independent), used here as an original in the reader's library.
const ORIGINAL = readFileSync(new URL('../../../fixtures/independent/call-kremlin-readout.txt', import.meta.url), 'utf8');
const URL_A = 'https://news.example/world/kremlin-readout';
const reference = buildReference({ id: 'kremlin', text: ORIGINAL, title: 'Kremlin readout', source: 'Reuters', url: URL_A, origin: 'user' });
const engine = createNodeEngine([reference]);

describe('related: which case', () => {
  it('calls the library\'s own reference, at its own address, itself and not a copy', () => {
    const result = engine.check({ text: ORIGINAL, url: 'http://www.news.example/world/kremlin-readout/#top' });
    expect(result.verdict).toBe('related');
    expect(result.relation).toEqual({ kind: 'own-reference' });
    expect(result.match?.url).toBe(URL_A);
    // The same text elsewhere is a copy.
    expect(engine.check({ text: ORIGINAL, url: 'https://copies.example/kremlin' }).verdict).toBe('copy');
  });

  it('quotes the credit that makes a verbatim copy syndication', () => {
    const result = engine.check({ text: `${ORIGINAL}\n(Reporting by a staff correspondent; editing by the desk) (Reuters)`, url: 'https://paper.example/a' });
    expect(result.verdict).toBe('related');
    expect(result.relation).toEqual({ kind: 'syndication', credit: '(Reporting by a staff correspondent; editing by the desk) (Reuters)' });
  });

  it('names a trusted site as the case, and gives no case for a warning', () => {
    expect(engine.check({ text: ORIGINAL, url: 'https://paper.example/a', trusted: true }).relation).toEqual({ kind: 'trusted-site' });
    expect(engine.check({ text: ORIGINAL, url: 'https://copies.example/kremlin' }).relation).toBeNull();
  });
});

describe('creditLine', () => {
  it('returns the credit\'s line as written, not an auto-publishing "with inputs from"', () => {
    expect(creditLine('Body text.\nBy The Associated Press\nMore.', 'Associated Press')).toBe('By The Associated Press');
    expect(creditLine('Body text. (With inputs from Reuters)', 'Reuters')).toBeNull();
    expect(creditLine('Body text.', null)).toBeNull();
  });
});
