import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { REASONS } from '../../../src/core/reasons.ts';
import { reasonText as popupText } from '../../../src/shared/browser/i18n.ts';
import { loadSeedLibrary } from '../../../src/node/library.ts';
import { spin } from '../../support/spin.ts';
import { installFakeBrowser } from '../support/fake-browser.ts';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), colour: false });
  return { code, out, err };
}

const library = await loadSeedLibrary();
const dir = await mkdtemp(join(tmpdir(), 'spinscope-cli-'));
const spunFile = join(dir, 'spun.txt');
await writeFile(spunFile, `The Daily Scoop\n\n${spin(library[0]!.body, 0.3, 5).text}`);
const emptyFile = join(dir, 'empty.txt');
await writeFile(emptyFile, '');
const binaryFile = join(dir, 'image.txt');
await writeFile(binaryFile, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));

describe('spinscope check', () => {
  it('prints one JSON object per file with the documented fields', async () => {
    const { code, out } = await run(['check', spunFile, '--json']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const line = JSON.parse(out[0]!);
    expect(line).toMatchObject({ file: spunFile, verdict: 'spun', match: { referenceId: library[0]!.id, spunSide: 'page' } });
    expect(line.confidence).toBeGreaterThan(0.5);
    expect(line.match.coverage).toBeGreaterThan(0.9);
    expect(line.substitutions.length).toBeGreaterThan(5);
    expect(line.substitutions[0]).toEqual({ reference: expect.any(String), page: expect.any(String) });
    expect(Array.isArray(line.boilerplate)).toBe(true);
    expect(typeof line.ms).toBe('number');
  });

  it('reports unreadable, empty and binary inputs one by one, checks the rest and exits 1', async () => {
    const { code, out } = await run(['check', '--json', emptyFile, join(dir, 'missing.txt'), spunFile, binaryFile]);
    expect(code).toBe(1);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([emptyFile, join(dir, 'missing.txt'), spunFile, binaryFile]);
    expect(lines[0].error).toMatch(/empty/);
    expect(lines[1].error).toMatch(/cannot read/);
    expect(lines[2].verdict).toBe('spun');
    expect(lines[3].error).toMatch(/binary/);
  });

  it('extracts the article from an HTML page before checking it', async () => {
    const paragraphs = library[1]!.body.split('\n\n').map((p) => `<p>${p}</p>`).join('\n');
    const html = join(dir, 'scraped.html');
    await writeFile(html, `<!doctype html><html><head><title>Putin: talks in January | Daily Scoop</title></head><body>
      <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
      <div class="ad">Advertisement</div>
      <main><article><h1>The US and Russia to hold talks in early January, Putin said</h1>${paragraphs}<p>Source link</p></article></main>
      <aside><h3>Related Articles</h3><ul><li><a href="/a">Markets rally</a></li><li><a href="/b">Oil slips</a></li></ul></aside>
      <footer>© Daily Scoop</footer></body></html>`);
    const { code, out } = await run(['check', html, '--json']);
    expect(code).toBe(0);
    const line = JSON.parse(out[0]!);
    expect(line.match.referenceId).toBe(library[1]!.id);
    // A copy of seed 001, itself a spun copy: the copy shares its text and its marks of rewording.
    expect(line.verdict).toBe('spun');
    expect(line.sourceFree.opinion).toBe('reworded');
    expect(line.sourceFree.artefacts.map((a: { kind: string }) => a.kind)).toContain('broken-quote');
    expect(line.boilerplate.map((b: { rule: string }) => b.rule)).toContain('source-link-footer');
  });

  it('takes a reference on a site given with --trust for the original, and refuses a public suffix', async () => {
    // A real machine translation of an AP story and its original, on an https page of timesofisrael.com
    // (test/fixtures/real-pairs/): on the words alone neither side is shown to be the copy.
    const { loadRealPairs } = await import('../../fixtures/real-pairs/corpus.ts');
    const [copy, original] = loadRealPairs().find((p) => p.id === 'translated-nybreaking-ap-campaign-courthouse')!.sides;
    const refs = await mkdtemp(join(tmpdir(), 'spinscope-trust-'));
    const html = original.text.split(/\n\s*\n/).map((p) => `<p>${p}</p>`).join('\n');
    await writeFile(join(refs, 'original.html'), `<!doctype html><html><head><title>Trump in court</title><link rel="canonical" href="${original.url}"></head><body><article><h1>Trump in court</h1>${html}</article></body></html>`);
    const page = join(refs, '..', `${refs.split('/').pop()}-copy.txt`);
    await writeFile(page, copy.text);
    const verdict = async (...extra: string[]) => JSON.parse((await run(['check', page, '--json', '--refs', refs, ...extra])).out[0]!);
    expect((await verdict()).verdict).toBe('related');
    const trusted = await verdict('--trust', new URL(original.url).hostname);
    expect(trusted).toMatchObject({ verdict: 'spun', match: { spunSide: 'page' } });
    const refused = await run(['check', page, '--trust', 'co.uk']);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toContain('--trust needs a site such as example.com, not "co.uk"');
  });

  it('reports a folder without documents instead of checking nothing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'spinscope-empty-'));
    const { code, out } = await run(['check', '--json', empty]);
    expect(code).toBe(1);
    expect(JSON.parse(out[0]!)).toEqual({ file: empty, error: 'folder holds no .txt, .html or .htm files' });
  });

  it('writes a readable block without --json', async () => {
    const { code, out } = await run(['check', spunFile]);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('verdict       SPUN');
    expect(text).toContain(library[0]!.id);
    expect(text).toMatch(/swaps\s+\S.* → \S/);
  });

  it('gives the reasons as codes in JSON and as the popup sentences in text', async () => {
    const json = JSON.parse((await run(['check', spunFile, '--json'])).out[0]!);
    expect(json.summary).toEqual({ code: 'summarySpunOf', title: library[0]!.title, source: library[0]!.source });
    expect(json.reasons[0]).toMatchObject({ code: 'textMatches', title: library[0]!.title });
    expect(json.reasons.every((r: { code: string }) => r.code in REASONS)).toBe(true);
    installFakeBrowser();
    const text = (await run(['check', spunFile])).out.join('\n');
    expect(text).toContain(`summary       ${popupText(json.summary)}`);
    for (const reason of json.reasons) expect(text).toContain(popupText(reason));
  });

  it('checks against extra references given with --refs', async () => {
    const reference = join(dir, 'ref.txt');
    const body = library[2]!.body.replace(/Biden/g, 'Smith').replace(/Putin/g, 'Jones');
    await writeFile(reference, `Smith and Jones talk for two hours\n\n${body}`);
    const page = join(dir, 'page.txt');
    await writeFile(page, spin(body, 0.2, 9).text);
    const { out } = await run(['check', page, '--refs', reference, '--json']);
    expect(JSON.parse(out[0]!).match.referenceId).toBe('ref');
  });

  it('exits 2 with a reason and the usage on bad usage', async () => {
    for (const argv of [[], ['check'], ['frobnicate'], ['check', 'x', '--sensitivity', 'max'], ['check', 'x', '--colour']]) {
      const { code, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err[0]).toMatch(/^spinscope: /);
      expect(err.join('\n')).toContain('usage:');
    }
  });
});

