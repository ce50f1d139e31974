package io.dxrewrite.mechanism;

import java.util.random.RandomGenerator;

/**
 * Gumbel(0, b) noise truncated to {@code [-bound, bound]}, sampled by inverting the CDF {@code
 * F(x) = exp(-exp(-x / b))} on {@code [F(-bound), F(bound)]}. Immutable and thread-safe.
 */
public final class TruncatedGumbelNoise {
  private final double scale;
  private final double bound;
  private final double lower;
  private final double upper;

  /**
   * @param scale b, {@code > 0}
   * @param bound truncation bound, {@code > 0}
   */
  public TruncatedGumbelNoise(double scale, double bound) {
    this.scale = scale;
    this.bound = bound;
    this.lower = cdf(-bound);
    this.upper = cdf(bound);
  }

  /**
   * @param x a point
   * @return the untruncated Gumbel(0, b) CDF at x
   */
  public double cdf(double x) {
    return Math.exp(-Math.exp(-x / scale));
  }

  /**
   * @param random source of randomness
   * @return a draw in {@code [-bound, bound]}
   */
  public double sample(RandomGenerator random) {
    double u = lower + (upper - lower) * random.nextDouble();
    double x = -scale * Math.log(-Math.log(u));
    if (!(x >= -bound)) {
      return -bound; // u rounded to F(-bound) = 0, or NaN at the ends
    }
    return Math.min(x, bound);
  }

  /**
   * @return b
   */
  public double scale() {
    return scale;
  }

  /**
   * @return the truncation bound
   */
  public double bound() {
    return bound;
  }
}
