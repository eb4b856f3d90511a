/**
 * How many learned references the library keeps. Kept under its own storage key beside the settings: a
 * cap on stored data, not a preference the pages react to.
 */
import { ext } from '../browser/browser.ts';

const KEY = 'library-limits';
/** The choices the options page offers; the largest is what the stated storage budget covers. */
export const LEARNED_CAPS = [1_000, 5_000, 20_000, 50_000] as const;
export const DEFAULT_LEARNED_CAP = 50_000;

export async function loadLearnedCap(): Promise<number> {
  const stored = (await ext().storage.local.get(KEY))[KEY] as { learnedCap?: unknown } | undefined;
  const cap = stored?.learnedCap;
  return typeof cap === 'number' && (LEARNED_CAPS as readonly number[]).includes(cap) ? cap : DEFAULT_LEARNED_CAP;
}

export async function saveLearnedCap(cap: number): Promise<void> {
  if (!(LEARNED_CAPS as readonly number[]).includes(cap)) throw new Error(`not a learned-reference cap: ${cap}`);
  await ext().storage.local.set({ [KEY]: { learnedCap: cap } });
}
