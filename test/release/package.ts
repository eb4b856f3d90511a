/**
 * `npm run package` (after `npm run build`): the store packages, in packages/.
 *
 *   spinscope-chrome-<version>.zip   dist/, for the Chrome Web Store
 *   spinscope-firefox-<version>.zip  dist-firefox/, for addons.mozilla.org; `web-ext lint` must find 0 errors
 *   spinscope-source-<version>.zip   the sources and a build note, which AMO asks for with bundled code
 *
 * Refuses to package when package.json, manifest.json and the two built manifests disagree on the version.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, type as osType } from 'node:os';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { ROOT } from '../site/content.ts';
import { BUILD_NOTE, buildNote, manifestTextProblems, packageNames, sourceEntries, storeEntries, versionProblems } from './plan.ts';

const OUT = join(ROOT, 'packages');
const DIST = join(ROOT, 'dist');
const DIST_FIREFOX = join(ROOT, 'dist-firefox');
/** One fixed time on every entry: the same files make the same zip, whenever they were built. */
const ENTRY_DATE = new Date('2020-01-01T00:00:00Z');

function fail(message: string): never {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

const readJson = <T = { version?: string }>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'));
}

async function writeZip(path: string, entries: Array<{ name: string; data: Buffer | string }>): Promise<number> {
  const zip = new JSZip();
  for (const e of entries) zip.file(e.name, e.data, { date: ENTRY_DATE, createFolders: false });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
  writeFileSync(path, bytes);
  return bytes.length;
}

const zipOfDir = (path: string, dir: string) => writeZip(path, storeEntries(filesUnder(dir)).map((name) => ({ name, data: readFileSync(join(dir, name)) })));

/** Unpacks a zip into a fresh temporary folder, so the linter reads exactly what is uploaded. */
async function unzipToTemp(path: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'spinscope-package-'));
  const zip = await JSZip.loadAsync(readFileSync(path));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(dir, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  return dir;
}

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

function lint(dir: string): LintReport {
  const webExt = join(ROOT, 'node_modules', '.bin', 'web-ext');
  const r = spawnSync(webExt, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { cwd: ROOT, encoding: 'utf8' });
  const json = r.stdout.slice(r.stdout.indexOf('{'));
  try {
    return JSON.parse(json) as LintReport;
  } catch {
    return fail(`web-ext lint gave no report (exit code ${r.status}):\n${r.stderr || r.stdout}`);
  }
}

function osName(): string {
  const osRelease = '/etc/os-release';
  const pretty = existsSync(osRelease) ? /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync(osRelease, 'utf8'))?.[1] : undefined;
  return `${pretty ?? osType()}, ${process.arch}`;
}

function npmVersion(): string {
  const fromAgent = /\bnpm\/(\S+)/.exec(process.env.npm_config_user_agent ?? '')?.[1];
  return fromAgent ?? execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  for (const dir of [DIST, DIST_FIREFOX]) {
    if (!existsSync(join(dir, 'manifest.json'))) fail(`${relative(ROOT, dir)}/ is not built: run \`npm run build\` first.`);
  }
  const version = readJson(join(ROOT, 'package.json')).version ?? '';
  const problems = versionProblems(version, {
    'manifest.json': readJson(join(ROOT, 'manifest.json')).version,
    'dist/manifest.json': readJson(join(DIST, 'manifest.json')).version,
    'dist-firefox/manifest.json': readJson(join(DIST_FIREFOX, 'manifest.json')).version,
  });
  if (problems.length) fail(`The versions disagree; set the same one in package.json and manifest.json, then build again:\n  ${problems.join('\n  ')}`);
  const built = readJson<Record<string, string>>(join(DIST, 'manifest.json'));
  const messages = readJson<Record<string, { message: string }>>(join(DIST, '_locales', built.default_locale ?? 'en', 'messages.json'));
  const textProblems = manifestTextProblems(built, messages);
  if (textProblems.length) fail(`The stores would refuse this manifest:\n  ${textProblems.join('\n  ')}`);

  const names = packageNames(version);
  mkdirSync(OUT, { recursive: true });
  const sizes: Record<string, number> = {};
  sizes[names.chrome] = await zipOfDir(join(OUT, names.chrome), DIST);
  sizes[names.firefox] = await zipOfDir(join(OUT, names.firefox), DIST_FIREFOX);

  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  const note = buildNote({ version, node: process.version, npm: npmVersion(), platform: osName() });
  sizes[names.source] = await writeZip(join(OUT, names.source), [
    { name: BUILD_NOTE, data: note },
    ...sourceEntries(tracked)
      .filter((name) => existsSync(join(ROOT, name)))
      .map((name) => ({ name, data: readFileSync(join(ROOT, name)) })),
  ]);

  const unpacked = await unzipToTemp(join(OUT, names.firefox));
  const report = lint(unpacked);
  rmSync(unpacked, { recursive: true, force: true });
  const { errors, warnings, notices } = report.summary;
  console.log(`web-ext lint on ${names.firefox}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const kind of ['errors', 'warnings', 'notices'] as const) {
    for (const m of report[kind]) console.log(`  ${kind.slice(0, -1)} ${m.code}${m.file ? ` in ${m.file}` : ''}: ${m.message}`);
  }
  if (errors > 0) fail(`web-ext lint found ${errors} errors in ${names.firefox}; AMO would refuse it.`);

  console.log(`\nPackages for version ${version} in packages/:`);
  for (const [name, size] of Object.entries(sizes)) console.log(`  ${name}  ${kb(size)}`);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
