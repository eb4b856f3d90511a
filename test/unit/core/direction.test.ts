import { describe, expect, it } from 'vitest';
import { decideDirection, type DirectionInput } from '../../../src/core/direction.ts';
import type { DirectionEvidence, SourceFreeSummary, Substitution } from '../../../src/core/types.ts';

const swap = (reference: string, page: string): Substitution => ({
  reference, page, referenceSpan: { start: 0, end: reference.length }, pageSpan: { start: 0, end: page.length },
});
const codes = (d: DirectionEvidence) => d.reasons.map((r) => r.code);
const fluent: SourceFreeSummary = { opinion: 'fluent', evidence: 0.5, fluency: -2.4, coveredPairs: 400 };
const base: Omit<DirectionInput, 'substitutions'> = {
  page: null, reference: null, swapFluency: null, pageHasWarningBoilerplate: false, referenceRole: 'original', referenceOrigin: 'bundled', pageTrusted: false, margin: 0.2,
};

describe('direction', () => {
  const thesaurus = [swap('agreement', 'concord'), swap('meeting', 'convocation'), swap('said', 'asserted'), swap('big', 'sizeable')];
  const reversed = thesaurus.map((s) => swap(s.page, s.reference));

  it('reads rarer swapped-in words as a weak hint that the page is spun', () => {
    const d = decideDirection({ ...base, substitutions: thesaurus });
    expect(d.spunSide).toBe('page');
    expect(d.pageRarity!).toBeGreaterThan(d.referenceRarity!);
    expect(decideDirection({ ...base, substitutions: reversed }).spunSide).toBe('reference');
  });

  it('lets fluency outweigh rarity: a round trip makes words commoner but reads worse', () => {
    const roundTrip: SourceFreeSummary = { opinion: 'fluent', evidence: 2, fluency: -2.7, coveredPairs: 400 };
    // The round trip put commoner words in: "buy" for "purchase", "help" for "assist".
    const commoner = [swap('purchase', 'buy'), swap('assist', 'help'), swap('begin', 'start')];
    expect(decideDirection({ ...base, substitutions: commoner }).spunSide).toBe('reference');
    const d = decideDirection({ ...base, substitutions: commoner, page: roundTrip, reference: fluent });
    expect(d.spunSide).toBe('page');
    expect(d.reasons).toContainEqual({ code: 'pageReadsWorse' });
    // The same evidence the other way round blames the reference.
    const reverse = commoner.map((x) => swap(x.page, x.reference));
    expect(decideDirection({ ...base, substitutions: reverse, page: fluent, reference: roundTrip }).spunSide).toBe('reference');
  });

  it('counts swaps that read worse in context, and a near tie decides nothing', () => {
    const commoner = [swap('purchase', 'buy'), swap('assist', 'help'), swap('begin', 'start')];
    const judged = decideDirection({ ...base, substitutions: commoner, swapFluency: { pageWorse: 12, referenceWorse: 2, z: 2.67 } });
    expect(judged.spunSide).toBe('page');
    // With the swaps judged in context, the words' rarity (which round trips and spinners move opposite ways) is left out.
    expect(codes(judged)).not.toContain('swapsCommonerOnPage');
    expect(codes(judged)).not.toContain('swapsRarerOnPage');
    expect(judged.reasons).toContainEqual({ code: 'swapsFitWorseOnPage', page: 12, reference: 2 });
    expect(judged.pageRarity).toBeNull();
    expect(decideDirection({ ...base, substitutions: commoner, swapFluency: { pageWorse: 2, referenceWorse: 12, z: -2.67 } }).spunSide).toBe('reference');
    const tie = decideDirection({ ...base, substitutions: [], swapFluency: { pageWorse: 5, referenceWorse: 4, z: 0.33 } });
    expect(tie.spunSide).toBe('undecided');
    expect(tie.score).toBeCloseTo(0.1, 2);
  });

  it('counts fluency only where the text-wide gap and the swaps agree', () => {
    const roundTrip: SourceFreeSummary = { opinion: 'fluent', evidence: 0, fluency: -2.8, coveredPairs: 400 };
    const worse = { pageWorse: 12, referenceWorse: 2, z: 2.67 };
    const agreeing = decideDirection({ ...base, margin: 0.75, substitutions: [], page: roundTrip, reference: fluent, swapFluency: worse });
    expect(agreeing.spunSide).toBe('page');
    // A smoother page whose swaps read worse: the two measures disagree, so neither says anything.
    const smooth: SourceFreeSummary = { ...roundTrip, fluency: -2.2 };
    const split = decideDirection({ ...base, margin: 0.75, substitutions: [], page: smooth, reference: fluent, swapFluency: worse });
    expect(split).toMatchObject({ spunSide: 'undecided', score: 0 });
  });

  it('ignores fluency when either side is beyond the model', () => {
    const unjudged: SourceFreeSummary = { opinion: 'no-opinion', evidence: 0, fluency: -4, coveredPairs: 30 };
    const d = decideDirection({ ...base, substitutions: thesaurus, page: unjudged, reference: fluent });
    expect(codes(d)).not.toContain('pageReadsWorse');
    expect(codes(d)).not.toContain('referenceReadsWorse');
  });

  it('takes a fluent page for the original of a known spun reference that carries the marks', () => {
    const mild = [swap('big', 'large'), swap('said', 'stated')];
    const marked: SourceFreeSummary = { opinion: 'reworded', evidence: 4.5, fluency: -2.4, coveredPairs: 400 };
    const clean: SourceFreeSummary = { opinion: 'fluent', evidence: 0, fluency: -2.4, coveredPairs: 400 };
    expect(decideDirection({ ...base, substitutions: mild, referenceRole: 'spun', page: clean, reference: marked }).spunSide).toBe('reference');
  });

  it('judges marks per length: a copy of half a marked text is not the cleaner side', () => {
    const whole: SourceFreeSummary = { opinion: 'reworded', evidence: 4, fluency: -2.4, coveredPairs: 800 };
    const half: SourceFreeSummary = { opinion: 'fluent', evidence: 2, fluency: -2.4, coveredPairs: 400 };
    expect(decideDirection({ ...base, substitutions: thesaurus, referenceRole: 'spun', page: half, reference: whole }).spunSide).toBe('page');
  });

  it('takes a reference the reader added for an original unless the evidence says otherwise', () => {
    const mild = [swap('big', 'large'), swap('said', 'stated')];
    // It leans toward the page being the rewrite (an earlier version leaned the other way, blaming the
    // reader's own original), but alone it accuses no one.
    const added = decideDirection({ ...base, substitutions: [], referenceOrigin: 'user', margin: 0.75 });
    expect(added.score).toBeGreaterThan(decideDirection({ ...base, substitutions: [], margin: 0.75 }).score);
    expect(added.spunSide).toBe('undecided');
    const spunPage: SourceFreeSummary = { opinion: 'reworded', evidence: 6, fluency: -2.9, coveredPairs: 400 };
    expect(decideDirection({ ...base, substitutions: mild, referenceOrigin: 'user', page: spunPage, reference: fluent }).spunSide).toBe('page');
  });

  it('leaves names out of the word comparison', () => {
    const d = decideDirection({ ...base, substitutions: [swap('Roosevelt', 'Love'), swap('Getty Images', 'beautiful pictures')] });
    expect(d.pageRarity).toBeNull();
    expect(d.referenceRarity).toBeNull();
    expect(d.spunSide).toBe('undecided');
  });

  it('takes a trusted page for the original whatever the words say', () => {
    const spunPage: SourceFreeSummary = { opinion: 'reworded', evidence: 6, fluency: -2.9, coveredPairs: 400 };
    expect(decideDirection({ ...base, substitutions: thesaurus, page: spunPage, reference: fluent, pageTrusted: true }).spunSide).toBe('reference');
  });

  it('explains itself', () => {
    const d = decideDirection({ ...base, substitutions: thesaurus, pageHasWarningBoilerplate: true });
    // The rarer words are named, the swap that leans most first, so a reader sees which words are odd.
    const rarer = d.reasons.find((r) => r.code === 'swapsRarerOnPage');
    expect(rarer && 'swaps' in rarer && rarer.swaps.length).toBeGreaterThan(0);
    expect(rarer && 'swaps' in rarer && rarer.swaps.every((s) => thesaurus.some((t) => t.page === s.page && t.reference === s.reference))).toBe(true);
    expect(d.reasons).toContainEqual({ code: 'pageTelltale' });
  });
});
