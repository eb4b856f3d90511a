/**
 * Worker thread: generates a slice of the synthetic library with the fingerprints and story keys of each
 * reference, from the words the generator wrote (the same tokens `tokenize` reads, checked on a sample).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fingerprints } from '../../src/core/match/fingerprint.ts';
import { storyKeys } from '../../src/core/match/story.ts';
import { tokenize } from '../../src/core/text/text.ts';
import type { Reference } from '../../src/core/index.ts';
import { asReference, syntheticArticle } from './corpus.ts';

export interface WorkerRequest {
  from: number;
  to: number;
  /** Every this many references, fingerprints and story keys are also computed from `tokenize` and compared. */
  verifyEvery: number;
}

export interface WorkerReply {
  references: Reference[];
  /** Fingerprints of all references, concatenated; reference i owns flat[offsets[i]..offsets[i+1]). */
  flat: Uint32Array;
  offsets: Int32Array;
  /** Story-key hashes, laid out the same way. */
  storyFlat: Uint32Array;
  storyOffsets: Int32Array;
  words: number;
  chars: number;
  verified: number;
  mismatches: number;
}

const { from, to, verifyEvery } = workerData as WorkerRequest;
const references: Reference[] = [];
const prints: Uint32Array[] = [];
const stories: Uint32Array[] = [];
const same = (a: Uint32Array, b: Uint32Array) => a.length === b.length && a.every((v, k) => v === b[k]);
let words = 0;
let chars = 0;
let verified = 0;
let mismatches = 0;
for (let i = from; i < to; i++) {
  const article = syntheticArticle(i);
  const p = fingerprints(article.tokens);
  const story = storyKeys(article.tokens).hashes;
  if (i % verifyEvery === 0) {
    const tokens = tokenize(article.body);
    verified++;
    if (!same(p, fingerprints(tokens)) || !same(story, storyKeys(tokens).hashes)) mismatches++;
  }
  prints.push(p);
  stories.push(story);
  references.push(asReference(i, article));
  words += article.tokens.words.length;
  chars += article.body.length;
}
function pack(arrays: Uint32Array[]): { flat: Uint32Array; offsets: Int32Array } {
  const offsets = new Int32Array(arrays.length + 1);
  arrays.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
  const flat = new Uint32Array(offsets[arrays.length]!);
  arrays.forEach((p, i) => flat.set(p, offsets[i]!));
  return { flat, offsets };
}
const { flat, offsets } = pack(prints);
const { flat: storyFlat, offsets: storyOffsets } = pack(stories);
const reply: WorkerReply = { references, flat, offsets, storyFlat, storyOffsets, words, chars, verified, mismatches };
parentPort!.postMessage(reply, [flat.buffer, offsets.buffer, storyFlat.buffer, storyOffsets.buffer] as ArrayBuffer[]);
