import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, parseSettings } from '../../../../src/shared/storage/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../../../../src/shared/storage/storage.ts';
import { installFakeBrowser, type FakeBrowser } from '../../support/fake-browser.ts';
import { CUSTOM_SETTINGS } from '../../support/sample-settings.ts';

describe('parseSettings', () => {
  it('gives defaults for nothing stored, without asking for a write', () => {
    const r = parseSettings(undefined);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.changed).toBe(false);
    expect(r.problems).toEqual([]);
  });

  it('reads a valid current value unchanged', () => {
    const stored = { ...CUSTOM_SETTINGS };
    const r = parseSettings(stored);
    expect(r.settings).toEqual(stored);
    expect(r.changed).toBe(false);
  });

  it.each([null, 42, 'settings', [], true])('falls back to defaults for a non-object (%s)', (v) => {
    const r = parseSettings(v);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs broken fields one by one and keeps the good ones', () => {
    const r = parseSettings({
      version: SETTINGS_VERSION,
      bannersEnabled: 'yes',
      sensitivity: 'extreme',
      trustedSites: ['bbc.co.uk', 7, 'localhost:99999', 'not a domain', 'https://www.Reuters.com/world', 'bbc.co.uk', '-bad-.com'],
      skippedSites: 'example.org',
      learnFromTrusted: true,
    });
    expect(r.settings.bannersEnabled).toBe(DEFAULT_SETTINGS.bannersEnabled);
    expect(r.settings.sensitivity).toBe('normal');
    expect(r.settings.trustedSites).toEqual(['bbc.co.uk', 'www.reuters.com']);
    expect(r.settings.skippedSites).toEqual([]);
    expect(r.settings.learnFromTrusted).toBe(true);
    expect(r.problems.length).toBeGreaterThanOrEqual(4);
    expect(r.changed).toBe(true);
  });

  it('migrates version 1 (showBanners, newline-separated trusted) to the current schema', () => {
    const r = parseSettings({ version: 1, showBanners: false, trusted: 'bbc.co.uk\nreuters.com\n', sensitivity: 'low' });
    expect(r.settings).toEqual({
      ...DEFAULT_SETTINGS,
      bannersEnabled: false,
      sensitivity: 'low',
      trustedSites: ['bbc.co.uk', 'reuters.com'],
    });
    expect(r.changed).toBe(true);
    expect(r.settings).not.toHaveProperty('showBanners');
    expect(r.settings).not.toHaveProperty('trusted');
  });

  it('reads a value without a version as version 1', () => {
    const r = parseSettings({ showBanners: false });
    expect(r.settings.bannersEnabled).toBe(false);
    expect(r.settings.version).toBe(SETTINGS_VERSION);
  });

  it('reads known fields of a newer version and never asks to overwrite it', () => {
    const r = parseSettings({ version: SETTINGS_VERSION + 1, bannersEnabled: false, futureField: 1 });
    expect(r.settings.bannersEnabled).toBe(false);
    expect(r.changed).toBe(false);
  });
});

describe('settings storage', () => {
  let fake: FakeBrowser;
  beforeEach(() => {
    fake = installFakeBrowser();
  });

  it('writes a repaired value back so every context reads the same', async () => {
    fake.local.data.set('settings', { version: 1, showBanners: false, trusted: 'bbc.co.uk' });
    const s = await loadSettings();
    expect(s.trustedSites).toEqual(['bbc.co.uk']);
    expect(fake.local.data.get('settings')).toEqual(s);
  });

  it('updates through a validated read-modify-write', async () => {
    fake.local.data.set('settings', 'garbage');
    const s = await updateSettings((cur) => ({ ...cur, trustedSites: [...cur.trustedSites, 'Example.COM', 'ex ample'] }));
    expect(s.trustedSites).toEqual(['example.com']);
    expect(fake.local.data.get('settings')).toEqual(s);
  });

  it('tells subscribers about changes with validated values, and stops when unsubscribed', async () => {
    const seen: boolean[] = [];
    const stop = onSettingsChanged((s) => seen.push(s.bannersEnabled));
    await updateSettings((s) => ({ ...s, bannersEnabled: false }));
    await fake.local.set({ settings: { version: SETTINGS_VERSION, bannersEnabled: 'broken' } });
    await fake.local.set({ other: 1 });
    stop();
    await updateSettings((s) => ({ ...s, bannersEnabled: false }));
    expect(seen).toEqual([false, true]);
  });
});
