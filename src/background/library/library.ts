/**
 * The reference library (bundled + the user's) and the engine built over it. Loaded once per worker
 * wake (the user's restored from their packs, nothing fingerprinted again) and kept in memory until the
 * user's references change. A failure to build the engine is reported to the caller and retried on the
 * next check, never cached.
 */
import bundled from 'virtual:spinscope/library';
import { createEngine, type CheckOptions, type Engine, type PageInput } from '../../core/index.ts';
import { loadStored } from '../../core/pack/segment.ts';
import type { Reference } from '../../core/types.ts';
import { referenceStore, type RestoredLibrary } from './reference-db.ts';
import { ext } from '../../shared/browser/browser.ts';
import { sourceFreeAnalyser } from './source-free.ts';
import { keptIndexesFor, libraryKey, readKeptIndexes, saveIndexes } from './index-cache.ts';
import { restoreUserLibrary } from './user-references.ts';

export interface LoadTimings {
  /** Milliseconds from the worker's start to the end of its top-level code (parsing the bundle included). */
  scriptMs: number;
  /**
   * Reading the user's references from IndexedDB and restoring them from their packs, with the kept indexes
   * read alongside (and the fingerprints, when those indexes cannot be used).
   */
  userMs: number;
  /** Of which: reading the segments' heads from IndexedDB, and checking and decoding them. */
  packReadMs: number;
  packDecodeMs: number;
  /** From the start until the user's references were restored (the kept indexes read alongside may take longer). */
  libraryMs: number;
  /** From the start until the kept indexes were read (alongside the heads). */
  indexReadMs: number;
  /** Building the engine's index over all references (loading the source-free tables included). */
  engineMs: number;
  /** Whether the indexes were restored as kept from an earlier wake (else built, and kept for the next). */
  indexesKept: boolean;
  /** The first check this engine made, reading the texts it needed included: what a reader waits for after a wake, with userMs and engineMs. */
  firstCheckMs: number | null;
  references: number;
  /** Bytes held by the engine's indexes. */
  indexBytes: number;
}

/** The engine as the worker uses it: `prepare` reads the texts a check of the page may need, before the check. */
export interface WorkerEngine extends Engine {
  prepare(page: PageInput, options?: CheckOptions): Promise<void>;
}

let engine: Promise<WorkerEngine> | null = null;
let scriptMs = 0;

/** Called at the end of the worker's top-level code: how long evaluating the bundle took. */
export function markScriptEvaluated(): void {
  scriptMs = performance.now();
}
let lastTimings: LoadTimings | null = null;

export function getEngine(): Promise<WorkerEngine> {
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

async function build(): Promise<WorkerEngine> {
  const t0 = performance.now();
  // Read side by side: the analyser's tables, the kept indexes and the library.
  const analyser = sourceFreeAnalyser();
  let indexReadMs = 0;
  const kept = readKeptIndexes().then((value) => ((indexReadMs = performance.now() - t0), value));
  let restored: RestoredLibrary | null = null;
  try {
    restored = await restoreUserLibrary();
  } catch (e) {
    // A broken database must not take the bundled library down with it.
    console.warn('Spinscope: user references unavailable', e);
  }
  const libraryMs = performance.now() - t0;
  const bundledRefs = bundledReferences();
  const library = (user: RestoredLibrary) => {
    const all = [...bundledRefs, ...user.references];
    return { user, all, key: libraryKey(bundledRefs, user) };
  };
  let { user, all, key } = library(restored ?? { references: [], prepared: [] });
  const prebuilt = keptIndexesFor(await kept, key);
  // Without kept indexes the engine indexes every reference: their fingerprints and metadata are read now
  // (records of the form before packs were packed by the read above).
  if (!prebuilt && restored) ({ user, all, key } = library(await referenceStore().restore({ arrays: true, metadata: true })));
  const t1 = performance.now();
  const prepared = [...bundledRefs.map(() => undefined), ...user.prepared];
  const built = createEngine(all, { analyser: await analyser, prepared, ...(prebuilt ? { prebuilt } : {}) });
  if (!prebuilt) saveIndexes(key, built.indexes);
  const t2 = performance.now();
  const timings: LoadTimings = {
    scriptMs, userMs: t1 - t0, packReadMs: user.readMs ?? 0, packDecodeMs: user.decodeMs ?? 0, libraryMs, indexReadMs, engineMs: t2 - t1, indexesKept: Boolean(prebuilt), firstCheckMs: null, references: all.length, indexBytes: built.indexBytes,
  };
  const publish = () => {
    lastTimings = { ...timings };
    // Kept where tests and benchmarks can read it; nothing leaves the browser.
    void ext().storage.session.set({ diagnostics: lastTimings }).catch(() => undefined);
  };
  publish();
  let firstStarted: number | null = null;
  return {
    ...built,
    // The user's texts stay in IndexedDB until a check needs one: a wake reads none of them.
    prepare: (page, options) => {
      firstStarted ??= performance.now();
      return loadStored(built.needs(page, options).map((i) => all[i]!), 'texts');
    },
    check(page, options) {
      if (timings.firstCheckMs !== null) return built.check(page, options);
      // The first check's time includes reading the texts it needed.
      const started = firstStarted ?? performance.now();
      const result = built.check(page, options);
      timings.firstCheckMs = performance.now() - started;
      publish();
      return result;
    },
  };
}
