/**
 * The fixture site: a small HTTP server on 127.0.0.1 (random free port) serving news pages built from the
 * seeds, spun variants of them, independent and unrelated coverage, and non-article pages. The same server is
 * reachable as `localhost`, which tests use as a second host.
 *
 * Run it on its own with `npx tsx test/site/server.ts [port]`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReference } from '../../src/core/index.ts';
import { nodeSourceFreeAnalyser } from '../../src/node/source-free.ts';
import {
  loadSeeds,
  ROOT,
  loadIndependent,
  loadUnrelated,
  loadCredited,
  loadOriginals,
  loadSpinner,
  spinArticle,
  prng,
  type Article,
  type Seed,
} from './content.ts';
import {
  scraperPage,
  newsroomPage,
  blogPage,
  feedExcerptPage,
  homePage,
  searchPage,
  emptyPage,
  hugePage,
  spaPage,
  indexPage,
  FAVICON,
  type SiteStyle,
  type Link,
  type Teaser,
  type SpaStory,
} from './render.ts';
import { loadRealPairs } from '../fixtures/real-pairs/corpus.ts';
import { buildAdversary, type AdversaryPage } from './adversary.ts';
import { buildHostile, hostileIndex, type HostilePage } from './hostile.ts';

export type VerdictWord = 'spun' | 'auto-published' | 'copy' | 'related' | 'clean';
export type BadgeText = '' | 'SPUN' | 'AUTO' | 'COPY';

export const BADGE_OF: Record<VerdictWord, BadgeText> = {
  spun: 'SPUN',
  'auto-published': 'AUTO',
  copy: 'COPY',
  related: '',
  clean: '',
};

export type PageGroup = 'scraped' | 'spun' | 'independent' | 'credited' | 'unrelated' | 'original' | 'reworded' | 'special';

export interface Expectation {
  /** Verdicts the popup may show (the first is the one the page is built to get). */
  verdicts: VerdictWord[];
  /** Whether the page is an article at all: for non-article pages the popup may show a state instead. */
  article: boolean;
  /** The reference the page derives from (its headline), when it derives from one. */
  referenceTitle?: string;
  /** Texts that must appear among the popup's boilerplate hits. */
  boilerplate?: string[];
  /** Page-side words the spinner put in: some of them must be listed as substitutions and highlighted. */
  swappedIn?: string[];
}

export interface SitePage {
  path: string;
  title: string;
  group: PageGroup;
  note: string;
  expect: Expectation;
  /** The seed this page comes from (its file name without extension). */
  seedId?: string;
  /** Achieved substitution rate of a spun page. */
  spinRate?: number;
}

export interface Site {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** http://localhost:<port>, the same server under a second host name. */
  altOrigin: string;
  pages: SitePage[];
  page(path: string): SitePage;
  /** Hostile and huge pages under /hostile/ (not in `pages`: only the robustness tests open them). */
  hostile: HostilePage[];
  /** Pages attacking the extension itself, under /adversary/ (only the security tests open them). */
  adversary: AdversaryPage[];
  spinner: 'support' | 'fallback';
  /** Every path requested, in order (for debugging). */
  log: string[];
  close(): Promise<void>;
}

const NEWSROOM: SiteStyle = { name: 'The Northern Ledger', tagline: 'Independent journalism since 1871', accent: '#0b3d62', sections: ['World', 'Politics', 'Business', 'Local', 'Science', 'Sport', 'Opinion'] };
const SPIN_FARM: SiteStyle = { name: 'Trending World News 24', tagline: 'Latest breaking news, every hour', accent: '#b03a2e', sections: ['Home', 'World', 'Business', 'Tech', 'Entertainment', 'Sports'] };
const BLOG: SiteStyle = { name: 'Daily Digest Blog', accent: '#4b6b3a', sections: ['Home', 'News', 'About'] };

/** How each seed's scraper site presents itself, derived from the lines above its headline. */
function scraperStyle(seed: Seed): SiteStyle {
  const h = seed.header;
  const blurb = seed.trailer.find((t) => t.kind === 'site-blurb' && !t.text.includes(':'));
  const base = { accent: '#1f5f8b', sections: ['Home', 'World', 'Business', 'Politics', 'Tech', 'Sports'] };
  if (h.length === 2 && h[1]!.split(/\s+/).length >= 3) return { ...base, accent: '#6d2077', name: h[0]!, tagline: h[1]! };
  if (h.length === 1 && h[0]!.split(/\s+/).length >= 2) return { ...base, name: h[0]!, tagline: 'Latest business and world news' };
  // A section label ("Business") or nav items ("City", "Epaper") above the headline: they go in the nav bar.
  const name = blurb ? blurb.text : 'Metro Times Online';
  return { ...base, accent: blurb ? '#c0392b' : '#d35400', name, sections: [...h, ...base.sections.filter((s) => !h.includes(s))] };
}

