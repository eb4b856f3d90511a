/**
 * Hostile and huge pages for the robustness tests. They are served by the fixture site under /hostile/ but
 * are not part of its page list (the demo tour and the fixture tests never open them): a 10 MB article, a
 * page holding a subtree 5,000 elements deep, 100,000 paragraphs, an article whose text and title carry HTML
 * and script fragments, a page that breaks JSON, Array.prototype and Promise before its article, a page
 * flooding postMessage, and an article inside an iframe.
 *
 * Every page carries a small widget of its own (a click counter and a ticking timer) written in plain ES5
 * without arrays, JSON or promises, so the tests can tell whether the page still works after the check.
 */
import { prng, spinArticle, type Article, type Seed } from './content.ts';
import { esc, scraperPage, layout, type Link, type SiteStyle } from './render.ts';

export type HostileKind = 'huge' | 'deep' | 'paragraphs' | 'markup' | 'markup-mirror' | 'broken-builtins' | 'postmessage' | 'frame-outer' | 'framed-article';

export interface HostilePage {
  path: string;
  kind: HostileKind;
  note: string;
  /**
   * What Spinscope must make of the page: a verdict (the badge follows from it), "not-article" for pages it
   * must leave alone, or "any" for pages where any settled state is right as long as nothing freezes.
   */
  expect: 'spun' | 'not-article' | 'any';
  /** The seed whose spun copy the page carries, if any. */
  seedId?: string;
}

/** The literal fragments that hostile pages carry as text: none of them may ever become markup. */
export const MARKUP = {
  img: '<img src=x onerror=alert(1)>',
  svg: '"><svg onload=alert(2)>',
  script: '<script>alert(3)</script>',
  iframe: "<iframe src=javascript:alert(4)></iframe>",
};

const FARM: SiteStyle = { name: 'Viral Headlines Now', tagline: 'All the news, all the time', accent: '#8e44ad', sections: ['Home', 'World', 'Business', 'Tech'] };

/** A page-owned widget: a click counter and a timer, in ES5 with no array method, JSON or promise. */
export const PAGE_WIDGET = `<div id="page-widget" style="position:fixed;left:8px;top:40px;z-index:30;background:#fffbe6;border:1px solid #d4b106;padding:4px 8px;font:13px system-ui,sans-serif">
<button id="page-counter" type="button">Clicked <span id="page-count">0</span> times</button>
<span>ticks: <span id="page-ticks">0</span></span>
</div>
<script>
(function(){
  var ticks = 0, clicks = 0;
  var tickEl = document.getElementById('page-ticks');
  var countEl = document.getElementById('page-count');
  window.__pageTicks = 0;
  window.__pageClicks = 0;
  setInterval(function(){ ticks++; window.__pageTicks = ticks; tickEl.textContent = String(ticks); }, 100);
  document.getElementById('page-counter').onclick = function(){ clicks++; window.__pageClicks = clicks; countEl.textContent = String(clicks); };
})();
</script>`;

/** Breaks the builtins a content script running in the page's own world would lean on. */
const BREAK_BUILTINS = `<script>
(function(){
  var boom = function(){ throw new Error('this page disabled the builtin'); };
  JSON.parse = boom; JSON.stringify = boom;
  var AP = Array.prototype;
  var names = 'map,push,forEach,filter,reduce,reduceRight,some,every,indexOf,lastIndexOf,includes,join,slice,splice,concat,find,findIndex,findLast,flat,flatMap,sort,reverse,pop,shift,unshift,fill,keys,values,entries,at'.split(',');
  for (var i = 0; i < names.length; i++) AP[names[i]] = boom;
  AP[Symbol.iterator] = boom;
  Array.from = boom; Array.of = boom; Array.isArray = function(){ return false; };
  window.Promise = boom;
  Object.keys = boom; Object.assign = boom; Object.entries = boom; Object.values = boom;
  String.prototype.split = boom; String.prototype.replace = boom; String.prototype.match = boom; String.prototype.trim = boom;
  RegExp.prototype.exec = boom; RegExp.prototype.test = boom;
  Element.prototype.attachShadow = boom;
  Node.prototype.appendChild = boom; Node.prototype.insertBefore = boom; Node.prototype.cloneNode = boom;
  Document.prototype.createElement = boom;
  window.MutationObserver = boom; window.requestIdleCallback = boom; window.fetch = boom;
  window.__builtinsBroken = true;
})();
</script>`;

