/**
 * Real rewrites and fluent news for the source-free analyser and direction (issue: "which side is spun"):
 * - paraphrase-tool pairs: round trips through Apertium, from test/fixtures/paraphrase/ (Brown corpus, in the
 *   repository) and, when fetched, test/eval/.data/pairs.jsonl (news of 1987–2017; see material/README.md);
 * - fluent news at scale: test/eval/.data/fluent.jsonl when fetched, else the pairs' originals.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { buildReference, type CheckResult, type Engine, type Reference } from '../../src/core/index.ts';
import { reasonText } from '../../src/cli/format.ts';
import { createNodeEngine, nodeSourceFreeAnalyser } from '../../src/node/source-free.ts';
import { isWarning } from './evaluate.ts';

export interface Pair {
  id: string;
  tool: string;
  original: string;
  rewritten: string;
}

export interface FluentArticle {
  id: string;
  corpus: string;
  text: string;
}

const DATA = new URL('./.data/', import.meta.url);
const FIXTURES = new URL('../fixtures/paraphrase/', import.meta.url);

export function committedPairs(): Pair[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).flatMap((f) => {
    const file = JSON.parse(readFileSync(new URL(f, FIXTURES), 'utf8')) as { tool: string; items: { id: string; original: string; rewritten: string }[] };
    return file.items.map((i) => ({ id: i.id, tool: file.tool, original: i.original, rewritten: i.rewritten }));
  });
}

function jsonLines<T>(name: string): T[] | null {
  const url = new URL(name, DATA);
  if (!existsSync(url)) return null;
  return readFileSync(url, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as T);
}

export const fetchedPairs = () => jsonLines<Pair>('pairs.jsonl');
export const fetchedFluent = () => jsonLines<FluentArticle>('fluent.jsonl');

/** Wilson score interval's upper end at 95 %: how high a rate could be, given k of n. */
export function upper95(k: number, n: number): number {
  if (n === 0) return 1;
  const z = 1.96;
  const p = k / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return Math.min(1, (centre + spread) / (1 + (z * z) / n));
}

export interface PairRow {
  tool: string;
  n: number;
  /** Rewrite checked against a library holding its original: `spun`, right reference, page the spun side. */
  caught: number;
  /** …of which found through names and numbers in order, the word alignment having failed. */
  byKeyOrder: number;
  /** Original checked against a library holding the rewrite: warned (a false accusation). */
  falseWarnings: number;
  /** …and told that a spun copy is known (the right answer). */
  knownCopy: number;
  /** Rewrite alone, no library: the source-free analyser warns. */
  sourceFree: number;
}

const reference = (id: string, text: string, analyser = nodeSourceFreeAnalyser()): Reference =>
  buildReference({ id, text, origin: 'bundled' }, analyser);

/** What the engine said about one pair, both ways round. */
export interface PairOutcome {
  /** The rewrite checked against a library holding only its original. */
  forward: CheckResult;
  /** The original checked against a library holding only the rewrite. */
  backward: CheckResult;
  /** The rewrite checked against its original learned from a site the reader trusts ("Learn from trusted sources"). */
  fromTrusted: CheckResult;
  /** forward is `spun`, names the original, and calls the page the spun side. */
  caught: boolean;
  /** …the same for fromTrusted. */
  caughtFromTrusted: boolean;
  /** …found through names and numbers in order, the word alignment having failed. */
  byKeyOrder: boolean;
  /** backward warns: the original is accused. */
  falseWarning: boolean;
  /** backward says that a spun copy of the page is known (the right answer). */
  knownCopy: boolean;
  /** The rewrite alone, no library: the source-free analyser warns. */
  sourceFree: boolean;
}

/** Runs both directions of one pair, each against a one-reference library. */
export function checkPair(p: Pair, empty: Engine = createNodeEngine([])): PairOutcome {
  const original = reference(`${p.id}/original`, p.original);
  const forward = createNodeEngine([original]).check({ text: p.rewritten });
  const caughtBy = (r: CheckResult) => r.verdict === 'spun' && r.match?.referenceId === original.id && r.match.spunSide === 'page';
  const caught = caughtBy(forward);
  const trustedSite = 'https://trusted.example/';
  const fromTrusted = createNodeEngine([{ ...original, origin: 'user', learned: true, url: trustedSite + encodeURIComponent(p.id) }])
    .check({ text: p.rewritten, trustedUrl: (url) => url.startsWith(trustedSite) });
  const backward = createNodeEngine([reference(`${p.id}/rewritten`, p.rewritten)]).check({ text: p.original });
  return {
    forward,
    backward,
    fromTrusted,
    caught,
    caughtFromTrusted: caughtBy(fromTrusted),
    byKeyOrder: caught && forward.reasons[0]?.code === 'namesInOrder',
    falseWarning: isWarning(backward.verdict),
    knownCopy: !!backward.knownSpunCopy,
    sourceFree: empty.check({ text: p.rewritten }).verdict === 'spun',
  };
}

