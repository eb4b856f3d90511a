/**
 * Article content for the fixture site: the seeds (parsed into the parts a scraper page shows), the
 * independent-coverage and unrelated fixture texts, the site's own original articles, and spun variants.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One line of a seed outside its body, as the scraper site shows it. */
export type ChromeLine =
  | { kind: 'source-link'; text: string }
  | { kind: 'related-heading'; text: string }
  | { kind: 'related-item'; category: string; text: string }
  | { kind: 'leave-reply'; text: string }
  | { kind: 'back-to-top'; text: string }
  | { kind: 'tags'; text: string; tags: string[] }
  | { kind: 'open-in-app'; text: string }
  | { kind: 'site-blurb'; text: string }
  | { kind: 'other'; text: string };

/** One block of an article body: a paragraph, or a piece of chrome the scraper injected mid-article. */
export type BodyBlock =
  | { kind: 'p'; text: string }
  | { kind: 'see-also'; text: string; title: string }
  | { kind: 'open-in-app'; text: string };

export interface Article {
  slug: string;
  /** Lines above the headline on the page (site name, tagline, section links). */
  header: string[];
  headline: string;
  /** The headline shown a second time (breadcrumb), when the source shows it twice. */
  headlineRepeated: boolean;
  byline: string | null;
  body: BodyBlock[];
  /** Chrome after the body, in the order the source shows it. */
  trailer: ChromeLine[];
}

export interface Seed extends Article {
  id: string;
  file: string;
}

function lines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

const TRAILER_START = /^(Source link|Tags:|Related Articles|Related Stories|Leave a Reply|Back to top button)(?=\s|$)/;

function classifyTrailer(line: string, inRelatedStories: boolean): ChromeLine {
  if (line === 'Source link') return { kind: 'source-link', text: line };
  if (/^Related (Articles|Stories)$/.test(line) || /Realted Stories$|Related Stories$/.test(line))
    return { kind: 'related-heading', text: line };
  if (line === 'Leave a Reply') return { kind: 'leave-reply', text: line };
  if (line === 'Back to top button') return { kind: 'back-to-top', text: line };
  if (line === 'Open in App') return { kind: 'open-in-app', text: line };
  if (line.startsWith('Tags:')) {
    const raw = line.slice('Tags:'.length).trim();
    // The scraped tag list runs the tags together ("RussiaVladimir Putin"): split at lower→Upper joins.
    const tags = raw.split(/(?<=[a-z])(?=[A-Z])/).map((t) => t.trim()).filter(Boolean);
    return { kind: 'tags', text: line, tags };
  }
  const cat = /^(International|National|Business|Sports|World)(\S.*)$/.exec(line);
  if (inRelatedStories && cat) return { kind: 'related-item', category: cat[1]!, text: cat[2]! };
  if (/^news7g$/i.test(line) || /^News7g:/.test(line)) return { kind: 'site-blurb', text: line };
  return { kind: 'other', text: line };
}

/** Parse a seed (or any scraped text) into the parts of a scraper page. */
export function parseScraped(slug: string, text: string): Article {
  const ls = lines(text);
  // The headline is the first line that reads like a sentence; shorter lines above it are the site's chrome.
  let h = ls.findIndex((l) => l.split(/\s+/).length >= 5);
  if (h < 0) h = 0;
  const header = ls.slice(0, h);
  const headline = ls[h] ?? slug;
  let i = h + 1;
  let headlineRepeated = false;
  if (ls[i] === headline) {
    headlineRepeated = true;
    i++;
  }
  let byline: string | null = null;
  if (ls[i] && /^By\s/.test(ls[i]!) && /\||Published/.test(ls[i]!)) byline = ls[i++]!;
  const body: BodyBlock[] = [];
  const trailer: ChromeLine[] = [];
  let inTrailer = false;
  let inRelatedStories = false;
  for (; i < ls.length; i++) {
    const line = ls[i]!;
    if (!inTrailer && TRAILER_START.test(line)) inTrailer = true;
    if (inTrailer) {
      const c = classifyTrailer(line, inRelatedStories);
      if (c.kind === 'related-heading') inRelatedStories = true;
      trailer.push(c);
      continue;
    }
    if (line === 'Open in App') body.push({ kind: 'open-in-app', text: line });
    else if (/^See also\s+/.test(line)) body.push({ kind: 'see-also', text: line, title: line.replace(/^See also\s+/, '') });
    else body.push({ kind: 'p', text: line });
  }
  return { slug, header, headline, headlineRepeated, byline, body, trailer };
}

