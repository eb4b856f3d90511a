/*
 * Lists every bigram of a CMU Sphinx language model through sphinxbase's own reader (Debian package
 * libsphinxbase-dev), so no one has to re-implement its bit-packed trie format. Writes unigrams.tsv
 * ("word<TAB>log10 P") into the working directory and the bigrams to stdout ("id1<TAB>id2<TAB>log10 P(w2|w1)").
 * The library exports no iterator, so every pair is asked for: ~5·10^9 lookups, a few minutes.
 */
#include <math.h>
#include <stdio.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/ngram_model.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: enumerate-bigrams <model.lm.bin>\n");
    return 2;
  }
  logmath_t *lmath = logmath_init(1.0001, 0, 0);
  ngram_model_t *lm = ngram_model_read(NULL, argv[1], NGRAM_AUTO, lmath);
  if (!lm) return 1;
  const double to_log10 = log10(1.0001);
  const int n = ngram_model_get_counts(lm)[0];
  FILE *unigrams = fopen("unigrams.tsv", "w");
  if (!unigrams) return 1;
  for (int w = 0; w < n; w++) {
    int32 used;
    fprintf(unigrams, "%s\t%.3f\n", ngram_word(lm, w), ngram_ng_score(lm, w, NULL, 0, &used) * to_log10);
  }
  fclose(unigrams);
  for (int a = 0; a < n; a++) {
    for (int b = 0; b < n; b++) {
      int32 used;
      const int32 score = ngram_bg_score(lm, b, a, &used);
      /* used == 2: the bigram itself is stored (1 would mean a back-off to the unigram). */
      if (used == 2) printf("%d\t%d\t%.3f\n", a, b, score * to_log10);
    }
  }
  return 0;
}
