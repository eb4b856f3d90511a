import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolate, neutralise, neutraliseDeep } from '../../../../src/core/text/bidi.ts';
import { percent, t } from '../../../../src/shared/browser/i18n.ts';
import { installFakeBrowser } from '../../support/fake-browser.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const EXT_DIRS = ['src/background', 'src/content', 'src/popup', 'src/options', 'src/shared', 'src/extract'];
const messages = JSON.parse(readFileSync(join(ROOT, 'src/public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|html|json)$/.test(name) ? [p] : [];
  });
}
const sources = EXT_DIRS.flatMap((d) => files(join(ROOT, d))).map((p) => ({ p, text: readFileSync(p, 'utf8') }));

describe('locale messages', () => {
  it('has every key the extension asks for', () => {
    const used = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/'(tooltip[A-Za-z]+)'/g)) used.add(m[1]!);
    }
    for (const m of readFileSync(join(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
    for (const v of ['low', 'normal', 'high']) used.add(`sensitivity_${v}`);
    const missing = [...used].filter((k) => !messages[k]);
    expect(missing).toEqual([]);
  });

  it('declares every placeholder it uses', () => {
    for (const [key, m] of Object.entries(messages)) {
      for (const [, name] of m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        expect(m.placeholders?.[name!.toLowerCase()], `${key} uses $${name}$`).toBeDefined();
      }
    }
  });

  it('substitutes through the browser API and falls back to the key when one is missing', () => {
    installFakeBrowser();
    expect(t('popupTrustSite', 'bbc.co.uk')).toBe('Trust \u2068bbc.co.uk\u2069');
    expect(t('no-such-key')).toBe('no-such-key');
    expect(percent(0.823)).toMatch(/82\s?%/);
    expect(percent(Number.NaN)).toMatch(/0\s?%/);
  });
});

describe('bidi isolation of interpolated text', () => {
  it('keeps a right-to-left override in a title from turning the sentence around', () => {
    installFakeBrowser();
    const said = t('trustConfirmHead', 'evil\u202eku.oc.cbb');
    expect(said).toBe('Trust \u2068evilku.oc.cbb\u2069?');
    expect(said).not.toMatch(/[\u202a-\u202e]/);
  });

  it('drops every embedding, override and isolate control, and keeps the text', () => {
    expect(neutralise('a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j')).toBe('abcdefghij');
    expect(isolate('\u05e9\u05dc\u05d5\u05dd')).toBe('\u2068\u05e9\u05dc\u05d5\u05dd\u2069');
    expect(neutraliseDeep({ a: ['x\u202e'], b: 3, c: null })).toEqual({ a: ['x'], b: 3, c: null });
  });
});

describe('safety of the extension sources', () => {
  it('never assigns HTML strings to the DOM', () => {
    const offenders = sources
      .filter(({ text }) => /\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/.test(text))
      .map(({ p }) => p);
    expect(offenders).toEqual([]);
  });

  it('makes no network requests (reading a file packed inside the extension is not one)', () => {
    const offenders = sources.filter(({ text }) => /\bfetch\((?!ext\(\)\.runtime\.getURL\()|XMLHttpRequest|WebSocket\(|sendBeacon|EventSource\(/.test(text)).map(({ p }) => p);
    expect(offenders).toEqual([]);
  });
});