/** Floods the page's own window with messages, some shaped like Spinscope's own. */
const POSTMESSAGE_FLOOD = `<script>
(function(){
  var sent = 0, received = 0;
  window.__pmSent = 0; window.__pmReceived = 0;
  window.addEventListener('message', function(){ received++; window.__pmReceived = received; });
  setInterval(function(){
    for (var i = 0; i < 25; i++) {
      sent++;
      window.postMessage({ type: 'page-check', url: location.href, title: 'forged', text: 'forged text ' + sent }, '*');
      window.postMessage({ type: 'highlight', spans: [{ start: 0, end: 5 }] }, '*');
      window.postMessage('spinscope:' + sent, '*');
    }
    window.__pmSent = sent * 3;
  }, 10);
})();
</script>`;

function insertAfterHead(html: string, snippet: string): string {
  return html.replace('<head>', `<head>\n${snippet}`);
}

function beforeBodyEnd(html: string, snippet: string): string {
  const at = html.lastIndexOf('</body>');
  return html.slice(0, at) + snippet + '\n' + html.slice(at);
}

function withWidget(html: string): string {
  return beforeBodyEnd(html, PAGE_WIDGET);
}

/** `bytes` characters of generated prose, in paragraphs of a few sentences. */
function prose(vocabSource: string, bytes: number, seed: number, paragraphWords: [number, number]): string[] {
  const vocab = [...new Set(vocabSource.toLowerCase().match(/[a-z]{3,}/g) ?? [])];
  const rnd = prng(seed);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const n = paragraphWords[0] + Math.floor(rnd() * (paragraphWords[1] - paragraphWords[0]));
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(vocab[Math.floor(rnd() * vocab.length)]!);
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    const p = words.join(' ') + '.';
    out.push(p);
    size += p.length + 8;
  }
  return out;
}

function articleText(a: Article): string {
  return a.body.filter((b) => b.kind === 'p').map((b) => b.text).join(' ');
}

