import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_ELEMENTS, extractArticle, isArticlePage } from '../../../src/extract/index.ts';
import { carriesMachineMarks } from '../../../src/content/machine-marks.ts';

const para = (n: number, word: string) =>
  Array.from({ length: n }, (_, i) => `${word} sentence number ${i} says something about the council budget vote.`).join(' ');

function page(body: string, head = '<title>Council passes budget - Example News</title>'): Document {
  return parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
}

const ARTICLE = `
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <main><article>
    <h1>Council passes budget after long night</h1>
    <p>${para(4, 'First')}</p>
    <p>${para(4, 'Second')}   with   odd
       spacing</p>
    <h2>What happens next</h2>
    <blockquote><p>${para(2, 'Quoted')}</p><p>${para(2, 'Requoted')}</p></blockquote>
    <ul><li>Item <b>one</b> of the plan</li><li><p>Item two of the plan</p></li></ul>
    <figure><img src="x.jpg" alt=""><figcaption>The council chamber on Tuesday</figcaption></figure>
    <p>${para(3, 'Last')}</p>
    <script>document.write("<p>never text</p>")</script>
  </article></main>
  <footer><p>Copyright Example News</p></footer>`;

describe('extractArticle (linkedom)', () => {
  it('keeps paragraphs separated by blank lines, one per block element', () => {
    const a = extractArticle(page(ARTICLE));
    expect(a).not.toBeNull();
    const paras = a!.text.split('\n\n');
    expect(paras.some((p) => p.startsWith('First sentence number 0'))).toBe(true);
    expect(paras).toContain('What happens next');
    expect(paras).toContain('Item one of the plan');
    expect(paras).toContain('Item two of the plan');
    expect(paras).toContain('The council chamber on Tuesday');
    // Nested blocks are split, not emitted twice.
    expect(paras.filter((p) => p.startsWith('Quoted sentence'))).toHaveLength(1);
    expect(paras.filter((p) => p.startsWith('Requoted sentence'))).toHaveLength(1);
  });

  it('collapses whitespace inside a paragraph and leaves no empty paragraphs', () => {
    const a = extractArticle(page(ARTICLE))!;
    expect(a.text).toContain('with odd spacing');
    expect(a.text).not.toMatch(/\n{3,}/);
    expect(a.text.split('\n\n').every((p) => p.trim() === p && p.length > 0)).toBe(true);
  });

  it('drops scripts and page chrome outside the article', () => {
    const a = extractArticle(page(ARTICLE))!;
    expect(a.text).not.toContain('never text');
    expect(a.text).not.toContain('Copyright Example News');
    expect(a.text).not.toContain('Sport');
  });

  it('returns title, byline, site name and excerpt from the metadata', () => {
    const head = `<title>Council passes budget - Example News</title>
      <meta property="og:site_name" content="Example News"><meta name="author" content="Jane Doe">`;
    const a = extractArticle(page(ARTICLE, head))!;
    expect(a.title).toContain('Council passes budget');
    expect(a.siteName).toBe('Example News');
    expect(a.byline).toBe('Jane Doe');
    expect(typeof a.excerpt).toBe('string');
  });

  it('does not modify the document it reads', () => {
    const doc = page(ARTICLE);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads the article past hostile nesting, cutting only the part nested too deep', () => {
    const depth = 20_000;
    const doc = page(`<article><p>${para(5, 'Deep')}</p>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}</article>`);
    const article = extractArticle(doc);
    expect(article?.text).toContain('Deep sentence number 0');
    expect(article?.text).not.toContain('deep text');
  });

  it('gives up (null, no throw) on more elements than any article page has', () => {
    const doc = page(`<article><p>${para(5, 'Many')}</p>${'<span>x</span>'.repeat(MAX_ELEMENTS + 10)}</article>`);
    expect(extractArticle(doc)).toBeNull();
  });

  it('still reads an article nested as deep as real pages get', () => {
    const depth = 60;
    const doc = page(`${'<div>'.repeat(depth)}<article><p>${para(6, 'Nested')}</p><p>${para(6, 'Again')}</p></article>${'</div>'.repeat(depth)}`);
    expect(extractArticle(doc)?.text).toContain('Nested sentence number 0');
  });
});

describe('isArticlePage', () => {
  it('accepts an article page', () => {
    expect(isArticlePage(page(ARTICLE))).toBe(true);
  });

  it('rejects an empty page, a short page and a link index', () => {
    expect(isArticlePage(page(''))).toBe(false);
    expect(isArticlePage(page('<p>Just a short note.</p>'))).toBe(false);
    const links = Array.from({ length: 200 }, (_, i) => `<li><a href="/a${i}">Story ${i}</a></li>`).join('');
    expect(isArticlePage(page(`<ul>${links}</ul>`))).toBe(false);
  });

  it('rejects a page with more elements than any article page', () => {
    const many = Array.from({ length: MAX_ELEMENTS + 1 }, (_, i) => `<p>Item ${i}</p>`).join('');
    expect(isArticlePage(page(`<article><p>${para(8, 'Opening')}</p>${many}</article>`))).toBe(false);
  });

  it('rejects a page with more text than any article (an archive dump)', () => {
    const letter = `<p>${para(8, 'Letter')}</p>`;
    expect(isArticlePage(page(`<article>${letter.repeat(2_000)}</article>`))).toBe(false);
  });

  // A feed excerpt as an IFTTT-fed blog shows it (https://flashtelugu.blogspot.com/2026): 47 words and the feed line.
  const EXCERPT = `<h3>Nagpur Woman Pours Hot Water On Grandson, 4, For Spraying Colour On Her</h3>
    <div class="post-body"><p>Enraged over her four-year-old grandson spraying paint on her while playing, his grandmother allegedly
    poured boiling water on the child, resulting in scalding injuries, in Koradi area of Nagpur district, police said on Wednesday.</p>
    <p>Om suffered severe burns below the waist and was admitted to a private hospital in Nagpur.</p>`;

  it('accepts a short feed excerpt that carries an automation mark, and only then', () => {
    const marked = (body: string) => isArticlePage(page(body), carriesMachineMarks);
    expect(marked(`${EXCERPT}<div>from NDTV News- Special https://ift.tt/dgwE8aF</div></div>`)).toBe(true);
    expect(marked(`${EXCERPT}<p>The post Nagpur Woman Pours Hot Water On Grandson appeared first on NDTV.</p></div>`)).toBe(true);
    expect(marked(`${EXCERPT}</div>`)).toBe(false);
    expect(marked(`${EXCERPT}<p>Source: Reuters</p></div>`)).toBe(false);
    // Without the caller's test a short page is never an article.
    expect(isArticlePage(page(`${EXCERPT}<div>from NDTV News- Special https://ift.tt/dgwE8aF</div></div>`))).toBe(false);
  });

  it('does not check a page of a few words because it carries a mark', () => {
    expect(isArticlePage(page('<p>Police said on Wednesday.</p><div>from NDTV News https://ift.tt/dgwE8aF</div>'), carriesMachineMarks)).toBe(false);
  });

  it('ignores text hidden with display:none or the hidden attribute', () => {
    const hidden = `<p hidden>${para(10, "Hidden")}</p><p style="display:none">${para(10, 'Gone')}</p>`;
    expect(isArticlePage(page(hidden))).toBe(false);
  });
});
