/**
 * `npm run bench`: the engine's cost next to a tokenising pass, Readability extraction, library scale and the
 * MinHash / SimHash packages, measured in one run.
 *
 * The measurements need a forced garbage collection (heap deltas) and room for a 100,000-reference library
 * build, so this file starts the benchmark in a child Node process with `--expose-gc` and a larger heap.
 */
import { spawnSync } from 'node:child_process';

const CHILD_FLAG = 'SPINSCOPE_BENCH_CHILD';
const NODE_FLAGS = ['--expose-gc', '--max-old-space-size=8192'];

if (process.env[CHILD_FLAG]) {
  await import('./main.ts');
} else {
  const child = spawnSync(process.execPath, [...process.execArgv, ...NODE_FLAGS, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_FLAG]: '1' },
  });
  process.exit(child.status ?? 1);
}
