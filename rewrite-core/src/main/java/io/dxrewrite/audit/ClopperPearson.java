package io.dxrewrite.audit;

import io.dxrewrite.error.DxPreconditions;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * One-sided Clopper-Pearson ("exact") confidence bounds for a binomial proportion (Clopper and
 * Pearson, Biometrika 1934): with x successes in n trials, the lower bound at level alpha is the
 * alpha quantile of Beta(x, n - x + 1) (0 when x = 0), and the upper bound is the 1 - alpha
 * quantile of Beta(x + 1, n - x) (1 when x = n). Each bound holds with probability at least {@code
 * 1 - alpha} for every true proportion. Quantiles come from Apache Commons Math's {@link
 * BetaDistribution} with an inverse-CDF accuracy of {@value #ACCURACY}.
 */
public final class ClopperPearson {
  /** Absolute accuracy of the Beta quantiles. */
  static final double ACCURACY = 1e-15;

  private ClopperPearson() {}

  /**
   * @param x successes, in {@code [0, n]}
   * @param n trials, {@code >= 1}
   * @param alpha one-sided error probability, in (0, 1)
   * @return a lower bound on the proportion that holds with probability {@code >= 1 - alpha}
   * @throws io.dxrewrite.error.InvalidParameterException if an argument is out of range
   */
  public static double lower(long x, long n, double alpha) {
    check(x, n, alpha);
    if (x == 0) {
      return 0;
    }
    return new BetaDistribution(null, x, n - x + 1, ACCURACY).inverseCumulativeProbability(alpha);
  }

  /**
   * @param x successes, in {@code [0, n]}
   * @param n trials, {@code >= 1}
   * @param alpha one-sided error probability, in (0, 1)
   * @return an upper bound on the proportion that holds with probability {@code >= 1 - alpha}
   * @throws io.dxrewrite.error.InvalidParameterException if an argument is out of range
   */
  public static double upper(long x, long n, double alpha) {
    check(x, n, alpha);
    if (x == n) {
      return 1;
    }
    return new BetaDistribution(null, x + 1, n - x, ACCURACY)
        .inverseCumulativeProbability(1 - alpha);
  }

  private static void check(long x, long n, double alpha) {
    DxPreconditions.checkArgument(n >= 1 && x >= 0 && x <= n, "need 0 <= x <= n and n >= 1");
    DxPreconditions.checkArgument(alpha > 0 && alpha < 1, "alpha must be in (0, 1), got " + alpha);
  }
}
