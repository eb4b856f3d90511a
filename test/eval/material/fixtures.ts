/**
 * Committed fixtures for CI (which has the npm registry and Debian packages, nothing else): Apertium round
 * trips of Brown corpus press reportage, the one news text here whose licence permits redistribution.
 * Each item is a few paragraphs, so a fixture file stays small.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from './corpora.ts';
import { wordCount } from './fluent.ts';
import { debianVersion, roundTripBatch, type RoundTrip } from './roundtrip.ts';

export const FIXTURE_DIR = 'test/fixtures/paraphrase';

export interface FixtureItem {
  id: string;
  source: string;
  url: string;
  licence: string;
  original: string;
  rewritten: string;
}

export interface FixtureFile {
  tool: string;
  /** Debian package and version that produced the rewrites. */
  producedBy: string;
  description: string;
  items: FixtureItem[];
}

/** Consecutive paragraphs of one sample, from paragraph `from`, until at least 150 words (at most 260). */
function excerpt(paras: readonly string[], from: number): string | null {
  const out: string[] = [];
  for (let i = from; i < paras.length && wordCount(out.join(' ')) < 150; i++) out.push(paras[i]!);
  const words = wordCount(out.join(' '));
  return words >= 150 && words <= 260 ? out.join('\n') : null;
}

/**
 * `perMode` excerpts per language pair, each sample's excerpts spread over the pairs so no excerpt is
 * used twice: the first excerpt of every sample, then excerpts from further into the samples.
 */
export function pickExcerpts(samples: readonly Article[], count: number): { article: Article; text: string; at: number }[] {
  const picked: { article: Article; text: string; at: number }[] = [];
  for (const start of [0, 20, 40]) {
    for (const article of samples) {
      if (picked.length === count) return picked;
      const paras = article.text.split('\n');
      for (let at = start; at < Math.min(paras.length, start + 10); at++) {
        const text = excerpt(paras, at);
        if (text) {
          picked.push({ article, text, at });
          break;
        }
      }
    }
  }
  return picked;
}

export async function writeFixtures(samples: readonly Article[], modes: readonly RoundTrip[], perMode: number): Promise<number> {
  const excerpts = pickExcerpts(samples, modes.length * perMode);
  mkdirSync(FIXTURE_DIR, { recursive: true });
  let written = 0;
  for (const [m, mode] of modes.entries()) {
    const mine = excerpts.filter((_, i) => i % modes.length === m);
    const rewritten = await roundTripBatch(mode, mine.map((e) => e.text));
    const items: FixtureItem[] = mine.map(({ article, text, at }, i) => ({
      id: `${article.id}-p${at}~${mode.out}`,
      source: article.source,
      url: article.url,
      licence: article.licence,
      original: text,
      rewritten: rewritten[i]!,
    }));
    const file: FixtureFile = {
      tool: `apertium:${mode.out}`,
      producedBy: `${mode.pkg} ${debianVersion(mode.pkg)} (apertium -u ${mode.out}, then apertium -u ${mode.back})`,
      description: 'Round-trip machine translation of 1961 US press reportage: real translation-tool rewrites with their originals.',
      items,
    };
    writeFileSync(join(FIXTURE_DIR, `apertium-${mode.out}.json`), JSON.stringify(file, null, 2) + '\n');
    written += items.length;
  }
  return written;
}
