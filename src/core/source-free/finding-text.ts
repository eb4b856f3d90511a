/** The analyser's findings in the catalogue's language, for the popup and the command alike. */
import type { MessageLookup } from '../reasons.ts';
import type { RewriteArtefact, TorturedPhrase } from '../types.ts';

const ARTEFACT_KEYS: Readonly<Record<RewriteArtefact['kind'], string>> = {
  'foreign-word': 'artefactForeignWord',
  'broken-quote': 'artefactBrokenQuote',
  'quotation-dash': 'artefactQuotationDash',
  'two-spellings': 'artefactTwoSpellings',
  'lower-case-name': 'artefactLowerCaseName',
};

/** One of a text's own marks of rewording, quoted, in the catalogue's language. */
export function artefactText(a: RewriteArtefact, message: MessageLookup): string {
  return message(ARTEFACT_KEYS[a.kind], a.kind === 'two-spellings' ? [a.other ?? '', a.text] : [a.text]);
}

/** An odd word pair beside what fluent English usually says. */
export const torturedText = (h: TorturedPhrase, message: MessageLookup): string => message('popupTortured', [h.text, h.likely]);
