/**
 * The yardstick: the least any matcher must do to read a text, one regex pass collecting each word's offsets
 * and its lower-case form.
 */
const WORD = /[\p{L}\p{N}]+/gu;

export interface BareTokens {
  words: string[];
  starts: Int32Array;
  ends: Int32Array;
}

export function bareTokenize(text: string): BareTokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    words.push(m[0].toLowerCase());
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
