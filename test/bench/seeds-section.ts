/**
 * Section 1: the engine's cost per article, stage by stage, next to a bare tokenising pass and next to
 * Readability's extraction of the same article from a realistic news page (linkedom DOM).
 */
import { parseHTML } from 'linkedom';
import { createEngine, type Reference } from '../../src/core/index.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { createNodeEngine } from '../../src/node/source-free.ts';
import { spin } from '../support/spin.ts';
import { bareTokenize } from './baseline.ts';
import { renderNewsPage } from './news-page.ts';
import { emptyStageSamples, stagedCheck, stagedLibrary, stageMedians, STAGES, type Stage } from './stages.ts';
import { heading, ms, percent, ratio, table, time, us, verdict } from './table.ts';
import { calibrate, consume, median, nowNs, sampleBatch } from './timing.ts';

export const SPIN_RATE_SEED_PAGES = 0.3;
/** Rounds over all pages; in each round every measurement is taken once per page, so that a slow spell of the
 * machine hits every method alike and the ratios stay fair. */
const ROUNDS = 15;
const BATCHES_PER_ROUND = 3;
const EXTRACTIONS_PER_ROUND = 2;
const WARMUP_CALLS = 100;

interface Page {
  name: string;
  html: string;
  text: string;
  title: string;
  words: number;
}

interface PageResult {
  page: Page;
  elements: number;
  bare: number;
  stages: Record<Stage, number>;
  stageTotal: number;
  check: number;
  candidates: number;
  verdict: string;
  parse: number;
  extract: number;
}

export interface SeedSummary {
  /** check / extraction, median over the pages. */
  typicalShare: number;
  worstShare: number;
  worstPage: string;
  pass: boolean;
  checkMedianUs: number;
  extractMedianMs: number;
  coldFirstCheck: number;
  warmCheckOfThatPage: number;
}

