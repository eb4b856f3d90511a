/**
 * Section 3: the npm `minhash` and `simhash-js` packages next to the engine, on the same seed texts: the cost of
 * a text's signature, and how many spun copies each still calls similar.
 */
import minhashPackage from 'minhash';
import simhashPackage from 'simhash-js';
import { createEngine, type Reference } from '../../src/core/index.ts';
import { fingerprints } from '../../src/core/match/fingerprint.ts';
import { tokenize } from '../../src/core/text/text.ts';
import { spin } from '../support/spin.ts';
import { bareTokenize } from './baseline.ts';
import { syntheticArticle } from './corpus.ts';
import { heading, percent, ratio, sig, table, us } from './table.ts';
import { calibrate, consume, median, sampleBatch } from './timing.ts';

const { Minhash } = minhashPackage;
const { SimHash } = simhashPackage;

const ROUNDS = 15;
const COPIES = 100;
const COPY_SPIN_RATE = 0.5;
const MINHASH_SIMILAR = 0.5;
const SIMHASH_SIMILAR_BITS = 8;

export interface SignatureSummary {
  minhashPerBare: number;
  simhashPerBare: number;
  fingerprintPerBare: number;
  minhashRate: number;
  simhashRate: number;
  engineRate: number;
}

/** MinHash of a text as the package's README does it: a fresh 128-permutation Minhash updated with every word. */
function minhashOf(words: readonly string[]): InstanceType<typeof Minhash> {
  const m = new Minhash();
  for (const w of words) m.update(w);
  return m;
}

const simhashOf = (text: string): number => new SimHash().hash(text);

