/**
 * Multi-tenant platforms: trusting one silences every author on it. The Public Suffix List's private
 * section names most of them (github.io, blogspot.com; entries the site lists refuse anyway); the rest
 * (medium.com, substack.com, …) are a short data list.
 */
import { getDomain, parse } from 'tldts';
import platforms from './shared-platforms.json';

const KNOWN = new Set<string>(platforms.sites);

/** Whether trusting `site` (a stored entry) would trust a platform many people publish on. */
export function isSharedPlatform(site: string): boolean {
  const s = site.toLowerCase();
  const icann = getDomain(s, { allowPrivateDomains: false }) ?? s;
  if (KNOWN.has(s) || KNOWN.has(icann)) return true;
  // A private-section suffix: each name under it is someone else's site.
  const under = parse(`x.${s}`, { allowPrivateDomains: true });
  return under.isPrivate === true && under.publicSuffix === s;
}
