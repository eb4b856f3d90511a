/** User-facing strings come from _locales via the browser; a missing key shows itself rather than crashing. */
import { isolate } from '../core/bidi.ts';
import { ext } from './browser.ts';

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

/** 0.8231 → "82%" in the browser's locale. */
export function percent(share: number): string {
  const v = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(v);
}
