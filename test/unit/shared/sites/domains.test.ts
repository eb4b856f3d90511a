import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hostMatches,
  hostOf,
  isHostListed,
  mergeDomains,
  normalizeDomainEntry,
  removeCovering,
  siteKeyForUrl,
} from '../../../../src/shared/sites/domains.ts';
import { hostUnder } from '../../../../src/shared/sites/host-match.ts';

describe('normalizeDomainEntry', () => {
  it.each([
    ['bbc.co.uk', 'bbc.co.uk'],
    ['  WWW.BBC.CO.UK.  ', 'www.bbc.co.uk'],
    ['https://news.bbc.co.uk/news/world?x=1#y', 'news.bbc.co.uk'],
    ['reuters.com:8443', 'reuters.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('accepts %s as %s', (input, value) => {
    expect(normalizeDomainEntry(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['co.uk', 'public-suffix'],
    ['com', 'invalid'],
    ['github.io', 'public-suffix'],
    ['not a domain', 'invalid'],
    ['ftp://example.com', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['user:pw@example.com', 'invalid'],
    ['a'.repeat(300) + '.com', 'too-long'],
  ])('rejects %s (%s)', (input, reason) => {
    expect(normalizeDomainEntry(input)).toEqual({ ok: false, reason });
  });
});

describe('hostMatches (trusted-domain matching)', () => {
  it('a registrable domain covers itself and its subdomains', () => {
    expect(hostMatches('bbc.co.uk', 'bbc.co.uk')).toBe(true);
    expect(hostMatches('www.bbc.co.uk', 'bbc.co.uk')).toBe(true);
    expect(hostMatches('a.b.news.bbc.co.uk', 'bbc.co.uk')).toBe(true);
  });

  it('is not fooled by string suffixes or other registrable domains', () => {
    expect(hostMatches('evilbbc.co.uk', 'bbc.co.uk')).toBe(false);
    expect(hostMatches('bbc.co.uk.evil.com', 'bbc.co.uk')).toBe(false);
    expect(hostMatches('bbc.com', 'bbc.co.uk')).toBe(false);
  });

  it('a subdomain entry covers only that host and what is under it', () => {
    expect(hostMatches('news.example.com', 'news.example.com')).toBe(true);
    expect(hostMatches('eu.news.example.com', 'news.example.com')).toBe(true);
    expect(hostMatches('example.com', 'news.example.com')).toBe(false);
    expect(hostMatches('sport.example.com', 'news.example.com')).toBe(false);
    expect(hostMatches('xnews.example.com', 'news.example.com')).toBe(false);
  });

  it('a public-suffix entry (never accepted, but possible in damaged storage) covers nothing', () => {
    expect(hostMatches('bbc.co.uk', 'co.uk')).toBe(false);
    expect(hostMatches('www.bbc.co.uk', 'co.uk')).toBe(false);
  });

  it('treats private suffixes (github.io) like public ones: one site there is not all of them', () => {
    expect(hostMatches('alice.github.io', 'alice.github.io')).toBe(true);
    expect(hostMatches('bob.github.io', 'alice.github.io')).toBe(false);
    expect(siteKeyForUrl('https://alice.github.io/post')).toBe('alice.github.io');
  });

  it('IPs and localhost match exactly', () => {
    expect(hostMatches('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(hostMatches('127.0.0.2', '127.0.0.1')).toBe(false);
    expect(hostMatches('localhost', 'localhost')).toBe(true);
    expect(hostMatches('a.localhost', 'localhost')).toBe(false);
  });

  it('is case- and trailing-dot-insensitive on the host side', () => {
    expect(isHostListed('WWW.BBC.CO.UK.', ['bbc.co.uk'])).toBe(true);
  });

  it('agrees with the light content-script matcher for every stored entry', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
    const tld = fc.constantFrom('com', 'org', 'co.uk', 'de', 'com.au');
    fc.assert(
      fc.property(fc.array(label, { minLength: 0, maxLength: 3 }), label, tld, fc.array(label, { maxLength: 2 }), (sub, name, suffix, extra) => {
        const host = [...sub, name, suffix].join('.');
        const entryRaw = [...extra, name, suffix].join('.');
        const entry = normalizeDomainEntry(entryRaw);
        if (!entry.ok) return;
        expect(hostUnder(host, entry.value)).toBe(hostMatches(host, entry.value));
      }),
    );
  });
});

describe('site keys and list edits', () => {
  it('"trust this site" stores the registrable domain, or the bare host for IPs', () => {
    expect(siteKeyForUrl('https://www.bbc.co.uk/news/1')).toBe('bbc.co.uk');
    expect(siteKeyForUrl('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(siteKeyForUrl('chrome://settings')).toBeNull();
    expect(hostOf('not a url')).toBeNull();
  });

  it('merging never loses an entry and never duplicates one', () => {
    expect(mergeDomains(['a.com', 'b.com'], ['b.com', 'c.com'])).toEqual(['a.com', 'b.com', 'c.com']);
  });

  it('untrusting removes every entry that covers the host', () => {
    expect(removeCovering(['bbc.co.uk', 'news.bbc.co.uk', 'reuters.com'], 'news.bbc.co.uk')).toEqual(['reuters.com']);
  });
});
