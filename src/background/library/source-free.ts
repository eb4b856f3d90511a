/**
 * The source-free analyser's tables, shipped as a file of the extension and read once per worker wake:
 * one fetch of the extension's own resource and a few typed-array views, no parsing. Without them (a broken
 * install), checks go on with matches and boilerplate only.
 */
import { createSourceFreeAnalyser, decodeTables, type SourceFreeAnalyser } from '../../core/index.ts';
import { ext } from '../../shared/browser/browser.ts';

const TABLES_PATH = 'data/source-free.bin';

let analyser: Promise<SourceFreeAnalyser | null> | null = null;

export function sourceFreeAnalyser(): Promise<SourceFreeAnalyser | null> {
  analyser ??= load().catch((e: unknown) => {
    console.warn('Spinscope: source-free tables unavailable', e);
    analyser = null;
    return null;
  });
  return analyser;
}

async function load(): Promise<SourceFreeAnalyser> {
  const response = await fetch(ext().runtime.getURL(TABLES_PATH));
  if (!response.ok) throw new Error(`${TABLES_PATH}: HTTP ${response.status}`);
  return createSourceFreeAnalyser(decodeTables(new Uint8Array(await response.arrayBuffer())));
}
