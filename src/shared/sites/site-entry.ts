/**
 * The syntax of a stored site entry: a lowercase host name (IDN in punycode), an IPv4/IPv6 address
 * or localhost. No Public Suffix List here, so the content script can validate settings without
 * carrying it; domains.ts adds the PSL policy where entries are typed, imported or matched.
 */
export type EntryError = 'empty' | 'invalid' | 'too-long';
export type EntryCheck = { ok: true; value: string } | { ok: false; reason: EntryError };

/** Most entries one site list holds. */
export const MAX_SITES = 5000;

const MAX_HOST = 253;

export function normalizeHost(input: string): EntryCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'empty' };
  if (raw.length > MAX_HOST + 64) return { ok: false, reason: 'too-long' };
  let host: string;
  try {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'invalid' };
    if (url.username || url.password) return { ok: false, reason: 'invalid' };
    host = url.hostname.replace(/\.$/, '').toLowerCase();
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!host) return { ok: false, reason: 'invalid' };
  if (host.length > MAX_HOST) return { ok: false, reason: 'too-long' };
  if (isIpOrLocal(host)) return { ok: true, value: host };
  const labels = host.split('.');
  if (labels.length < 2 || !/^[a-z0-9.-]+$/.test(host) || labels.some((l) => !l || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) {
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, value: host };
}

export function isIpOrLocal(host: string): boolean {
  return host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || /^\[[0-9a-f:.]+\]$/.test(host);
}
