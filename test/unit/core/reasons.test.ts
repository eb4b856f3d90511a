/**
 * The engine's explanations are codes: every code has its sentence in the message catalogue with one
 * placeholder per parameter, the popup and the command say the same sentence for it, and the sentences
 * speak to a reader, not to the engine's author.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reasonText as commandText } from '../../../src/cli/format.ts';
import { catalogueLookup, REASONS, reasonKey, type CatalogueEntry, type Reason, type ReasonCode } from '../../../src/core/reasons.ts';
import { FAMILY_LABELS, REFERENCE_ROLES, ROLE_LABELS, VERDICT_NAMES, VERDICTS } from '../../../src/core/vocabulary.ts';
import { reasonText as popupText } from '../../../src/shared/browser/i18n.ts';
import { installFakeBrowser, plain } from '../support/fake-browser.ts';

const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  CatalogueEntry
>;

/** One value of each kind of parameter, as the engine would give it. */
const SAMPLE = {
  text: 'Talks resume in Geneva',
  share: 0.82,
  count: 12,
  list: ['Geneva', '2024'],
  swaps: [{ page: 'concord', reference: 'agreement' }],
  usually: [{ text: 'prison syndicates', likely: 'criminal syndicates' }],
  family: 'feed-automation',
  verdict: 'spun',
} as const;

const sample = (code: ReasonCode): Reason =>
  Object.fromEntries([['code', code], ...Object.entries(REASONS[code]).map(([name, kind]) => [name, SAMPLE[kind as keyof typeof SAMPLE]])]) as Reason;

const CODES = Object.keys(REASONS) as ReasonCode[];

describe('reason codes and the catalogue', () => {
  it('has a sentence for every code, with exactly its parameters as placeholders, in order', () => {
    const wrong = CODES.flatMap((code) => {
      const entry = catalogue[reasonKey(code)];
      if (!entry) return [`${code}: no catalogue entry`];
      const params = Object.keys(REASONS[code]);
      const declared = Object.entries(entry.placeholders ?? {});
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
      const problems: string[] = [];
      if (declared.map(([name]) => name).join() !== params.map((p) => p.toLowerCase()).join()) problems.push(`declares ${declared.map(([n]) => n)} for ${params}`);
      declared.forEach(([name, { content }], i) => content !== `$${i + 1}` && problems.push(`${name} is ${content}, not $${i + 1}`));
      if ([...new Set(used)].sort().join() !== params.map((p) => p.toLowerCase()).sort().join()) problems.push(`says ${used} for ${params}`);
      return problems.map((p) => `${code}: ${p}`);
    });
    expect(wrong).toEqual([]);
  });

  it('has no sentence for a code the engine does not have', () => {
    const stale = Object.keys(catalogue).filter((key) => key.startsWith('reason_') && !(key.slice('reason_'.length) in REASONS));
    expect(stale).toEqual([]);
  });

  it('has every word the vocabulary names', () => {
    const keys = [
      ...VERDICT_NAMES.flatMap((v) => [VERDICTS[v].label, VERDICTS[v].tooltip, VERDICTS[v].banner ?? VERDICTS[v].label]),
      ...REFERENCE_ROLES.flatMap((r) => Object.values(ROLE_LABELS[r])),
      ...Object.values(FAMILY_LABELS),
      'quoted',
      'swapFor',
      'usuallySaid',
    ];
    expect(keys.filter((k) => !catalogue[k])).toEqual([]);
  });
});

describe('rendering a reason', () => {
  it('says the same sentence in the popup and in the command, every placeholder filled', () => {
    installFakeBrowser();
    for (const code of CODES) {
      const said = popupText(sample(code));
      expect(commandText(sample(code)), code).toBe(said);
      expect(plain(said), code).not.toMatch(/\$|reason_/);
    }
  });

  it('writes each kind of parameter for a reader', () => {
    installFakeBrowser();
    expect(plain(popupText({ code: 'textMatches', share: 0.82, title: 'Talks resume', source: 'Reuters' }))).toBe(
      '82% of the article’s text matches “Talks resume” (Reuters).',
    );
    expect(plain(popupText({ code: 'swapsRarerOnPage', swaps: [{ page: 'concord', reference: 'agreement' }, { page: 'convocation', reference: 'meeting' }] }))).toBe(
      'The page uses rarer words than the ones they replace (“concord” for “agreement” and “convocation” for “meeting”): spinning software reaches for unusual synonyms.',
    );
    expect(plain(popupText({ code: 'telltaleLine', family: 'feed-automation', text: 'This story was published from a feed' }))).toBe(
      'Posted by feed automation, says this line: “This story was published from a feed”.',
    );
    expect(plain(popupText({ code: 'trustedSite', verdict: 'auto-published' }))).toBe(
      'You trust this site, so what was found (auto-published) is shown without a warning.',
    );
  });

  it('speaks without the engine’s jargon: no scores, rarities, fluency gaps or boilerplate', () => {
    installFakeBrowser();
    const jargon = /boilerplate|rarity|fluency|score|\bz\b|coverage|alignment|\d\.\d/i;
    const offenders = CODES.map((code) => plain(popupText(sample(code)))).filter((s) => jargon.test(s));
    expect(offenders).toEqual([]);
  });
});

describe('the catalogue read without the browser', () => {
  const lookup = catalogueLookup({
    price: { message: 'Costs $$$AMOUNT$ in “$WHERE$”', placeholders: { amount: { content: '$1' }, where: { content: '$2' } } },
  });

  it('substitutes as browser.i18n.getMessage does, and gives nothing for a missing key', () => {
    expect(lookup('price', ['5', 'Geneva $1'])).toBe('Costs $5 in “Geneva $1”');
    expect(lookup('missing', [])).toBe('');
  });
});

