/**
 * WCAG AA contrast (4.5:1 for text) of the banner's and the popup's colours, light and dark, computed
 * from the colours the code ships: the banner's colour table and the custom properties of ui.css.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANNER_COLOURS, BANNER_CSS } from '../../../src/content/banner-style.ts';
import { toneProperties } from '../../../src/shared/ui/tone-style.ts';

const ROOT = join(import.meta.dirname, '../../..');
const AA = 4.5;

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const round = (x: number) => Math.round(x * 100) / 100;

describe('contrast ratio', () => {
  it('matches the reference values of WCAG 2', () => {
    expect(round(contrast('#000000', '#ffffff'))).toBe(21);
    expect(round(contrast('#777777', '#ffffff'))).toBe(4.48);
    expect(round(contrast('#ffffff', '#c77c02'))).toBe(3.33); // the old amber "Details" button
  });
});

describe('banner colours', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const c = BANNER_COLOURS[scheme];
    const pairs: Array<[string, string, string]> = [
      ['message text', c.fg, c.bg],
      ['dismiss ×', c.muted, c.bg],
      ['dismiss × on hover', c.fg, c.btnBg],
      ['"Trust this site" button', c.btnFg, c.btnBg],
      ['SPUN badge and red "Details" button', c.red.onFill, c.red.fill],
      ['AUTO/COPY badge and amber "Details" button', c.amber.onFill, c.amber.fill],
    ];
    for (const [what, fg, bg] of pairs) {
      it(`${scheme}: ${what} ${fg} on ${bg} meets 4.5:1`, () => {
        expect(round(contrast(fg, bg))).toBeGreaterThanOrEqual(AA);
      });
    }
    it(`${scheme}: the focus ring and the primary buttons' edges stand out from the banner (3:1)`, () => {
      expect(contrast(c.focus, c.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(c.red.edge, c.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(c.amber.edge, c.bg)).toBeGreaterThanOrEqual(3);
    });
  }

  it('puts those colours in the style sheet', () => {
    for (const scheme of [BANNER_COLOURS.light, BANNER_COLOURS.dark]) {
      for (const colour of [scheme.fg, scheme.bg, scheme.red.fill, scheme.red.onFill, scheme.amber.fill, scheme.amber.onFill]) {
        expect(BANNER_CSS).toContain(colour);
      }
    }
    // Text on the fills uses the fill's own text colour, never the banner background.
    expect(BANNER_CSS).toMatch(/\.btn\.primary \{[^}]*color: var\(--on-fill\)/);
    expect(BANNER_CSS).toMatch(/\.mark \{[^}]*color: var\(--on-fill\)/);
  });
});

/**
 * The custom properties of ui.css (the first :root block, light, and the one in the dark media query)
 * with the warning tones the vocabulary adds to them.
 */
function uiColours(): { light: Record<string, string>; dark: Record<string, string> } {
  const css = readFileSync(join(ROOT, 'src/shared/ui/ui.css'), 'utf8');
  const props = (block: string) => Object.fromEntries([...block.matchAll(/(--[\w-]+)\s*:\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
  const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
  expect(darkAt).toBeGreaterThan(0);
  const light = { ...props(css.slice(0, darkAt)), ...toneProperties('light') };
  const darkBlock = css.slice(darkAt, css.indexOf('}', darkAt));
  return { light, dark: { ...light, ...props(darkBlock), ...toneProperties('dark') } };
}

describe('popup colours', () => {
  const schemes = uiColours();
  const chips: Array<[string, string, string]> = [
    ['spun chip', '--red', '--red-bg'],
    ['auto-published and copy chips', '--amber', '--amber-bg'],
    ['related chip', '--blue', '--blue-bg'],
    ['not-recognised chip', '--muted', '--btn-bg'],
  ];
  const text: Array<[string, string, string]> = [
    ['body text', '--fg', '--bg'],
    ['muted text', '--muted', '--bg'],
    ['muted text in a card', '--muted', '--surface'],
    ['text in a card', '--fg', '--surface'],
    ['swapped phrase, marked as on the page', '--mark-fg', '--mark-bg'],
    ['link', '--link', '--bg'],
    ['button', '--fg', '--btn-bg'],
    ['primary button', '--on-primary', '--primary'],
  ];
  for (const scheme of ['light', 'dark'] as const) {
    const c = schemes[scheme];
    it(`${scheme}: the coverage strip's swaps, marked as on the page, stand out from the matched text around them (3:1)`, () => {
      expect(readFileSync(join(ROOT, 'src/popup/popup.css'), 'utf8')).toMatch(/\.s-swapped \{ fill: var\(--mark-bg\); background: var\(--mark-bg\); \}/);
      expect(round(contrast(c['--mark-bg']!, c['--strip-aligned']!))).toBeGreaterThanOrEqual(3);
    });
    for (const [what, fg, bg] of [...chips, ...text]) {
      it(`${scheme}: ${what} (${fg} on ${bg}) meets 4.5:1`, () => {
        expect(c[fg], fg).toBeDefined();
        expect(c[bg], bg).toBeDefined();
        expect(round(contrast(c[fg]!, c[bg]!))).toBeGreaterThanOrEqual(AA);
      });
    }
  }
});
