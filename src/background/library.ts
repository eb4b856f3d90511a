/**
 * The reference library (bundled + the user's) and the engine built over it. Loaded once per worker
 * wake and kept in memory until the user's references change. A failure to build the engine is
 * reported to the caller and retried on the next check, never cached.
 */
import bundled from 'virtual:spinscope/library';
import { createEngine, type Engine } from '../core/index.ts';
import type { Reference } from '../core/types.ts';
import { ext } from '../shared/browser.ts';
import { sourceFreeAnalyser } from './source-free.ts';
import { loadUserReferences } from './user-references.ts';

export interface LoadTimings {
  /** Milliseconds from the worker's start to the end of its top-level code (parsing the bundle included). */
  scriptMs: number;
  /** Reading the user's references from IndexedDB. */
  userMs: number;
  /** Building the engine's index over all references. */
  engineMs: number;
  references: number;
}

let engine: Promise<Engine> | null = null;
let scriptMs = 0;

/** Called at the end of the worker's top-level code: how long evaluating the bundle took. */
export function markScriptEvaluated(): void {
  scriptMs = performance.now();
}
let lastTimings: LoadTimings | null = null;

export function getEngine(): Promise<Engine> {
  engine ??= build().catch((e: unknown) => {
    engine = null;
    throw e;
  });
  return engine;
}

/** Called after the user's references change; the next check rebuilds. */
export function invalidateEngine(): void {
  engine = null;
}

export function bundledReferences(): readonly Reference[] {
  return Array.isArray(bundled) ? bundled : [];
}

export function loadTimings(): LoadTimings | null {
  return lastTimings;
}

async function build(): Promise<Engine> {
  const t0 = performance.now();
  let user: Reference[] = [];
  try {
    user = (await loadUserReferences()).references;
  } catch (e) {
    // A broken database must not take the bundled library down with it.
    console.warn('Spinscope: user references unavailable', e);
  }
  const t1 = performance.now();
  const all = [...bundledReferences(), ...user];
  const built = createEngine(all, { analyser: await sourceFreeAnalyser() });
  const t2 = performance.now();
  lastTimings = { scriptMs, userMs: t1 - t0, engineMs: t2 - t1, references: all.length };
  // Kept where tests and benchmarks can read it; nothing leaves the browser.
  void ext().storage.session.set({ diagnostics: lastTimings }).catch(() => undefined);
  return built;
}
