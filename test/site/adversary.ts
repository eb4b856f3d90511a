/**
 * Pages that attack the extension itself, served under /adversary/: each carries a spun copy of a seed
 * (so Spinscope warns on it) and a script doing what a hostile site did to the extension:
 * - clickjack-scale: restyles the banner's host (the page owns its inline style): invisible, scaled over
 *   the page, under a "Play video" decoy;
 * - clickjack-popover: a `popover` with pointer-events: none laid over the banner, in the top layer;
 * - probe: reads what it can of the banner (window.find, a Selection over the document, the host's
 *   attributes, its text and shadow root) and writes what it got into window.__probe;
 * - ad-flood: thousands of "Advertisement" lines in the article, to fill the per-tab state;
 * - hidden-elements, hidden-chars, deep-article, shadow-article: the article kept from an ordinary
 *   extraction by 45,000 hidden elements, 1.1 M hidden characters, 250 levels of nesting, a shadow root.
 * Scripts are plain ES5, run after the page's own markup.
 */
import { spinArticle, type Article, type Seed } from './content.ts';
import { scraperPage, type Link, type SiteStyle } from './render.ts';

export type AdversaryKind =
  | 'clickjack-scale'
  | 'clickjack-popover'
  | 'probe'
  | 'ad-flood'
  | 'hidden-elements'
  | 'hidden-chars'
  | 'deep-article'
  | 'shadow-article';

export interface AdversaryPage {
  path: string;
  kind: AdversaryKind;
  seedId: string;
}

const FARM: SiteStyle = { name: 'Daily Clicks', tagline: 'News you will click', accent: '#c0392b', sections: ['Home', 'World', 'Video'] };

/** Calls `then(host)` once the banner's host is on the page. */
const ON_BANNER = `function onBanner(then) {
  var done = false;
  function look() {
    if (done) return;
    var host = document.querySelector('spinscope-banner');
    if (host) { done = true; then(host); }
  }
  new MutationObserver(look).observe(document.documentElement, { childList: true });
  look();
}`;

const DECOY = `<div id="decoy" style="position:fixed;inset:0;display:flex;align-items:center;justify-content:center;z-index:1;background:#111;color:#fff;font:700 40px system-ui">&#9654; Play video</div>`;

const SCRIPTS: Record<AdversaryKind, string> = {
  'clickjack-scale': `${DECOY}<script>${ON_BANNER}
onBanner(function(host){
  // Scaled twelvefold about the spot where the banner's second button sat (160 px in, 102 px down), that spot
  // put at the middle of the viewport, where the decoy says "Play video": a click there lands on the banner.
  host.setAttribute('style', 'all: initial !important; position: fixed !important; left: calc(50vw - 160px) !important; top: calc(50vh - 102px) !important; z-index: 2147483647 !important; display: block !important; opacity: 0 !important; transform: scale(12) !important; transform-origin: 160px 102px !important;');
  window.__restyled = true;
});
</script>`,
  'clickjack-popover': `<div id="cover" popover="manual" style="pointer-events:none;position:fixed;inset:0;margin:0;width:100vw;height:100vh;border:0;background:#111;color:#fff;font:700 40px system-ui;display:flex;align-items:center;justify-content:center">&#9654; Play video</div>
<script>${ON_BANNER}
onBanner(function(){
  var cover = document.getElementById('cover');
  cover.showPopover();
  window.__covered = true;
});
</script>`,
  probe: `<script>${ON_BANNER}
onBanner(function(host){
  setTimeout(function(){
    var sel = document.getSelection();
    sel.removeAllRanges();
    var words = ['spinning software', 'machine-reworded', 'Details', 'SPUN', 'Dismiss'];
    var found = [];
    for (var i = 0; i < words.length; i++) { sel.removeAllRanges(); if (window.find(words[i], false, false, true)) found[found.length] = words[i]; }
    sel.removeAllRanges();
    sel.selectAllChildren(document.documentElement);
    var all = sel.toString();
    sel.removeAllRanges();
    var range = document.createRange();
    range.selectNode(host);
    var names = host.getAttributeNames();
    window.__probe = {
      found: found.join('|'),
      selectionHasBannerWords: /spinning software|machine-reworded|SPUN/.test(all),
      hostRangeText: range.toString(),
      hostText: host.textContent,
      hostInnerText: host.innerText,
      shadowRoot: host.shadowRoot === null ? 'null' : 'open',
      attributes: names.join(' '),
      done: true
    };
  }, 800);
});
</script>`,
  'ad-flood': '',
  'hidden-elements': `<div id="ads"></div><script>
(function(){
  var box = document.getElementById('ads');
  var frag = document.createDocumentFragment();
  for (var i = 0; i < 45000; i++) { var s = document.createElement('span'); s.style.display = 'none'; s.textContent = 'Advertisement'; frag.appendChild(s); }
  box.appendChild(frag);
})();
</script>`,
  'hidden-chars': `<div id="filler" hidden></div><script>
(function(){
  var s = 'sponsored content placeholder text ';
  var out = '';
  while (out.length < 1100000) out += s;
  document.getElementById('filler').textContent = out;
})();
</script>`,
  'deep-article': `<script>
(function(){
  var article = document.querySelector('article');
  var outer = document.createElement('div');
  var node = outer;
  for (var d = 0; d < 250; d++) { var div = document.createElement('div'); node.appendChild(div); node = div; }
  article.parentNode.replaceChild(outer, article);
  node.appendChild(article);
})();
</script>`,
  'shadow-article': `<script>
(function(){
  var article = document.querySelector('article');
  var host = document.createElement('div');
  article.parentNode.replaceChild(host, article);
  host.attachShadow({ mode: 'open' }).appendChild(article);
})();
</script>`,
};

function beforeBodyEnd(html: string, snippet: string): string {
  const at = html.lastIndexOf('</body>');
  return html.slice(0, at) + snippet + '\n' + html.slice(at);
}

export function buildAdversary(seeds: Seed[], related: Link[]): { pages: AdversaryPage[]; render: (path: string) => string | null } {
  const kinds = Object.keys(SCRIPTS) as AdversaryKind[];
  const pages = kinds.map((kind, i) => ({ kind, path: `/adversary/${kind}`, seedId: seeds[(i + 5) % seeds.length]!.id }));
  const render = (path: string): string | null => {
    const i = pages.findIndex((p) => path === p.path || path.startsWith(p.path + '/'));
    if (i < 0) return null;
    const p = pages[i]!;
    const seed = seeds.find((s) => s.id === p.seedId)!;
    let article: Article = spinArticle(seed, p.kind, 0.25, 700 + i).article;
    if (p.kind === 'ad-flood') {
      const body = article.body.flatMap((b) => [b, ...Array.from({ length: 400 }, () => ({ kind: 'p' as const, text: 'Advertisement' }))]);
      article = { ...article, body };
    }
    return beforeBodyEnd(scraperPage(article, FARM, related.slice(0, 6), '/home'), SCRIPTS[p.kind]);
  };
  return { pages, render };
}
