import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { segments } from '../../../../src/core/boilerplate/segments.ts';
import { BOILERPLATE_RULES } from '../../../../src/core/boilerplate/rules.ts';
import { FoldedText, requiredWords } from '../../../../src/core/boilerplate/prefilter.ts';
import { isSpace, paragraphs, wordCount } from '../../../../src/core/text/text.ts';
import { loadSeedLibrary } from '../../../../src/node/library.ts';
import { loadRealWeb } from '../../../fixtures/real-web/corpus.ts';

const realTexts = [...loadRealWeb().map((p) => ({ text: p.text, url: p.url })), ...(await loadSeedLibrary()).map((r) => ({ text: r.body, url: r.url }))];
const patterns = BOILERPLATE_RULES.flatMap((rule) => rule.patterns.map((source) => ({ rule: rule.id, regex: new RegExp(source, 'iu'), required: requiredWords(source) })));

describe('requiredWords', () => {
  it('reads the literal words a pattern cannot match without, the most telling first', () => {
    expect(requiredWords(String.raw`^(?:source|via)\s*[:–-]?\s*(?:https?:\/\/|www\.)\S+$`)).toEqual([['http://', 'https://', 'www.'], ['source', 'via']]);
    expect(requiredWords(String.raw`^this\s+(?:article|post)\s+was\b`)).toEqual([['this'], ['article', 'post'], ['was']]);
    // Optional and repeated parts: "auto" may be missing, "feed" must be there ("feeds" holds it).
    expect(requiredWords(String.raw`(?:auto)?(?:news\s+)+feeds?`)).toEqual([['news'], ['feed']]);
    // A lookahead's words are in the text too; a negative one says nothing; a character class is any text.
    expect(requiredWords(String.raw`^(?=.*admin$)(?!by\b)[a-z]+`)).toEqual([['admin']]);
    expect(requiredWords(String.raw`^\p{L}+$`)).toEqual([]);
    // Letters outside ASCII are left out of the words (their case folding is not the text's lower case).
    expect(requiredWords(String.raw`^dépêche\b`)).toEqual([['che'], ['d'], ['p']]);
  });

  it('reads every rule\'s patterns, and finds words for every one of them', () => {
    const without = patterns.filter((p) => !p.required.length).map((p) => p.rule);
    expect(without).toEqual([]);
  });
});

describe('FoldedText', () => {
  it('holds an ASCII word wherever a case-insensitive pattern finds it (capitals, long s, Kelvin sign)', () => {
    const ascii = /[\x20-\x7e]/iu;
    const found: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!ascii.test(c)) continue;
      for (let x = 0x20; x <= 0x7e; x++) {
        const letter = String.fromCharCode(x);
        if (!new RegExp(`[${letter === ']' || letter === '\\' || letter === '^' || letter === '-' ? `\\${letter}` : letter}]`, 'iu').test(c)) continue;
        if (!new FoldedText(`a${c}b`).has(letter.toLowerCase())) found.push(`U+${cp.toString(16)} ${letter}`);
      }
    }
    expect(found).toEqual([]);
    expect(new FoldedText('THIS WAS ſOURCED').holds([['sourced'], ['this']])).toBe(true);
    expect(new FoldedText('This was written').holds([['sourced'], ['this']])).toBe(false);
  });

  it('never turns away a real paragraph or sentence that a pattern matches', () => {
    let matched = 0;
    for (const { text } of realTexts) {
      for (const para of paragraphs(text)) {
        const folded = new FoldedText(para.text);
        for (const part of [para.text, ...segments(para.text).map((s) => s.text)]) {
          for (const p of patterns) {
            if (!p.regex.test(part)) continue;
            matched++;
            expect(folded.holds(p.required), `${p.rule}: ${part}`).toBe(true);
            expect(new FoldedText(part).holds(p.required), `${p.rule}: ${part}`).toBe(true);
          }
        }
      }
    }
    expect(matched).toBeGreaterThan(60);
  });

  it('never turns away a matching line whatever its case or spelling of s and k', () => {
    const matching = realTexts.flatMap(({ text }) => paragraphs(text).flatMap((para) => patterns.filter((p) => p.regex.test(para.text)).map((p) => ({ p, text: para.text }))));
    fc.assert(
      fc.property(fc.constantFrom(...matching), fc.array(fc.constantFrom('upper', 'lower', 'long-s', 'kelvin', 'keep'), { minLength: 1, maxLength: 400 }), ({ p, text }, changes) => {
        const changed = [...text].map((c, i) => {
          const how = changes[i % changes.length];
          if (how === 'upper') return c.toUpperCase().length === 1 ? c.toUpperCase() : c;
          if (how === 'lower') return c.toLowerCase().length === 1 ? c.toLowerCase() : c;
          if (how === 'long-s' && (c === 's' || c === 'S')) return 'ſ';
          if (how === 'kelvin' && (c === 'k' || c === 'K')) return '\u212a';
          return c;
        }).join('');
        if (p.regex.test(changed)) expect(new FoldedText(changed).holds(p.required)).toBe(true);
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});

describe('cleaning with the prefilter', () => {
  it('finds exactly what running every pattern on every paragraph finds, on the real pages and the seeds', async () => {
    const filtered = await import('../../../../src/core/boilerplate/clean.ts');
    vi.resetModules();
    vi.doMock('../../../../src/core/boilerplate/prefilter.ts', async (original) => {
      const real = await original<typeof import('../../../../src/core/boilerplate/prefilter.ts')>();
      class Unfiltered extends real.FoldedText {
        override holds(): boolean {
          return true;
        }
      }
      return { ...real, FoldedText: Unfiltered };
    });
    const unfiltered = await import('../../../../src/core/boilerplate/clean.ts');
    vi.doUnmock('../../../../src/core/boilerplate/prefilter.ts');
    expect(unfiltered.cleanText).not.toBe(filtered.cleanText);
    let hits = 0;
    for (const { text, url } of realTexts) {
      const a = filtered.cleanText(text, { url });
      const b = unfiltered.cleanText(text, { url });
      expect(a.hits).toEqual(b.hits);
      expect(a.excluded).toEqual(b.excluded);
      expect([a.title, a.source, a.date]).toEqual([b.title, b.source, b.date]);
      hits += a.hits.length;
    }
    expect(hits).toBeGreaterThan(60);
  });
});

describe('wordCount', () => {
  it('counts what splitting on white space counts', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
    for (const text of ['', '  ', 'one', ' one  two\u00a0three\u3000', 'a\tb\nc']) expect(wordCount(text)).toBe(text.split(/\s+/).filter(Boolean).length);
  });
});
