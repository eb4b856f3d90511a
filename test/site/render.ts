/**
 * HTML for the fixture site. Every page is self-contained (inline CSS, inline script, no remote resource), so
 * any request that leaves the loopback host during a test run comes from the extension, not from the page.
 */
import type { Article, BodyBlock, ChromeLine } from './content.ts';

export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface SiteStyle {
  name: string;
  tagline?: string;
  /** Accent colour of the masthead. */
  accent: string;
  sections: string[];
}

export interface Link {
  href: string;
  text: string;
}

const BASE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 Georgia,"DejaVu Serif",serif;color:#1d1d1f;background:#fafafa}
a{color:#0b57a4}
.topbar{font:13px/1.4 system-ui,"DejaVu Sans",sans-serif;background:#111;color:#ddd;padding:4px 16px;display:flex;gap:16px}
.topbar a{color:#ddd;text-decoration:none}
header.masthead{background:var(--accent);color:#fff;padding:14px 16px}
header.masthead .name{font:700 30px/1.1 system-ui,"DejaVu Sans",sans-serif;letter-spacing:-.5px}
header.masthead .tagline{font:14px system-ui,"DejaVu Sans",sans-serif;opacity:.85}
nav.sections{background:#fff;border-bottom:1px solid #ddd;padding:0 16px;font:600 14px system-ui,"DejaVu Sans",sans-serif;display:flex;gap:18px;overflow:auto}
nav.sections a{display:block;padding:10px 0;color:#333;text-decoration:none;white-space:nowrap}
.wrap{max-width:1100px;margin:0 auto;padding:16px;display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:32px}
main{min-width:0}
aside{font:14px/1.5 system-ui,"DejaVu Sans",sans-serif}
.ad-slot{background:repeating-linear-gradient(45deg,#eee,#eee 10px,#e4e4e4 10px,#e4e4e4 20px);color:#888;font:11px system-ui,"DejaVu Sans",sans-serif;text-transform:uppercase;letter-spacing:1px;display:flex;align-items:center;justify-content:center;margin:16px 0}
.ad-leader{height:90px}.ad-box{height:250px}.ad-inline{height:120px}
.breadcrumb{font:13px system-ui,"DejaVu Sans",sans-serif;color:#666;margin-bottom:8px}
.breadcrumb a{color:#666}
h1{font:700 34px/1.2 system-ui,"DejaVu Sans",sans-serif;margin:8px 0 12px;letter-spacing:-.5px}
.byline{font:14px system-ui,"DejaVu Sans",sans-serif;color:#555;margin-bottom:16px}
.hero{height:220px;background:linear-gradient(135deg,#8aa4c8,#c9d6e8);border-radius:4px;margin:0 0 20px}
article p{margin:0 0 1em}
.see-also{border-left:4px solid var(--accent);background:#f1f1f1;padding:8px 12px;font:15px system-ui,"DejaVu Sans",sans-serif}
.app-button{display:inline-block;background:var(--accent);color:#fff;border-radius:16px;padding:4px 14px;font:600 13px system-ui,"DejaVu Sans",sans-serif;text-decoration:none;margin:0 0 1em}
.source-link a{font-weight:700}
.tags{font:14px system-ui,"DejaVu Sans",sans-serif;margin:16px 0}
.tags a{display:inline-block;background:#eee;border-radius:3px;padding:2px 8px;margin:2px;color:#333;text-decoration:none}
.share{display:flex;gap:8px;margin:16px 0;font:13px system-ui,"DejaVu Sans",sans-serif}
.share span{background:#e8e8e8;border-radius:3px;padding:4px 10px}
section.related h3,section.comments h3,aside h3{font:700 18px system-ui,"DejaVu Sans",sans-serif;border-bottom:2px solid var(--accent);padding-bottom:4px}
section.related ul{list-style:none;padding:0;font:15px/1.4 system-ui,"DejaVu Sans",sans-serif}
section.related li{padding:6px 0;border-bottom:1px solid #e4e4e4}
.cat{color:var(--accent);font-weight:700;margin-right:6px}
.comment{border-bottom:1px solid #e4e4e4;padding:10px 0;font:15px/1.5 system-ui,"DejaVu Sans",sans-serif}
.comment b{display:block}
form.reply textarea{width:100%;height:90px}
form.reply input{width:48%}
.site-blurb{background:#f3f3f3;padding:12px;font:13px system-ui,"DejaVu Sans",sans-serif}
footer{background:#222;color:#bbb;font:13px system-ui,"DejaVu Sans",sans-serif;padding:24px 16px;margin-top:40px}
footer a{color:#bbb}
.back-to-top{position:fixed;right:16px;bottom:80px;width:40px;height:40px;border-radius:50%;border:0;background:var(--accent);color:#fff;font-size:20px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
#cookie-notice{position:fixed;left:0;right:0;bottom:0;background:#222;color:#eee;font:14px system-ui,"DejaVu Sans",sans-serif;padding:12px 16px;display:flex;gap:16px;align-items:center;justify-content:center;z-index:10}
#cookie-notice button{background:#fff;color:#222;border:0;padding:6px 14px;border-radius:3px;font-weight:700}
.teasers{list-style:none;padding:0}
.teasers li{display:grid;grid-template-columns:120px 1fr;gap:14px;padding:12px 0;border-bottom:1px solid #e4e4e4}
.teasers .thumb{height:80px;background:linear-gradient(135deg,#b8c4d6,#dde3ec);border-radius:3px}
.teasers h2{font:700 19px/1.25 system-ui,"DejaVu Sans",sans-serif;margin:0 0 4px}
.teasers p{margin:0;font-size:15px;color:#444}
.searchbox{display:flex;gap:8px;margin:8px 0 16px}
.searchbox input{flex:1;font-size:16px;padding:6px}
@media (max-width:800px){.wrap{grid-template-columns:1fr}}
`;

const COOKIE_SCRIPT = `
(function(){var n=document.getElementById('cookie-notice');if(!n)return;
try{if(localStorage.getItem('cookies-ok'))n.remove();}catch(e){}
var b=n.querySelector('button');if(b)b.addEventListener('click',function(){try{localStorage.setItem('cookies-ok','1')}catch(e){}n.remove();});})();
`;

export function layout(opts: {
  title: string;
  site: SiteStyle;
  main: string;
  aside?: string;
  extraHead?: string;
  extraBody?: string;
  cookie?: boolean;
  /** false: no top bar, sections, ad slots or sidebar (the demo index). */
  chrome?: boolean;
}): string {
  const { site } = opts;
  const chrome = opts.chrome !== false;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>:root{--accent:${site.accent}}${BASE_CSS}</style>
${opts.extraHead ?? ''}
</head>
<body>
${chrome ? `<div class="topbar"><span>${esc(new Date(Date.UTC(2021, 11, 8)).toUTCString().slice(0, 16))}</span><a href="/home">Home</a><a href="/search">Search</a><a href="#newsletter">Newsletter</a><a href="#login">Log in</a></div>` : ''}
<header class="masthead"><div class="name"><a href="/home" style="color:inherit;text-decoration:none">${esc(site.name)}</a></div>${site.tagline ? `<div class="tagline">${esc(site.tagline)}</div>` : ''}</header>
${
  chrome
    ? `<nav class="sections" aria-label="Sections">${site.sections.map((s) => `<a href="/home#${esc(s.toLowerCase())}">${esc(s)}</a>`).join('')}</nav>
<div class="ad-slot ad-leader" role="complementary" aria-label="Advertisement">Advertisement</div>
<div class="wrap">
<main>
${opts.main}
</main>
<aside>
<div class="ad-slot ad-box" aria-label="Advertisement">Advertisement</div>
${opts.aside ?? ''}
</aside>
</div>`
    : `<div class="wrap" style="grid-template-columns:1fr;max-width:1000px"><main>
${opts.main}
</main></div>`
}
<footer><p>© 2021 ${esc(site.name)}. All rights reserved.</p><p><a href="#about">About us</a> · <a href="#contact">Contact</a> · <a href="#privacy">Privacy policy</a> · <a href="#terms">Terms of use</a></p></footer>
${
  opts.cookie === false
    ? ''
    : `<div id="cookie-notice" role="dialog" aria-label="Cookie notice"><span>We use cookies to improve your experience and to show you relevant advertising. By continuing to browse you agree to our use of cookies.</span><button type="button">Accept</button></div>
<script>${COOKIE_SCRIPT}</script>`
}
${opts.extraBody ?? ''}
</body>
</html>`;
}

function bodyBlock(b: BodyBlock): string {
  switch (b.kind) {
    case 'p':
      return `<p>${esc(b.text)}</p>`;
    case 'see-also':
      return `<p class="see-also"><strong>See also</strong>  <a href="/home">${esc(b.title)}</a></p>`;
    case 'open-in-app':
      return `<a class="app-button" href="#app">${esc(b.text)}</a>`;
  }
}

const COMMENTS = `
<section class="comments" id="comments">
<h3>3 Comments</h3>
<div class="comment"><b>Marta K.</b>Thanks for the update, I had not seen this reported anywhere else yet.</div>
<div class="comment"><b>dan_r</b>Interesting read. Does anyone know when the next round is expected?</div>
<div class="comment"><b>Oliver</b>Good summary, but the headline is a bit much.</div>
</section>`;

function replyForm(heading: string): string {
  return `<section class="comments" id="respond"><h3>${esc(heading)}</h3>
<p style="font:14px system-ui,'DejaVu Sans',sans-serif">Your email address will not be published. Required fields are marked *</p>
<form class="reply" onsubmit="return false"><textarea aria-label="Comment"></textarea><br><input aria-label="Name" placeholder="Name *"> <input aria-label="Email" placeholder="Email *"><br><button type="submit">Post Comment</button></form></section>`;
}

function relatedList(heading: string, links: Link[]): string {
  return `<section class="related"><h3>${esc(heading)}</h3><ul>${links
    .map((l) => `<li><a href="${esc(l.href)}">${esc(l.text)}</a></li>`)
    .join('')}</ul></section>`;
}

/** A scraper site showing an article the way the seed shows it: the body, then its chrome lines. */
export function scraperPage(a: Article, site: SiteStyle, related: Link[], sourceHref: string): string {
  const trailer = a.trailer;
  const sourceLink = trailer.find((t) => t.kind === 'source-link');
  const inArticle: string[] = a.body.map(bodyBlock);
  if (sourceLink) inArticle.push(`<p class="source-link"><a href="${esc(sourceHref)}" rel="nofollow">${esc(sourceLink.text)}</a></p>`);

  const after: string[] = [];
  let relatedOpen: { heading: string; items: ChromeLine[] } | null = null;
  const flushRelated = () => {
    if (!relatedOpen) return;
    const items = relatedOpen.items.length
      ? relatedOpen.items.map((i) => ({ href: '/home', text: i.kind === 'related-item' ? i.text : i.text, cat: i.kind === 'related-item' ? i.category : '' }))
      : related.map((l) => ({ ...l, cat: '' }));
    after.push(
      `<section class="related"><h3>${esc(relatedOpen.heading)}</h3><ul>${items
        .map((l) => `<li>${l.cat ? `<span class="cat">${esc(l.cat)}</span>` : ''}<a href="${esc(l.href)}">${esc(l.text)}</a></li>`)
        .join('')}</ul></section>`,
    );
    relatedOpen = null;
  };
  let hasReply = false;
  let backToTop = '';
  for (const t of trailer) {
    if (t.kind === 'related-item' && relatedOpen) {
      relatedOpen.items.push(t);
      continue;
    }
    if (t.kind !== 'related-item') flushRelated();
    switch (t.kind) {
      case 'source-link':
        break;
      case 'related-heading':
        relatedOpen = { heading: t.text, items: [] };
        break;
      case 'leave-reply':
        after.push(COMMENTS, replyForm(t.text));
        hasReply = true;
        break;
      case 'back-to-top':
        backToTop = `<button class="back-to-top" type="button" aria-label="${esc(t.text)}" onclick="window.scrollTo(0,0)">↑<span class="sr-only">${esc(t.text)}</span></button>`;
        break;
      case 'tags':
        after.push(`<div class="tags">Tags: ${t.tags.map((x) => `<a href="/search?q=${encodeURIComponent(x)}">${esc(x)}</a>`).join('')}</div>`);
        break;
      case 'open-in-app':
        after.push(`<a class="app-button" href="#app">${esc(t.text)}</a>`);
        break;
      case 'site-blurb':
        after.push(`<div class="site-blurb">${esc(t.text)}</div>`);
        break;
      default:
        after.push(`<p>${esc(t.text)}</p>`);
    }
  }
  flushRelated();
  if (!trailer.some((t) => t.kind === 'related-heading')) after.push(relatedList('You may also like', related));
  if (!hasReply) after.push(COMMENTS);

  const main = `
<div class="breadcrumb"><a href="/home">Home</a> › <a href="/home">World</a>${a.headlineRepeated ? ` › ${esc(a.headline)}` : ''}</div>
<h1>${esc(a.headline)}</h1>
${a.byline ? `<div class="byline">${esc(a.byline)}</div>` : `<div class="byline">by admin · December 8, 2021 · 4 min read</div>`}
<div class="share"><span>Facebook</span><span>Twitter</span><span>WhatsApp</span><span>Email</span></div>
<div class="hero" role="img" aria-label="Photo"></div>
<article class="post-content">
${inArticle.join('\n')}
</article>
${after.join('\n')}
${backToTop}`;
  const aside = `<h3>Trending</h3><ul>${related.slice(0, 5).map((l) => `<li><a href="${esc(l.href)}">${esc(l.text)}</a></li>`).join('')}</ul>
<div class="ad-slot ad-box" aria-label="Advertisement">Advertisement</div>`;
  return layout({ title: `${a.headline} - ${site.name}`, site, main, aside });
}

/** A newspaper's own page: byline, body, related links, comments; no scraper boilerplate. */
export function newsroomPage(a: Article, site: SiteStyle, related: Link[], byline: string): string {
  const paras = a.body.map(bodyBlock);
  // An inline ad slot after the third paragraph, as news sites do.
  if (paras.length > 4) paras.splice(3, 0, '<div class="ad-slot ad-inline" aria-label="Advertisement">Advertisement</div>');
  const main = `
<div class="breadcrumb"><a href="/home">Home</a> › <a href="/home">News</a></div>
<h1>${esc(a.headline)}</h1>
<div class="byline">${esc(byline)}</div>
<div class="hero" role="img" aria-label="Photo"></div>
<article>
${paras.join('\n')}
</article>
<div class="share"><span>Share</span><span>Print</span><span>Email</span></div>
${relatedList('Related', related)}
${COMMENTS}`;
  const aside = `<h3>Most read</h3><ol>${related.slice(0, 5).map((l) => `<li><a href="${esc(l.href)}">${esc(l.text)}</a></li>`).join('')}</ol>`;
  return layout({ title: `${a.headline} | ${site.name}`, site, main, aside });
}

/** A minimal blog page: the article and nothing a boilerplate rule could catch. */
export function blogPage(a: Article, site: SiteStyle): string {
  const main = `<h1>${esc(a.headline)}</h1>
<div class="byline">Posted on December 9, 2021</div>
<article>
${a.body.map(bodyBlock).join('\n')}
</article>`;
  return layout({ title: `${a.headline} – ${site.name}`, site, main, cookie: false });
}

export interface Teaser {
  href: string;
  headline: string;
  snippet: string;
  section: string;
}

/** A news home page: many teasers, no article. */
/**
 * A feed excerpt as a feed-to-post blog shows it: the headline, a few sentences of someone else's story and,
 * when given, the line its automation leaves under each post.
 */
export function feedExcerptPage(site: SiteStyle, headline: string, paragraphs: string[], mark: string | null): string {
  const main = `<h1>${esc(headline)}</h1>
<div class="byline">Posted on March 5, 2026</div>
<article>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${mark ? `<div class="feed-source">${esc(mark)}</div>` : ''}
</article>`;
  return layout({ title: `${headline} – ${site.name}`, site, main, cookie: false });
}

export function homePage(site: SiteStyle, teasers: Teaser[]): string {
  const bySection = new Map<string, Teaser[]>();
  for (const t of teasers) bySection.set(t.section, [...(bySection.get(t.section) ?? []), t]);
  const main = [...bySection]
    .map(
      ([section, ts]) => `<h2 id="${esc(section.toLowerCase())}" style="font:700 22px system-ui,'DejaVu Sans',sans-serif;border-bottom:3px solid var(--accent)">${esc(section)}</h2>
<ul class="teasers">${ts
        .map((t) => `<li><div class="thumb"></div><div><h2><a href="${esc(t.href)}">${esc(t.headline)}</a></h2><p>${esc(t.snippet)}</p></div></li>`)
        .join('')}</ul>`,
    )
    .join('\n');
  const aside = `<h3>Newsletter</h3><p>The day's headlines in your inbox every morning.</p><form onsubmit="return false"><input aria-label="Email" placeholder="you@example.org"> <button>Sign up</button></form>`;
  return layout({ title: `${site.name} – latest news`, site, main, aside });
}

/** A search page: a form and a list of results for the query. */
export function searchPage(site: SiteStyle, q: string, results: Teaser[]): string {
  const main = `<h1>Search</h1>
<form class="searchbox" action="/search"><input name="q" value="${esc(q)}" aria-label="Search"><button>Search</button></form>
<p style="font:14px system-ui,'DejaVu Sans',sans-serif">${results.length} results${q ? ` for “${esc(q)}”` : ''}</p>
<ul class="teasers">${results
    .map((t) => `<li><div class="thumb"></div><div><h2><a href="${esc(t.href)}">${esc(t.headline)}</a></h2><p>${esc(t.snippet)}</p></div></li>`)
    .join('')}</ul>`;
  return layout({ title: `Search${q ? `: ${q}` : ''} – ${site.name}`, site, main });
}

/** A page with no text at all. */
export function emptyPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head><body></body></html>`;
}

/** A very long page: an archive of reader letters, `bytes` characters of text. */
export function hugePage(site: SiteStyle, paragraphs: string[]): string {
  const main = `<h1>Letters to the editor: the complete archive</h1>
<div class="byline">Every letter we have published since 1998</div>
<article>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article>`;
  return layout({ title: `Letters archive – ${site.name}`, site, main, cookie: false });
}

export interface SpaStory {
  slug: string;
  headline: string;
  byline: string;
  paragraphs: string[];
}

/**
 * A single-page news app: links change the article in place and push the new URL (history.pushState),
 * without a page load. The back button restores the previous story.
 */
export function spaPage(site: SiteStyle, stories: SpaStory[], initial: string, base: string): string {
  const data = JSON.stringify(stories).replace(/</g, '\\u003c');
  const main = `<nav aria-label="Stories" style="font:14px system-ui,'DejaVu Sans',sans-serif;margin-bottom:12px">${stories
    .map((s) => `<a data-story="${esc(s.slug)}" href="${esc(base + s.slug)}" style="margin-right:14px">${esc(s.headline.slice(0, 48))}…</a>`)
    .join('')}</nav>
<div id="story"></div>`;
  const script = `<script>
(function(){
var stories=${data};var base=${JSON.stringify(base)};
function el(tag,text,cls){var e=document.createElement(tag);e.textContent=text;if(cls)e.className=cls;return e;}
function show(slug){var s=stories.find(function(x){return x.slug===slug;})||stories[0];var root=document.getElementById('story');
root.replaceChildren();root.appendChild(el('h1',s.headline));root.appendChild(el('div',s.byline,'byline'));
var art=document.createElement('article');s.paragraphs.forEach(function(p){art.appendChild(el('p',p));});root.appendChild(art);
document.title=s.headline+' | ${esc(site.name)}';}
document.addEventListener('click',function(ev){var a=ev.target.closest&&ev.target.closest('a[data-story]');if(!a)return;ev.preventDefault();
var slug=a.getAttribute('data-story');history.pushState({slug:slug},'',base+slug);show(slug);});
window.addEventListener('popstate',function(){show(location.pathname.slice(base.length));});
show(${JSON.stringify(initial)});
})();
</script>`;
  return layout({ title: site.name, site, main, extraBody: script });
}

export interface IndexEntry {
  href: string;
  title: string;
  note: string;
  expect: string;
}

/** The demo index: every page of the fixture site, grouped, with what Spinscope should say about it. */
export function indexPage(groups: Array<{ heading: string; intro: string; entries: IndexEntry[] }>): string {
  const site: SiteStyle = { name: 'Spinscope demo', tagline: 'Pages to try the extension on', accent: '#3b3b98', sections: [] };
  const main = `<h1>Spinscope demo pages</h1>
<p style="font:16px system-ui,'DejaVu Sans',sans-serif">Each link opens a page as a news site or a scraper site would show it. Spinscope's toolbar badge and banner
should match the “expected” column; click the toolbar icon for the evidence.</p>
${groups
  .map(
    (g) => `<h2 style="font:700 22px system-ui,'DejaVu Sans',sans-serif;border-bottom:3px solid var(--accent)">${esc(g.heading)}</h2>
<p style="font:15px system-ui,'DejaVu Sans',sans-serif;color:#444">${esc(g.intro)}</p>
<table style="width:100%;border-collapse:collapse;font:14px system-ui,'DejaVu Sans',sans-serif">
<thead><tr><th style="text-align:left">Page</th><th style="text-align:left">What it is</th><th style="text-align:left">Expected</th></tr></thead>
<tbody>${g.entries
      .map(
        (e) => `<tr style="border-top:1px solid #ddd"><td style="padding:6px 8px 6px 0"><a href="${esc(e.href)}">${esc(e.title)}</a></td><td style="padding:6px 8px">${esc(e.note)}</td><td style="padding:6px 0;white-space:nowrap">${esc(e.expect)}</td></tr>`,
      )
      .join('')}</tbody></table>`,
  )
  .join('\n')}`;
  return layout({ title: 'Spinscope demo pages', site, main, cookie: false, chrome: false });
}

export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#444"/><text x="8" y="12" font-size="10" text-anchor="middle" fill="#fff" font-family="sans-serif">N</text></svg>`;
