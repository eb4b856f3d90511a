/**
 * Host matching for the content script, which runs on every page and so must stay small: the
 * Public Suffix List (tldts, ~140 kB) stays out of it. Entries were normalised and checked against
 * the PSL when they were stored (settings.ts rejects public suffixes), so a label-by-label match
 * here cannot cover unrelated sites: "bbc.co.uk" covers "news.bbc.co.uk", never "evilbbc.co.uk".
 */
export function hostUnder(host: string, entry: string): boolean {
  const h = host.replace(/\.$/, '').toLowerCase();
  return h === entry || h.endsWith('.' + entry);
}

export function hostUnderAny(host: string, entries: readonly string[]): boolean {
  return entries.some((e) => hostUnder(host, e));
}
