#!/usr/bin/env node
// Makes a fresh clone ready for `npm start` and `npm test`: npm packages, then Debian's browsers.
// Plain JavaScript on purpose: it runs before any package (TypeScript included) is installed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.error('Installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const wanted = process.argv.slice(2); // e.g. chromium firefox-esr
const missing = wanted.filter((name) => !existsSync(`/usr/bin/${name}`));
if (missing.length) {
  if (process.getuid?.() !== 0) {
    console.error(`Missing browsers: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.error(`Installing ${missing.join(', ')} from Debian's packages…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing]);
}
