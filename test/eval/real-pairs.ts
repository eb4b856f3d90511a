/**
 * The real-pairs section of `npm run eval`: reworded copies found on the web next to their originals, and
 * independent reports of the same events (test/fixtures/real-pairs/). Each pair is checked both ways round,
 * each time against a library holding only the other side, as the Apertium round trips are.
 */
import type { CheckResult, Engine } from '../../src/core/index.ts';
import { reasonText } from '../../src/cli/format.ts';
import { createNodeEngine } from '../../src/node/source-free.ts';
import { loadRealPairs, type PairKind, type RealPair } from '../fixtures/real-pairs/corpus.ts';
import { isWarning } from './evaluate.ts';
import { checkPair, type PairOutcome } from './source-free.ts';

export type RewordedKind = Exclude<PairKind, 'independent'>;

export interface RewordedRow {
  kind: RewordedKind;
  n: number;
  /** Copy against its original: `spun`, the original named, the copy called the spun side. */
  caught: number;
  /** …with the original learned from a trusted site, as "Learn from trusted sources" keeps it. */
  caughtFromTrusted: number;
  /** Original against its copy: warned, i.e. the original blamed. */
  blamed: number;
  /** Original against its copy: the known spun copy named (the right answer). */
  knownCopy: number;
  /** Copy alone, no library: the source-free analyser warns. */
  sourceFree: number;
  /** What the engine said about each pair that was not caught, or whose original was blamed. */
  failures: string[];
}

export interface IndependentRow {
  n: number;
  /** Pairs where either side, checked against the other (the first also as learned from a trusted site), warned. */
  warned: number;
  /** Pairs called `related` either way (the right answer for two reports of one event). */
  related: number;
  failures: string[];
}

export interface RealPairsReport {
  rows: RewordedRow[];
  independent: IndependentRow;
  sites: number;
}

const said = (r: CheckResult): string => {
  const m = r.match ? ` of ${r.match.referenceId.replace(/^.*\//, '')}, spun side ${r.match.spunSide}` : '';
  return `${r.verdict}${m}${r.reasons[0] ? ` — ${reasonText(r.reasons[0]).slice(0, 110)}` : ''}`;
};

/** Checks every pair; `check` is injectable so that the scoring can be tested without the engine. */
export function scoreRealPairs(pairs: readonly RealPair[], check: (p: RealPair) => PairOutcome = defaultCheck()): RealPairsReport {
  const rows = new Map<RewordedKind, RewordedRow>();
  const independent: IndependentRow = { n: 0, warned: 0, related: 0, failures: [] };
  for (const pair of pairs) {
    const o = check(pair);
    if (pair.kind === 'independent') {
      independent.n++;
      if (o.forward.verdict === 'related' || o.backward.verdict === 'related') independent.related++;
      if (isWarning(o.forward.verdict) || isWarning(o.backward.verdict) || isWarning(o.fromTrusted.verdict)) {
        independent.warned++;
        independent.failures.push(`${pair.id}: first ${said(o.forward)}; second ${said(o.backward)}`);
      }
      continue;
    }
    const row = rows.get(pair.kind) ?? { kind: pair.kind, n: 0, caught: 0, caughtFromTrusted: 0, blamed: 0, knownCopy: 0, sourceFree: 0, failures: [] };
    rows.set(pair.kind, row);
    row.n++;
    row.caught += +o.caught;
    row.caughtFromTrusted += +o.caughtFromTrusted;
    row.blamed += +o.falseWarning;
    row.knownCopy += +o.knownCopy;
    row.sourceFree += +o.sourceFree;
    if (!o.caught || o.falseWarning) {
      const back = `${o.backward.verdict}${o.backward.knownSpunCopy ? ', spun copy named' : ''}`;
      row.failures.push(`${pair.id}: copy ${said(o.forward)}; original ${back}`);
    }
  }
  const sites = new Set(pairs.flatMap((p) => p.sides.map((s) => s.site))).size;
  return { rows: [...rows.values()].sort((a, b) => a.kind.localeCompare(b.kind)), independent, sites };
}

/** Reworded pairs: copy as the rewrite, original as the original. Independent: first as the "rewrite". */
function defaultCheck(): (p: RealPair) => PairOutcome {
  const empty: Engine = createNodeEngine([]);
  return (p) => checkPair({ id: p.id, tool: p.kind, rewritten: p.sides[0].text, original: p.sides[1].text }, empty);
}

const ratio = (k: number, n: number) => (n ? `${k}/${n} ${((100 * k) / n).toFixed(0)} %` : '—');

export function formatRealPairs(report: RealPairsReport): string {
  const total = report.rows.reduce((s, r) => s + r.n, 0);
  const lines = [
    `real reworded copies next to their originals (${total} pairs) and independent reports (${report.independent.n} pairs), ${report.sites} sites`,
    'kind           n  copy caught (right ref + side)  …original from a trusted site  original blamed  spun copy named  source-free on copy',
  ];
  for (const r of report.rows) {
    lines.push(`${r.kind.padEnd(11)} ${String(r.n).padStart(4)}  ${ratio(r.caught, r.n).padStart(30)}  ${ratio(r.caughtFromTrusted, r.n).padStart(29)}  ${ratio(r.blamed, r.n).padStart(15)}  ${ratio(r.knownCopy, r.n).padStart(15)}  ${ratio(r.sourceFree, r.n).padStart(19)}`);
  }
  const i = report.independent;
  lines.push(`independent ${String(i.n).padStart(4)}  warned either way ${ratio(i.warned, i.n)}, called related ${ratio(i.related, i.n)}`);
  for (const r of report.rows) for (const f of r.failures) lines.push(`  - ${f}`);
  for (const f of i.failures) lines.push(`  - ${f}`);
  return lines.join('\n');
}

export const realPairsSection = (): string => formatRealPairs(scoreRealPairs(loadRealPairs()));
