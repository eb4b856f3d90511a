/** Generates the synthetic library on worker threads (one per core), with each reference's fingerprints. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Reference } from '../../src/core/index.ts';
import type { WorkerReply, WorkerRequest } from './library-worker.ts';
import { nowNs } from './timing.ts';

export interface GeneratedLibrary {
  references: Reference[];
  prints: Uint32Array[];
  stories: Uint32Array[];
  words: number;
  chars: number;
  workers: number;
  wallNs: number;
  /** References whose fingerprints were also computed through `tokenize`, and how many differed. */
  verified: number;
  mismatches: number;
}

function runWorker(request: WorkerRequest): Promise<WorkerReply> {
  // Worker threads do not inherit the TypeScript loader: register it before importing the worker module.
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./library-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: request });
    worker.once('message', (reply: WorkerReply) => {
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`library worker exited with code ${code}`));
    });
  });
}

export async function generateLibrary(n: number): Promise<GeneratedLibrary> {
  const workers = Math.max(1, Math.min(4, availableParallelism()));
  const t0 = nowNs();
  const slices: WorkerRequest[] = [];
  for (let w = 0; w < workers; w++) {
    slices.push({ from: Math.floor((n * w) / workers), to: Math.floor((n * (w + 1)) / workers), verifyEvery: 97 });
  }
  const replies = await Promise.all(slices.map(runWorker));
  const wallNs = Number(nowNs() - t0);
  const out: GeneratedLibrary = {
    references: [], prints: [], stories: [], words: 0, chars: 0, workers, wallNs, verified: 0, mismatches: 0,
  };
  for (const r of replies) {
    for (const ref of r.references) out.references.push(ref);
    for (let i = 0; i + 1 < r.offsets.length; i++) out.prints.push(r.flat.subarray(r.offsets[i]!, r.offsets[i + 1]!));
    for (let i = 0; i + 1 < r.storyOffsets.length; i++) out.stories.push(r.storyFlat.subarray(r.storyOffsets[i]!, r.storyOffsets[i + 1]!));
    out.words += r.words;
    out.chars += r.chars;
    out.verified += r.verified;
    out.mismatches += r.mismatches;
  }
  return out;
}