function firstSentence(a: Article): string {
  const p = a.body.find((b) => b.kind === 'p')?.text ?? '';
  const m = /^(.{40,220}?[.!?])(\s|$)/.exec(p);
  return m ? m[1]! : p.slice(0, 200);
}

function paragraphs(a: Article): string[] {
  return a.body.filter((b) => b.kind === 'p').map((b) => b.text);
}

/** `bytes` characters of letters-to-the-editor prose drawn from a vocabulary: no sentence of any reference. */
function hugeParagraphs(vocabSource: string[], bytes: number): string[] {
  const vocab = [...new Set(vocabSource.join(' ').toLowerCase().match(/[a-z]{3,}/g) ?? [])];
  const rnd = prng(20211208);
  const out: string[] = [];
  let size = 0;
  let letter = 1;
  while (size < bytes) {
    const sentences: string[] = [`Letter ${letter++}.`];
    const n = 4 + Math.floor(rnd() * 5);
    for (let s = 0; s < n; s++) {
      const len = 8 + Math.floor(rnd() * 14);
      const words = Array.from({ length: len }, () => vocab[Math.floor(rnd() * vocab.length)]!);
      words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
      sentences.push(words.join(' ') + '.');
    }
    const p = sentences.join(' ');
    out.push(p);
    size += p.length + 1;
  }
  return out;
}

