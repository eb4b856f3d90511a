/** User-facing strings come from _locales via the browser; a missing key shows itself rather than crashing. */
import { isolate } from '../../core/text/bidi.ts';
import { renderReason, type Reason } from '../../core/reasons.ts';
import { ext } from './browser.ts';

export { percent } from '../../core/reasons.ts';

/** Each substitution is bidi-isolated: a title's direction marks must not turn the sentence around. */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    const subs = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(isolate);
    const text = ext().i18n.getMessage(key, subs);
    return text || key;
  } catch {
    return key;
  }
}

/** One of the engine's explanations, in the browser's language. */
export const reasonText = (reason: Reason): string => renderReason(reason, t);
