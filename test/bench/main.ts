/** The benchmark itself (started by run.ts with the Node flags it needs). */
import { cpus, loadavg } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { loadSeedLibrary } from '../../src/node/library.ts';
import { librarySection } from './library-section.ts';
import { seedSection } from './seeds-section.ts';
import { signaturesSection } from './signatures-section.ts';
import { sourceFreeSection } from './source-free-section.ts';
import { survivalSection } from './survival-section.ts';
import { cliSection } from './cli-section.ts';
import { wakeSection } from './wake-section.ts';
import { bytes, heading, percent, ratio, table, time, verdict } from './table.ts';
import { hasGc, nowNs } from './timing.ts';

const log = (line: string) => console.log(line);
const started = nowNs();

log('Spinscope benchmark');
log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, heap limit ${bytes(getHeapStatistics().heap_size_limit)}, gc ${hasGc() ? 'exposed' : 'not exposed'}`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
log(`System load average at start: ${load()} (other processes on the machine make every figure noisier).`);

const seeds = await loadSeedLibrary();
const s1 = seedSection(seeds, log);
const s3 = signaturesSection(seeds, log);
const s2 = await librarySection(seeds, log);
survivalSection(seeds, log);
const s5 = sourceFreeSection(seeds, log);
const s6 = wakeSection(seeds, s2.generated, log);
const s7 = cliSection(log);

log(heading('Summary'));
log(table(
  [{ title: 'target', align: 'left' }, { title: 'measured', align: 'left' }, 'result'],
  [
    ['engine ≤ 10 % of Readability extraction (typical page)', `${percent(s1.typicalShare, 2)} median, worst ${percent(s1.worstShare, 2)} (${s1.worstPage})`, verdict(s1.pass)],
    [`check ≤ 5 ms median, ${s2.largest.n.toLocaleString('en')} references`, time(s2.worstCheckNs), verdict(s2.lookupPass)],
    [`index ≤ 512 B per reference, ${s2.largest.n.toLocaleString('en')} references (toward 256 B)`, `${(s2.largest.indexBytes / s2.largest.n).toFixed(0)} B`, verdict(s2.bytesPass)],
    [`check p90 ≤ 2 ms, every page kind, ${s2.largest.n.toLocaleString('en')} references`, `worst ${time(s2.worstP90UndisturbedNs)} not preempted (${time(s2.worstP90Ns)} all samples)`, verdict(s2.p90Pass)],
    ['first check after a wake, 10,000 user references ≤ 1.5 × bundled alone', s6.ratios.map((r) => `${r.n.toLocaleString('en')}: ${ratio(r.ratio)} (after a change ${ratio(r.afterChange)})`).join(', '), verdict(s6.pass)],
    ['50,000 learned references within the 150 MiB IndexedDB budget', `${bytes(s6.fiftyThousandBytes)} with kept indexes (${s6.packBytesPerReference.toFixed(0)} B each)`, verdict(s6.budgetPass)],
    ['one-file check ≤ 4 × a bare node start', `${ratio(s7.ratio)} (${time(s7.commandNs)} against ${time(s7.bareNs)})`, verdict(s7.pass)],
    ['source-free analyser ≤ 1 ms median per article, tables ≤ 3 MB', `${time(s5.medianNs)} median (worst ${time(s5.worstNs)}), ${bytes(s5.tableBytes)}, loaded in ${time(s5.loadNs)}`, verdict(s5.pass)],
  ],
));
log('');
log(`Engine check: median ${s1.checkMedianUs.toFixed(0)} µs per article; Readability extraction: median ${s1.extractMedianMs.toFixed(1)} ms per page.`);
log(`First check in a fresh process: ${time(s1.coldFirstCheck)} (warm ${time(s1.warmCheckOfThatPage)}).`);
log(`createEngine with ${s2.largest.n.toLocaleString('en')} references: ${time(s2.largest.buildNs)}; spun 30 % copies matched to their source: ${s2.largest.hits}/50.`);
log(`Signature cost vs the tokenising pass: minhash ${ratio(s3.minhashPerBare)}, simhash-js ${ratio(s3.simhashPerBare)}, engine fingerprints ${ratio(s3.fingerprintPerBare)}.`);
log(`Copies spun at 50 % still found: minhash ${percent(s3.minhashRate, 0)}, simhash-js ${percent(s3.simhashRate, 0)}, engine ${percent(s3.engineRate, 0)}.`);
log(`Whole run: ${time(Number(nowNs() - started))}; load average at the end: ${load()}.`);