export async function buildSite(): Promise<{
  pages: SitePage[];
  hostile: HostilePage[];
  adversary: AdversaryPage[];
  render: (path: string, query: URLSearchParams) => string | null;
  spinner: 'support' | 'fallback';
}> {
  const spinner = await loadSpinner();
  const seeds = loadSeeds();
  const independent = loadIndependent();
  const unrelated = loadUnrelated();
  const credited = loadCredited();
  const originals = loadOriginals();

  const pages: SitePage[] = [];
  const html = new Map<string, () => string>();
  const teasers: Teaser[] = [];
  const add = (p: SitePage, make: () => string, teaser?: { a: Article; section: string }) => {
    pages.push(p);
    let cached: string | null = null;
    html.set(p.path, () => (cached ??= make()));
    if (teaser) teasers.push({ href: p.path, headline: teaser.a.headline, snippet: firstSentence(teaser.a), section: teaser.section });
  };
  // Related links are filled in once every page is known.
  const related: Link[] = [];

  for (const seed of seeds) {
    const n = seed.id.slice(0, 3);
    const boiler = seed.trailer.some((t) => t.kind === 'source-link') ? ['Source link'] : [];
    const disclaimer = seed.body.find((b) => b.kind === 'p' && /auto-published/i.test(b.text));
    if (disclaimer) boiler.push('auto-published');
    // The page shares its seed's text, so it gets the seed's own role, decided from the seed's own evidence
    // as the build decides it (spinner marks and marks of rewording, then auto-publishing or scraper footers).
    const role = buildReference({ id: seed.id, text: readFileSync(join(ROOT, 'seeds', seed.file), 'utf8') }, nodeSourceFreeAnalyser()).role;
    const verdict: VerdictWord = role === 'original' ? 'copy' : role;
    add(
      {
        path: `/scraped/${seed.slug}`,
        title: seed.headline,
        group: 'scraped',
        note: `Seed ${n} as its scraper site shows it (${seed.header.join(' / ') || 'no site line'}; ${seed.trailer.map((t) => t.text.slice(0, 20)).slice(0, 3).join(', ') || 'no footer'})`,
        expect: { verdicts: [verdict], article: true, referenceTitle: seed.headline, boilerplate: boiler },
        seedId: seed.id,
      },
      () => scraperPage(seed, scraperStyle(seed), related.slice(0, 6), `/original-source/${seed.slug}`),
      { a: seed, section: 'World' },
    );
  }

  seeds.forEach((seed, i) => {
    const { article, outcome } = spinArticle(seed, `spun-${seed.slug}`, 0.25, 7 + i);
    add(
      {
        path: `/spun/${seed.slug}`,
        title: article.headline,
        group: 'spun',
        note: `Seed ${seed.id.slice(0, 3)} reworded by a spinner (${Math.round(outcome.achievedRate * 100)} % of content words swapped) on another scraper site`,
        expect: { verdicts: ['spun'], article: true, referenceTitle: seed.headline, swappedIn: outcome.swappedIn },
        seedId: seed.id,
        spinRate: outcome.achievedRate,
      },
      () => scraperPage(article, SPIN_FARM, related.slice(0, 6), `/original-source/${seed.slug}`),
    );
  });

  for (const a of independent) {
    add(
      {
        path: `/independent/${a.slug}`,
        title: a.headline,
        group: 'independent',
        note: 'Independent coverage of the same events as the seeds, in its own words',
        expect: { verdicts: ['related', 'clean'], article: true },
      },
      () => newsroomPage(a, NEWSROOM, related.slice(0, 6), 'By our foreign affairs correspondent · December 8, 2021'),
      { a, section: 'World' },
    );
  }
  for (const a of credited) {
    add(
      {
        path: `/credited/${a.slug}`,
        title: a.headline,
        group: 'credited',
        note: 'Legitimate syndication: the agency copy, credited to the agency, with no scraper boilerplate',
        expect: { verdicts: ['related', 'clean'], article: true },
      },
      () => newsroomPage(a, NEWSROOM, related.slice(0, 6), 'Wire service · December 8, 2021'),
      { a, section: 'World' },
    );
  }
  for (const a of unrelated) {
    // The "short-" fixtures are a newsletter box and a not-found page: not articles at all.
    const short = a.slug.startsWith('short-');
    add(
      {
        path: `/unrelated/${a.slug}`,
        title: a.headline,
        group: 'unrelated',
        note: short ? 'A short page that is not an article' : 'A news article about something else',
        expect: { verdicts: ['clean'], article: !short },
      },
      () => newsroomPage(a, NEWSROOM, related.slice(0, 6), 'By staff reporters'),
      { a, section: 'Local' },
    );
  }
  originals.forEach((a, i) => {
    add(
      {
        path: `/original/${a.slug}`,
        title: a.headline,
        group: 'original',
        note: "The Ledger's own reporting (not in the bundled library; add it as a reference from the popup)",
        expect: { verdicts: ['clean'], article: true },
      },
      () => newsroomPage(a, NEWSROOM, related.slice(0, 6), 'By Anna Lind, local affairs reporter'),
      { a, section: 'Local' },
    );
    const { article, outcome } = spinArticle(a, `reworded-${a.slug}`, 0.3, 101 + i);
    add(
      {
        path: `/reworded/${a.slug}`,
        title: article.headline,
        group: 'reworded',
        note: `A spun copy of “${a.headline}” (${Math.round(outcome.achievedRate * 100)} % swapped) on a blog with no boilerplate: clean until the original is added as a reference`,
        expect: { verdicts: ['clean'], article: true, referenceTitle: a.headline, swappedIn: outcome.swappedIn },
        spinRate: outcome.achievedRate,
      },
      () => blogPage(article, BLOG),
    );
  });

  // Independent coverage that quotes one paragraph of a bundled reference word for word (both texts real, put
  // together here): a shared passage, not a copy.
  const quoting = independent[0]!;
  const quoted = seeds.find((sd) => sd.id.startsWith('002'))!.body.filter((b) => b.kind === 'p').map((b) => b.text).sort((a, b) => b.length - a.length)[0]!;
  const withQuote: Article = { ...quoting, slug: `${quoting.slug}-quoting`, body: [...quoting.body.slice(0, 2), { kind: 'p', text: `“${quoted}”` }, ...quoting.body.slice(2)] };
  add(
    { path: '/special/shared-quote', title: withQuote.headline, group: 'special', note: 'Independent coverage quoting one paragraph of a bundled reference: related, a shared passage', expect: { verdicts: ['related'], article: true } },
    () => newsroomPage(withQuote, NEWSROOM, related.slice(0, 6), 'By staff reporters'),
  );

  // A spun copy of an article that is in no library: only its own text can betray it.
  const orphan = unrelated.find((a) => a.slug === 'business-bakery-expansion')!;
  const { article: orphanSpun } = spinArticle(orphan, 'spun-no-source', 0.3, 7);
  add(
    { path: '/special/spun-no-source', title: orphanSpun.headline, group: 'special', note: 'A 30 % spun copy of an article in no library: spun from its own text, no original known', expect: { verdicts: ['spun'], article: true } },
    () => blogPage(orphanSpun, BLOG),
  );

  // A real rewrite found on the web next to its original (test/fixtures/real-pairs): with the original added
  // as a reference, the copy is matched but neither side is shown to be the reworded one.
  const pair = loadRealPairs().find((p) => p.id === 'spun-worldtodaynews-cnn-press-pen')!;
  const pairArticle = (side: 0 | 1, slug: string, headline: string): Article => ({
    slug, header: [], headline, headlineRepeated: false, byline: null, trailer: [],
    body: pair.sides[side].text.split(/\n+/).filter(Boolean).map((text) => ({ kind: 'p' as const, text })),
  });
  add(
    { path: '/real-pair/original', title: 'Inside the court: a reporter in the press pen', group: 'special', note: `A real original (${pair.sides[1].url}): add it as a reference, then read its rewrite`, expect: { verdicts: ['clean'], article: true } },
    () => newsroomPage(pairArticle(1, 'press-pen', 'Inside the court: a reporter in the press pen'), NEWSROOM, related.slice(0, 6), 'By staff reporters'),
  );
  add(
    { path: '/real-pair/copy', title: 'Inside the Supreme Court: a journalist with no electronics', group: 'special', note: `Its real rewrite (${pair.sides[0].url}): related, an undecided rewrite, once the original is a reference`, expect: { verdicts: ['clean', 'related'], article: true } },
    () => blogPage(pairArticle(0, 'press-pen-copy', 'Inside the Supreme Court: a journalist with no electronics'), BLOG),
  );

  for (const p of pages) if (p.group !== 'spun' && p.group !== 'reworded') related.push({ href: p.path, text: p.title });

  const nonArticle: Expectation = { verdicts: ['clean', 'related'], article: false };
  add({ path: '/home', title: 'Home page', group: 'special', note: 'A news home page: teasers, no article', expect: nonArticle }, () => homePage(NEWSROOM, teasers));
  add({ path: '/search?q=Putin', title: 'Search page', group: 'special', note: 'Search results for “Putin”: snippets, no article', expect: nonArticle }, () => '');
  // A 47-word feed excerpt from an IFTTT-fed blog (https://flashtelugu.blogspot.com/2026), with and without its feed line.
  const excerpt = {
    headline: 'Nagpur Woman Pours Hot Water On Grandson, 4, For Spraying Colour On Her',
    paragraphs: [
      'Enraged over her four-year-old grandson spraying paint on her while playing, his grandmother allegedly poured boiling water on the child, resulting in scalding injuries, in Koradi area of Nagpur district, police said on Wednesday.',
      'Om suffered severe burns below the waist and was admitted to a private hospital in Nagpur.',
    ],
  };
  add(
    { path: '/feed/nagpur-grandmother', title: excerpt.headline, group: 'special', note: 'A short feed excerpt posted by IFTTT: checked although short, and AUTO', expect: { verdicts: ['auto-published'], article: true, boilerplate: ['https://ift.tt/dgwE8aF'] } },
    () => feedExcerptPage(BLOG, excerpt.headline, excerpt.paragraphs, 'from NDTV News- Special https://ift.tt/dgwE8aF'),
  );
  add(
    { path: '/feed/nagpur-grandmother-plain', title: `${excerpt.headline} (no feed line)`, group: 'special', note: 'The same excerpt without its feed line: too short to check', expect: nonArticle },
    () => feedExcerptPage(BLOG, excerpt.headline, excerpt.paragraphs, null),
  );
  add({ path: '/empty', title: 'Empty page', group: 'special', note: 'A page with no text at all', expect: nonArticle }, () => emptyPage());
  add(
    { path: '/huge', title: 'Huge page (2 MB of text)', group: 'special', note: 'A 2 MB archive of letters: must not freeze the page or the browser', expect: { verdicts: ['clean'], article: false } },
    () => hugePage(NEWSROOM, hugeParagraphs([...originals, ...unrelated].flatMap(paragraphs), 2 * 1024 * 1024)),
  );

  // The single-page app: a clean story first, then a scraped seed, switched with history.pushState.
  const spaBase = '/spa/';
  const spaStories: SpaStory[] = [];
  const clean = originals[0] ?? unrelated[0];
  if (clean) spaStories.push({ slug: clean.slug, headline: clean.headline, byline: 'By Anna Lind', paragraphs: paragraphs(clean) });
  const spunSeed = seeds[2] ?? seeds[0];
  if (spunSeed) spaStories.push({ slug: spunSeed.slug, headline: spunSeed.headline, byline: 'by admin', paragraphs: paragraphs(spunSeed) });
  const second = originals[1] ?? unrelated[1];
  if (second) spaStories.push({ slug: second.slug, headline: second.headline, byline: 'By Anna Lind', paragraphs: paragraphs(second) });
  const spa = (slug: string) => spaPage(NEWSROOM, spaStories, slug, spaBase);
  for (const s of spaStories) {
    const seedStory = spunSeed && s.slug === spunSeed.slug;
    pages.push({
      path: spaBase + s.slug,
      title: `In-page navigation: ${s.headline}`,
      group: 'special',
      note: seedStory ? 'Single-page app showing seed ' + spunSeed.id.slice(0, 3) + ' (reached with history.pushState)' : 'Single-page app: the article changes in place via history.pushState',
      expect: seedStory
        ? { verdicts: ['spun'], article: true, referenceTitle: spunSeed.headline }
        : { verdicts: ['clean'], article: true },
      ...(seedStory ? { seedId: spunSeed.id } : {}),
    });
  }

  const hostile = buildHostile(seeds, related);
  const adversary = buildAdversary(seeds, related);

  const render = (path: string, query: URLSearchParams): string | null => {
    if (path === '/') return demoIndex(pages);
    if (path === '/hostile/') return hostileIndex(hostile.pages);
    if (path.startsWith('/hostile/')) return hostile.render(path);
    if (path.startsWith('/adversary/')) return adversary.render(path);
    if (path === '/search') {
      const q = (query.get('q') ?? '').trim();
      const results = q ? teasers.filter((t) => (t.headline + ' ' + t.snippet).toLowerCase().includes(q.toLowerCase())) : teasers;
      return searchPage(NEWSROOM, q, results);
    }
    if (path.startsWith(spaBase)) {
      const slug = path.slice(spaBase.length);
      return spaStories.some((s) => s.slug === slug) ? spa(slug) : spaStories[0] ? spa(spaStories[0].slug) : null;
    }
    if (path.startsWith('/original-source/')) return null;
    return html.get(path)?.() ?? null;
  };
  return { pages, hostile: hostile.pages, adversary: adversary.pages, render, spinner };
}

