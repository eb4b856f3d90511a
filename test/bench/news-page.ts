/**
 * A news article page as a reader's browser receives it: head with metadata, styles and scripts (one of them an
 * inline JSON state blob, as server-rendered news sites ship), top bar, masthead, a mega-menu navigation,
 * breaking-news ticker, ad slots, breadcrumb, the article (headline, byline, share buttons with inline SVG
 * icons, lead figure, paragraphs with inline links, a "read more" box and an inline ad), tags, newsletter box,
 * recommendation cards, comments, a "most read" sidebar, a long footer and a cookie dialog.
 *
 * Sized like a real article page: news pages hold about 1,100–3,600 elements (HTTP Archive news pages: median
 * about 1,650); this one holds about 1,500 around an article of the seeds' length. Deterministic per seed.
 */
import { mulberry32 } from '../support/spin.ts';

export interface PageArticle {
  title: string;
  source: string;
  /** Body paragraphs, in order. */
  paragraphs: string[];
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SECTIONS: Record<string, string[]> = {
  World: ['Europe', 'Americas', 'Asia', 'Africa', 'Middle East', 'Australia', 'UK', 'US elections', 'Ukraine war', 'Climate crisis'],
  Politics: ['Parliament', 'Elections', 'Polls', 'Policy', 'Local government', 'Devolution', 'Brexit', 'Inquiries'],
  Business: ['Markets', 'Economy', 'Companies', 'Technology', 'Energy', 'Retail', 'Banking', 'Property', 'Jobs', 'Personal finance'],
  Science: ['Space', 'Environment', 'Health', 'Medical research', 'Archaeology', 'Physics', 'Biology'],
  Sport: ['Football', 'Cricket', 'Rugby union', 'Tennis', 'Cycling', 'Formula One', 'Golf', 'Boxing', 'Athletics', 'Results'],
  Culture: ['Film', 'Music', 'Books', 'Television', 'Art', 'Stage', 'Games', 'Classical'],
  Lifestyle: ['Food', 'Travel', 'Fashion', 'Wellness', 'Money', 'Home', 'Cars', 'Family'],
  Opinion: ['Editorials', 'Columnists', 'Cartoons', 'Letters', 'Obituaries'],
};

const TEASERS = [
  'Central bank signals pause as inflation cools faster than expected',
  'Heatwave pushes power demand to a record across the region',
  'Five things to know before the markets open on Monday',
  'Inside the race to build cheaper batteries for the grid',
  'Ferry operators cancel crossings as storm moves north',
  'Opinion: the budget leaves the hardest questions for later',
  'Local elections: what the early results tell us',
  'Scientists map the seabed where the old harbour stood',
  'The quiet town that became a hub for start-ups',
  'Transport strike: which lines run and which do not',
  'Review: a sharp, funny film about a family business',
  'Live: leaders meet for a second day of talks',
  'How a small co-operative kept the village shop open',
  'Court rules on the future of the disputed pier',
  'Photographs of the week: floods, festivals and a comet',
  'Quiz: how closely have you followed the news this week?',
];

const ICON = (d: string) => `<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="${d}"/></svg>`;
const ICONS = ['M4 4h16v16H4z', 'M12 2l10 20H2z', 'M2 12h20M12 2v20', 'M5 5l14 14M19 5L5 19', 'M3 6h18v12H3z', 'M12 4a8 8 0 1 0 0 16a8 8 0 1 0 0-16'];

export function renderNewsPage(article: PageArticle, seed: number): string {
  const rng = mulberry32(seed);
  const teaser = () => TEASERS[Math.floor(rng() * TEASERS.length)]!;
  const id = () => Math.floor(rng() * 1e7);
  const site = article.source || 'The Daily Courier';
  const title = esc(article.title);

  const megaMenu = Object.entries(SECTIONS).map(([section, subs]) =>
    `<li class="menu-item has-children"><a class="menu-link" href="/${section.toLowerCase()}">${section}</a><div class="submenu"><ul>${
      subs.map((s) => `<li class="submenu-item"><a href="/${section.toLowerCase()}/${s.toLowerCase().replace(/\s+/g, '-')}">${s}</a></li>`).join('')
    }</ul></div></li>`).join('');
  const ad = (kind: string, n: number) =>
    `<div class="ad-wrapper"><div class="ad-slot ad-${kind}" id="ad-${kind}-${n}" data-ad-unit="/1234/news/${kind}" aria-label="Advertisement"><span class="ad-label">Advertisement</span><div class="ad-frame"></div><script>window.adq=window.adq||[];adq.push({slot:"ad-${kind}-${n}",sizes:[[300,250],[728,90]]});</script></div></div>`;
  const card = (prefix: string) =>
    `<div class="card-wrapper"><article class="card"><a class="card-link" href="/${prefix}/${id()}"><figure class="card-media"><img src="/img/t/${id()}.jpg" alt="" loading="lazy" width="320" height="180"></figure><div class="card-text"><span class="kicker">${esc(pick(rng, Object.keys(SECTIONS)))}</span><h3 class="card-title">${esc(teaser())}</h3><p class="card-standfirst">${esc(teaser())}.</p><div class="card-meta"><time>${1 + Math.floor(rng() * 23)}h ago</time><span class="comments-count">${Math.floor(rng() * 900)}</span></div></div></a></article></div>`;
  const share = ['Facebook', 'X', 'WhatsApp', 'LinkedIn', 'Email', 'Copy link']
    .map((s, i) => `<li><a class="share-${i}" href="#share-${i}" aria-label="Share on ${s}">${ICON(ICONS[i]!)}<span class="sr-only">${s}</span></a></li>`).join('');

  const body: string[] = [];
  article.paragraphs.forEach((p, i) => {
    const words = p.split(' ');
    if (words.length > 12 && i % 3 === 1) {
      // An inline link inside some paragraphs, as editors add them.
      const at = 4 + Math.floor(rng() * (words.length - 8));
      body.push(`<p>${words.map((w, k) => (k === at ? `<a href="/topics/${id()}">${esc(w)}</a>` : esc(w))).join(' ')}</p>`);
    } else body.push(`<p>${esc(p)}</p>`);
    if (i === 2) body.push(`<aside class="read-more"><h4>Read more</h4><ul>${Array.from({ length: 3 }, () => `<li><a href="/news/${id()}">${esc(teaser())}</a></li>`).join('')}</ul></aside>`);
    if (i === 5) body.push(ad('inline', i));
  });

  const comments = Array.from({ length: 20 }, (_, i) =>
    `<li class="comment" id="c${id()}"><div class="comment-header"><img class="avatar" src="/avatar/${i}.png" alt="" width="32" height="32"><a class="comment-author" href="/user/${id()}">reader${1000 + Math.floor(rng() * 9000)}</a><time>${1 + i} hours ago</time></div><div class="comment-body"><p>${esc(teaser())}? ${i % 2 ? 'Interesting, thanks for the update.' : 'Not convinced by this at all.'}</p></div><div class="comment-actions"><button class="like">${ICON(ICONS[0]!)}<span>${Math.floor(rng() * 80)}</span></button><button class="reply">Reply</button><button class="report">Report</button></div></li>`).join('');
  const mostRead = Array.from({ length: 10 }, (_, i) =>
    `<li class="most-read-item"><span class="rank">${i + 1}</span><a href="/most-read/${id()}"><img src="/img/s/${id()}.jpg" alt="" width="80" height="45"><h3>${esc(teaser())}</h3></a></li>`).join('');
  const footerColumns = Object.entries(SECTIONS).map(([section, subs]) =>
    `<div class="footer-col"><h4>${section}</h4><ul>${subs.map((s) => `<li><a href="/${section.toLowerCase()}/${s.toLowerCase().replace(/\s+/g, '-')}">${s}</a></li>`).join('')}</ul></div>`).join('');
  const state = JSON.stringify({
    page: { id: seed, type: 'article', section: 'world', headline: article.title },
    related: Array.from({ length: 60 }, () => ({ id: id(), headline: teaser(), url: `/news/${id()}`, image: { src: `/img/${id()}.jpg`, width: 640, height: 360 } })),
    ads: { targeting: { section: 'world', tags: ['diplomacy', 'europe', 'politics'] }, slots: 8 },
  });

  return `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | ${esc(site)}</title>
<meta name="description" content="${esc(article.paragraphs[0]?.slice(0, 150) ?? '')}">
<meta property="og:title" content="${title}"><meta property="og:type" content="article"><meta property="og:site_name" content="${esc(site)}">
<meta name="twitter:card" content="summary_large_image"><meta name="robots" content="max-image-preview:large">
<link rel="canonical" href="https://news.example/${seed}"><link rel="stylesheet" href="/assets/main.css"><link rel="preload" href="/fonts/serif.woff2" as="font" crossorigin>
<style>body{font:17px/1.6 Georgia,serif;margin:0}.masthead{background:#102a43;color:#fff;padding:12px}.menu{display:flex;gap:16px;list-style:none}.submenu{display:none}.ad-slot{background:#eee;min-height:90px}.wrap{display:grid;grid-template-columns:1fr 300px;gap:32px;max-width:1100px;margin:auto}.card{display:flex;gap:12px}.icon{fill:currentColor}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden}footer{background:#111;color:#aaa}</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(article.title)},"publisher":{"@type":"Organization","name":${JSON.stringify(site)}}}</script>
<script>(function(){var d=document,s=d.createElement('script');s.async=true;s.src='/assets/analytics.js';d.head.appendChild(s);window.dataLayer=window.dataLayer||[];dataLayer.push({event:'pageview',section:'world'});})();</script>
</head><body class="article-page">
<a class="skip-link" href="#main">Skip to main content</a>
<div class="topbar"><ul><li><a href="/subscribe">Subscribe</a></li><li><a href="/login">Sign in</a></li><li><a href="/edition/uk">UK edition</a></li><li><a href="/edition/us">US edition</a></li><li><a href="/edition/intl">International</a></li></ul><span class="date">Wednesday 8 December 2021</span></div>
<header class="masthead"><div class="masthead-inner"><a class="logo" href="/">${ICON(ICONS[5]!)}<span>${esc(site)}</span></a><p class="tagline">Independent journalism since 1897</p>
<form class="search" action="/search" role="search"><label for="q" class="sr-only">Search</label><input id="q" name="q" placeholder="Search"><button>${ICON(ICONS[1]!)}</button></form>
<div class="account"><a href="/support">Support us</a><a href="/newsletters">Newsletters</a></div></div></header>
<nav class="nav" aria-label="Sections"><ul class="menu">${megaMenu}</ul></nav>
<div class="ticker"><strong>Breaking</strong><ul>${Array.from({ length: 5 }, () => `<li><a href="/live/${id()}">${esc(teaser())}</a></li>`).join('')}</ul></div>
${ad('leader', 0)}
<div class="wrap"><main id="main">
<nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/world/europe">Europe</a></li></ol></nav>
<article class="story">
<header class="story-header"><h1 class="headline">${title}</h1>
<div class="byline-block"><img class="byline-photo" src="/staff/${seed}.jpg" alt="" width="48" height="48"><p class="byline">By <a rel="author" href="/staff/${seed}">Staff Reporter</a></p><time datetime="2021-12-08T10:00:00Z">Wed 8 Dec 2021 10.00 GMT</time></div>
<div class="share"><ul>${share}</ul><button class="save">${ICON(ICONS[4]!)}Save</button></div></header>
<figure class="lead-image"><picture><source srcset="/img/${seed}.webp" type="image/webp"><img src="/img/${seed}.jpg" alt="" width="1200" height="675"></picture><figcaption>Officials arrive for talks. Photograph: Agency</figcaption></figure>
<div class="article-body">
${body.join('\n')}
</div>
<div class="tags">Topics: <ul><li><a href="/t/world">World news</a></li><li><a href="/t/diplomacy">Diplomacy</a></li><li><a href="/t/europe">Europe</a></li><li><a href="/t/politics">Politics</a></li></ul></div>
<div class="share share-bottom"><ul>${share}</ul></div>
<div class="newsletter"><h3>Get the morning briefing</h3><p>The day's top stories in your inbox.</p><form><input type="email" placeholder="Email address"><label><input type="checkbox"> Also send me offers</label><button>Sign up</button></form></div>
</article>
<section class="related"><h2>More on this story</h2><div class="cards">${Array.from({ length: 8 }, () => card('related')).join('')}</div></section>
${ad('mid', 3)}
<section class="recommended"><h2>Recommended for you</h2><div class="cards">${Array.from({ length: 16 }, () => card('recommended')).join('')}</div></section>
<section class="comments" id="comments"><h2>Comments (${20})</h2><form class="comment-form"><textarea placeholder="Join the discussion"></textarea><button>Post</button></form><ol>${comments}</ol><button class="more">Show more comments</button></section>
</main>
<aside class="sidebar">${ad('box', 1)}<section class="most-read"><h2>Most read</h2><ol>${mostRead}</ol></section>${ad('box', 2)}
<section class="video"><h2>Video</h2><div class="cards">${Array.from({ length: 4 }, () => card('video')).join('')}</div></section></aside>
</div>
<footer class="site-footer"><div class="footer-columns">${footerColumns}</div><ul class="corp"><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/complaints">Complaints and corrections</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie settings</a></li><li><a href="/terms">Terms</a></li><li><a href="/ads">Advertise</a></li><li><a href="/jobs">Jobs</a></li><li><a href="/accessibility">Accessibility</a></li></ul>
<ul class="social">${share}</ul><p class="copyright">© ${esc(site)}. All rights reserved. Registered in England and Wales.</p></footer>
<div class="cookie-banner" role="dialog" aria-label="Cookies"><p>We use cookies to improve your experience and show you relevant advertising.</p><ul>${['Necessary', 'Preferences', 'Statistics', 'Marketing'].map((c) => `<li><label><input type="checkbox" checked> ${c}</label></li>`).join('')}</ul><button>Accept all</button><button>Manage</button></div>
<script id="__STATE__" type="application/json">${state.replace(/</g, '\\u003c')}</script>
<script src="/assets/app.js" defer></script>
</body></html>`;
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}
