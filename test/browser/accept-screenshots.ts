/** Makes the screenshots the last screenshot test compared the reviewed baselines (test/browser/visual.ts). */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS } from './harness.ts';
import { BASELINES, recordEnvironment } from './visual.ts';

mkdirSync(BASELINES, { recursive: true });
// The screenshot test lists what it compared; other tests' screenshots are for looking at, not baselines.
const compared = new Set(readFileSync(join(SCREENSHOTS, 'compared.txt'), 'utf8').split('\n').filter(Boolean));
const accepted = readdirSync(SCREENSHOTS).filter((f) => compared.has(f.replace(/\.png$/, '')));
for (const file of accepted) copyFileSync(join(SCREENSHOTS, file), join(BASELINES, file));
// The run that took them wrote the environment it ran in.
if (accepted.length) recordEnvironment(readFileSync(join(SCREENSHOTS, 'environment.txt'), 'utf8').trim());
console.log(accepted.length ? `accepted ${accepted.length} screenshots as baselines: ${accepted.join(', ')}` : 'no screenshots to accept: run the browser tests first');
