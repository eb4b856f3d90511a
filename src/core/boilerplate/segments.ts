/** A sentence or bracketed part of a paragraph, with offsets into the paragraph. */
export interface Segment {
  text: string;
  start: number;
  end: number;
  words: number;
}

/** Where a new part starts: after a sentence end before a capital or a quote, or at an opening bracket. */
const BOUNDARY = /(?<=[.!?…]["'”’»)\]]*)\s+(?=[\p{Lu}"“‘'¿¡])|\s+(?=[([])/gu;

/**
 * Splits a paragraph into sentences and bracketed parts, so that a rule can match a disclaimer that was glued
 * to the end of the paragraph before it ("… said. (ANI) (This story has not been edited …)"). A part that
 * opens with a bracket is handed over without it.
 */
export function segments(paragraph: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  const push = (to: number) => {
    let start = from;
    while (start < to && /[\s([]/.test(paragraph[start]!)) start++;
    const text = paragraph.slice(start, to).trimEnd();
    if (text) out.push({ text, start: paragraph[from] === '(' || paragraph[from] === '[' ? from : start, end: start + text.length, words: text.split(/\s+/).length });
  };
  for (const m of paragraph.matchAll(BOUNDARY)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(paragraph.length);
  return out;
}
