/**
 * The real-pairs corpus (reworded copies found on the web, next to their originals) and the levels measured
 * on it by `npm run eval`. The floors hold the level measured when the corpus was collected, not a target:
 * most copies are still taken for the originals (README, "Real reworded copies").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../../src/core/index.ts';
import type { CheckResult } from '../../../src/core/types.ts';
import { SENSITIVITIES, warns } from '../../../src/core/vocabulary.ts';
import { createNodeEngine, nodeSourceFreeAnalyser } from '../../../src/node/source-free.ts';
import { loadRealPairs, parseRealPair, type RealPair } from '../../fixtures/real-pairs/corpus.ts';
import { scoreRealPairs, type RealPairsReport } from '../../eval/real-pairs.ts';
import type { PairOutcome } from '../../eval/source-free.ts';

const filler = (word: string) => Array.from({ length: 120 }, () => word).join(' ');
const file = (lines: string[], sections = `--- copy\n${filler('copy')}\n--- original\n${filler('original')}\n`) => `${lines.join('\n')}\n${sections}`;
const header = [
  'kind: spun',
  'story: Agency, a story, 1 January 2024',
  'copy-url: https://copies.example/a',
  'copy-site: copies.example',
  'original-url: https://www.originals.example/a',
  'original-site: originals.example',
];

describe('real-pairs corpus', () => {
  const pairs = loadRealPairs();
  const of = (kind: RealPair['kind']) => pairs.filter((p) => p.kind === kind);

  it('holds reworded copies from many sites next to their originals, and independent reports', () => {
    expect(of('spun').length).toBeGreaterThanOrEqual(14);
    expect(of('translated').length).toBeGreaterThanOrEqual(14);
    expect(of('independent').length).toBeGreaterThanOrEqual(12);
    const copySites = new Set([...of('spun'), ...of('translated')].map((p) => p.sides[0].site));
    expect(copySites.size).toBeGreaterThanOrEqual(21);
    const copies = pairs.map((p) => p.sides[0].url);
    expect(new Set(copies).size).toBe(copies.length);
  });

  it('parses a well-formed file into its two sides', () => {
    const p = parseRealPair('spun-example', file(header));
    expect(p.kind).toBe('spun');
    expect(p.sides.map((s) => [s.role, s.site])).toEqual([['copy', 'copies.example'], ['original', 'originals.example']]);
    expect(p.sides[1].text.split(' ')).toHaveLength(120);
  });

  it('names the file and the fault when a file is malformed', () => {
    expect(() => parseRealPair('spun-x', file(header.filter((l) => !l.startsWith('kind'))))).toThrow('spun-x: kind must be one of spun, translated, independent');
    expect(() => parseRealPair('translated-x', file(header))).toThrow('the file name must start with its kind "spun-"');
    expect(() => parseRealPair('spun-x', file(header, `--- original\n${filler('a')}\n--- copy\n${filler('b')}\n`))).toThrow('a spun pair has sections "copy", "original", in that order, not "original, copy"');
    expect(() => parseRealPair('spun-x', file([...header.slice(0, 3), 'copy-site: elsewhere.example', ...header.slice(4)]))).toThrow('copy-site "elsewhere.example" is not the host of copy-url (copies.example)');
    expect(() => parseRealPair('spun-x', file(header, `--- copy\nshort text\n--- original\n${filler('b')}\n`))).toThrow('the copy excerpt has 2 words, not 100–400');
    expect(() => parseRealPair('spun-x', file([...header, 'author: someone']))).toThrow('unknown header "author"');
    const sameSite = header.map((l) => l.replace('originals.example', 'copies.example'));
    expect(() => parseRealPair('spun-x', file(sameSite))).toThrow('both sides are on copies.example');
  });
});

describe('real-pairs scoring', () => {
  const result = (verdict: CheckResult['verdict'], knownSpunCopy = false) => ({ verdict, match: null, reasons: [], knownSpunCopy: knownSpunCopy ? { referenceId: 'r', title: 't', source: 's' } : null }) as unknown as CheckResult;
  const outcome = (forward: CheckResult, backward: CheckResult, caught: boolean): PairOutcome =>
    ({ forward, backward, fromTrusted: forward, caught, caughtFromTrusted: caught, byKeyOrder: false, falseWarning: backward.verdict === 'spun', knownCopy: !!backward.knownSpunCopy, sourceFree: false });
  const roles = { spun: ['copy', 'original'], translated: ['copy', 'original'], independent: ['first', 'second'] } as const;
  const pair = (id: string, kind: RealPair['kind']) => {
    const [a, b] = roles[kind];
    const lines = [`kind: ${kind}`, 'story: Agency, a story', `${a}-url: https://a.example/x`, `${a}-site: a.example`, `${b}-url: https://b.example/x`, `${b}-site: b.example`];
    return parseRealPair(`${kind}-${id}`, file(lines, `--- ${a}\n${filler('a')}\n--- ${b}\n${filler('b')}\n`));
  };

  it('counts caught copies, blamed originals and warnings on independent reports', () => {
    const outcomes: Record<string, PairOutcome> = {
      'spun-a': outcome(result('spun'), result('related', true), true),
      'spun-b': outcome(result('related', true), result('spun'), false),
      'translated-c': outcome(result('related'), result('related'), false),
      'independent-d': outcome(result('related'), result('clean'), false),
      'independent-e': outcome(result('clean'), result('spun'), false),
    };
    const pairs = [pair('a', 'spun'), pair('b', 'spun'), pair('c', 'translated'), pair('d', 'independent'), pair('e', 'independent')];
    const report = scoreRealPairs(pairs, (p) => outcomes[p.id]!);
    const spun = report.rows.find((r) => r.kind === 'spun')!;
    expect([spun.n, spun.caught, spun.blamed, spun.knownCopy]).toEqual([2, 1, 1, 1]);
    expect(spun.failures).toEqual(['spun-b: copy related; original spun']);
    expect(report.rows.find((r) => r.kind === 'translated')!.failures).toEqual(['translated-c: copy related; original related']);
    expect([report.independent.n, report.independent.warned, report.independent.related]).toEqual([2, 1, 1]);
  });
});

describe('real-pairs levels (normal sensitivity, one-reference libraries)', () => {
  let report: RealPairsReport;
  beforeAll(() => {
    report = scoreRealPairs(loadRealPairs());
  }, 120_000);
  const row = (kind: 'spun' | 'translated') => report.rows.find((r) => r.kind === kind)!;

  // Measured: 5 of 14 spun copies and 2 of 14 translated copies caught, no original blamed. Fluency alone
  // had blamed 2 originals that read less smoothly than their copies (an AP story and its crimedoor.com
  // summary, another and its exbulletin.com translation); the quotations the originals kept clear them. Before
  // fluency had to agree with the swaps and clear a wide margin, 15 of 28 originals were blamed.
  it('catches the spun copies it measured, blaming no original', () => {
    expect(row('spun').caught, row('spun').failures.join('\n')).toBeGreaterThanOrEqual(5);
    expect(row('spun').blamed, row('spun').failures.join('\n')).toBe(0);
  });

  it('catches the translated copies it measured, blaming no original', () => {
    expect(row('translated').caught, row('translated').failures.join('\n')).toBeGreaterThanOrEqual(2);
    expect(row('translated').blamed, row('translated').failures.join('\n')).toBe(0);
  });

  // Measured: with the original learned from a trusted site, 13 of 14 spun copies (the 14th matches nothing)
  // and 14 of 14 translated copies are caught.
  it('catches the copies of an original learned from a trusted site', () => {
    expect(row('spun').caughtFromTrusted).toBeGreaterThanOrEqual(13);
    expect(row('translated').caughtFromTrusted).toBeGreaterThanOrEqual(14);
  });

  it('never warns about two outlets reporting the same event', () => {
    expect(report.independent.failures).toEqual([]);
  });
});

describe('real-pairs originals at every sensitivity', () => {
  // Sensitivity trades thinner overlap for more warnings, never blame: high sensitivity once blamed 3 originals.
  it('never calls an original spun because its library holds its rewrite', () => {
    const blamed: string[] = [];
    for (const pair of loadRealPairs().filter((p) => p.kind !== 'independent')) {
      const engine = createNodeEngine([buildReference({ id: `${pair.id}/copy`, text: pair.sides[0].text, origin: 'bundled' }, nodeSourceFreeAnalyser())]);
      for (const sensitivity of SENSITIVITIES) {
        const verdict = engine.check({ text: pair.sides[1].text }, { sensitivity }).verdict;
        if (warns(verdict)) blamed.push(`${pair.id} at ${sensitivity}: ${verdict}`);
      }
    }
    expect(blamed).toEqual([]);
  }, 120_000);
});

