package io.dxrewrite.rewrite;

import io.dxrewrite.mechanism.Mechanisms;

/**
 * What the guarantee covers, stated once for every front end: the README's section of the same
 * name, {@code dx-rewrite rewrite --help} and {@code GET /v1/mechanisms} all show these texts.
 * Compile-time constants so that picocli annotations can use them.
 *
 * <p>Sources: metric DP per word (Feyisetan et al., WSDM 2020, Theorem 1; Xu et al., PrivateNLP
 * 2020, Theorem 1 for the Mahalanobis metric); basic composition over the words of a record and
 * over the records of one person (Dwork and Roth 2014, Theorem 3.14, which holds for metric DP
 * with the metric summed over positions).
 */
public final class Guarantee {
  private Guarantee() {}

  /** One short paragraph: the guarantee and what it does not cover. */
  public static final String SUMMARY =
      "Each perturbed word is epsilon-metric-DP in the mechanism's metric: for words w, v and any"
          + " output y, P[M(w)=y] <= exp(epsilon d(w, v)) P[M(v)=y]. A record composes over its"
          + " words (total_epsilon = euclidean_epsilon_per_word x words_perturbed), and the"
          + " records of one person add up. Always released: word count, word boundaries,"
          + " punctuation, whitespace and line structure (and casing under casing keep)."
          + " Released unprotected: out-of-vocabulary words under oov keep and skip-list words"
          + " (counted in unprotected_words; guarantee \"none for N words\"). A seeded run is"
          + " reproducible by whoever knows the seed: tests and audits only.";

  /** The per-mechanism metrics, one line each. */
  public static final String METRICS =
      "Metric of epsilon: cmp and tem: "
          + Mechanisms.EUCLIDEAN_METRIC
          + "; mahalanobis: "
          + Mechanisms.MAHALANOBIS_METRIC
          + ", charged as epsilon / sqrt(lambda_min(lambda Sigma + (1 - lambda) I)) per word;"
          + " vickrey: "
          + Mechanisms.VICKREY_METRIC
          + ".";

  /** How budgets relate to people. */
  public static final String COMPOSITION =
      "Composition: a person whose k records are rewritten is protected by the sum of those"
          + " records' total_epsilon (basic composition per position). The server's tenant budget"
          + " is an operational quota over all of a tenant's subjects; only a per-subject budget"
          + " (--subject-field/--subject-budget here, subject in the API) bounds what is released"
          + " about one person.";
}
