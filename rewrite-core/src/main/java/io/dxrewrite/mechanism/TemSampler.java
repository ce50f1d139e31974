package io.dxrewrite.mechanism;

import java.util.random.RandomGenerator;

/**
 * Samples the truncated exponential mechanism's output for one input point in {@code O(log |V|)}
 * time per occurrence, by inversion of the cumulative distribution over the candidates of {@link
 * TemCandidates} (each word of L_x, then ⊥).
 *
 * <p>Equal in distribution to Algorithm 1 of Carvalho et al. (SDM 2023, arXiv 2107.07928; {@link
 * TemCandidates#gumbelArgmax}). Proof: for i.i.d. G_c ~ Gumbel(0, b), {@code P[argmax_c (s_c +
 * G_c) = c] = exp(s_c/b) / Σ_{c'} exp(s_{c'}/b)} (the Gumbel-max identity: with {@code F(t) =
 * exp(-e^{-t/b})}, {@code P[c wins] = ∫ f(t - s_c) Π_{c' != c} F(t - s_{c'}) dt = e^{s_c/b} /
 * Σ e^{s_{c'}/b}}). With b = 2/epsilon the candidate c is drawn with probability proportional to
 * {@code w_c = exp((epsilon/2) s_c)}; this sampler draws U uniform on [0, Σ w) and returns the first
 * candidate whose cumulative weight exceeds U, which has exactly that law (up to float64 rounding
 * of the cumulative sums), then, on ⊥, a uniform word of {@code O \ L_x} as the algorithm does.
 * Written out per word: {@code w_y = exp(-(epsilon/2) d(x,y))} for y in L_x and {@code w_⊥ / |O \
 * L_x| = exp(-(epsilon/2) gamma)} for each y outside, so {@code P[M(x) = y] ∝ exp(-(epsilon/2)
 * min(d(x,y), gamma))} on O.
 *
 * <p>Memory: {@code 12 |L_x| + 4 |O \ L_x| + 8} bytes plus headers ({@link #bytes()}).
 * Immutable and thread-safe.
 */
public final class TemSampler implements TemDraw {
  private final double[] cumulative;
  private final int[] nearIds;
  private final int[] farIds;

  private TemSampler(double[] cumulative, int[] nearIds, int[] farIds) {
    this.cumulative = cumulative;
    this.nearIds = nearIds;
    this.farIds = farIds;
  }

  static TemSampler of(TemCandidates c) {
    double half = c.epsilon() / 2;
    int near = c.nearIds().length;
    boolean bottom = c.farIds().length > 0;
    double max = bottom ? c.bottomScore() : Double.NEGATIVE_INFINITY;
    for (double d : c.nearDistances()) {
      max = Math.max(max, -d);
    }
    double[] cumulative = new double[near + (bottom ? 1 : 0)];
    double sum = 0;
    for (int i = 0; i < near; i++) {
      sum += Math.exp(half * (-c.nearDistances()[i] - max));
      cumulative[i] = sum;
    }
    if (bottom) {
      sum += Math.exp(half * (c.bottomScore() - max));
      cumulative[near] = sum;
    }
    return new TemSampler(cumulative, c.nearIds(), c.farIds());
  }

  /**
   * Draws one output: one {@code nextDouble()} from {@code random}, and one {@code nextInt} more
   * when ⊥ is drawn.
   *
   * @param random randomness of this occurrence
   * @return the output vocabulary id
   */
  @Override
  public int sample(RandomGenerator random) {
    double total = cumulative[cumulative.length - 1];
    double u = random.nextDouble() * total;
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    if (lo < nearIds.length) {
      return nearIds[lo];
    }
    return farIds[random.nextInt(farIds.length)];
  }

  /**
   * @return approximate heap bytes held by this sampler (arrays and headers), for the cache budget
   */
  @Override
  public long bytes() {
    return 64L + 8L * cumulative.length + 4L * nearIds.length + 4L * farIds.length;
  }
}