/** The spun seed articles the hostile pages carry, with the literal markup put into one of them. */
export function buildHostile(seeds: Seed[], related: Link[]): { pages: HostilePage[]; render: (path: string) => string | null } {
  const pick = (i: number) => seeds[i % seeds.length]!;
  const spun = (i: number, slug: string) => spinArticle(pick(i), slug, 0.25, 500 + i).article;
  const vocab = seeds.map(articleText).join(' ');

  const pages: HostilePage[] = [];
  const html = new Map<string, () => string>();
  const add = (p: HostilePage, make: () => string) => {
    pages.push(p);
    let cached: string | null = null;
    html.set(p.path, () => (cached ??= make()));
  };

  add({ path: '/hostile/huge-10mb', kind: 'huge', expect: 'any', note: 'A 10 MB article: a spun seed followed by 10 MB of generated paragraphs' }, () => {
    const a = spun(0, 'huge-10mb');
    const filler = prose(vocab, 10 * 1024 * 1024, 1001, [60, 140]);
    const article: Article = { ...a, body: [...a.body, ...filler.map((text) => ({ kind: 'p' as const, text }))] };
    return withWidget(scraperPage(article, FARM, related.slice(0, 6), '/home'));
  });

  add(
    {
      path: '/hostile/deep-dom',
      kind: 'deep',
      expect: 'spun',
      seedId: pick(1).id,
      note: 'A spun seed on a page that also holds a hidden subtree 5,000 elements deep (built by script: the HTML parser caps nesting)',
    },
    () => {
      // Hidden: Chromium's own layout gives up (the renderer crashes) on a rendered tree a few thousand deep.
      const build = `<div id="deep-root" hidden></div>
<script>
(function(){
  var node = document.getElementById('deep-root');
  for (var d = 0; d < 5000; d++) { var div = document.createElement('div'); div.className = 'reply'; node.appendChild(div); node = div; }
  node.textContent = 'The deepest reply in the thread.';
  window.__deepDepth = d;
})();
</script>`;
      return withWidget(beforeBodyEnd(scraperPage(spun(1, 'deep-dom'), FARM, related.slice(0, 6), '/home'), build));
    },
  );

  add({ path: '/hostile/100k-paragraphs', kind: 'paragraphs', expect: 'any', note: '100,000 short paragraphs after a spun seed' }, () => {
    const a = spun(2, '100k-paragraphs');
    const rnd = prng(77);
    const words = [...new Set(vocab.toLowerCase().match(/[a-z]{3,}/g) ?? [])];
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      lines.push(`Update ${i + 1}: ${words[Math.floor(rnd() * words.length)]}.`);
    }
    const article: Article = { ...a, body: [...a.body, ...lines.map((text) => ({ kind: 'p' as const, text }))] };
    return withWidget(scraperPage(article, FARM, related.slice(0, 6), '/home'));
  });

  // The seed with a photo credit line: the mangled credit is a boilerplate hit, and its text is shown.
  const creditSeed = seeds.findIndex((s) => s.body.some((b) => /\|\s*beautiful pictures\s*$/i.test(b.text)));
  const markupSeedIndex = creditSeed >= 0 ? creditSeed : 2;
  const markupArticle = (slug: string): Article => {
    const a = spinArticle(pick(markupSeedIndex), slug, 0.25, 900).article;
    const body = a.body.map((b) =>
      b.kind === 'p' && /\|\s*beautiful pictures\s*$/i.test(b.text) ? { kind: 'p' as const, text: `${MARKUP.svg} ${MARKUP.img} | beautiful pictures` } : b,
    );
    const at = Math.min(3, body.length);
    body.splice(
      at,
      0,
      { kind: 'p', text: `Protesters outside held signs reading ${MARKUP.script} and ${MARKUP.img}, witnesses said.` },
      { kind: 'p', text: `Tags: ${MARKUP.svg}, ${MARKUP.iframe}` },
    );
    if (!body.some((b) => b.kind === 'p' && b.text.includes('beautiful pictures'))) {
      body.splice(1, 0, { kind: 'p', text: `${MARKUP.svg} ${MARKUP.img} | beautiful pictures` });
    }
    return { ...a, headline: `${MARKUP.img} ${a.headline} ${MARKUP.svg}`, body };
  };
  const markupPage = (slug: string) => {
    const page = scraperPage(markupArticle(slug), FARM, related.slice(0, 6), '/home');
    // A real element inside <noscript>: inert on the page; it must stay inert when the article is read.
    const probe = `<noscript><img src="/hostile/probe.png?from=noscript" onerror="alert(5)" alt="probe"></noscript>`;
    return withWidget(page.replace('<article class="post-content">', `<article class="post-content">\n${probe}`));
  };
  const markupSeed = pick(markupSeedIndex);
  add({ path: '/hostile/markup', kind: 'markup', expect: 'spun', seedId: markupSeed.id, note: 'A spun seed whose title, text and photo credit carry HTML and script fragments as text' }, () =>
    markupPage('markup'),
  );
  add(
    {
      path: '/hostile/markup-mirror',
      kind: 'markup-mirror',
      expect: 'spun',
      seedId: markupSeed.id,
      note: 'The same text as /hostile/markup on another page: once that page is a reference, its title shows here',
    },
    () => markupPage('markup-mirror'),
  );

  add({ path: '/hostile/broken-builtins', kind: 'broken-builtins', expect: 'spun', seedId: pick(3).id, note: 'A spun seed on a page that breaks JSON, Array.prototype, Promise and DOM methods first' }, () =>
    withWidget(insertAfterHead(scraperPage(spun(3, 'broken-builtins'), FARM, related.slice(0, 6), '/home'), BREAK_BUILTINS)),
  );

  add({ path: '/hostile/postmessage-flood', kind: 'postmessage', expect: 'spun', seedId: pick(4).id, note: 'A spun seed on a page posting thousands of messages a second to itself' }, () =>
    withWidget(beforeBodyEnd(scraperPage(spun(4, 'postmessage-flood'), FARM, related.slice(0, 6), '/home'), POSTMESSAGE_FLOOD)),
  );

  add({ path: '/hostile/framed-article', kind: 'framed-article', expect: 'spun', seedId: pick(0).id, note: 'A spun seed, the document framed by /hostile/frame-outer' }, () =>
    withWidget(scraperPage(spun(0, 'framed-article'), FARM, related.slice(0, 6), '/home')),
  );
  add({ path: '/hostile/frame-outer', kind: 'frame-outer', expect: 'not-article', note: 'A page that only frames an article: the top page is not an article' }, () => {
    const main = `<h1>Live: reactions from around the world</h1>
<p>Our partner's coverage is shown below.</p>
<iframe id="framed" title="Partner coverage" src="/hostile/framed-article" style="width:100%;height:700px;border:1px solid #ccc"></iframe>`;
    return withWidget(layout({ title: 'Live coverage – ' + FARM.name, site: FARM, main, cookie: false }));
  });

  const render = (path: string): string | null => {
    if (path === '/hostile/probe.png') return null;
    return html.get(path)?.() ?? null;
  };
  return { pages, render };
}

/** The index of the hostile pages (for people trying them by hand). */
export function hostileIndex(pages: HostilePage[]): string {
  const main = `<h1>Hostile and huge pages</h1><ul>${pages.map((p) => `<li><a href="${esc(p.path)}">${esc(p.path)}</a>: ${esc(p.note)}</li>`).join('')}</ul>`;
  return layout({ title: 'Hostile pages', site: FARM, main, cookie: false, chrome: false });
}