/** Plain fixture text: first line the headline, blank line, paragraphs. */
export function parsePlain(slug: string, text: string): Article {
  const ls = lines(text);
  return {
    slug,
    header: [],
    headline: ls[0] ?? slug,
    headlineRepeated: false,
    byline: null,
    body: ls.slice(1).map((t) => ({ kind: 'p' as const, text: t })),
    trailer: [],
  };
}

export function loadSeeds(): Seed[] {
  const dir = join(ROOT, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const id = basename(file, '.txt');
      const slug = 'seed-' + id.slice(0, 3);
      return { ...parseScraped(slug, readFileSync(join(dir, file), 'utf8')), id, file };
    });
}

function loadDir(dir: string): Article[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parsePlain(basename(f, '.txt').replace(/[^a-z0-9-]+/gi, '-').toLowerCase(), readFileSync(join(dir, f), 'utf8')))
    .filter((a) => a.body.length > 0);
}

/** Independent coverage of the seeds' stories (test/fixtures/independent). */
export const loadIndependent = (): Article[] => loadDir(join(ROOT, 'test', 'fixtures', 'independent'));
/** Agency copies that credit their source (test/fixtures/credited). */
export const loadCredited = (): Article[] => loadDir(join(ROOT, 'test', 'fixtures', 'credited'));
/** Articles about other subjects (test/fixtures/unrelated). */
export const loadUnrelated = (): Article[] => loadDir(join(ROOT, 'test', 'fixtures', 'unrelated'));
/** The fixture site's own original reporting, used as user-added references. */
export const loadOriginals = (): Article[] => loadDir(join(ROOT, 'test', 'site', 'articles'));

// ---------------------------------------------------------------------------------------------------------
// Spinning

export interface SpinOutcome {
  text: string;
  /** The page-side words that replaced reference words. */
  swappedIn: string[];
  /** reference phrase → page phrase, as the spinner made them. */
  pairs: Array<{ from: string; to: string }>;
  achievedRate: number;
  /** Words the rate is measured over (content words when the spinner reports them). */
  countedWords: number;
}

type SpinFn = (text: string, rate: number, seed: number) => { text: string; swaps: unknown[]; achievedRate: number; contentWords?: number };

let spinImpl: SpinFn | null | undefined;

/** Use the project's spinner (test/support/spin.ts) when it exists, else the small fixed table below. */
export async function loadSpinner(): Promise<'support' | 'fallback'> {
  if (spinImpl !== undefined) return spinImpl ? 'support' : 'fallback';
  spinImpl = null;
  const path = join(ROOT, 'test', 'support', 'spin.ts');
  if (existsSync(path)) {
    try {
      const mod = (await import('../support/spin.ts')) as { spin?: SpinFn };
      if (typeof mod.spin === 'function') spinImpl = mod.spin;
    } catch {
      spinImpl = null;
    }
  }
  return spinImpl ? 'support' : 'fallback';
}