function popcount(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function signaturesSection(references: Reference[], log: (line: string) => void): SignatureSummary {
  log(heading('3. MinHash and SimHash packages vs the engine'));

  // Cost of a signature per text, interleaved rounds as in section 1.
  const rows = references.map((ref) => {
    const text = ref.body;
    const words = bareTokenize(text).words;
    const tokens = tokenize(text);
    const fns = {
      bare: () => bareTokenize(text),
      tokenize: () => tokenize(text),
      fingerprints: () => fingerprints(tokens),
      minhash: () => minhashOf(words).hashvalues,
      simhash: () => simhashOf(text),
    };
    for (const fn of Object.values(fns)) for (let i = 0; i < 5; i++) consume(fn());
    const batches = Object.fromEntries(Object.entries(fns).map(([k, fn]) => [k, calibrate(fn)])) as Record<keyof typeof fns, number>;
    const samples = { bare: [] as number[], tokenize: [] as number[], fingerprints: [] as number[], minhash: [] as number[], simhash: [] as number[] };
    return { ref, words: words.length, fns, batches, samples };
  });
  for (let round = 0; round < ROUNDS; round++) {
    for (const row of rows) {
      for (const key of Object.keys(row.fns) as (keyof typeof row.fns)[]) row.samples[key].push(sampleBatch(row.fns[key], row.batches[key]));
    }
  }
  const med = rows.map((r) => ({
    name: r.ref.id.slice(0, 3), words: r.words,
    bare: median(r.samples.bare), tokenize: median(r.samples.tokenize), fingerprints: median(r.samples.fingerprints),
    minhash: median(r.samples.minhash), simhash: median(r.samples.simhash),
  }));
  log('Signature of one seed text (body). minhash: new Minhash() (128 permutations) updated with every word of the bare');
  log('tokenising pass, as in its README; simhash: new SimHash().hash(text) (32 bits, its own 4-character shingles);');
  log(`fingerprints: the engine's fingerprints(tokens) on already tokenised text. Medians of ${ROUNDS} interleaved rounds, µs per text.`);
  log('');
  log(table(
    ['seed', 'words', 'tokenise µs', 'tokenize (engine)', 'fingerprints', 'minhash', 'simhash', 'minhash ×tok', 'simhash ×tok', 'fingerpr ×tok', 'minhash ×fp', 'simhash ×fp'],
    med.map((m) => [
      m.name, String(m.words), us(m.bare), us(m.tokenize), us(m.fingerprints), us(m.minhash), us(m.simhash),
      ratio(m.minhash / m.bare), ratio(m.simhash / m.bare), ratio(m.fingerprints / m.bare),
      ratio(m.minhash / m.fingerprints), ratio(m.simhash / m.fingerprints),
    ]),
  ));
  const minhashPerBare = median(med.map((m) => m.minhash / m.bare));
  const simhashPerBare = median(med.map((m) => m.simhash / m.bare));
  const fingerprintPerBare = median(med.map((m) => m.fingerprints / m.bare));
  log(`Median over the seeds: minhash ${ratio(minhashPerBare)}, simhash ${ratio(simhashPerBare)}, fingerprints ${ratio(fingerprintPerBare)} the tokenising pass.`);

  // Spun copies: does each method still call the copy similar to its source?
  const engine = createEngine(references);
  const originals = references.map((r) => ({ minhash: minhashOf(bareTokenize(r.body).words), simhash: simhashOf(r.body) }));
  const spun = { minhash: 0, simhash: 0, engine: 0, jaccard: [] as number[], bits: [] as number[], achieved: [] as number[] };
  for (let k = 0; k < COPIES; k++) {
    const i = k % references.length;
    const copy = spin(references[i]!.body, COPY_SPIN_RATE, 9000 + k);
    spun.achieved.push(copy.achievedRate);
    const j = originals[i]!.minhash.jaccard(minhashOf(bareTokenize(copy.text).words));
    const d = popcount(originals[i]!.simhash ^ simhashOf(copy.text));
    spun.jaccard.push(j);
    spun.bits.push(d);
    if (j > MINHASH_SIMILAR) spun.minhash++;
    if (d < SIMHASH_SIMILAR_BITS) spun.simhash++;
    if (engine.check({ text: copy.text }).match?.referenceId === references[i]!.id) spun.engine++;
  }
  // Unrelated texts: synthetic news against each seed (what "similar" costs in false alarms).
  const unrelated = { minhash: 0, simhash: 0, engine: 0, jaccard: [] as number[], bits: [] as number[] };
  for (let k = 0; k < COPIES; k++) {
    const i = k % references.length;
    const text = syntheticArticle(500_000 + k).body;
    const j = originals[i]!.minhash.jaccard(minhashOf(bareTokenize(text).words));
    const d = popcount(originals[i]!.simhash ^ simhashOf(text));
    unrelated.jaccard.push(j);
    unrelated.bits.push(d);
    if (j > MINHASH_SIMILAR) unrelated.minhash++;
    if (d < SIMHASH_SIMILAR_BITS) unrelated.simhash++;
    if (engine.check({ text }).match) unrelated.engine++;
  }
  log('');
  log(`${COPIES} copies of the seeds spun at ${Math.round(COPY_SPIN_RATE * 100)} % (achieved: median ${percent(median(spun.achieved), 0)} of content words swapped), each compared with its source;`);
  log(`${COPIES} unrelated synthetic texts compared with a seed. The engine checks each text against the library of ${references.length} seeds`);
  log('(all five report the same summit), so it must also pick the right one.');
  log('');
  log(table(
    [{ title: 'method', align: 'left' }, { title: 'similar when', align: 'left' }, 'spun copies similar', 'median score', 'unrelated similar', 'median score'],
    [
      ['minhash (package)', `Jaccard estimate > ${MINHASH_SIMILAR}`, `${spun.minhash}/${COPIES}`, sig(median(spun.jaccard)), `${unrelated.minhash}/${COPIES}`, sig(median(unrelated.jaccard))],
      ['simhash-js', `Hamming distance < ${SIMHASH_SIMILAR_BITS} of 32 bits`, `${spun.simhash}/${COPIES}`, `${median(spun.bits)} bits`, `${unrelated.simhash}/${COPIES}`, `${median(unrelated.bits)} bits`],
      ['engine.check', 'match is the source seed (any match for unrelated)', `${spun.engine}/${COPIES}`, '', `${unrelated.engine}/${COPIES}`, ''],
    ],
  ));
  return {
    minhashPerBare, simhashPerBare, fingerprintPerBare,
    minhashRate: spun.minhash / COPIES, simhashRate: spun.simhash / COPIES, engineRate: spun.engine / COPIES,
  };
}
