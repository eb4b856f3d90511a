/**
 * The settings schema: one typed object, a version, migrations from older versions, and a
 * field-by-field validator. A corrupt or half-written value never crashes a context: each broken
 * field falls back to its default and the rest is kept.
 */
import { DEFAULT_SENSITIVITY, SENSITIVITIES, type Sensitivity } from '../../core/vocabulary.ts';
import { MAX_SITES, normalizeHost } from '../sites/site-entry.ts';

export const SETTINGS_VERSION = 3;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Show the in-page banner for warnings; when off the toolbar badge alone tells. */
  bannersEnabled: boolean;
  sensitivity: Sensitivity;
  /** Sites whose articles are never called copies; registrable domains cover their subdomains. */
  trustedSites: string[];
  /** Sites the content script never reads. */
  skippedSites: string[];
  /** Articles read on trusted sites join the user's references. */
  learnFromTrusted: boolean;
  /** Most articles learned from one site, and in all: a trusted site cannot flood the library. */
  learnPerSite: number;
  learnTotal: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  bannersEnabled: true,
  sensitivity: DEFAULT_SENSITIVITY,
  trustedSites: [],
  skippedSites: [],
  learnFromTrusted: false,
  learnPerSite: 20,
  learnTotal: 200,
});

/** The caps can be lowered, never raised past these. */
export const MAX_LEARN_PER_SITE = 100;
export const MAX_LEARN_TOTAL = 1000;

export interface ParsedSettings {
  settings: Settings;
  /** One line per repaired field; empty when the stored value was valid and current. */
  problems: string[];
  /** True when the stored value must be written back (migrated or repaired). */
  changed: boolean;
}

type Raw = Record<string, unknown>;

/**
 * Migrations, indexed by the version they upgrade from. Version 1 (the first release) stored the
 * banner switch as `showBanners` and the trusted sites as one newline-separated string `trusted`.
 */
const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  1: (old) => {
    const { showBanners, trusted, ...rest } = old;
    const next: Raw = { ...rest, version: 2 };
    // Only fields that were there: an absent one is a default, not a broken value to report.
    if ('showBanners' in old) next.bannersEnabled = showBanners;
    if ('trusted' in old) next.trustedSites = typeof trusted === 'string' ? trusted.split(/\r?\n/) : trusted;
    return next;
  },
  // Version 3 caps learning; a library that learned more before keeps it, only new learning stops.
  2: (old) => ({ ...old, version: 3, learnPerSite: DEFAULT_SETTINGS.learnPerSite, learnTotal: DEFAULT_SETTINGS.learnTotal }),
};

export function parseSettings(stored: unknown): ParsedSettings {
  if (stored === undefined) return { settings: defaults(), problems: [], changed: false };
  // Nothing this extension writes is null, so a stored null is damage like any other non-object.
  if (!isPlainObject(stored)) {
    return { settings: defaults(), problems: ['settings: not an object, defaults used'], changed: true };
  }
  const problems: string[] = [];
  let raw: Raw = { ...stored };
  let changed = false;
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 1;
  if (raw.version !== version) problems.push('version: missing or invalid, read as version 1');
  const newer = version > SETTINGS_VERSION;
  if (newer) {
    // Written by a newer build: read the fields this build knows, leave the value as it is.
    problems.push(`version: ${version} is newer than ${SETTINGS_VERSION}; known fields read`);
    version = SETTINGS_VERSION;
  }
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) {
      problems.push(`version: no migration from ${version}; fields read as current`);
      break;
    }
    raw = step(raw);
    version += 1;
    changed = true;
  }

  const s = defaults();
  s.bannersEnabled = field(raw, 'bannersEnabled', isBoolean, s.bannersEnabled, problems);
  s.learnFromTrusted = field(raw, 'learnFromTrusted', isBoolean, s.learnFromTrusted, problems);
  s.sensitivity = field(raw, 'sensitivity', isSensitivity, s.sensitivity, problems);
  s.learnPerSite = field(raw, 'learnPerSite', count(MAX_LEARN_PER_SITE), s.learnPerSite, problems);
  s.learnTotal = field(raw, 'learnTotal', count(MAX_LEARN_TOTAL), s.learnTotal, problems);
  s.trustedSites = siteList(raw, 'trustedSites', problems);
  s.skippedSites = siteList(raw, 'skippedSites', problems);
  if (!newer) {
    for (const key of Object.keys(raw)) if (!Object.prototype.hasOwnProperty.call(s, key)) problems.push(`${key.slice(0, 40)}: unknown field dropped`);
  }
  // A value from a newer build is never overwritten with this build's narrower view of it.
  return { settings: s, problems, changed: !newer && (changed || problems.length > 0) };
}

function defaults(): Settings {
  return { ...DEFAULT_SETTINGS, trustedSites: [], skippedSites: [] };
}

function field<T>(raw: Raw, key: string, ok: (v: unknown) => v is T, fallback: T, problems: string[]): T {
  if (!(key in raw)) return fallback;
  const v = raw[key];
  if (ok(v)) return v;
  problems.push(`${key}: invalid value, default used`);
  return fallback;
}

/**
 * Keeps every well-formed entry of a site list, drops (and reports) the rest. The public-suffix
 * policy is applied where entries come in (domains.ts); matching with the PSL never lets a stray
 * suffix entry cover a site, so it is not repeated here, where every context must be able to read.
 */
function siteList(raw: Raw, key: string, problems: string[]): string[] {
  if (!(key in raw)) return [];
  const v = raw[key];
  if (!Array.isArray(v)) {
    problems.push(`${key}: not a list, emptied`);
    return [];
  }
  const out: string[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const item of v.slice(0, MAX_SITES)) {
    const check = typeof item === 'string' ? normalizeHost(item) : null;
    if (check?.ok) {
      if (!seen.has(check.value)) {
        seen.add(check.value);
        out.push(check.value);
      }
    } else if (!(typeof item === 'string' && item.trim() === '')) {
      dropped += 1;
    }
  }
  if (v.length > MAX_SITES) problems.push(`${key}: more than ${MAX_SITES} entries, rest dropped`);
  if (dropped) problems.push(`${key}: ${dropped} invalid entr${dropped === 1 ? 'y' : 'ies'} dropped`);
  return out;
}

function isPlainObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}
function count(max: number): (v: unknown) => v is number {
  return (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= max;
}
function isSensitivity(v: unknown): v is Sensitivity {
  return typeof v === 'string' && (SENSITIVITIES as readonly string[]).includes(v);
}
