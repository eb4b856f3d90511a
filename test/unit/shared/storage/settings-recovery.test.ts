/** Damaged settings are repaired field by field, reported and kept aside; old versions migrate losslessly. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, parseSettings, type Settings } from '../../../../src/shared/storage/settings.ts';
import { SETTINGS_SET_ASIDE_KEY, loadSettings } from '../../../../src/shared/storage/storage.ts';
import { installFakeBrowser, type FakeBrowser } from '../../support/fake-browser.ts';
import { CUSTOM_SETTINGS } from '../../support/sample-settings.ts';

const current: Settings = CUSTOM_SETTINGS;

let fake: FakeBrowser;
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fake = installFakeBrowser();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('a stored settings value that is not an object', () => {
  it.each<[string, unknown]>([
    ['a string', 'bannersEnabled=false'],
    ['an array', [current]],
    ['null', null],
    ['a number', 2],
  ])('(%s) gives the defaults, is reported, and is kept aside when repaired', async (_name, stored) => {
    expect(parseSettings(stored)).toEqual({ settings: DEFAULT_SETTINGS, problems: ['settings: not an object, defaults used'], changed: true });

    fake.local.data.set('settings', stored);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(fake.local.data.get('settings')).toEqual(DEFAULT_SETTINGS);
    expect(fake.local.data.get(SETTINGS_SET_ASIDE_KEY)).toMatchObject({ value: stored, problems: ['settings: not an object, defaults used'] });
    expect(warn).toHaveBeenCalledWith('Spinscope: stored settings repaired:', ['settings: not an object, defaults used']);
  });
});

describe('a stored settings object with some damage', () => {
  it('defaults only the one field of the wrong type and keeps every other value', () => {
    const r = parseSettings({ ...current, sensitivity: 3 });
    expect(r.settings).toEqual({ ...current, sensitivity: DEFAULT_SETTINGS.sensitivity });
    expect(r.problems).toEqual(['sensitivity: invalid value, default used']);
    expect(r.changed).toBe(true);
  });

  it('drops and reports unknown fields, "__proto__" included, without polluting anything', () => {
    const stored = JSON.parse(JSON.stringify({ ...current, colour: 'red' }).replace(/}$/, ',"__proto__":{"polluted":true}}'));
    const r = parseSettings(stored);
    expect(r.settings).toEqual(current);
    expect(Object.keys(r.settings).sort()).toEqual(Object.keys(current).sort());
    expect(r.problems).toEqual(['colour: unknown field dropped', '__proto__: unknown field dropped']);
    expect(r.changed).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops only the invalid entries of the trusted sites', () => {
    const r = parseSettings({ ...current, trustedSites: ['bbc.co.uk', 42, 'not a domain', 'reuters.com', null, 'apnews.com', ''] });
    expect(r.settings).toEqual({ ...current, trustedSites: ['bbc.co.uk', 'reuters.com', 'apnews.com'] });
    expect(r.problems).toEqual(['trustedSites: 3 invalid entries dropped']);
  });

  it('stores the repaired value and keeps the damaged one aside', async () => {
    const stored = { ...current, bannersEnabled: 'no' };
    fake.local.data.set('settings', stored);
    const s = await loadSettings();
    expect(s).toEqual({ ...current, bannersEnabled: true });
    expect(fake.local.data.get('settings')).toEqual(s);
    expect(fake.local.data.get(SETTINGS_SET_ASIDE_KEY)).toMatchObject({ value: stored, problems: ['bannersEnabled: invalid value, default used'] });
  });
});

describe('an update from settings version 1', () => {
  const v1 = {
    version: 1,
    showBanners: false,
    trusted: 'bbc.co.uk\r\nreuters.com\n\nnews.example.org\n',
    sensitivity: 'high',
    skippedSites: ['example.com', 'ads.example.net'],
    learnFromTrusted: true,
  };
  const migrated: Settings = {
    version: SETTINGS_VERSION,
    bannersEnabled: false,
    sensitivity: 'high',
    trustedSites: ['bbc.co.uk', 'reuters.com', 'news.example.org'],
    skippedSites: ['example.com', 'ads.example.net'],
    learnFromTrusted: true,
    learnPerSite: 20,
    learnTotal: 200,
  };

  it('keeps every value, reports nothing as broken, and asks for the new version to be stored', () => {
    expect(parseSettings(v1)).toEqual({ settings: migrated, problems: [], changed: true });
  });

  it('is idempotent: the migrated value reads back unchanged and is not rewritten', () => {
    const once = parseSettings(v1).settings;
    expect(parseSettings(once)).toEqual({ settings: migrated, problems: [], changed: false });
    expect(parseSettings(structuredClone(once))).toEqual(parseSettings(once));
  });

  it('does not report the fields version 1 left out as broken', () => {
    expect(parseSettings({ version: 1, sensitivity: 'low' })).toEqual({
      settings: { ...DEFAULT_SETTINGS, sensitivity: 'low' },
      problems: [],
      changed: true,
    });
  });

  it('is written back once, in the new version, with nothing set aside', async () => {
    fake.local.data.set('settings', v1);
    const set = vi.spyOn(fake.local, 'set');
    expect(await loadSettings()).toEqual(migrated);
    expect(await loadSettings()).toEqual(migrated);
    expect(set).toHaveBeenCalledTimes(1);
    expect(fake.local.data.get('settings')).toEqual(migrated);
    expect(fake.local.data.has(SETTINGS_SET_ASIDE_KEY)).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('an update from settings version 2', () => {
  it('adds the learning caps at their defaults and keeps everything else', () => {
    const { learnPerSite: _a, learnTotal: _b, ...v2 } = { ...CUSTOM_SETTINGS, version: 2 };
    const r = parseSettings(v2);
    expect(r).toEqual({ settings: { ...CUSTOM_SETTINGS, learnPerSite: 20, learnTotal: 200 }, problems: [], changed: true });
  });

  it('refuses a cap above its ceiling, keeping the default', () => {
    const r = parseSettings({ ...CUSTOM_SETTINGS, learnTotal: 1e9 });
    expect(r.settings.learnTotal).toBe(200);
    expect(r.problems).toEqual(['learnTotal: invalid value, default used']);
  });
});
