import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_SENSITIVITY, SENSITIVITIES, type Sensitivity } from '../core/index.ts';
import { encodePack, packEntry, type PackEntry } from '../core/pack/format.ts';
import { DocumentError, isWebAddress, listDocumentFiles, readDocument } from '../node/documents.ts';
import { listLibraryFiles, loadBundledLibrary, loadLibrary } from '../node/library.ts';
import { createNodeEngine } from '../node/source-free.ts';
import { isTrustedUrl, normalizeDomainEntry } from '../shared/sites/domains.ts';
import { COLOUR, PLAIN, referenceJson, referenceLine, resultBlock, resultJson } from './format.ts';
import { createProgress } from './progress.ts';

export const USAGE = `usage:
  spinscope check <file|dir>... [--refs <file|dir|pack>]... [--trust <site>]... [--json] [--sensitivity ${SENSITIVITIES.join('|')}] [--url <address>]
  spinscope refs [--refs <file|dir|pack>]... [--json]
  spinscope pack <file|dir|pack>... --out <file>

Checks news articles (.txt, .html, .htm) against the bundled reference library (plus --refs) and says
whether each is spun, auto-published, a copy, related or clean. pack fingerprints documents once into
a reference pack that --refs (and the extension's options page) reads without redoing that work. An HTML page's own address is read from
its canonical link or og:url; --url gives it for a single file. --trust names a site you trust, as the
extension's trusted sites: its pages are originals, and so are references whose address is on it. Exit status: 0 all inputs checked,
1 some input could not be read, 2 bad usage.`;

class UsageError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  colour: boolean;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

/** Runs the command; returns the exit status. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    io.err(`spinscope: ${(error as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  if (parsed.help) {
    io.out(USAGE);
    return 0;
  }
  const style = io.colour && !parsed.json ? COLOUR : PLAIN;
  const failed = { value: false };
  const reportError = (file: string, reason: string) => {
    failed.value = true;
    if (parsed.json) io.out(JSON.stringify({ file, error: reason }));
    else io.err(`spinscope: ${file}: ${reason}`);
  };

  if (parsed.command === 'pack') return packCommand(parsed.inputs, parsed.out!, io, reportError).then((ok) => (ok && !failed.value ? 0 : 1));

  const bundled = await loadBundledLibrary();
  const extra = await loadLibrary(parsed.refs, 'user', (error) => reportError(error.file, `reference skipped: ${error.reason}`));
  const library = [...bundled.references, ...extra.references];

  if (parsed.command === 'refs') {
    for (const r of library) io.out(parsed.json ? JSON.stringify(referenceJson(r)) : referenceLine(r, style));
    return failed.value ? 1 : 0;
  }

  const engine = createNodeEngine(library, [...bundled.prepared, ...extra.prepared]);
  const files = await listDocumentFiles(parsed.inputs);
  if (parsed.url && files.length !== 1) {
    io.err(`spinscope: --url gives the address of one page, but ${parsed.inputs[0]} holds ${files.length} files`);
    return 2;
  }
  const progress = createProgress(files.length);
  let done = 0;
  for (const file of files) {
    try {
      const doc = await readDocument(file, parsed.url);
      const started = performance.now();
      const page = { text: doc.text, ...(doc.title ? { title: doc.title } : {}), ...(doc.url ? { url: doc.url } : {}), trustedUrl: (url: string) => isTrustedUrl(url, parsed.trust) };
      const result = engine.check(page, { sensitivity: parsed.sensitivity });
      const ms = performance.now() - started;
      progress.clear();
      io.out(parsed.json ? JSON.stringify(resultJson(file, result, ms, doc.url)) : `${resultBlock(file, result, ms, style)}\n`);
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      progress.clear();
      reportError(file, error.reason);
    }
    progress.tick(++done, file);
  }
  return failed.value ? 1 : 0;
}

/** `spinscope pack`: every input fingerprinted once (packs merged as they are), then one file written. */
async function packCommand(inputs: string[], out: string, io: Io, reportError: (file: string, reason: string) => void): Promise<boolean> {
  const files = await listLibraryFiles(inputs);
  const progress = createProgress(files.length, process.stderr, 'packed');
  const entries: PackEntry[] = [];
  const ids = new Set<string>();
  let done = 0;
  const skip = (file: string, reason: string) => {
    progress.clear();
    reportError(file, `reference skipped: ${reason}`);
  };
  for (const file of files) {
    const { references } = await loadLibrary([file], 'user', (error) => skip(error.file, error.reason));
    for (const r of references) {
      if (ids.has(r.id)) skip(file, `another input has the id ${r.id}`);
      else {
        ids.add(r.id);
        entries.push(packEntry(r));
      }
    }
    progress.tick(++done, file);
  }
  if (!entries.length) {
    io.err('spinscope: nothing to pack');
    return false;
  }
  const bytes = encodePack(entries);
  await writeFile(out, bytes);
  io.out(`packed ${entries.length} reference${entries.length === 1 ? '' : 's'} into ${out} (${(bytes.length / 1024).toFixed(1)} KiB)`);
  return true;
}

interface Command {
  command: 'check' | 'refs' | 'pack' | 'help';
  inputs: string[];
  refs: string[];
  json: boolean;
  help: boolean;
  sensitivity: Sensitivity;
  /** Sites the user trusts, normalised as the extension stores them. */
  trust: string[];
  url?: string;
  out?: string;
}

/** A --trust value as the extension's trusted sites hold it; a public suffix or a malformed host is refused. */
function trustedSite(input: string): string {
  const checked = normalizeDomainEntry(input);
  if (!checked.ok) throw new UsageError(`--trust needs a site such as example.com, not "${input}" (${checked.reason})`);
  return checked.value;
}

function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      refs: { type: 'string', multiple: true, default: [] },
      trust: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      sensitivity: { type: 'string', default: DEFAULT_SENSITIVITY },
      url: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...inputs] = positionals;
  const base = { refs: values.refs ?? [], json: values.json ?? false, help: values.help ?? false, trust: (values.trust ?? []).map(trustedSite) };
  if (base.help) return { ...base, command: 'help' as const, inputs, sensitivity: DEFAULT_SENSITIVITY, url: undefined };
  const sensitivity = values.sensitivity as Sensitivity;
  if (!(SENSITIVITIES as readonly string[]).includes(sensitivity)) throw new UsageError(`unknown sensitivity "${values.sensitivity}"`);
  const url = values.url;
  if (url !== undefined && !isWebAddress(url)) throw new UsageError(`--url needs a web address such as https://example.com/story, not "${url}"`);
  if (command === 'check') {
    if (!inputs.length) throw new UsageError('check needs at least one file or folder');
    if (url !== undefined && inputs.length !== 1) throw new UsageError('--url gives the address of one page: check a single file with it');
    return { ...base, command, inputs, sensitivity, ...(url ? { url } : {}) };
  }
  if (command === 'refs') {
    if (url !== undefined) throw new UsageError('--url applies to check, not refs');
    if (inputs.length) throw new UsageError(`refs takes no files (got "${inputs[0]}"); use --refs`);
    return { ...base, command, inputs, sensitivity };
  }
  if (command === 'pack') {
    if (!inputs.length) throw new UsageError('pack needs at least one file or folder');
    if (!values.out) throw new UsageError('pack needs --out <file>');
    return { ...base, command, inputs, sensitivity, out: values.out };
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
}
