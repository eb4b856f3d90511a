/**
 * Section 5: the source-free analyser's budget — its cost per article on top of the check (the engine
 * tokenises once for both), the size of its tables in the extension and the cost of loading them at wake.
 */
import { readFileSync } from 'node:fs';
import { createSourceFreeAnalyser, decodeTables, type Reference } from '../../src/core/index.ts';
import { cleanText } from '../../src/core/boilerplate/clean.ts';
import { tokenize } from '../../src/core/text/text.ts';
import { SOURCE_FREE_TABLES_FILE } from '../../src/node/source-free.ts';
import { spin } from '../support/spin.ts';
import { bytes, heading, table, time } from './table.ts';
import { calibrate, median, sampleBatch } from './timing.ts';

const ROUNDS = 25;
export const ANALYSER_BUDGET_NS = 1_000_000;
export const TABLES_BUDGET_BYTES = 3_000_000;

export interface SourceFreeSummary {
  medianNs: number;
  worstNs: number;
  tableBytes: number;
  loadNs: number;
  pass: boolean;
}

export function sourceFreeSection(references: readonly Reference[], log: (line: string) => void): SourceFreeSummary {
  log(heading('5. Source-free analyser: cost per article, tables, wake'));
  const file = readFileSync(SOURCE_FREE_TABLES_FILE);
  const load = () => createSourceFreeAnalyser(decodeTables(new Uint8Array(file.buffer, file.byteOffset, file.byteLength)));
  const loadNs = median(Array.from({ length: ROUNDS }, () => sampleBatch(load, calibrate(load))));
  const analyser = load();
  const texts = references.flatMap((r, k) => [r.body, spin(r.body, 0.3, 900 + k).text]);
  const rows: string[][] = [];
  const medians: number[] = [];
  for (const [i, text] of texts.entries()) {
    const cleaned = cleanText(text);
    const tokens = tokenize(text, cleaned.excluded);
    // A fresh Tokens object each time (sharing the arrays): the analyser keeps what it reads per Tokens, and
    // a page is analysed once, so a kept one would time a cache.
    const run = () => analyser.analyse(text, { ...tokens }, cleaned.excluded);
    const batch = calibrate(run);
    const m = median(Array.from({ length: ROUNDS }, () => sampleBatch(run, batch)));
    medians.push(m);
    rows.push([`${references[i >> 1]!.id.slice(0, 3)} ${i % 2 ? 'spun 30 %' : 'as is'}`, String(tokens.words.length), time(m)]);
  }
  log(table(['article', 'words', 'analyser (median)'], rows));
  const medianNs = median(medians);
  const worstNs = Math.max(...medians);
  log(`Tables: ${bytes(file.byteLength)} in the extension (budget ${bytes(TABLES_BUDGET_BYTES)}); loading them (views, no parsing): ${time(loadNs)}.`);
  return { medianNs, worstNs, tableBytes: file.byteLength, loadNs, pass: medianNs <= ANALYSER_BUDGET_NS && file.byteLength <= TABLES_BUDGET_BYTES };
}
