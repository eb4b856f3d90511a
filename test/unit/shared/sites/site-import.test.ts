import { describe, expect, it } from 'vitest';
import { mergeDomains } from '../../../../src/shared/sites/domains.ts';
import { exportSitesJson, exportSitesText, parseSiteImport } from '../../../../src/shared/sites/site-import.ts';

describe('parseSiteImport', () => {
  it('reads text, one site per line, skipping blanks and comments, reporting each bad line', () => {
    const r = parseSiteImport(
      ['# my list', 'bbc.co.uk', '', 'https://www.reuters.com/world', 'not a site', 'co.uk', 'apnews.com # wire', 'bbc.co.uk'].join('\n'),
    );
    expect(r.sites).toEqual(['bbc.co.uk', 'www.reuters.com', 'apnews.com']);
    expect(r.errors).toEqual([
      { line: 5, text: 'not a site', reason: 'invalid' },
      { line: 6, text: 'co.uk', reason: 'public-suffix' },
    ]);
  });

  it('handles Windows line ends', () => {
    expect(parseSiteImport('a.com\r\nb.com\r\n').sites).toEqual(['a.com', 'b.com']);
  });

  it('reads a JSON list and our JSON export', () => {
    expect(parseSiteImport('["a.com", "b.org", 3, "bad site"]')).toEqual({
      sites: ['a.com', 'b.org'],
      errors: [
        { line: 3, text: '3', reason: 'not-text' },
        { line: 4, text: 'bad site', reason: 'invalid' },
      ],
    });
    const sites = ['bbc.co.uk', 'reuters.com'];
    expect(parseSiteImport(exportSitesJson(sites)).sites).toEqual(sites);
    expect(parseSiteImport(exportSitesText(sites)).sites).toEqual(sites);
  });

  it('reports broken JSON as one error and imports nothing', () => {
    const r = parseSiteImport('["a.com", ');
    expect(r.sites).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.reason).toBe('bad-json');
    expect(parseSiteImport('{"other": []}').errors[0]!.reason).toBe('bad-json');
  });

  it('keeps everything already stored when merged', () => {
    const stored = ['x.com', 'a.com'];
    const r = parseSiteImport('a.com\nnew.org\n!!!');
    expect(mergeDomains(stored, r.sites)).toEqual(['x.com', 'a.com', 'new.org']);
  });

  it('empty input imports nothing and reports nothing', () => {
    expect(parseSiteImport('')).toEqual({ sites: [], errors: [] });
  });
});