/** Runs both directions of every pair and counts the outcomes per tool. */
export function evaluatePairs(pairs: readonly Pair[]): PairRow[] {
  const empty = createNodeEngine([]);
  const rows = new Map<string, PairRow>();
  for (const p of pairs) {
    const row = rows.get(p.tool) ?? { tool: p.tool, n: 0, caught: 0, byKeyOrder: 0, falseWarnings: 0, knownCopy: 0, sourceFree: 0 };
    rows.set(p.tool, row);
    const o = checkPair(p, empty);
    row.n++;
    row.caught += +o.caught;
    row.byKeyOrder += +o.byKeyOrder;
    row.falseWarnings += +o.falseWarning;
    row.knownCopy += +o.knownCopy;
    row.sourceFree += +o.sourceFree;
  }
  return [...rows.values()];
}

export interface FluentRow {
  corpus: string;
  n: number;
  /** Warnings of any kind against the seed library (the product's view of the page). */
  warned: number;
  /** The source-free analyser alone reads it as reworded. */
  sourceFree: number;
  /** No opinion: too short, not English or beyond the model. */
  abstained: number;
  examples: string[];
}

export function evaluateFluent(articles: readonly FluentArticle[], engine: Engine): FluentRow[] {
  const rows = new Map<string, FluentRow>();
  for (const a of articles) {
    const row = rows.get(a.corpus) ?? { corpus: a.corpus, n: 0, warned: 0, sourceFree: 0, abstained: 0, examples: [] };
    rows.set(a.corpus, row);
    row.n++;
    const result: CheckResult = engine.check({ text: a.text });
    if (isWarning(result.verdict)) {
      row.warned++;
      if (row.examples.length < 3) row.examples.push(`${a.id}: ${result.verdict} — ${result.reasons[0] ? reasonText(result.reasons[0]).slice(0, 120) : ''}`);
    }
    if (result.sourceFree?.opinion === 'reworded') row.sourceFree++;
    if (result.sourceFree?.opinion === 'no-opinion') row.abstained++;
  }
  return [...rows.values()];
}

const pct = (k: number, n: number) => (n ? `${((100 * k) / n).toFixed(1)} %` : '—');

export function formatPairs(rows: readonly PairRow[]): string {
  const total = rows.reduce((t, r) => ({ n: t.n + r.n, caught: t.caught + r.caught, fw: t.fw + r.falseWarnings }), { n: 0, caught: 0, fw: 0 });
  const lines = ['tool                 n  caught (right ref + side)  via key order  false warnings on originals (95 % up)  known copy named  source-free'];
  for (const r of [...rows].sort((a, b) => a.tool.localeCompare(b.tool))) {
    lines.push(`${r.tool.padEnd(18)} ${String(r.n).padStart(4)}  ${pct(r.caught, r.n).padStart(24)}  ${String(r.byKeyOrder).padStart(13)}  ${`${pct(r.falseWarnings, r.n)} (${pct(upper95(r.falseWarnings, r.n) * r.n, r.n)})`.padStart(36)}  ${pct(r.knownCopy, r.n).padStart(16)}  ${pct(r.sourceFree, r.n).padStart(11)}`);
  }
  lines.push(`all                ${String(total.n).padStart(4)}  ${pct(total.caught, total.n).padStart(24)}  ${''.padStart(13)}  ${`${pct(total.fw, total.n)} (${pct(upper95(total.fw, total.n) * total.n, total.n)})`.padStart(36)}`);
  return lines.join('\n');
}

export function formatFluent(rows: readonly FluentRow[]): string {
  const n = rows.reduce((s, r) => s + r.n, 0);
  const warned = rows.reduce((s, r) => s + r.warned, 0);
  const sourceFree = rows.reduce((s, r) => s + r.sourceFree, 0);
  const lines = ['corpus                      n  warnings  source-free reworded  no opinion'];
  for (const r of rows) lines.push(`${r.corpus.padEnd(22)} ${String(r.n).padStart(6)}  ${pct(r.warned, r.n).padStart(8)}  ${pct(r.sourceFree, r.n).padStart(20)}  ${pct(r.abstained, r.n).padStart(10)}`);
  lines.push(`all                    ${String(n).padStart(6)}  ${pct(warned, n).padStart(8)}  ${pct(sourceFree, n).padStart(20)}`);
  lines.push(`  warnings: ${warned} of ${n}, 95 % upper bound ${(100 * upper95(warned, n)).toFixed(3)} %; source-free alone: ${sourceFree}, upper bound ${(100 * upper95(sourceFree, n)).toFixed(3)} %`);
  for (const r of rows) for (const e of r.examples) lines.push(`  - ${e}`);
  return lines.join('\n');
}