describe('spinscope refs', () => {
  it('lists the library with roles and rules', async () => {
    const { code, out } = await run(['refs', '--json']);
    expect(code).toBe(0);
    const rows = out.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(library.map((r) => r.id));
    expect(rows[4]).toMatchObject({ role: 'auto-published', source: 'ANI' });
    expect(rows[4].rules).toContain('auto-published-feed');
    expect(rows[4].words).toBeGreaterThan(200);
  });
});

describe('the installed command', () => {
  it('runs as the package bin, compiled: no TypeScript loader at run time', async () => {
    const bin = JSON.parse(await readFile('package.json', 'utf8')).bin.spinscope as string;
    expect(bin).toBe('dist-cli/spinscope.js');
    await promisify(execFile)('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error']);
    const compiled = await readFile(bin, 'utf8');
    expect(compiled).not.toMatch(/from ["']tsx/);
    const { stdout } = await promisify(execFile)('node', [bin, 'check', '--json', spunFile]);
    expect(JSON.parse(stdout).verdict).toBe('spun');
  }, 60_000);
});

describe("the page's own address", () => {
  const feedPage = (head: string) => `<!doctype html><html><head><title>Bloody January</title>${head}</head><body><article><h1>How 500 were killed in 27 days</h1>
    ${library[2]!.body.split('\n\n').map((p) => `<p>${p}</p>`).join('\n')}
    <p>The post BLOODY JANUARY: How 500 Nigerians were killed in 27 days appeared first on Vanguard News.</p></article></body></html>`;

  it('is read from the canonical link, else from og:url, and --url overrides both', async () => {
    const canonical = join(dir, 'canonical.html');
    await writeFile(canonical, feedPage('<link rel="canonical" href="https://www.vanguardngr.com/2018/01/bloody-january/"><meta property="og:url" content="https://elsewhere.example.com/x">'));
    const og = join(dir, 'og.html');
    await writeFile(og, feedPage('<meta property="og:url" content="https://potshoot38.rssing.com/chan-19116994/article142.html">'));
    const none = join(dir, 'none.html');
    await writeFile(none, feedPage('<link rel="canonical" href="/relative/only">'));
    const urlOf = async (argv: string[]) => JSON.parse((await run(['check', '--json', ...argv])).out[0]!).url;
    expect(await urlOf([canonical])).toBe('https://www.vanguardngr.com/2018/01/bloody-january/');
    expect(await urlOf([og])).toBe('https://potshoot38.rssing.com/chan-19116994/article142.html');
    expect(await urlOf([none])).toBeUndefined();
    expect(await urlOf([canonical, '--url', 'https://mirror.example.org/story'])).toBe('https://mirror.example.org/story');
    expect(await urlOf([spunFile, '--url', 'https://mirror.example.org/story'])).toBe('https://mirror.example.org/story');
  });

  it('refuses --url for more than one file and an address that is not one', async () => {
    expect((await run(['check', spunFile, emptyFile, '--url', 'https://a.example.com/x'])).code).toBe(2);
    expect((await run(['check', dir, '--url', 'https://a.example.com/x'])).code).toBe(2);
    const bad = await run(['check', spunFile, '--url', 'vanguardngr.com']);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/--url needs a web address/);
  });
});

