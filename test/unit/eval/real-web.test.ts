/**
 * Floors measured on the real-web corpus at 'normal' sensitivity (`npm run eval` prints the table), and the
 * scoring and interval arithmetic behind them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedLibrary } from '../../../src/node/library.ts';
import { createEngine } from '../../../src/core/index.ts';
import { hostOf, loadRealWeb, parseWebPage, type WebPage } from '../../fixtures/real-web/corpus.ts';
import { clopperPearsonUpper, scoreRealWeb, type WebReport } from '../../eval/real-web.ts';

let pages: WebPage[];
let report: WebReport;

beforeAll(async () => {
  const engine = createEngine(await loadSeedLibrary());
  pages = loadRealWeb();
  report = scoreRealWeb(pages, (p) => engine.check({ text: p.text, url: p.url }, { sensitivity: 'normal' }));
}, 120_000);

const rate = (t: { n: number; hits: number }) => t.hits / t.n;

describe('real-web corpus', () => {
  it('holds real pages from many sites, each cited once', () => {
    const auto = pages.filter((p) => p.label === 'auto');
    const reputable = pages.filter((p) => p.label === 'reputable');
    expect(auto.length).toBeGreaterThanOrEqual(66);
    expect(new Set(auto.map((p) => hostOf(p.url))).size).toBeGreaterThanOrEqual(52);
    expect(reputable.length).toBeGreaterThanOrEqual(100);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
    for (const p of pages) expect(p.text.split(/\s+/).length, p.id).toBeLessThan(400);
  });

  it('catches the auto-published pages, dev and held-out', () => {
    expect(rate(report.auto.dev), report.auto.dev.ids.join(', ')).toBeGreaterThanOrEqual(0.95);
    expect(rate(report.auto['held-out']), report.auto['held-out'].ids.join(', ')).toBeGreaterThanOrEqual(0.95);
    for (const [family, bySplit] of Object.entries(report.families)) {
      const f = bySplit.dev;
      expect(f.named / f.n, `${family}: ${f.ids.join(', ')}`).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('never warns about a reputable page', () => {
    expect(report.reputable.dev.ids).toEqual([]);
    expect(report.reputable['held-out'].ids).toEqual([]);
  });
});

describe('real-web scoring', () => {
  const page = (id: string, label: WebPage['label'], families: string, split = 'dev') =>
    parseWebPage(id, label, `url: https://example.org/${id}\nsite: example.org\n${families ? `family: ${families}\n` : ''}split: ${split}\n---\ntext of ${id}\n`);

  it('counts a family as named only when a warning hit carries it', () => {
    const warn = (family: string) => ({ verdict: 'auto-published' as const, boilerplate: [{ rule: 'r', kind: 'auto-publish' as const, family: family as never, text: '', span: { start: 0, end: 0 } }] });
    const r = scoreRealWeb([page('a', 'auto', 'feed-disclaimer'), page('b', 'auto', 'feed-disclaimer'), page('c', 'reputable', '')], (p) =>
      p.id === 'a' ? warn('feed-disclaimer') : p.id === 'b' ? warn('ai-leftover') : { verdict: 'clean', boilerplate: [] },
    );
    expect(r.families['feed-disclaimer'].dev).toMatchObject({ n: 2, hits: 2, named: 1, ids: ['b'] });
    expect(r.reputable.dev).toMatchObject({ n: 1, hits: 0 });
  });

  it('rejects a fixture without a public address or a family', () => {
    expect(() => parseWebPage('x', 'auto', 'url: file:///tmp/x\nsite: x\nsplit: dev\nfamily: ai-leftover\n---\nt\n')).toThrow(/public web address/);
    expect(() => parseWebPage('x', 'auto', 'url: https://a.example/x\nsite: x\nsplit: dev\n---\nt\n')).toThrow(/needs a family/);
    expect(() => parseWebPage('x', 'reputable', 'url: https://a.example/x\nsite: x\nsplit: later\n---\nt\n')).toThrow(/split/);
  });

  it('gives the exact Clopper–Pearson upper bound', () => {
    expect(clopperPearsonUpper(0, 103)).toBeCloseTo(1 - 0.025 ** (1 / 103), 6);
    // Published value for 1 event in 10 trials: 0.4450.
    expect(clopperPearsonUpper(1, 10)).toBeCloseTo(0.445, 3);
    expect(clopperPearsonUpper(5, 5)).toBe(1);
  });
});
