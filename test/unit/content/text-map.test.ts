import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.ts';
import { isSpace, locateSpans, readLiveText, stripSpace, type LiveSpan, type LiveText } from '../../../src/content/text-map.ts';
import type { Span } from '../../../src/core/types.ts';

function page(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>Test page</title></head><body>${body}</body></html>`).document as unknown as Document;
}

/** The page text a located span covers (text nodes in document order, as a Range would read them). */
function textOf(live: LiveText, s: LiveSpan): string {
  const first = live.nodes.indexOf(s.start.node);
  const last = live.nodes.indexOf(s.end.node);
  if (first === last) return s.start.node.data.slice(s.start.offset, s.end.offset);
  let out = s.start.node.data.slice(s.start.offset);
  for (let i = first + 1; i < last; i++) out += live.nodes[i]!.data;
  return out + s.end.node.data.slice(0, s.end.offset);
}

/** The element a located span starts in, named by its id or the nearest ancestor's id. */
function where(s: LiveSpan): string {
  for (let e: Element | null = s.start.node.parentElement; e; e = e.parentElement) if (e.id) return e.id;
  return '';
}

/** Spans of each phrase's n-th occurrence (1-based) in the text. */
function spansOf(text: string, phrases: Array<[string, number?]>): Span[] {
  return phrases.map(([p, nth = 1]) => {
    let at = -1;
    for (let k = 0; k < nth; k++) at = text.indexOf(p, at + 1);
    if (at < 0) throw new Error(`"${p}" not in the text`);
    return { start: at, end: at + p.length };
  });
}

function locate(doc: Document, text: string, spans: Span[], exclude: Node | null = null) {
  const live = readLiveText(doc.body, exclude);
  return locateSpans(text, spans, live).map((s) => ({ text: textOf(live, s), in: where(s) }));
}

// The seed sentence that first showed the problem: a spinner swapped a word inside a hyphenated word.
const PARA1 = 'Grimace-to-face for just over two hours, President Joe Biden and Vladimir Putin of Russia argued in a secure video call.';
const PARA2 = 'The phone call came as allies weighed their options after a week of meetings.';

describe('text mapping (readLiveText + locateSpans)', () => {
  it('highlights a swapped word inside a hyphenated word, whole or in part', () => {
    const doc = page(`<article id="a"><p>${PARA1}</p><p>${PARA2}</p></article>`);
    const text = `${PARA1}\n\n${PARA2}`;
    const found = locate(doc, text, spansOf(text, [['Grimace-to-face'], ['Grimace'], ['face for just']]));
    expect(found.map((f) => f.text)).toEqual(['Grimace-to-face', 'Grimace', 'face for just']);
  });

  it('finds a phrase split over elements and odd spacing', () => {
    const doc = page(`<article id="a"><p><em>Grimace</em>-<span>to</span>-face for\n   just&nbsp;over <a href="#">two
      hours</a>, President Joe Biden and Vladimir Putin of Russia argued in a secure video call.</p></article>`);
    const found = locate(doc, PARA1, spansOf(PARA1, [['Grimace-to-face'], ['just over two hours']]));
    expect(found.map((f) => stripSpace(f.text))).toEqual(['Grimace-to-face', 'justovertwohours']);
    expect(found[1]!.text).toContain('\u00a0');
  });

  it('places a phrase opening a paragraph by the text after it when the page shows something else before it', () => {
    // The article has the caption as its own paragraph; the page words it differently, so the text
    // before the phrase is no help, and "face" also appears earlier, in a teaser.
    const doc = page(`
      <aside id="teaser"><p>Grimace-to-face for the first time: what to expect</p></aside>
      <article id="a"><figure><figcaption>Photo: White House via Reuters (file)</figcaption></figure><p>${PARA1}</p></article>`);
    const text = `White House via Reuters\n\n${PARA1}`;
    const found = locate(doc, text, spansOf(text, [['Grimace-to-face']]));
    expect(found).toEqual([{ text: 'Grimace-to-face', in: 'a' }]);
  });

  it('prefers the place in the article over the same phrase in a teaser or a related list', () => {
    const doc = page(`
      <nav id="nav"><a href="#">phone call</a> <a href="#">allies</a></nav>
      <article id="a"><p>${PARA1}</p><p>${PARA2}</p></article>
      <section id="related"><p>phone call leaked</p></section>`);
    const text = `${PARA1}\n\n${PARA2}`;
    const found = locate(doc, text, spansOf(text, [['phone call'], ['allies']]));
    expect(found).toEqual([
      { text: 'phone call', in: 'a' },
      { text: 'allies', in: 'a' },
    ]);
  });

  it('does not let a phrase found out of place throw the later phrases off', () => {
    // "omega" is not where the article has it (the page words that sentence differently) and occurs
    // only in the footer; the phrases after it must still be found in the article, not in the footer.
    const doc = page(`
      <article id="a"><p>Alpha beta gamma in other words here.</p><p>${PARA2}</p></article>
      <footer id="footer"><p>omega and the phone call and allies</p></footer>`);
    const text = `Alpha beta omega delta epsilon.\n\n${PARA2}`;
    const found = locate(doc, text, spansOf(text, [['omega'], ['phone call'], ['allies']]));
    expect(found).toEqual([
      { text: 'omega', in: 'footer' },
      { text: 'phone call', in: 'a' },
      { text: 'allies', in: 'a' },
    ]);
  });

  it('finds two swapped phrases in a row and repeated phrases at their own places', () => {
    const para = 'The call was short. The call was tense. The call ended.';
    const doc = page(`<article id="a"><p>${para}</p></article>`);
    const found = locate(doc, para, spansOf(para, [['call', 2], ['was tense'], ['call', 3], ['The', 1], ['call', 1]]));
    // Sorted by position in the article: each occurrence maps to its own place.
    const live = readLiveText(doc.body, null);
    const offsets = locateSpans(para, spansOf(para, [['call', 1], ['call', 2], ['call', 3]]), live).map((s) => s.start.offset);
    expect(offsets).toEqual([para.indexOf('call'), para.indexOf('call', 10), para.lastIndexOf('call')]);
    expect(found.map((f) => f.text)).toEqual(['The', 'call', 'call', 'was tense', 'call']);
  });

  it('skips scripts, styles, form fields and the excluded banner', () => {
    const doc = page(`
      <script>var s = "phone call";</script><style>.phone-call{}</style><textarea>phone call</textarea>
      <div id="banner"><p>phone call</p></div>
      <article id="a"><p>${PARA2}</p></article>`);
    const banner = doc.getElementById('banner');
    const found = locate(doc, PARA2, spansOf(PARA2, [['phone call']]), banner);
    expect(found).toEqual([{ text: 'phone call', in: 'a' }]);
    expect(readLiveText(doc.body, banner).flat).not.toContain('var');
  });

  it('skips phrases that are not in the page and spans outside the text', () => {
    const doc = page(`<article id="a"><p>${PARA2}</p></article>`);
    const text = `${PARA2}\n\nA paragraph the page does not show.`;
    const spans = [...spansOf(text, [['paragraph'], ['allies']]), { start: -5, end: 3 }, { start: 10, end: text.length + 50 }, { start: 7, end: 7 }];
    expect(locate(doc, text, spans)).toEqual([{ text: 'allies', in: 'a' }]);
  });

  it('maps every phrase of a real extraction back into the page', () => {
    const paragraphs = [
      PARA1,
      'Mr Biden warned of <b>strong economic</b> measures, <a href="/x">officials said</a>, while the Kremlin called the call “business-like”.',
      'Russia has massed about 175,000 troops near the border, according to a U.S. intelligence estimate seen by reporters.',
      'The two leaders agreed that their teams would follow up, a White House read-out said on Tuesday evening.',
    ];
    const doc = page(`
      <header id="masthead"><p>Business News</p><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
      <main><article id="a"><h1>Biden and Putin argue for 2 hours</h1>
        <figure><figcaption>White House via Reuters</figcaption></figure>
        ${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
        <p class="see-also">See also: Biden lines up allies before the call</p>
      </article></main>
      <aside id="aside"><ul><li>Grimace-to-face: a guide</li><li>The call, in 175,000 words</li></ul></aside>`);
    const article = extractArticle(doc);
    expect(article).not.toBeNull();
    const text = article!.text;
    const phrases: Array<[string]> = [['Grimace-to-face'], ['strong economic'], ['business-like'], ['175,000'], ['U.S.'], ['read-out'], ['Tuesday evening']];
    const found = locate(doc, text, spansOf(text, phrases));
    expect(found.map((f) => f.text.replace(/\s+/g, ' '))).toEqual(phrases.map(([p]) => p));
    expect(found.every((f) => f.in === 'a')).toBe(true);
  });
});

describe('isSpace', () => {
  it('drops exactly what the whitespace pattern strips', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
