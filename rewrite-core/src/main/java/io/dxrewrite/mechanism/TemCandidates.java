package io.dxrewrite.mechanism;

import java.util.random.RandomGenerator;

/**
 * The candidate set of the truncated exponential mechanism (TEM; Carvalho, Vasiloudis, Feyisetan,
 * Wang, "TEM: High Utility Metric Differential Privacy on Text", SDM 2023, arXiv 2107.07928,
 * Algorithm 1) for one input point x (a vocabulary word's embedding, or the public or subword
 * point of an out-of-vocabulary word), over an output vocabulary O (all of V, or a public subset).
 *
 * <ul>
 *   <li>{@code gamma = (2/epsilon) ln((1 - beta)(|O| - 1) / beta)}, in units of embedding distance;
 *   <li>{@code L_x = {y in O : d(x, y) <= gamma}} with score {@code -d(x, y)} each;
 *   <li>one element ⊥ with score {@code -gamma + (2/epsilon) ln |O \ L_x|}, absent when {@code
 *       L_x = O}; drawing ⊥ means a uniform word of {@code O \ L_x}.
 * </ul>
 *
 * Distances are Euclidean, computed in float64 from the float32 embeddings.
 *
 * @param epsilon epsilon per word, in inverse units of embedding distance
 * @param gamma the truncation radius, in units of embedding distance
 * @param nearIds {@code int[|L_x|]}: the ids of L_x, ascending
 * @param nearDistances {@code double[|L_x|]}: {@code d(x, nearIds[i])}
 * @param farIds {@code int[|O \ L_x|]}: the ids of {@code O \ L_x}, ascending
 */
public record TemCandidates(
    double epsilon, double gamma, int[] nearIds, double[] nearDistances, int[] farIds) {

  /**
   * @return the score of ⊥, {@code -gamma + (2/epsilon) ln |O \ L_x|}; {@code -infinity} when ⊥
   *     is absent
   */
  public double bottomScore() {
    if (farIds.length == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return -gamma + (2 / epsilon) * Math.log(farIds.length);
  }

  /**
   * Algorithm 1 of the paper as written: one independent Gumbel(0, 2/epsilon) draw per candidate
   * (each word of L_x and ⊥), argmax of score plus noise; on ⊥ a uniform word of {@code O \ L_x}.
   * Costs {@code O(|L_x|)} draws: the reference against which {@link TemSampler} is tested, not the
   * production path.
   *
   * @param random randomness of this occurrence
   * @return the output vocabulary id
   */
  public int gumbelArgmax(RandomGenerator random) {
    double scale = 2 / epsilon;
    int best = -1;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < nearIds.length; i++) {
      double value = -nearDistances[i] + gumbel(random, scale);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (farIds.length > 0 && bottomScore() + gumbel(random, scale) > bestValue) {
      return farIds[random.nextInt(farIds.length)];
    }
    return nearIds[best];
  }

  /** Gumbel(0, scale) by inversion: {@code -scale ln(-ln U)}, U uniform on (0, 1). */
  static double gumbel(RandomGenerator random, double scale) {
    double u;
    do {
      u = random.nextDouble();
    } while (u == 0);
    return -scale * Math.log(-Math.log(u));
  }

  /**
   * The exact output distribution, from the scores: {@code P[y] = exp((epsilon/2) s_y) / Z} for y
   * in L_x and {@code P[y] = exp((epsilon/2) s_⊥) / (Z |O \ L_x|)} for y in {@code O \ L_x}, with
   * {@code Z = Σ_{c in L_x ∪ {⊥}} exp((epsilon/2) s_c)} (Gumbel-max: the argmax of scores plus
   * i.i.d. Gumbel(0, b) noise is c with probability proportional to {@code exp(s_c / b)}).
   *
   * @param vocabularySize |V|
   * @return {@code double[|V|]}: ln P[M(x) = y]; {@code -infinity} outside O
   */
  public double[] logProbabilities(int vocabularySize) {
    double half = epsilon / 2;
    double bottom = bottomScore();
    double max = Math.max(bottom, nearDistances.length == 0 ? bottom : -min(nearDistances));
    double sum = farIds.length == 0 ? 0 : Math.exp(half * (bottom - max));
    for (double d : nearDistances) {
      sum += Math.exp(half * (-d - max));
    }
    double logZ = half * max + Math.log(sum);
    double[] log = new double[vocabularySize];
    java.util.Arrays.fill(log, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < nearIds.length; i++) {
      log[nearIds[i]] = -half * nearDistances[i] - logZ;
    }
    if (farIds.length > 0) {
      double each = half * bottom - logZ - Math.log(farIds.length);
      for (int y : farIds) {
        log[y] = each;
      }
    }
    return log;
  }

  private static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  /**
   * @return the inverse-CDF sampler of this distribution (equal in distribution to {@link
   *     #gumbelArgmax})
   */
  public TemSampler sampler() {
    return TemSampler.of(this);
  }
}
