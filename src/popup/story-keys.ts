/**
 * The engine gives a story's shared names and numbers as lower-case word forms ("nato", "175,000").
 * For a reader they are written as the headlines write them ("NATO", "Nato"); a name no headline
 * shows gets a capital letter, since the keys are names.
 */
export function displayKeys(keys: readonly string[], texts: readonly string[]): string[] {
  const written = new Map<string, string>();
  const note = (form: string): void => {
    const lower = form.toLowerCase().replace(/’/g, "'");
    if (!written.has(lower)) written.set(lower, form);
  };
  for (const text of texts) {
    // Whole forms ("175,000", "Putin's") and their hyphen parts ("Russia-NATO" holds "NATO").
    for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu)) {
      note(m[0]);
      for (const part of m[0].split('-')) note(part);
    }
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    const lower = key.toLowerCase();
    if (!lower || seen.has(lower)) continue;
    seen.add(lower);
    out.push(written.get(lower) ?? key.replace(/^\p{Ll}/u, (c) => c.toUpperCase()));
  }
  return out;
}
