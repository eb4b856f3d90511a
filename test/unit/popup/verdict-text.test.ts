/** The popup's first glance: the verdict in words, what it means, what to do, and no false reassurance. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult, Verdict } from '../../../src/core/types.ts';
import { storedText } from '../../../src/options/PackSection.tsx';
import { confidenceWords, nextStep, referenceNaming, verdictLabel, verdictMeaning, verdictTone } from '../../../src/popup/verdict-text.ts';
import { getMessage, installFakeBrowser, plain } from '../support/fake-browser.ts';

const base = { match: null, story: null, knownSpunCopy: null, libraryReferences: 1203, relation: null } as const;
const matched = { referenceId: 'r', title: 'T', source: 'S', referenceRole: 'original' } as unknown as CheckResult['match'];
const matchedCopy = { ...matched, referenceRole: 'spun' } as unknown as CheckResult['match'];

describe('the popup\'s verdict words', () => {
  beforeEach(() => {
    installFakeBrowser();
  });

  it('calls no finding "not recognised", in grey, over the library it was checked against', () => {
    expect(verdictTone('clean')).toBe('grey');
    expect(verdictLabel('clean')).toBe('not recognised');
    const meaning = plain(verdictMeaning({ ...base, verdict: 'clean' }));
    expect(meaning).toContain('no known copy among 1203 references');
    expect(meaning).not.toMatch(/\bclean\b|\bsafe\b/i);
  });

  it('keeps the vocabulary\'s word for every finding, each in its own tone', () => {
    const findings: Verdict[] = ['spun', 'copy', 'auto-published', 'related'];
    expect(findings.map(verdictLabel)).toEqual(findings);
    expect(findings.map(verdictTone)).toEqual(['red', 'amber', 'amber', 'blue']);
  });

  it('says confidence in words', () => {
    expect([0.97, 0.85, 0.7, 0.5].map(confidenceWords)).toEqual(['Very likely', 'Very likely', 'Likely', 'Possibly']);
  });

  it('tells a spun page with a known original from one that only betrays itself', () => {
    expect(verdictMeaning({ ...base, verdict: 'spun', match: matched })).toBe(getMessage('meaningSpun'));
    expect(verdictMeaning({ ...base, verdict: 'spun' })).toBe(getMessage('meaningSpunNoSource'));
    expect(nextStep({ ...base, verdict: 'spun', match: matched })).not.toBe(nextStep({ ...base, verdict: 'spun' }));
  });

  it('does not send the reader to an "original" that is itself a spun copy', () => {
    expect(nextStep({ ...base, verdict: 'spun', match: matched })).toBe(getMessage('nextSpun'));
    expect(nextStep({ ...base, verdict: 'spun', match: matchedCopy })).toBe(getMessage('nextSpunOriginalUnknown'));
    expect(getMessage('nextSpunOriginalUnknown')).toMatch(/^Original unknown/);
  });

  it('says which case a "related" page is, quoting the credit that decided it', () => {
    const credit = 'By The Associated Press';
    expect(plain(verdictMeaning({ ...base, verdict: 'related', relation: { kind: 'syndication', credit } }))).toContain(`“${credit}”`);
    const kinds = ['trusted-site', 'own-reference', 'original-of-spun', 'undecided-rewrite', 'shared-passages', 'same-story'] as const;
    const said = kinds.map((kind) => verdictMeaning({ ...base, verdict: 'related', relation: { kind } }));
    expect(new Set(said).size).toBe(kinds.length);
    expect(said[3]).toMatch(/neither is accused/);
  });

  it('gives every verdict a next step', () => {
    for (const verdict of ['spun', 'copy', 'auto-published', 'related', 'clean'] as const) {
      expect(nextStep({ ...base, verdict }).length, verdict).toBeGreaterThan(10);
    }
  });
});

describe('the way to the reference', () => {
  it('links only web addresses', async () => {
    const { webAddress } = await import('../../../src/popup/MatchSection.tsx');
    expect(webAddress('https://apnews.com/article/x')).toBe('https://apnews.com/article/x');
    expect(webAddress('javascript:alert(1)')).toBeNull();
    expect(webAddress('file:///etc/passwd')).toBeNull();
    expect(webAddress('not a url')).toBeNull();
    expect(webAddress(null)).toBeNull();
  });
});

describe('the matched reference, named', () => {
  beforeEach(() => {
    installFakeBrowser();
  });
  const ani = { source: 'ANI', url: 'https://www.news7g.example/biden-nato', referenceRole: 'auto-published' } as const;

  it('names a known copy by the site it was found on, and the agency only as the credit its page carries', () => {
    const named = referenceNaming(ani);
    expect(named.who).toBe('news7g.example');
    expect(plain(named.role!)).toBe('An auto-published copy, credited on its page to “ANI”.');
    expect(plain(referenceNaming({ ...ani, referenceRole: 'spun' }).role!)).toBe('A spun copy, credited on its page to “ANI”.');
    expect(plain(referenceNaming({ ...ani, referenceRole: 'copy' }).role!)).toBe('A copy, credited on its page to “ANI”.');
  });

  it('says the site is not recorded when a copy has no address, never naming the agency as the copy', () => {
    const named = referenceNaming({ ...ani, url: null });
    expect(named.who).toBe(getMessage('referenceSiteUnknown'));
    expect(named.who).not.toContain('ANI');
    expect(plain(named.role!)).toBe('An auto-published copy, credited on its page to “ANI”.');
  });

  it('has no story to name when the copy carries no byline of its own', () => {
    const named = referenceNaming({ source: 'news7g.example', url: 'https://news7g.example/a', referenceRole: 'spun' });
    expect(named).toEqual({ who: 'news7g.example', role: getMessage('roleSpun') });
    expect(referenceNaming({ source: 'unknown source', url: null, referenceRole: 'copy' }).role).toBe(getMessage('roleCopy'));
  });

  it('names an original by its source', () => {
    expect(referenceNaming({ ...ani, referenceRole: 'original' })).toEqual({ who: 'ANI', role: null });
  });
});

describe('the options page\'s count of stored references', () => {
  beforeEach(() => {
    installFakeBrowser();
  });

  it('says "1 reference", not "1 references"', () => {
    expect(plain(storedText({ own: 1, learned: 0, storedBytes: 1_048_576 }))).toBe('Stored on this device: 1 reference you added and 0 learned from trusted sources, 1 MB.');
    expect(plain(storedText({ own: 2, learned: 1, storedBytes: 0 }))).toBe('Stored on this device: 2 references you added and 1 learned from trusted sources, 0 MB.');
  });
});
