/**
 * Site lists (trusted, skipped): normalising what a user typed and matching a page's host.
 * Registrable domains come from the Public Suffix List (tldts), never from string suffixes:
 * "evilbbc.co.uk" must not match "bbc.co.uk", and nobody can trust all of "co.uk".
 */
import { getDomain, parse } from 'tldts';
import { isIpOrLocal, normalizeHost, type EntryError } from './site-entry.ts';

/**
 * Private suffixes count too: on github.io or blogspot.com each subdomain is someone else's site,
 * so trusting one user's pages must not trust them all.
 */
const PSL = { allowPrivateDomains: true } as const;

export type DomainError = EntryError | 'public-suffix';
export type DomainCheck = { ok: true; value: string } | { ok: false; reason: DomainError };

/** Accepts "bbc.co.uk", "https://www.bbc.co.uk/news", "WWW.BBC.CO.UK." and returns a lowercase host; refuses public suffixes. */
export function normalizeDomainEntry(input: string): DomainCheck {
  const check = normalizeHost(input);
  if (!check.ok || isIpOrLocal(check.value)) return check;
  if (!getDomain(check.value, PSL)) return { ok: false, reason: 'public-suffix' };
  return check;
}

/**
 * A registrable-domain entry ("bbc.co.uk") covers every host whose registrable domain it is.
 * A host entry below it ("news.bbc.co.uk") covers that host and the hosts under it, matched label by label.
 * IPs and localhost match exactly.
 */
export function hostMatches(host: string, entry: string): boolean {
  const h = host.replace(/\.$/, '').toLowerCase();
  if (h === entry) return true;
  const info = parse(h, PSL);
  if (info.isIp || h === 'localhost' || !info.domain) return false;
  if (info.domain === entry) return true;
  // The entry lies under the host's registrable domain (so it is a real site, not a suffix):
  // the host must end with the entry's labels.
  if (getDomain(entry, PSL) !== info.domain) return false;
  const hl = h.split('.');
  const el = entry.split('.');
  if (el.length >= hl.length) return false;
  return el.every((label, i) => hl[hl.length - el.length + i] === label);
}

export function isHostListed(host: string, list: readonly string[]): boolean {
  return list.some((entry) => hostMatches(host, entry));
}

/**
 * Whether a page is covered by trust. Scheme and port are part of it: a trusted site is its https
 * pages on the default port, so a plain-http page (which anyone on the path can write) or another
 * service on an odd port of the same host is not. The reader's own machine (localhost, an IP) is
 * matched by host alone.
 */
export function isTrustedUrl(url: string, trusted: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const host = u.hostname.replace(/\.$/, '').toLowerCase();
  if (!host) return false;
  if (!isIpOrLocal(host) && (u.protocol !== 'https:' || u.port !== '')) return false;
  return isHostListed(host, trusted);
}

/** What "Trust this site" stores for a page: its registrable domain, or the bare host for IPs/localhost. */
export function siteKeyForUrl(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  return getDomain(host, PSL) ?? host;
}

export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/\.$/, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Adds entries to a list without losing any and without duplicates; keeps the list's order. */
export function mergeDomains(existing: readonly string[], added: readonly string[]): string[] {
  const out = [...existing];
  const seen = new Set(existing);
  for (const d of added) {
    if (!seen.has(d)) {
      seen.add(d);
      out.push(d);
    }
  }
  return out;
}

/** Removes every entry that covers the host, so "untrust" works however the entry was written. */
export function removeCovering(list: readonly string[], host: string): string[] {
  return list.filter((entry) => !hostMatches(host, entry));
}
