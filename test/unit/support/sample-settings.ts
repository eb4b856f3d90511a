/** A current settings value with every field moved off its default: what the settings tests start from. */
import { SETTINGS_VERSION, type Settings } from '../../../src/shared/storage/settings.ts';

export const CUSTOM_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  bannersEnabled: false,
  sensitivity: 'high',
  trustedSites: ['bbc.co.uk', 'reuters.com'],
  skippedSites: ['example.org'],
  learnFromTrusted: true,
  learnPerSite: 5,
  learnTotal: 50,
};
