/**
 * Why the engine fingerprints stopword and immutable n-grams: the share of a text's fingerprints that a
 * spun copy still carries, against plain word 5-shingles, at each spin rate.
 */
import type { Reference } from '../../src/core/index.ts';
import { fingerprints } from '../../src/core/match/fingerprint.ts';
import { hashString, mixHashes } from '../../src/core/text/hash.ts';
import { tokenize } from '../../src/core/text/text.ts';
import { spin } from '../support/spin.ts';
import { heading, percent, table } from './table.ts';

const SHINGLE = 5;
const RATES = [0.1, 0.2, 0.3, 0.4, 0.5];
const SPINNER_SEEDS = [1, 2];

function wordShingles(text: string): Set<number> {
  const hashes = tokenize(text).words.map((w) => hashString(w));
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= hashes.length; i++) out.add(mixHashes(hashes, i, SHINGLE, 1));
  return out;
}

const kept = (original: Set<number>, copy: Set<number>) => {
  let n = 0;
  for (const h of original) if (copy.has(h)) n++;
  return original.size ? n / original.size : 0;
};

export function survivalSection(seeds: readonly Reference[], log: (line: string) => void): void {
  log(heading('4. Fingerprints that survive spinning'));
  log(`Share of a seed's fingerprints still present in a spun copy (5 seeds × ${SPINNER_SEEDS.length} spins per rate).`);
  const rows = RATES.map((rate) => {
    let shingles = 0;
    let engine = 0;
    for (const seed of seeds) {
      for (const s of SPINNER_SEEDS) {
        const copy = spin(seed.body, rate, s).text;
        shingles += kept(wordShingles(seed.body), wordShingles(copy));
        engine += kept(new Set(fingerprints(tokenize(seed.body))), new Set(fingerprints(tokenize(copy))));
      }
    }
    const n = seeds.length * SPINNER_SEEDS.length;
    return [percent(rate, 0), percent(shingles / n, 0), percent(engine / n, 0)];
  });
  log(table(['content words swapped', `word ${SHINGLE}-shingles kept`, 'stopword + immutable n-grams kept'], rows));
}