describe('spinscope pack', () => {
  it('packs documents once; refs and check read the pack as they read the documents', async () => {
    const docs = join(dir, 'pack-docs');
    await mkdir(docs);
    const own = library[3]!.body.split('\n\n').slice(0, 8).join('\n\n');
    await writeFile(join(docs, 'own-story.txt'), own);
    const pack = join(dir, 'mine.pack');
    const packed = await run(['pack', docs, '--out', pack]);
    expect(packed.code).toBe(0);
    expect(packed.out[0]).toMatch(/^packed 1 reference into .*mine\.pack \(\d+\.\d KiB\)$/);
    const fromPack = (await run(['refs', '--json', '--refs', pack])).out.map((l) => JSON.parse(l));
    const fromDocs = (await run(['refs', '--json', '--refs', docs])).out.map((l) => JSON.parse(l));
    expect(fromPack).toEqual(fromDocs);
    expect(fromPack.at(-1)).toMatchObject({ id: 'own-story' });
    const spunCopy = join(dir, 'spun-own.txt');
    await writeFile(spunCopy, spin(own, 0.3, 9).text);
    const viaPack = JSON.parse((await run(['check', '--json', '--refs', pack, spunCopy])).out[0]!);
    const viaDocs = JSON.parse((await run(['check', '--json', '--refs', docs, spunCopy])).out[0]!);
    expect({ ...viaPack, ms: 0 }).toEqual({ ...viaDocs, ms: 0 });
  });

  it('refuses a damaged pack with its reason and still checks against the rest', async () => {
    const pack = join(dir, 'seeds.pack');
    expect((await run(['pack', 'seeds', '--out', pack])).code).toBe(0);
    const bytes = await readFile(pack);
    bytes[bytes.length - 50]! ^= 1;
    const damaged = join(dir, 'damaged.pack');
    await writeFile(damaged, bytes);
    const { code, out, err } = await run(['refs', '--refs', damaged]);
    expect(code).toBe(1);
    expect(err).toEqual([`spinscope: ${damaged}: reference skipped: the pack is damaged (the text of ${library[4]!.id} cannot be read)`]);
    expect(out.filter((l) => !l.startsWith(' '))).toHaveLength(library.length);
  });

  it('needs --out', async () => {
    const { code, err } = await run(['pack', 'seeds']);
    expect(code).toBe(2);
    expect(err[0]).toBe('spinscope: pack needs --out <file>');
  });
});

describe('bidi controls in what the CLI prints', () => {
  it('drops a right-to-left override from a reference title and isolates the title in its line', async () => {
    const file = join(dir, 'override.txt');
    await writeFile(file, `Minister resigns \u202eevah ew\n\n${library[0]!.body}`);
    const { code, out } = await run(['refs', '--refs', file]);
    expect(code).toBe(0);
    const line = out.find((l) => l.includes('Minister resigns'));
    expect(line).toBeDefined();
    expect(line).not.toMatch(/\u202e/);
    expect(line).toContain('\u2068Minister resigns evah ew\u2069');
  });
});