function expectText(e: Expectation): string {
  const v = e.verdicts[0]!;
  if (!e.article) return 'no badge (not an article)';
  const badge = BADGE_OF[v];
  return badge ? `${badge} badge, banner` : e.verdicts.length > 1 ? `no badge (${e.verdicts.join(' or ')})` : `no badge (${v})`;
}

function demoIndex(pages: SitePage[]): string {
  const groups: Array<{ heading: string; intro: string; group: PageGroup[] }> = [
    { heading: 'Scraped seeds', intro: 'The five seed documents, each on a scraper site as it was found: spun copies with “Source link” footers, a scraped copy, an auto-published agency copy.', group: ['scraped'] },
    { heading: 'Spun again', intro: 'The seeds reworded by a spinner and republished on another scraper site.', group: ['spun'] },
    { heading: 'Independent coverage', intro: 'Other newsrooms reporting the same events in their own words: never a copy.', group: ['independent'] },
    { heading: 'Credited syndication', intro: 'The agency story republished with its credit and without scraper boilerplate: information, not a warning.', group: ['credited'] },
    { heading: 'Unrelated and original articles', intro: 'Ordinary news pages, and reworded copies of them that Spinscope catches once the original is in the reference library.', group: ['unrelated', 'original', 'reworded'] },
    { heading: 'Pages that are not articles', intro: 'Home page, search, an empty page, a 2 MB page, and a single-page app that changes its article without a page load.', group: ['special'] },
  ];
  return indexPage(
    groups
      .map((g) => ({
        heading: g.heading,
        intro: g.intro,
        entries: pages
          .filter((p) => g.group.includes(p.group))
          .map((p) => ({ href: p.path, title: p.title, note: p.note, expect: expectText(p.expect) })),
      }))
      .filter((g) => g.entries.length > 0),
  );
}

/** Start the fixture site on 127.0.0.1 (port 0 = a random free port). */
export async function startSite(port = 0): Promise<Site> {
  const built = await buildSite();
  const log: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push(`${req.headers.host ?? ''}${url.pathname}${url.search}`);
    if (url.pathname === '/favicon.svg' || url.pathname === '/favicon.ico') {
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
      res.end(FAVICON);
      return;
    }
    let body: string | null = null;
    try {
      body = built.render(url.pathname, url.searchParams);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(e));
      return;
    }
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title><link rel="icon" href="/favicon.svg"></head><body><h1>Page not found</h1><p><a href="/">Back to the index</a></p></body></html>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    origin: `http://127.0.0.1:${actual}`,
    altOrigin: `http://localhost:${actual}`,
    pages: built.pages,
    hostile: built.hostile,
    adversary: built.adversary,
    spinner: built.spinner,
    log,
    page(path: string) {
      const p = built.pages.find((x) => x.path === path);
      if (!p) throw new Error(`no fixture page ${path}`);
      return p;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const site = await startSite(Number(process.argv[2] ?? 0));
  console.log(`Fixture site: ${site.origin}/  (also ${site.altOrigin}/), ${site.pages.length} pages, spinner: ${site.spinner}`);
}
