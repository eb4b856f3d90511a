import { describe, expect, it } from 'vitest';
import { isSharedPlatform } from '../../../../src/shared/sites/platforms.ts';

describe('shared platforms', () => {
  it('knows the platforms of the short list and their subdomains', () => {
    for (const s of ['google.com', 'medium.com', 'substack.com', 'archive.org', 'sites.google.com']) expect(isSharedPlatform(s), s).toBe(true);
  });
  it('knows the private section of the Public Suffix List', () => {
    for (const s of ['github.io', 'blogspot.com', 'netlify.app', 'herokuapp.com']) expect(isSharedPlatform(s), s).toBe(true);
  });
  it('leaves one publisher, or one tenant of a platform, alone', () => {
    for (const s of ['bbc.co.uk', 'reuters.com', 'someone.github.io', 'someone.blogspot.com', 'localhost', '127.0.0.1']) expect(isSharedPlatform(s), s).toBe(false);
  });
});
