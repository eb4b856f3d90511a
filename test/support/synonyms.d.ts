declare module 'synonyms' {
  /** Part-of-speech keyed synonym lists; the first entry of each list is the word itself. */
  export type SynonymEntry = Record<string, string[]>;

  interface Synonyms {
    (word: string): SynonymEntry | undefined;
    (word: string, type: string): string[] | undefined;
    /** The whole dictionary, keyed by lower-case head word. */
    dictionary: Record<string, SynonymEntry>;
  }

  const synonyms: Synonyms;
  export default synonyms;
}

