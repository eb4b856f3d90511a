#!/usr/bin/env node
/**
 * `npm start`: everything needed to see Spinscope work, from a fresh checkout.
 *
 *  1. installs the npm dependencies when node_modules is missing;
 *  2. installs Debian's chromium with apt-get when /usr/bin/chromium is missing (only as root);
 *  3. builds the extension (dist/ and dist-firefox/);
 *  4. serves the demo pages and
 *     - with a display ($DISPLAY or $WAYLAND_DISPLAY): opens Chromium with the extension loaded on the demo
 *       index page and waits until the browser is closed;
 *     - without one: runs the same tour headless, saves screenshots to test-results/demo/ and prints each
 *       page's verdict.
 *
 * Plain JavaScript on purpose: it must run before the dependencies (and tsx) are installed.
 * Options: --headless (force the headless tour), --port <n> (serve the demo pages on a fixed port).
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function step(text) {
  console.log(`\n▸ ${text}`);
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.error || r.status !== 0) {
    console.error(`\n✗ ${what} failed (${r.error ? r.error.message : `exit code ${r.status}`}).`);
    process.exit(r.status || 1);
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(join(root, 'node_modules'))) {
  step('Installing dependencies (npm install)');
  run(npm, ['install', '--no-audit', '--no-fund'], 'npm install');
}

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    step("Installing Debian's chromium (apt-get install chromium)");
    run('apt-get', ['update'], 'apt-get update');
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], 'apt-get install chromium');
  } else {
    console.error(
      `\n✗ Chromium is not installed at ${chromium}.\n` +
        `  Install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.`,
    );
    process.exit(1);
  }
}

step('Building the extension (npm run build)');
run(npm, ['run', 'build'], 'The build');

const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
if (!existsSync(tsx)) {
  console.error('\n✗ tsx is missing from node_modules; run `npm install` and try again.');
  process.exit(1);
}

const child = spawn(tsx, [join(root, 'test', 'demo', 'tour.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
