import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, createSourceFreeAnalyser, decodeTables, type Engine, type EngineOptions, type Reference, type SourceFreeAnalyser } from '../core/index.ts';

/** The tables the build copies into the extension; Node reads them from the source tree. */
export const SOURCE_FREE_TABLES_FILE = fileURLToPath(new URL('../public/data/source-free.bin', import.meta.url));
/** Where the compiled command finds its copy (beside dist-cli/spinscope.js). */
const COMPILED_TABLES_FILE = fileURLToPath(new URL('./data/source-free.bin', import.meta.url));

let analyser: SourceFreeAnalyser | null = null;

/** The source-free analyser over the bundled tables, read once per process. */
export function nodeSourceFreeAnalyser(): SourceFreeAnalyser {
  if (analyser) return analyser;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(existsSync(COMPILED_TABLES_FILE) ? COMPILED_TABLES_FILE : SOURCE_FREE_TABLES_FILE));
  } catch (e) {
    throw new Error(`cannot read the source-free tables (${SOURCE_FREE_TABLES_FILE}): ${(e as Error).message}`);
  }
  return (analyser = createSourceFreeAnalyser(decodeTables(bytes)));
}

/** The engine as the command and the evaluation run it: with the source-free analyser. */
export function createNodeEngine(references: readonly Reference[], prepared?: EngineOptions['prepared']): Engine {
  return createEngine(references, { analyser: nodeSourceFreeAnalyser(), ...(prepared ? { prepared } : {}) });
}
