/**
 * `npm run eval`: run the labelled dev set through the engine at each sensitivity and print, per category,
 * how many cases were caught, matched to the right reference, or wrongly warned about. Timings are printed
 * for information; speed is judged by `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import { loadSeedLibrary } from '../../src/node/library.ts';
import { createNodeEngine } from '../../src/node/source-free.ts';
import type { CheckResult } from '../../src/core/types.ts';
import { SENSITIVITIES } from '../../src/core/vocabulary.ts';
import { loadDevSet, type DevCase } from '../fixtures/dev-set.ts';
import { evaluate, formatTable } from './evaluate.ts';
import { realPairsSection } from './real-pairs.ts';
import { realWebSection } from './real-web.ts';
import { committedPairs, evaluateFluent, evaluatePairs, fetchedFluent, fetchedPairs, formatFluent, formatPairs } from './source-free.ts';

const ms = (x: number) => `${x.toFixed(1)} ms`;

const t0 = performance.now();
const cases = loadDevSet();
const t1 = performance.now();
const library = await loadSeedLibrary();
const t2 = performance.now();
const engine = createNodeEngine(library);
const t3 = performance.now();

console.log(`Spinscope evaluation: ${cases.length} cases against ${library.length} references\n`);

let checks = 0;
let checkTime = 0;
let slowest = { id: '', ms: 0 };

for (const sensitivity of SENSITIVITIES) {
  const results = new Map<string, CheckResult>();
  const check = (c: DevCase): CheckResult => {
    const start = performance.now();
    const result = engine.check({ text: c.text }, { sensitivity });
    const took = performance.now() - start;
    checks++;
    checkTime += took;
    if (took > slowest.ms) slowest = { id: `${c.id} (${sensitivity})`, ms: took };
    results.set(c.id, result);
    return result;
  };
  const rows = evaluate(cases, check);
  console.log(`sensitivity: ${sensitivity}`);
  console.log(formatTable(rows));
  const failures = rows.flatMap((r) => r.failures);
  if (failures.length) {
    console.log(`\n  ${failures.length} case(s) wrong:`);
    for (const id of failures) {
      const r = results.get(id)!;
      const expected = cases.find((c) => c.id === id)!;
      const want = `${expected.shouldWarn ? 'warning' : 'no warning'}${expected.expectedReference ? ` from ${expected.expectedReference}` : ''}`;
      console.log(`  - ${id}: got ${r.verdict}${r.match ? ` (${r.match.referenceId})` : ''}, wanted ${want}`);
    }
  }
  console.log('');
}

console.log(realWebSection((text, url) => engine.check({ text, url }, { sensitivity: 'normal' })) + '\n');

console.log('timing');
console.log(`  build dev set   ${ms(t1 - t0)}`);
console.log(`  load library    ${ms(t2 - t1)}`);
console.log(`  create engine   ${ms(t3 - t2)}`);
console.log(`  ${checks} checks     ${ms(checkTime)} total, ${ms(checkTime / Math.max(1, checks))} mean, slowest ${ms(slowest.ms)} (${slowest.id})`);
console.log(`  wall clock      ${ms(performance.now() - t0)}`);

// Real rewrites and fluent news: source-free evidence and direction.
{
  const started = performance.now();
  const committed = committedPairs();
  console.log(`\nparaphrase-tool copies, in the repository (${committed.length} Apertium round trips of Brown corpus news)`);
  console.log(formatPairs(evaluatePairs(committed)));
  const fetched = fetchedPairs();
  if (fetched) {
    console.log(`\nparaphrase-tool copies, fetched (${fetched.length} Apertium round trips of news, test/eval/material/README.md)`);
    console.log(formatPairs(evaluatePairs(fetched)));
  } else console.log('\n(fetched paraphrase pairs absent: run test/eval/material/fetch-material.ts for the full table)');
  console.log(`\n${realPairsSection()}`);
  const fluent = fetchedFluent();
  if (fluent) {
    console.log(`\nfluent news (${fluent.length} articles), checked against the seed library`);
    console.log(formatFluent(evaluateFluent(fluent, engine)));
  } else {
    console.log('\nfluent news: the originals of the committed pairs (fetch the material for 12,000 articles)');
    console.log(formatFluent(evaluateFluent(committed.map((p) => ({ id: p.id, corpus: 'brown', text: p.original })), engine)));
  }
  console.log(`  (${ms(performance.now() - started)})`);
}
