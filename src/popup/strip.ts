/** Geometry of the coverage strip: where, along the article, passages were aligned or swapped. */
import type { AlignedPassage, Substitution } from '../core/types.ts';

export interface StripBar {
  /** Start and width as fractions of the article (0–1). */
  x: number;
  w: number;
}

export interface Strip {
  aligned: StripBar[];
  swapped: StripBar[];
}

/** Narrowest bar drawn, so a one-word swap in a long article is still visible. */
const MIN_WIDTH = 0.002;

export function stripBars(length: number, passages: readonly AlignedPassage[], substitutions: readonly Substitution[]): Strip {
  if (!(length > 0)) return { aligned: [], swapped: [] };
  const bar = (start: number, end: number): StripBar | null => {
    const s = Math.max(0, Math.min(length, start));
    const e = Math.max(s, Math.min(length, end));
    if (e <= s) return null;
    return { x: s / length, w: Math.max(MIN_WIDTH, (e - s) / length) };
  };
  const aligned = passages.map((p) => bar(p.page.start, p.page.end)).filter((b): b is StripBar => b !== null);
  const swapped = substitutions.map((s) => bar(s.pageSpan.start, s.pageSpan.end)).filter((b): b is StripBar => b !== null);
  return { aligned, swapped };
}
