/**
 * Parses a trusted-sites import: plain text (one site per line, `#` comments) or JSON (a list of
 * strings, or an object with a `trustedSites` list as the export writes it). Every invalid line is
 * reported on its own and the valid ones are kept.
 */
import { normalizeDomainEntry, type DomainError } from './domains.ts';
import { MAX_SITES } from './site-entry.ts';

export interface ImportError {
  /** 1-based line (text) or item (JSON) number. */
  line: number;
  text: string;
  reason: DomainError | 'not-text' | 'bad-json' | 'too-many';
}

export interface SiteImport {
  sites: string[];
  errors: ImportError[];
}

export function parseSiteImport(input: string): SiteImport {
  const trimmed = input.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return parseJson(trimmed);
  return collect(input.split(/\r?\n/).map((line) => line.replace(/(^|\s)#.*$/, '')), true);
}

function parseJson(input: string): SiteImport {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch {
    return { sites: [], errors: [{ line: 1, text: input.slice(0, 80), reason: 'bad-json' }] };
  }
  const items = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null && Array.isArray((data as { trustedSites?: unknown }).trustedSites)
      ? (data as { trustedSites: unknown[] }).trustedSites
      : null;
  if (!items) return { sites: [], errors: [{ line: 1, text: input.slice(0, 80), reason: 'bad-json' }] };
  return collect(items, false);
}

function collect(items: unknown[], skipBlank: boolean): SiteImport {
  const sites: string[] = [];
  const seen = new Set<string>();
  const errors: ImportError[] = [];
  items.forEach((item, i) => {
    const line = i + 1;
    if (typeof item !== 'string') {
      errors.push({ line, text: String(JSON.stringify(item)).slice(0, 80), reason: 'not-text' });
      return;
    }
    if (skipBlank && item.trim() === '') return;
    const check = normalizeDomainEntry(item);
    if (!check.ok) {
      errors.push({ line, text: item.trim().slice(0, 80), reason: check.reason });
      return;
    }
    if (seen.has(check.value)) return;
    if (sites.length >= MAX_SITES) {
      errors.push({ line, text: item.trim().slice(0, 80), reason: 'too-many' });
      return;
    }
    seen.add(check.value);
    sites.push(check.value);
  });
  return { sites, errors };
}

/** The export format, read back by `parseSiteImport`. */
export function exportSitesJson(sites: readonly string[]): string {
  return JSON.stringify({ trustedSites: sites }, null, 2);
}

export function exportSitesText(sites: readonly string[]): string {
  return sites.join('\n') + (sites.length ? '\n' : '');
}
