import { describe, expect, it } from 'vitest';
import { decideDirection, type DirectionInput } from '../../../src/core/direction.ts';
import type { Substitution } from '../../../src/core/types.ts';

const swap = (reference: string, page: string): Substitution => ({
  reference, page, referenceSpan: { start: 0, end: reference.length }, pageSpan: { start: 0, end: page.length },
});
const base: Omit<DirectionInput, 'substitutions'> = { pageHasWarningBoilerplate: false, referenceRole: 'original', pageTrusted: false, rarityMargin: 0.2 };

describe('direction', () => {
  const thesaurus = [swap('agreement', 'concord'), swap('meeting', 'convocation'), swap('said', 'asserted'), swap('big', 'sizeable')];

  it('finds the page spun when its swapped words are rarer', () => {
    const d = decideDirection({ ...base, substitutions: thesaurus });
    expect(d.spunSide).toBe('page');
    expect(d.pageRarity).toBeGreaterThan(d.referenceRarity);
  });

  it('finds the reference spun when the page has the common words', () => {
    const reversed = thesaurus.map((s) => swap(s.page, s.reference));
    expect(decideDirection({ ...base, substitutions: reversed }).spunSide).toBe('reference');
  });

  it('leaves names out of the word comparison', () => {
    const d = decideDirection({ ...base, substitutions: [swap('Roosevelt', 'Love'), swap('Getty Images', 'beautiful pictures')] });
    expect(d.pageRarity).toBe(0);
    expect(d.referenceRarity).toBe(0);
    expect(d.spunSide).toBe('undecided');
  });

  it('takes a trusted page for the original even against rarer wording', () => {
    const mild = [swap('big', 'large'), swap('said', 'stated')];
    expect(decideDirection({ ...base, substitutions: mild }).spunSide).not.toBe('reference');
    expect(decideDirection({ ...base, substitutions: mild, pageTrusted: true }).spunSide).toBe('reference');
  });

  it('explains itself', () => {
    const d = decideDirection({ ...base, substitutions: thesaurus, pageHasWarningBoilerplate: true });
    expect(d.reasons.join(' ')).toMatch(/rarer/);
    expect(d.reasons.join(' ')).toMatch(/boilerplate/);
  });
});
