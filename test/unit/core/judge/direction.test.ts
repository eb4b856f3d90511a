import { describe, expect, it } from 'vitest';
import { decideDirection, type DirectionInput } from '../../../../src/core/judge/direction.ts';
import type { DirectionEvidence, SourceFreeSummary, Substitution } from '../../../../src/core/types.ts';

const swap = (reference: string, page: string): Substitution => ({
  reference, page, referenceSpan: { start: 0, end: reference.length }, pageSpan: { start: 0, end: page.length },
});
const codes = (d: DirectionEvidence) => d.reasons.map((r) => r.code);
/** Two sides with the same marks: only the swaps differ. */
const even = { page: { slips: 0, pairs: 400, quotations: 2, genitives: 8, words: 500 }, reference: { slips: 0, pairs: 400, quotations: 2, genitives: 8, words: 500 } };
const fluent: SourceFreeSummary = { opinion: 'fluent', evidence: 0.5, fluency: -2.4, coveredPairs: 400 };
const base: Omit<DirectionInput, 'substitutions'> = {
  page: null, reference: null, swapFluency: null, pageHasWarningBoilerplate: false, referenceRole: 'original', referenceOrigin: 'bundled', pageTrusted: false, referenceTrusted: false, margin: 0.2,
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
    const judged = decideDirection({ ...base, substitutions: commoner, swapFluency: { pageWorse: 12, referenceWorse: 2, z: 2.67, ...even } });
    expect(judged.spunSide).toBe('page');
    // With the swaps judged in context, the words' rarity (which round trips and spinners move opposite ways) is left out.
    expect(codes(judged)).not.toContain('swapsCommonerOnPage');
    expect(codes(judged)).not.toContain('swapsRarerOnPage');
    expect(judged.reasons).toContainEqual({ code: 'swapsFitWorseOnPage', page: 12, reference: 2 });
    expect(judged.pageRarity).toBeNull();
    expect(decideDirection({ ...base, substitutions: commoner, swapFluency: { pageWorse: 2, referenceWorse: 12, z: -2.67, ...even } }).spunSide).toBe('reference');
    const tie = decideDirection({ ...base, substitutions: [], swapFluency: { pageWorse: 5, referenceWorse: 4, z: 0.33, ...even } });
    expect(tie.spunSide).toBe('undecided');
    expect(tie.score).toBeCloseTo(0.1, 2);
  });

  it('counts fluency only where the text-wide gap and the swaps agree', () => {
    const roundTrip: SourceFreeSummary = { opinion: 'fluent', evidence: 0, fluency: -2.8, coveredPairs: 400 };
    const worse = { pageWorse: 12, referenceWorse: 2, z: 2.67, ...even };
    const agreeing = decideDirection({ ...base, margin: 0.75, substitutions: [], page: roundTrip, reference: fluent, swapFluency: worse });
    expect(agreeing.spunSide).toBe('page');
    // A smoother page whose swaps read worse: the two measures disagree, so neither says anything.
    const smooth: SourceFreeSummary = { ...roundTrip, fluency: -2.2 };
    const split = decideDirection({ ...base, margin: 0.75, substitutions: [], page: smooth, reference: fluent, swapFluency: worse });
    expect(split).toMatchObject({ spunSide: 'undecided', score: 0 });
  });

  // The figures of a real copy (exbulletin.com's translation of an AP story, test/fixtures/real-pairs/): the copy
  // reads smoother than the original (association 0.27 against 0.04, swaps z −1.18) and dropped its quotations.
  const smoothCopy: SourceFreeSummary = { opinion: 'fluent', evidence: 0, fluency: 0.27, coveredPairs: 290 };
  const reporter: SourceFreeSummary = { opinion: 'fluent', evidence: 0, fluency: 0.04, coveredPairs: 290 };
  const marks = (slips: number, quotations: number, genitives = 10) => ({ slips, pairs: 290, quotations, genitives, words: 300 });
  /** The swaps of that pair, seen from the copy (z −1.18) or from the original. */
  const swapsOf = (from: 'copy' | 'original', page: ReturnType<typeof marks>, reference: ReturnType<typeof marks>) =>
    from === 'copy' ? { pageWorse: 9, referenceWorse: 16, z: -1.18, page, reference } : { pageWorse: 16, referenceWorse: 9, z: 1.18, page, reference };

  it('does not blame an original that keeps the quotations its smoother copy dropped', () => {
    const original = { ...base, margin: 0.75, substitutions: [], page: reporter, reference: smoothCopy };
    // Fluency alone blamed the original (the bug); the quotations it kept clear it.
    expect(decideDirection({ ...original, swapFluency: swapsOf('original', marks(0, 3), marks(0, 3)) }).spunSide).toBe('page');
    const kept = decideDirection({ ...original, swapFluency: swapsOf('original', marks(0, 3), marks(0, 0)) });
    expect(kept.spunSide).not.toBe('page');
    expect(codes(kept)).toContain('referenceLacksQuotations');
    const copy = decideDirection({ ...base, margin: 0.75, substitutions: [], page: smoothCopy, reference: reporter, swapFluency: swapsOf('copy', marks(0, 0), marks(0, 3)) });
    expect(copy.spunSide).not.toBe('reference');
  });

  // A round trip a little less fluent than its source, its swaps a little worse: too little on its own.
  const roundTrip: SourceFreeSummary = { ...fluent, fluency: -2.5 };
  const slightly = (page: ReturnType<typeof marks>, reference: ReturnType<typeof marks>) =>
    ({ pageWorse: 8, referenceWorse: 3, z: 1.51, page, reference });
  const input = { ...base, margin: 0.75, substitutions: [], page: roundTrip, reference: fluent };
  const alone = decideDirection({ ...input, swapFluency: slightly(marks(0, 1), marks(0, 1)) });

  it('counts fluency in full against the one side with grammar slips, and only there', () => {
    expect(alone.spunSide).toBe('undecided');
    // Four grammar slips, two beyond the dead zone: 0.5 for each, and fluency without its dead zone.
    const slips = decideDirection({ ...input, swapFluency: slightly(marks(4, 1), marks(0, 1)) });
    expect(slips.spunSide).toBe('page');
    expect(slips.score).toBeCloseTo(alone.score + 2 * 0.5 + 4 * 0.05, 2);
    expect(codes(slips)).toContain('pageHasMoreSlips');
    // Fluent news has a slip or two per few hundred pairs (a bigram model misses some English): nothing changes.
    expect(decideDirection({ ...input, swapFluency: slightly(marks(2, 1), marks(0, 1)) }).score).toBe(alone.score);
  });

  it('counts "of" phrases a page gained per 100 words beyond the dead zone, and blames neither side within it', () => {
    // 22 against 10 per 300 words: 4 per 100 words more, 2 beyond the dead zone, 0.3 each.
    const gained = decideDirection({ ...input, swapFluency: slightly(marks(0, 1, 22), marks(0, 1, 10)) });
    expect(gained.score).toBeCloseTo(alone.score + 2 * 0.3, 2);
    expect(gained.spunSide).toBe('page');
    expect(codes(gained)).toContain('pageHasMoreOfPhrases');
    // Capped at 4 units, however many.
    expect(decideDirection({ ...input, swapFluency: slightly(marks(0, 1, 100), marks(0, 1, 10)) }).score).toBeCloseTo(alone.score + 4 * 0.3, 2);
    // Real copies moved up to 1.45 per 100 words either way: 5 more per 300 words (1.67) is nothing.
    expect(decideDirection({ ...input, swapFluency: slightly(marks(0, 1, 15), marks(0, 1, 10)) }).score).toBe(alone.score);
    // Seen from the original, the same pair leans the other way.
    const fromOriginal = decideDirection({ ...input, page: fluent, reference: roundTrip, swapFluency: { pageWorse: 3, referenceWorse: 8, z: -1.51, page: marks(0, 1, 10), reference: marks(0, 1, 22) } });
    expect(fromOriginal.spunSide).toBe('reference');
    expect(codes(fromOriginal)).toContain('referenceHasMoreOfPhrases');
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

  it('takes a reference from a trusted site for the original, unless its own text carries a spinner\'s marks', () => {
    // A smooth neural rewrite read against its original: the words alone lean the wrong way.
    const smooth: SourceFreeSummary = { ...fluent, fluency: -2.2 };
    const words = { ...base, margin: 0.75, substitutions: [], page: smooth, reference: fluent, swapFluency: { ...even, pageWorse: 3, referenceWorse: 9, z: -1.73 } };
    expect(decideDirection(words).spunSide).not.toBe('page');
    const trusted = decideDirection({ ...words, referenceTrusted: true });
    expect(trusted.spunSide).toBe('page');
    expect(codes(trusted)[0]).toBe('referenceFromTrustedSite');
    // A reference whose text was found spun is not cleared by its site; a trusted page still wins.
    expect(decideDirection({ ...words, referenceTrusted: true, referenceRole: 'spun' }).spunSide).not.toBe('page');
    expect(decideDirection({ ...words, referenceTrusted: true, pageTrusted: true }).spunSide).toBe('reference');
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
