/**
 * The warning tones as custom properties of the popup and the options page (ui.css paints chips and notes
 * with them): the colours live in the vocabulary alone, shared with the badge and the banner.
 */
import { TONE_COLOURS } from '../../core/vocabulary.ts';

export function toneProperties(scheme: keyof typeof TONE_COLOURS): Record<string, string> {
  const { red, amber } = TONE_COLOURS[scheme];
  return { '--red': red.text, '--red-bg': red.tint, '--amber': amber.text, '--amber-bg': amber.tint };
}

/**
 * Sets the tones on the page's root, and again when the reader's scheme changes. Through the CSSOM: the
 * extension pages' policy (style-src 'self') refuses an inline style sheet, not a property set from script.
 */
export function applyTones(doc: Document): void {
  const dark = doc.defaultView?.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    for (const [name, value] of Object.entries(toneProperties(dark?.matches ? 'dark' : 'light'))) doc.documentElement.style.setProperty(name, value);
  };
  apply();
  dark?.addEventListener('change', apply);
}
