import { cleanText } from '../core/boilerplate/clean.ts';
import { isWarningHit } from '../core/judge/verdict-evidence.ts';

/** Whether a page's text carries feed, scraper or AI leftovers that warn on their own: a short page worth a check. */
export const carriesMachineMarks = (text: string): boolean => cleanText(text).hits.some(isWarningHit);
