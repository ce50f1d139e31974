package io.dxrewrite.mechanism;

/**
 * A word-level metric-DP mechanism (d_X-privacy; Chatzikokolakis et al., PETS 2013; applied to
 * text by Feyisetan, Balle, Drake, Diethe, WSDM 2020): maps each input word to a random vocabulary
 * word such that for all words w, w' and outputs y, {@code P[M(w)=y] <= exp(epsilon d(w,w'))
 * P[M(w')=y]}, where d is the Euclidean distance between the words' embeddings.
 *
 * <p>One published mechanism per class. Instances are immutable, carry their parameters (epsilon
 * per word and the mechanism's own) and are thread-safe; all randomness comes from the batch.
 */
public interface Mechanism {
  /**
   * @return the mechanism's name as used on the command line and in reports, e.g. "cmp"
   */
  String name();

  /**
   * @return epsilon per word, in inverse units of embedding distance
   */
  double epsilon();

  /**
   * The conservative Euclidean-equivalent epsilon per word: the smallest e for which {@code
   * P[M(w)=y] <= exp(e ||phi(w) - phi(w')||) P[M(w')=y]} follows from the mechanism's guarantee.
   * This is what a ledger charges, so that the epsilons of different mechanisms add up in one
   * unit. Equal to {@link #epsilon()} for mechanisms whose metric is Euclidean (CMP, truncated
   * Gumbel, TEM); larger for the Mahalanobis metric (see {@link MahalanobisNoise#euclideanEpsilon()}).
   *
   * @return Euclidean-equivalent epsilon per word, in inverse units of embedding distance;
   *     {@code +Infinity} if the metric bounds no Euclidean distance
   */
  default double euclideanEpsilon() {
    return epsilon();
  }

  /**
   * Perturbs every word of the batch independently.
   *
   * @param batch input words with their embeddings and randomness
   * @return {@code int[n]}: the output vocabulary id for each input word
   */
  int[] perturb(WordBatch batch);
}
