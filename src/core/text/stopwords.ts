/**
 * English function words. Spinners swap content words and leave these alone, so sequences of them
 * survive rewording (Stamatatos 2011, "Plagiarism detection using stopword n-grams"). Data, not code.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'the', 'of', 'and', 'a', 'an', 'to', 'in', 'is', 'was', 'that', 'for', 'on', 'with', 'as', 'by', 'at', 'from',
  'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'this', 'these', 'those',
  'be', 'been', 'are', 'were', 'had', 'has', 'have', 'not', 'but', 'or', 'if', 'would', 'will', 'can', 'could',
  'should', 'which', 'who', 'whom', 'what', 'when', 'where', 'than', 'then', 'there', 'so', 'no', 'all', 'any',
  'about', 'into', 'over', 'after', 'before', 'between', 'while', 'also', 'only', 'do', 'did', 'does', 'him',
  'them', 'us', 'my', 'me', 'up', 'out', 'more', 'most', 'such', 'some', 'other', 'said', 'says',
]);
