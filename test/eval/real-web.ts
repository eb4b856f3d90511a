/**
 * The real-web section of `npm run eval`: auto-published pages per family and reputable pages, dev and
 * held-out apart. Scoring is independent of the engine: give it the pages and a `check`, get the figures.
 */
import type { CheckResult } from '../../src/core/types.ts';
import { isWarningHit } from '../../src/core/judge/verdict-evidence.ts';
import { WEB_FAMILIES, hostOf, loadRealWeb, type WebFamily, type WebPage, type WebSplit } from '../fixtures/real-web/corpus.ts';
import { isWarning } from './evaluate.ts';

export type WebCheck = (page: WebPage) => Pick<CheckResult, 'verdict' | 'boilerplate'>;

export interface Tally {
  n: number;
  /** Pages that warned (auto pages), or that wrongly warned (reputable pages). */
  hits: number;
  ids: string[];
}

export interface WebReport {
  /** Per family and split: pages that warned, and of those pages the ones whose evidence names the family. */
  families: Record<WebFamily, Record<WebSplit, Tally & { named: number }>>;
  /** Auto pages that did not warn, and reputable pages that did. */
  reputable: Record<WebSplit, Tally>;
  auto: Record<WebSplit, Tally>;
  /** The held-out pages collected after the rules were written: auto pages that warned, reputable ones that did. */
  later: { auto: Tally; reputable: Tally };
  sites: { auto: number; reputable: number };
}

const tally = (): Tally => ({ n: 0, hits: 0, ids: [] });

export function scoreRealWeb(pages: readonly WebPage[], check: WebCheck): WebReport {
  const families = Object.fromEntries(WEB_FAMILIES.map((f) => [f, { dev: { ...tally(), named: 0 }, 'held-out': { ...tally(), named: 0 } }])) as WebReport['families'];
  const reputable = { dev: tally(), 'held-out': tally() };
  const auto = { dev: tally(), 'held-out': tally() };
  const later = { auto: tally(), reputable: tally() };
  for (const page of pages) {
    const result = check(page);
    const warned = isWarning(result.verdict);
    if (page.batch === 2) {
      const t = later[page.label];
      t.n++;
      if (warned) (t.hits++, t.ids.push(page.id));
    }
    const named = new Set(result.boilerplate.filter(isWarningHit).map((h) => h.family));
    if (page.label === 'reputable') {
      const t = reputable[page.split];
      t.n++;
      if (warned) (t.hits++, t.ids.push(page.id));
      continue;
    }
    const t = auto[page.split];
    t.n++;
    if (warned) t.hits++;
    else t.ids.push(page.id);
    for (const family of page.families) {
      const f = families[family][page.split];
      f.n++;
      if (warned) f.hits++;
      if (warned && named.has(family)) f.named++;
      else f.ids.push(page.id);
    }
  }
  const sites = (label: WebPage['label']) => new Set(pages.filter((p) => p.label === label).map((p) => hostOf(p.url))).size;
  return { families, reputable, auto, later, sites: { auto: sites('auto'), reputable: sites('reputable') } };
}

/** log of the binomial probability P(X = k) for n trials at p. */
function logBinom(n: number, k: number, p: number): number {
  let logC = 0;
  for (let i = 1; i <= k; i++) logC += Math.log(n - k + i) - Math.log(i);
  return logC + (k ? k * Math.log(p) : 0) + (n - k ? (n - k) * Math.log1p(-p) : 0);
}

const binomCdf = (x: number, n: number, p: number) => {
  let sum = 0;
  for (let k = 0; k <= x; k++) sum += Math.exp(logBinom(n, k, p));
  return sum;
};

/**
 * Exact (Clopper–Pearson) two-sided 95 % upper bound for a rate of x events in n trials: the p at which
 * seeing x or fewer has probability 2.5 %. For x = 0 it is 1 − 0.025^(1/n), near the rule of three's 3/n.
 */
export function clopperPearsonUpper(x: number, n: number, confidence = 0.95): number {
  if (n === 0) return 1;
  if (x >= n) return 1;
  const tail = (1 - confidence) / 2;
  let lo = x / n;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (binomCdf(x, n, mid) > tail) lo = mid;
    else hi = mid;
  }
  return hi;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ratio = (a: number, n: number) => (n ? `${a}/${n} ${pct(a / n)}` : '—');

/** The section as printed by `npm run eval`. */
export function formatRealWeb(report: WebReport): string {
  const rows: string[][] = [['', 'dev', 'held-out']];
  for (const family of WEB_FAMILIES) {
    const f = report.families[family];
    rows.push([`${family}: warned`, ratio(f.dev.hits, f.dev.n), ratio(f['held-out'].hits, f['held-out'].n)]);
    rows.push([`${family}: family named`, ratio(f.dev.named, f.dev.n), ratio(f['held-out'].named, f['held-out'].n)]);
  }
  rows.push(['all auto-published: warned', ratio(report.auto.dev.hits, report.auto.dev.n), ratio(report.auto['held-out'].hits, report.auto['held-out'].n)]);
  const r = report.reputable;
  const upper = (t: Tally) => (t.n ? ` (95% upper ${pct(clopperPearsonUpper(t.hits, t.n))})` : '');
  rows.push(['reputable: false warnings', ratio(r.dev.hits, r.dev.n) + upper(r.dev), ratio(r['held-out'].hits, r['held-out'].n) + upper(r['held-out'])]);
  const all = { n: r.dev.n + r['held-out'].n, hits: r.dev.hits + r['held-out'].hits };
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const missed = [...report.auto.dev.ids, ...report.auto['held-out'].ids];
  const wrong = [...r.dev.ids, ...r['held-out'].ids];
  return [
    `real web: ${report.auto.dev.n + report.auto['held-out'].n} auto-published pages from ${report.sites.auto} sites, ` +
      `${all.n} reputable pages from ${report.sites.reputable} sites (normal sensitivity)`,
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    `reputable, all: ${ratio(all.hits, all.n)} false warnings, 95% upper bound ${pct(clopperPearsonUpper(all.hits, all.n))} (Clopper–Pearson, two-sided)`,
    `held out, collected after the rules were first written: auto-published warned ${ratio(report.later.auto.hits, report.later.auto.n)}, ` +
      `reputable warned ${ratio(report.later.reputable.hits, report.later.reputable.n)}`,
    ...(missed.length ? [`  not caught: ${missed.join(', ')}`] : []),
    ...(wrong.length ? [`  false warnings: ${wrong.join(', ')}`] : []),
  ].join('\n');
}

/** Loads the corpus, checks every page with its own address, and formats the section. */
export function realWebSection(check: (text: string, url: string) => Pick<CheckResult, 'verdict' | 'boilerplate'>): string {
  return formatRealWeb(scoreRealWeb(loadRealWeb(), (page) => check(page.text, page.url)));
}
