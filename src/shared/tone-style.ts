/**
 * The warning tones as custom properties of the popup and the options page (ui.css paints chips and notes
 * with them): the colours live in the vocabulary alone, shared with the badge and the banner.
 */
import { TONE_COLOURS } from '../core/vocabulary.ts';

export function toneProperties(scheme: keyof typeof TONE_COLOURS): Record<string, string> {
  const { red, amber } = TONE_COLOURS[scheme];
  return { '--red': red.text, '--red-bg': red.tint, '--amber': amber.text, '--amber-bg': amber.tint };
}

const declarations = (scheme: keyof typeof TONE_COLOURS) =>
  Object.entries(toneProperties(scheme)).map(([name, value]) => `${name}: ${value};`).join(' ');

export const TONE_CSS = `:root { ${declarations('light')} }
@media (prefers-color-scheme: dark) { :root { ${declarations('dark')} } }`;

/** Adds the tones to a page before its first render. */
export function installToneStyle(doc: Document): void {
  const style = doc.createElement('style');
  style.textContent = TONE_CSS;
  doc.head.appendChild(style);
}
