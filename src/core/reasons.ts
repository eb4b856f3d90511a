/**
 * Explanations as codes: the engine says why with a code and its parameters, never with a sentence, and
 * each context renders the code through the message catalogue (`_locales/<lang>/messages.json`, key
 * `reason_<code>`, one placeholder per parameter in the order below). The popup looks messages up through
 * the browser, the command reads the same file: both call `renderReason`, so both say the same sentence.
 */
import { FAMILY_LABELS, VERDICTS, type RuleFamily, type Verdict } from './vocabulary.ts';

/** How a parameter is written into its sentence. */
interface ParamValues {
  /** Written as given (a title, a site's name, a quoted line). */
  text: string;
  /** A share 0–1, written as a percentage in the reader's locale. */
  share: number;
  count: number;
  /** Names, numbers or words, each quoted, as a list in the reader's language. */
  list: string[];
  /** Swapped words, "“page word” for “reference word”". */
  swaps: { page: string; reference: string }[];
  /** Odd word pairs beside what they usually are. */
  usually: { text: string; likely: string }[];
  family: RuleFamily;
  verdict: Verdict;
}
type ParamKind = keyof ParamValues;

/** Every code and its parameters, in placeholder order ($1, $2…). Data: the catalogue is checked against it. */
export const REASONS = {
  // One-sentence summaries of a result.
  summarySpunOf: { title: 'text', source: 'text' },
  summarySpun: {},
  summaryAutoOf: { title: 'text', source: 'text' },
  summaryAuto: {},
  summaryCopyOf: { title: 'text', source: 'text' },
  summaryCopy: {},
  summaryKnownSpunCopy: { title: 'text', source: 'text' },
  summarySharesPassages: { title: 'text', source: 'text' },
  summarySameStory: { title: 'text', source: 'text' },
  summaryRewordedNoOriginal: {},
  summaryNothingFound: {},
  // Why the verdict: what matched and how.
  textMatches: { share: 'share', title: 'text', source: 'text' },
  namesInOrder: { share: 'share', title: 'text', source: 'text' },
  sharesPassagesOnly: {},
  wordsSwapped: { share: 'share' },
  referenceIsReworded: {},
  rewriteDirectionUnknown: {},
  ownReference: { title: 'text', source: 'text' },
  syndication: {},
  nearVerbatim: {},
  nearVerbatimOfBadCopy: {},
  sameStory: { title: 'text', source: 'text', shared: 'list' },
  readsReworded: {},
  oddPhrases: { phrases: 'usually' },
  telltaleLine: { family: 'family', text: 'text' },
  trustedSite: { verdict: 'verdict' },
  nothingMatches: {},
  // Which side of a rewrite is the reworded one.
  pageReadsWorse: {},
  referenceReadsWorse: {},
  swapsFitWorseOnPage: { page: 'count', reference: 'count' },
  swapsFitWorseInReference: { page: 'count', reference: 'count' },
  pageHasMoreMarks: {},
  referenceHasMoreMarks: {},
  pageLacksQuotations: {},
  referenceLacksQuotations: {},
  pageHasMoreSlips: {},
  referenceHasMoreSlips: {},
  pageHasMoreOfPhrases: {},
  referenceHasMoreOfPhrases: {},
  swapsRarerOnPage: { swaps: 'swaps' },
  swapsCommonerOnPage: { swaps: 'swaps' },
  pageTelltale: {},
  referenceKnownSpun: {},
  referenceTelltale: {},
  referenceAddedByYou: {},
  pageOnTrustedSite: {},
  referenceFromTrustedSite: {},
} as const satisfies Record<string, Record<string, ParamKind>>;

export type ReasonCode = keyof typeof REASONS;

/** One explanation: its code and the parameters its sentence needs, typed by the table above. */
export type Reason = {
  [C in ReasonCode]: { code: C } & { -readonly [P in keyof (typeof REASONS)[C]]: ParamValues[(typeof REASONS)[C][P] & ParamKind] };
}[ReasonCode];

/** The catalogue key of a code. */
export const reasonKey = (code: ReasonCode): string => `reason_${code}`;

/** Looks a catalogue message up and substitutes its placeholders ($1…), as `browser.i18n.getMessage` does. */
export type MessageLookup = (key: string, substitutions?: string[]) => string;

/** 0.8231 → "82%" in the reader's locale. */
export function percent(share: number): string {
  const v = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(v);
}

const list = (items: string[]) => new Intl.ListFormat(undefined, { type: 'conjunction' }).format(items);

function param(kind: ParamKind, v: ParamValues[ParamKind], message: MessageLookup): string {
  switch (kind) {
    case 'share':
      return percent(v as number);
    case 'count':
      return new Intl.NumberFormat(undefined).format(v as number);
    case 'list':
      return list((v as string[]).map((s) => message('quoted', [s])));
    case 'swaps':
      return list((v as ParamValues['swaps']).map((s) => message('swapFor', [s.page, s.reference])));
    case 'usually':
      return list((v as ParamValues['usually']).map((p) => message('usuallySaid', [p.text, p.likely])));
    case 'family':
      return message(FAMILY_LABELS[v as RuleFamily] ?? FAMILY_LABELS['site-chrome']);
    case 'verdict':
      return message(VERDICTS[v as Verdict].label);
    default:
      return String(v);
  }
}

/** The sentence of one reason, in the catalogue's language. */
export function renderReason(reason: Reason, message: MessageLookup): string {
  const kinds: Record<string, ParamKind> = REASONS[reason.code];
  const values = reason as unknown as Record<string, ParamValues[ParamKind]>;
  return message(reasonKey(reason.code), Object.entries(kinds).map(([name, kind]) => param(kind, values[name]!, message)));
}

/** The catalogue key of what a boilerplate rule's hit betrays (message names allow no hyphen). */
export const ruleMessageKey = (ruleId: string): string => `rule_${ruleId.replace(/-/g, '_')}`;

/** A catalogue entry as `_locales/<lang>/messages.json` holds it. */
export interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * `browser.i18n.getMessage` over a catalogue read from disk, for contexts without the browser (the
 * command): named placeholders ($NAME$) take their content, whose $1…$9 take the substitutions; "$$" is a
 * dollar sign. A missing key gives "" as the browser does.
 */
export function catalogueLookup(catalogue: Readonly<Record<string, CatalogueEntry>>): (key: string, substitutions?: string[]) => string {
  return (key, substitutions = []) => {
    const entry = catalogue[key];
    if (!entry) return '';
    const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (_whole, name?: string) =>
      name === undefined ? '$' : fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''));
  };
}
