package io.dxrewrite.mechanism;

/**
 * A {@link Mechanism} whose output distribution for a vocabulary input word can be computed
 * exactly (in float64), so that its metric-DP claim can be checked exactly rather than by
 * sampling (the exact mode of {@code io.dxrewrite.audit.PrivacyAuditor}).
 *
 * <p>Implemented by the mechanisms that select among vocabulary words with explicit scores (the
 * truncated exponential mechanism, TEM; Carvalho, Vasiloudis, Feyisetan, Wang, SDM 2023), as
 * opposed to the additive mechanisms (cmp, mahalanobis, vickrey), whose distribution is an
 * integral over Voronoi cells and is audited by sampling.
 */
public interface ExactMechanism extends Mechanism {
  /**
   * The exact output distribution for one input word.
   *
   * @param word vocabulary id of the input word, in {@code [0, |V|)}
   * @return {@code double[|V|]}: {@code ln P[M(word) = y]} for every vocabulary id y
   *     ({@code Double.NEGATIVE_INFINITY} where the probability is 0); the probabilities sum to 1
   *     up to float64 rounding
   * @throws IllegalArgumentException if {@code word} is not a vocabulary id
   */
  double[] logProbabilities(int word);
}
