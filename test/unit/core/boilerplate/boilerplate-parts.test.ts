import { describe, expect, it } from 'vitest';
import { segments } from '../../../../src/core/boilerplate/segments.ts';
import { onSite } from '../../../../src/core/boilerplate/site.ts';

describe('segments', () => {
  it('splits sentences and bracketed parts, with offsets into the paragraph', () => {
    const p = 'He said so. (ANI) (This is an auto-generated story.) Last one!';
    const parts = segments(p);
    expect(parts.map((s) => s.text)).toEqual(['He said so.', 'ANI)', 'This is an auto-generated story.)', 'Last one!']);
    for (const s of parts) expect(p.slice(s.start, s.end)).toMatch(/^\(?/);
    expect(p.slice(parts[2]!.start, parts[2]!.end)).toBe('(This is an auto-generated story.)');
    expect(parts[2]!.words).toBe(5);
  });

  it('keeps initials and numbers inside a sentence', () => {
    expect(segments('The U.S. rate rose 0.5 per cent on Monday.').map((s) => s.text)).toEqual(['The U.S. rate rose 0.5 per cent on Monday.']);
  });
});

describe('onSite', () => {
  it('matches a site name to its own host', () => {
    expect(onSite('Vanguard News', 'https://www.vanguardngr.com/x')).toBe(true);
    expect(onSite('Microsoft 365 Developer Blog', 'https://devblogs.microsoft.com/microsoft365dev/x')).toBe(true);
    expect(onSite('Evotec', 'https://evotec.xyz/post')).toBe(true);
  });

  it('does not match another site, a generic host part, or a bad address', () => {
    expect(onSite('Vanguard News', 'https://potshoot38.rssing.com/chan-1/article142.html')).toBe(false);
    expect(onSite('The News Minute', 'https://news.example.com/x')).toBe(false);
    expect(onSite('Vanguard News', 'not a url')).toBe(false);
  });
});