/** A spinner's favourite swaps: plain words for rarer, odder ones. */
const FALLBACK_SWAPS: Record<string, string> = {
  said: 'expressed', says: 'expresses', talks: 'discussions', meeting: 'assembly', city: 'metropolis',
  council: 'assembly', vote: 'ballot', voted: 'balloted', new: 'novel', route: 'pathway', boats: 'vessels',
  boat: 'vessel', plan: 'scheme', cost: 'expense', morning: 'dawn', people: 'folks', years: 'annums',
  president: 'head of state', leaders: 'frontrunners', leader: 'frontrunner', troops: 'militia', border: 'frontier',
  warned: 'cautioned', expected: 'anticipated', officials: 'functionaries', growers: 'cultivators',
  farmers: 'agriculturalists', damage: 'impairment', cold: 'frigid', trees: 'timbers', night: 'eventide',
  nights: 'eventides', price: 'tariff', prices: 'tariffs', crop: 'yield', help: 'succour', big: 'gargantuan',
  large: 'sizeable', small: 'diminutive', first: 'foremost', next: 'subsequent', support: 'backing',
  government: 'administration', week: 'sennight', month: 'moon', spring: 'vernal season', autumn: 'fall season',
  threat: 'menace', attack: 'onslaught', invasion: 'incursion', economy: 'financial system', concerns: 'qualms',
  allies: 'confederates', security: 'safekeeping', military: 'martial', weapons: 'armaments', war: 'warfare',
  country: 'nation', countries: 'nations', agreement: 'accord', residents: 'denizens', cars: 'automobiles',
  bridge: 'viaduct', water: 'aqua', public: 'communal', transport: 'conveyance', students: 'pupils',
  estimate: 'approximation', harvest: 'reaping', fruit: 'produce', weather: 'climate', fire: 'blaze',
  fires: 'blazes', reporters: 'journalists', tensions: 'strains', sanctions: 'penalties', region: 'locale',
  finally: 'ultimately', quickly: 'speedily', important: 'momentous', major: 'principal', announce: 'proclaim',
};

function fallbackSpin(text: string, rate: number, seed: number) {
  let state = seed >>> 0 || 1;
  const rnd = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const swaps: Array<{ from: string; to: string }> = [];
  let words = 0;
  const out = text.replace(/[A-Za-z]+/g, (w) => {
    words++;
    const lower = w.toLowerCase();
    const to = FALLBACK_SWAPS[lower];
    if (!to || rnd() > Math.min(1, rate * 3)) return w;
    const cased = w[0] === w[0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to;
    swaps.push({ from: w, to: cased });
    return cased;
  });
  return { text: out, swaps, achievedRate: words ? swaps.length / words : 0, contentWords: words };
}

function swapPair(s: unknown): { from: string; to: string } | null {
  if (!s || typeof s !== 'object') return null;
  const o = s as Record<string, unknown>;
  const from = [o.from, o.original, o.reference, o.source, o.before, o.old].find((v) => typeof v === 'string');
  const to = [o.to, o.replacement, o.page, o.spun, o.after, o.new, o.target].find((v) => typeof v === 'string');
  return typeof from === 'string' && typeof to === 'string' ? { from, to } : null;
}

/** Spin one text at about `rate` of its words, deterministically for a given seed. */
export function spinText(text: string, rate: number, seed: number): SpinOutcome {
  const r = spinImpl ? spinImpl(text, rate, seed) : fallbackSpin(text, rate, seed);
  const pairs = (r.swaps as unknown[]).map(swapPair).filter((p): p is { from: string; to: string } => p !== null);
  const counted = typeof r.contentWords === 'number' ? r.contentWords : (text.match(/[A-Za-z]+/g) ?? []).length;
  return { text: r.text, pairs, swappedIn: pairs.map((p) => p.to), achievedRate: r.achievedRate, countedWords: counted };
}

/** Spin an article's paragraphs (never its chrome), one seed per paragraph so output is stable. */
export function spinArticle(a: Article, slug: string, rate: number, seed: number): { article: Article; outcome: SpinOutcome } {
  const pairs: SpinOutcome['pairs'] = [];
  let swapped = 0;
  let total = 0;
  const body = a.body.map((b, i) => {
    if (b.kind !== 'p') return b;
    const s = spinText(b.text, rate, seed * 1000 + i);
    pairs.push(...s.pairs);
    total += s.countedWords;
    swapped += s.pairs.length;
    return { kind: 'p' as const, text: s.text };
  });
  return {
    article: { ...a, slug, body },
    outcome: {
      text: body.map((b) => b.text).join('\n\n'),
      pairs,
      swappedIn: pairs.map((p) => p.to),
      achievedRate: total ? swapped / total : 0,
      countedWords: total,
    },
  };
}

/** Small deterministic PRNG for generated pages: the spinner's own. */
export { mulberry32 as prng } from '../support/spin.ts';
