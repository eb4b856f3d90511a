import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedLibrary, SEEDS_DIR } from '../../../src/node/library.ts';

describe('the bundled library', () => {
  it('holds one reference per seed, with metadata and a role from its own evidence', async () => {
    const library = await loadSeedLibrary();
    const files = (await readdir(SEEDS_DIR)).sort();
    expect(library.map((r) => `${r.id}.txt`)).toEqual(files);
    const byId = Object.fromEntries(library.map((r) => [r.id.slice(0, 3), r]));
    expect(byId['004']).toMatchObject({ source: 'ANI', date: '2021-12-08', role: 'auto-published' });
    expect(byId['002']).toMatchObject({ role: 'spun', date: '2021-12-07' });
    expect(byId['002']!.boilerplate.map((b) => b.rule)).toContain('spinner-mangled-credit');
    // 000–003 are spun: their own text carries the marks (broken quotation marks, a quotation dash, a
    // lower-case country), 000 and 001 on a scraper with a "Source link" footer too.
    expect(byId['000']).toMatchObject({ source: 'Business News', role: 'spun' });
    expect(byId['000']!.boilerplate.map((b) => b.kind)).toContain('scraper-footer');
    expect(byId['001']).toMatchObject({ role: 'spun' });
    expect(byId['003']).toMatchObject({ role: 'spun' });
    expect(byId['001']!.sourceFree).toMatchObject({ opinion: 'reworded' });
    expect(byId['004']!.sourceFree).toMatchObject({ opinion: 'fluent', evidence: 0 });
    for (const r of library) {
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.body).not.toMatch(/Source link|Back to top|Leave a Reply|Open in App|Related (Articles|Stories)/);
      expect(r.origin).toBe('bundled');
    }
  });

  it('keeps every body sentence of a seed', async () => {
    const library = await loadSeedLibrary();
    const seed = await readFile(join(SEEDS_DIR, `${library[1]!.id}.txt`), 'utf8');
    const sentence = 'Some EU countries have rejected US stricter sentiments, including restrictions on Russian oil and gas bans and cut off Russian banks through the Swift payment system.';
    expect(seed).toContain(sentence);
    expect(library[1]!.body).toContain(sentence);
  });

  it('adds a reference when a .txt or .html file is dropped into the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seeds-'));
    await cp(SEEDS_DIR, dir, { recursive: true });
    const before = await loadSeedLibrary(dir);
    await writeFile(
      join(dir, 'zz_extra.html'),
      `<html><head><title>Harbour bridge reopens after repairs</title></head><body><nav>Home | News</nav><article><h1>Harbour bridge reopens after repairs</h1>
      ${'<p>The harbour bridge reopened to traffic on Monday after eleven weeks of repairs to its cables, the city council said, and commuters will no longer need the long detour through the industrial estate.</p>'.repeat(4)}
      <p>Source link</p></article></body></html>`,
    );
    const after = await loadSeedLibrary(dir);
    expect(after).toHaveLength(before.length + 1);
    const added = after.find((r) => r.id === 'zz_extra')!;
    expect(added.title).toBe('Harbour bridge reopens after repairs');
    expect(added.body).toContain('eleven weeks of repairs');
    expect(added.role).toBe('auto-published');
  });
});