function paragraphsOf(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function makePage(name: string, ref: Reference, body: string, seed: number): Page {
  const html = renderNewsPage({ title: ref.title, source: ref.source, paragraphs: paragraphsOf(body) }, seed);
  const { document } = parseHTML(html);
  const article = extractArticle(document as unknown as Document);
  if (!article) throw new Error(`no article extracted from the page for ${name}`);
  return { name, html, text: article.text, title: article.title, words: bareTokenize(article.text).words.length };
}

/** Parse and extraction of one page, on a freshly parsed document. */
function sampleExtraction(html: string, parse: number[], extract: number[]): void {
  const t0 = nowNs();
  const { document } = parseHTML(html);
  const t1 = nowNs();
  consume(extractArticle(document as unknown as Document)?.text);
  const t2 = nowNs();
  parse.push(Number(t1 - t0));
  extract.push(Number(t2 - t1));
}

export function seedSection(references: Reference[], log: (line: string) => void): SeedSummary {
  log(heading('1. Engine cost per article vs a tokenising pass and vs Readability extraction'));
  const engine = createNodeEngine(references);
  const lib = stagedLibrary(references);
  const pages: Page[] = [];
  references.forEach((ref, k) => {
    const short = ref.id.slice(0, 3);
    pages.push(makePage(`${short} original`, ref, ref.body, k));
    pages.push(makePage(`${short} spun ${Math.round(SPIN_RATE_SEED_PAGES * 100)} %`, ref, spin(ref.body, SPIN_RATE_SEED_PAGES, 1000 + k).text, 100 + k));
  });

  // The first check in a fresh process, on a spun page (it is the one that needs word rarities).
  const coldPage = pages[1]!;
  const c0 = nowNs();
  consume(engine.check({ text: coldPage.text, title: coldPage.title }));
  const coldFirstCheck = Number(nowNs() - c0);

  // Warm-up of every code path on every page before anything is timed.
  for (const page of pages) {
    for (let i = 0; i < WARMUP_CALLS; i++) {
      consume(engine.check({ text: page.text, title: page.title }));
      stagedCheck(lib, page.text, emptyStageSamples());
      consume(bareTokenize(page.text));
    }
    for (let i = 0; i < 3; i++) sampleExtraction(page.html, [], []);
  }

  const state = pages.map((page) => ({
    page,
    bareFn: () => bareTokenize(page.text),
    checkFn: () => engine.check({ text: page.text, title: page.title }),
    bareBatch: calibrate(() => bareTokenize(page.text)),
    checkBatch: calibrate(() => engine.check({ text: page.text, title: page.title })),
    bare: [] as number[],
    check: [] as number[],
    stages: emptyStageSamples(),
    parse: [] as number[],
    extract: [] as number[],
  }));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < state.length; k++) {
      const s = state[(k + round) % state.length]!;
      for (let b = 0; b < BATCHES_PER_ROUND; b++) {
        s.bare.push(sampleBatch(s.bareFn, s.bareBatch));
        s.check.push(sampleBatch(s.checkFn, s.checkBatch));
      }
      // Stage times are means over a batch, like the check's, so that garbage collection counts where it falls.
      const batch = emptyStageSamples();
      for (let i = 0; i < s.checkBatch; i++) stagedCheck(lib, s.page.text, batch);
      for (const stage of STAGES) s.stages[stage].push(batch[stage].reduce((a, b) => a + b, 0) / batch[stage].length);
      for (let e = 0; e < EXTRACTIONS_PER_ROUND; e++) sampleExtraction(s.page.html, s.parse, s.extract);
    }
  }
  const results: PageResult[] = state.map((s) => {
    const stages = stageMedians(s.stages);
    const staged = stagedCheck(lib, s.page.text);
    const result = engine.check({ text: s.page.text, title: s.page.title });
    if (staged.result.verdict !== result.verdict || staged.result.match?.referenceId !== result.match?.referenceId) {
      log(`Note: the stage-by-stage replica gives ${staged.result.verdict} where engine.check gives ${result.verdict} on ${s.page.name}: stages.ts is behind src/core/engine.ts.`);
    }
    const v = `${result.verdict}${result.match ? ` ${result.match.referenceId.slice(0, 3)} ${Math.round(result.match.coverage * 100)}%` : ''}`;
    return {
      page: s.page,
      elements: parseHTML(s.page.html).document.querySelectorAll('*').length,
      bare: median(s.bare),
      stages,
      stageTotal: STAGES.reduce((sum, st) => sum + stages[st], 0),
      check: median(s.check),
      candidates: staged.candidates.length,
      verdict: v,
      parse: median(s.parse),
      extract: median(s.extract),
    };
  });

  log(`Pages: the ${references.length} seed articles and a copy of each spun at ${Math.round(SPIN_RATE_SEED_PAGES * 100)} % (test spinner), each rendered into`);
  log('a news page (mega-menu, ads, article with share icons and figure, recommendation cards, comments, sidebar, footer,');
  log('cookie dialog, inline JSON state). The engine checks the text Readability extracts from the page, against a library');
  log(`of the ${references.length} seeds. ${ROUNDS} interleaved rounds over all pages; µs columns are medians per call of ${ROUNDS * BATCHES_PER_ROUND} calibrated`);
  log(`batches (stages: timed inline in full checks, batch means); parse/extract are medians of ${ROUNDS * EXTRACTIONS_PER_ROUND} runs, each on a freshly parsed page.`);
  log('');
  log(table(
    ['page', 'words', 'verdict', 'cand', 'tokenise µs', 'clean', 'tokenize', 'fingerpr', 'lookup', 'align', 'story', 'analyse', 'classify', 'Σ stages', 'check µs'],
    results.map((r) => [
      r.page.name, String(r.page.words), r.verdict, String(r.candidates), us(r.bare),
      us(r.stages.clean), us(r.stages.tokenize), us(r.stages.fingerprint), us(r.stages.lookup),
      us(r.stages.align), us(r.stages.story), us(r.stages.analyse), us(r.stages.classify), us(r.stageTotal), us(r.check),
    ]),
  ));
  log('');
  log(table(
    ['page', 'HTML KiB', 'elements', 'parse ms', 'extract ms', 'check µs', 'check/extract', 'check/(parse+extract)'],
    results.map((r) => [
      r.page.name, (r.page.html.length / 1024).toFixed(1), String(r.elements), ms(r.parse), ms(r.extract),
      us(r.check), percent(r.check / r.extract, 2), percent(r.check / (r.parse + r.extract), 2),
    ]),
  ));
  log('');
  log('Ratios to the bare tokenising pass over the same text (regex /[\\p{L}\\p{N}]+/gu, offsets + lower case):');
  log(table(
    ['page', 'clean', 'tokenize', 'fingerprint', 'lookup', 'align', 'story', 'analyse', 'classify', 'Σ stages', 'check', 'parse', 'extract'],
    results.map((r) => {
      const b = r.bare;
      return [
        r.page.name, ratio(r.stages.clean / b), ratio(r.stages.tokenize / b), ratio(r.stages.fingerprint / b), ratio(r.stages.lookup / b),
        ratio(r.stages.align / b), ratio(r.stages.story / b), ratio(r.stages.analyse / b), ratio(r.stages.classify / b), ratio(r.stageTotal / b), ratio(r.check / b),
        ratio(r.parse / b), ratio(r.extract / b),
      ];
    }),
  ));

  const drift = results.filter((r) => Math.abs(r.stageTotal / r.check - 1) > 0.3);
  if (drift.length) {
    log(`Note: Σ stages parts from engine.check by more than 30 % on ${drift.map((r) => r.page.name).join(', ')}: stages.ts may be behind engine.ts.`);
  }
  const share = (r: PageResult) => r.check / r.extract;
  const typicalShare = median(results.map(share));
  const worst = results.reduce((a, b) => (share(b) > share(a) ? b : a));
  const warm = results[1]!.check;
  log('');
  log(`First check in a fresh process (${coldPage.name}): ${time(coldFirstCheck)}; the same check warm: ${time(warm)}.`);
  log(`Engine check / Readability extraction: median ${percent(typicalShare, 2)} over the ${results.length} pages, worst ${percent(share(worst), 2)} (${worst.page.name}).`);
  log(`Target: engine ≤ 10 % of extraction on a typical news page: ${verdict(typicalShare <= 0.1)}`);
  return {
    typicalShare,
    worstShare: share(worst),
    worstPage: worst.page.name,
    pass: typicalShare <= 0.1,
    checkMedianUs: median(results.map((r) => r.check)) / 1000,
    extractMedianMs: median(results.map((r) => r.extract)) / 1e6,
    coldFirstCheck,
    warmCheckOfThatPage: warm,
  };
}
