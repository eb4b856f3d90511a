/**
 * The one door to the WebExtension API. Every module asks `ext()` instead of importing the polyfill,
 * so unit tests can install an in-memory fake with `setBrowser()` and nothing touches a real browser.
 */
import type { Browser } from 'webextension-polyfill';

export type Ext = Browser;

let current: Ext | null = null;

export function setBrowser(api: Ext): void {
  current = api;
}

export function ext(): Ext {
  if (!current) throw new Error('browser API not installed');
  return current;
}
