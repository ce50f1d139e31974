package io.dxrewrite.nlu.accounting;

import io.dxrewrite.error.DxPreconditions;

/**
 * Renyi differential privacy of the Poisson-subsampled Gaussian mechanism (the step of DP-SGD):
 * each record joins the batch independently with probability q, the batch's sum of (clipped)
 * contributions of L2 sensitivity 1 gets noise N(0, sigma^2 I), under add-or-remove-one
 * neighbouring.
 *
 * <p>Source: Mironov, Talwar, Zhang, "Renyi Differential Privacy of the Sampled Gaussian
 * Mechanism", arXiv:1908.10530 (2019). The RDP at order alpha is log(A_alpha) / (alpha - 1) with
 * A_alpha = E_{z ~ N(0, sigma^2)} [(1 - q + q exp((2z - 1) / (2 sigma^2)))^alpha]. Integer orders
 * use the binomial expansion of Section 3.3 (finite sum); fractional orders use the two
 * convergent series of Section 3.3 split at z0 = sigma^2 log(1/q - 1) + 1/2, with signed
 * generalised binomial coefficients. Every sum is formed in log space (log-sum-exp of the terms,
 * signed terms through a log-space subtraction that cannot overflow), so the result is finite for
 * every finite order alpha > 1 when sigma > 0 (checked on an order grid up to 256 against a
 * quadrature in the tests). Stateless and thread-safe.
 */
public final class SampledGaussianRdp {
  private static final int MAX_FRACTIONAL_TERMS = 10_000;
  private static final double FRACTIONAL_STOP_LOG = -30;

  private SampledGaussianRdp() {}

  /**
   * RDP of one step.
   *
   * @param q sampling rate in [0, 1]
   * @param noiseMultiplier sigma: the noise standard deviation divided by the L2 sensitivity
   *     (clipping norm), >= 0
   * @param order Renyi order alpha > 1 (may be {@code +inf})
   * @return epsilon_RDP(alpha) of one step, in nats; {@code +inf} when sigma = 0 or alpha = inf
   *     (and q > 0)
   * @throws io.dxrewrite.error.InvalidParameterException if q is outside [0, 1], sigma < 0 or
   *     alpha <= 1
   */
  public static double rdp(double q, double noiseMultiplier, double order) {
    DxPreconditions.checkInRange("sampling rate q", q, 0, 1);
    DxPreconditions.checkInRange("noise multiplier", noiseMultiplier, 0, Double.MAX_VALUE);
    DxPreconditions.checkArgument(
        order > 1, "Renyi order must be > 1, got " + order);
    if (q == 0) {
      return 0;
    }
    if (noiseMultiplier == 0 || Double.isInfinite(order)) {
      return Double.POSITIVE_INFINITY;
    }
    double sigma2 = noiseMultiplier * noiseMultiplier;
    if (q == 1) {
      return order / (2 * sigma2);
    }
    double logA =
        order == Math.rint(order) && order < Integer.MAX_VALUE
            ? logAInteger(q, noiseMultiplier, (int) order)
            : logAFractional(q, noiseMultiplier, order);
    return logA / (order - 1);
  }

  /** log A_alpha for integer alpha: sum_i C(alpha, i) (1-q)^(alpha-i) q^i exp((i^2-i)/(2 s^2)). */
  static double logAInteger(double q, double sigma, int alpha) {
    double logQ = Math.log(q);
    double log1mQ = Math.log1p(-q);
    double logA = Double.NEGATIVE_INFINITY;
    for (int i = 0; i <= alpha; i++) {
      double term =
          LogMath.logBinomial(alpha, i)
              + i * logQ
              + (alpha - i) * log1mQ
              + (i * (double) i - i) / (2 * sigma * sigma);
      logA = LogMath.add(logA, term);
    }
    return logA;
  }

  /**
   * log A_alpha for fractional alpha as A0 + A1, the integrals over (-inf, z0] and [z0, inf), each
   * expanded in a binomial series whose coefficients C(alpha, i) change sign once i > alpha.
   */
  static double logAFractional(double q, double sigma, double alpha) {
    double logQ = Math.log(q);
    double log1mQ = Math.log1p(-q);
    double sigma2 = sigma * sigma;
    double z0 = sigma2 * Math.log(1 / q - 1) + 0.5;
    double sqrt2Sigma = Math.sqrt(2) * sigma;
    double logHalf = Math.log(0.5);
    double a0 = Double.NEGATIVE_INFINITY;
    double a1 = Double.NEGATIVE_INFINITY;
    double logAbsCoef = 0;
    boolean positive = true;
    for (int i = 0; i < MAX_FRACTIONAL_TERMS; i++) {
      if (i > 0) {
        double factor = (alpha - (i - 1)) / i;
        logAbsCoef += Math.log(Math.abs(factor));
        positive = positive == (factor > 0);
      }
      double j = alpha - i;
      double logT0 = logAbsCoef + i * logQ + j * log1mQ;
      double logT1 = logAbsCoef + j * logQ + i * log1mQ;
      double logE0 = logHalf + LogMath.logErfc((i - z0) / sqrt2Sigma);
      double logE1 = logHalf + LogMath.logErfc((z0 - j) / sqrt2Sigma);
      double logS0 = logT0 + (i * (double) i - i) / (2 * sigma2) + logE0;
      double logS1 = logT1 + (j * j - j) / (2 * sigma2) + logE1;
      if (positive) {
        a0 = LogMath.add(a0, logS0);
        a1 = LogMath.add(a1, logS1);
      } else {
        a0 = LogMath.sub(a0, logS0);
        a1 = LogMath.sub(a1, logS1);
      }
      if (i > alpha && Math.max(logS0, logS1) < FRACTIONAL_STOP_LOG) {
        break;
      }
    }
    return LogMath.add(a0, a1);
  }
}
