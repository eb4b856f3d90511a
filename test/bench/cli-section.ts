/**
 * Section 7: the command's start. The compiled command (dist-cli, built here when missing) checking one file,
 * against a bare `node` start, each in a fresh process, interleaved.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heading, ratio, table, time, verdict } from './table.ts';
import { median, nowNs } from './timing.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = `${ROOT}dist-cli/spinscope.js`;
const RUNS = 11;
const TARGET = 4;

export interface CliSummary {
  ratio: number;
  commandNs: number;
  bareNs: number;
  pass: boolean;
}

function timed(args: string[]): number {
  const t0 = nowNs();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ns = Number(nowNs() - t0);
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ns;
}

export function cliSection(log: (line: string) => void): CliSummary {
  log(heading('7. The command\'s start'));
  if (!existsSync(BIN)) spawnSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const seed = `${ROOT}seeds/${readdirSync(`${ROOT}seeds`).sort()[1]}`;
  const html = join(mkdtempSync(join(tmpdir(), 'spinscope-cli-')), 'page.html');
  const paragraphs = readFileSync(seed, 'utf8').split(/\n\s*\n/).map((p) => `<p>${p.replace(/[<&]/g, ' ')}</p>`).join('\n');
  writeFileSync(html, `<!doctype html><html><head><title>Page</title></head><body><article>${paragraphs}</article></body></html>`);
  const cases = [
    { name: 'node -e 0 (bare start)', args: ['-e', '0'] },
    { name: 'spinscope check one .txt file', args: [BIN, 'check', seed] },
    { name: 'spinscope check one .html file (extraction loaded)', args: [BIN, 'check', html] },
  ];
  const samples = cases.map(() => [] as number[]);
  for (let r = 0; r < RUNS; r++) cases.forEach((c, i) => samples[i]!.push(timed(c.args)));
  const medians = samples.map(median);
  log(table(['run', 'median', '÷ bare node'], cases.map((c, i) => [c.name, time(medians[i]!), ratio(medians[i]! / medians[0]!)])));
  log(`Medians of ${RUNS} runs each, interleaved; wall time of the whole process, started by spawnSync.`);
  const result = { ratio: medians[1]! / medians[0]!, commandNs: medians[1]!, bareNs: medians[0]!, pass: medians[1]! / medians[0]! <= TARGET };
  log(`Target: a one-file check ≤ ${TARGET} × a bare node start (${ratio(result.ratio)}): ${verdict(result.pass)}`);
  return result;
}
