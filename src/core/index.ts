/**
 * The engine's entry point. Everything here is pure TypeScript: no DOM, no browser API.
 */
export type * from './types.ts';
export { createEngine, type Engine, type CheckOptions, type EngineIndexes, type EngineOptions } from './engine.ts';
export { buildReference, type RawDocument } from './reference.ts';
export * from './vocabulary.ts';
export { createSourceFreeAnalyser, type SourceFreeAnalyser } from './source-free/analyse.ts';
export { decodeTables } from './source-free/tables.ts';
