/** Imported first by every entry point: installs the real (polyfilled) browser API. */
import browser from 'webextension-polyfill';
import { setBrowser } from './browser.ts';

setBrowser(browser);
