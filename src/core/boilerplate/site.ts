/** Parts of a host name that say nothing about whose site it is. */
const GENERIC_LABELS = new Set(['www', 'm', 'amp', 'com', 'org', 'net', 'co', 'in', 'uk', 'de', 'fr', 'es', 'ng', 'news', 'blog', 'blogs', 'edu', 'gov', 'info']);

const compact = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Whether the site a footer names ("Vanguard News", "Microsoft 365 Developer Blog") is the site at `url`
 * (vanguardngr.com, devblogs.microsoft.com): a distinctive label of the host and a word of the name, one
 * inside or at the start of the other.
 */
export function onSite(siteName: string, url: string): boolean {
  const host = /^[a-z][a-z\d+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (!host) return false;
  const name = compact(siteName);
  const words = siteName.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
  return host
    .split('.')
    .filter((label) => label.length >= 3 && !GENERIC_LABELS.has(label))
    .some((label) => name.includes(compact(label)) || words.some((w) => label.startsWith(w)));
}
