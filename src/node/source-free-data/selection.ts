/** What the table build keeps: sized so the tables stay within the worker bundle's budget (README). */

/** Commonest plain words kept from the model: ids fit 16 bits. */
export const MAX_VOCABULARY = 40_000;

/** Commonest bigrams (by P(a) · P(b | a)) kept for fluency; the rest count as unseen. */
export const FLUENCY_BIGRAMS = 250_000;

/**
 * A collocation is strong when P(b | a) is at least 10^MIN_COLLOCATION_LOGP and b is 10^MIN_ASSOCIATION
 * times likelier after a than on its own. Looser settings fire on 1 genuine news article in 2 (README).
 */
export const MIN_COLLOCATION_LOGP = -3;
export const MIN_ASSOCIATION = 3;

/** Number, month and day words: thesauri list them as each other's synonyms ("million", "billion"). */
export const NOT_SWAPPABLE = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|first|second|third|fourth|fifth|half|dozen|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** Languages whose common words, left in an English text, betray a translation (stopwords-iso codes). */
export const FOREIGN_LANGUAGES = ['es', 'ca', 'fr', 'de', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'eo', 'ro', 'pl', 'tr', 'id'];
