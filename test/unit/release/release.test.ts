/** The rules of `npm run package` (test/release/plan.ts): names, versions, what goes into each zip. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../site/content.ts';
import { BUILD_NOTE, buildNote, manifestTextProblems, packageNames, resolveMessage, sourceEntries, storeEntries, versionProblems } from '../../release/plan.ts';

describe('package names', () => {
  it('carry the version and the store', () => {
    expect(packageNames('1.2.3')).toEqual({
      chrome: 'spinscope-chrome-1.2.3.zip',
      firefox: 'spinscope-firefox-1.2.3.zip',
      source: 'spinscope-source-1.2.3.zip',
    });
  });
});

describe('version agreement', () => {
  it('passes when every manifest has package.json version', () => {
    expect(versionProblems('0.2.0', { 'manifest.json': '0.2.0', 'dist/manifest.json': '0.2.0' })).toEqual([]);
  });

  it('names each manifest that disagrees, and a missing version', () => {
    expect(versionProblems('0.2.0', { 'manifest.json': '0.1.0', 'dist/manifest.json': '0.2.0', 'dist-firefox/manifest.json': undefined })).toEqual([
      'manifest.json has version "0.1.0", package.json has "0.2.0"',
      'dist-firefox/manifest.json has version null, package.json has "0.2.0"',
    ]);
  });

  it('refuses versions the stores do not accept', () => {
    for (const bad of ['1.0.0-beta.1', '01.2', '1.2.3.4.5', '', 'v1.0']) {
      expect(versionProblems(bad, {}), bad).toHaveLength(1);
    }
    for (const good of ['1', '0.1.0', '1.2.3.4', '10.0.250']) expect(versionProblems(good, {}), good).toEqual([]);
  });

  it('holds for the repository as it is: package.json and manifest.json agree', () => {
    const version = (file: string) => (JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { version: string }).version;
    expect(versionProblems(version('package.json'), { 'manifest.json': version('manifest.json') })).toEqual([]);
  });
});

describe('zip contents', () => {
  it('a store package holds the build without hidden files or source maps, sorted', () => {
    expect(
      storeEntries([
        'src/popup/index.html',
        'manifest.json',
        '.vite/manifest.json',
        'assets/index-abc.js',
        'assets/index-abc.js.map',
        'assets/.DS_Store',
        '_locales/en/messages.json',
      ]),
    ).toEqual(['_locales/en/messages.json', 'assets/index-abc.js', 'manifest.json', 'src/popup/index.html']);
  });

  it('the source package holds what the build reads, and no tests, fixtures or workflow files', () => {
    expect(
      sourceEntries([
        'vite.config.ts',
        'src/core/engine.ts',
        'seeds/000_a.txt',
        'test/unit/release/release.test.ts',
        'test/fixtures/real-web/page.html',
        '.github/readme/popup.png',
        'docs/store/listing.md',
        'manifest.json',
        'package.json',
        'package-lock.json',
        'tsconfig.json',
        'README.md',
        'srcx/other.ts',
      ]),
    ).toEqual(['README.md', 'manifest.json', 'package-lock.json', 'package.json', 'seeds/000_a.txt', 'src/core/engine.ts', 'tsconfig.json', 'vite.config.ts']);
  });

  it('the build note gives the environment and the exact commands', () => {
    const note = buildNote({ version: '0.3.0', node: 'v20.20.2', npm: '11.19.1', platform: 'Debian GNU/Linux 12 (bookworm), x64' });
    expect(BUILD_NOTE).toBe('BUILD.md');
    expect(note).toContain('- Node.js v20.20.2\n- npm 11.19.1');
    expect(note).toContain('- Operating system: Debian GNU/Linux 12 (bookworm), x64');
    expect(note).toContain('```sh\nnpm ci\nnpm run build\n```');
    expect(note).toContain('spinscope-firefox-0.3.0.zip');
  });
});

describe('manifest text the stores check', () => {
  const messages = { extName: { message: 'Spinscope' }, extDescription: { message: 'x'.repeat(132) } };

  it('reads __MSG_ placeholders from the default locale', () => {
    expect(resolveMessage('__MSG_extName__', messages)).toBe('Spinscope');
    expect(resolveMessage('Plain', messages)).toBe('Plain');
    expect(resolveMessage('__MSG_nothing__', messages)).toBeUndefined();
  });

  it('passes a description of 132 characters and refuses one of 133', () => {
    const manifest = { name: '__MSG_extName__', short_name: 'Spinscope', description: '__MSG_extDescription__' };
    expect(manifestTextProblems(manifest, messages)).toEqual([]);
    expect(manifestTextProblems(manifest, { ...messages, extDescription: { message: 'x'.repeat(133) } })).toEqual([
      `manifest description is 133 characters long, the stores take at most 132: "${'x'.repeat(133)}"`,
    ]);
  });

  it('names a missing field and a short name over 12 characters', () => {
    expect(manifestTextProblems({ name: '__MSG_extName__', short_name: 'Spinscope News', description: '__MSG_gone__' }, messages)).toEqual([
      'manifest short_name is 14 characters long, the stores take at most 12: "Spinscope News"',
      'manifest description is missing or names no message',
    ]);
  });

  it('holds for the repository as it is', () => {
    const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;
    expect(manifestTextProblems(json('manifest.json'), json('src/public/_locales/en/messages.json') as never)).toEqual([]);
  });
});
