package io.dxrewrite.nlu.accounting;

import io.dxrewrite.error.DxPreconditions;

/**
 * Converts an RDP curve into an (epsilon, delta)-DP guarantee.
 *
 * <p>Conversion used: Canonne, Kamath, Steinke, "The Discrete Gaussian for Differential Privacy"
 * (NeurIPS 2020), Proposition 12 (also Asoodeh et al. 2021): (alpha, r)-RDP implies
 * (epsilon, delta)-DP with epsilon = r + log(1 - 1/alpha) - log(delta * alpha) / (alpha - 1). It is
 * never worse than Mironov's classic r + log(1/delta) / (alpha - 1) and is what Google
 * dp-accounting, TensorFlow Privacy and Opacus use. Orders at or below 1.01 are skipped (the bound
 * is numerically unstable there), and epsilon is 0 when delta^2 >= 1 - exp(-r) (the KL bound).
 */
public final class RdpConversion {
  private RdpConversion() {}

  /**
   * @param orders Renyi orders alpha (each >= 1)
   * @param rdp the RDP epsilon at each order (each >= 0, may be {@code +inf})
   * @param delta target delta in (0, 1)
   * @return the smallest epsilon over the orders, with that order; epsilon is {@code +inf} when no
   *     order gives a finite bound
   * @throws io.dxrewrite.error.InvalidParameterException if the arrays differ in length, an order
   *     is below 1, an RDP value is negative, or delta is outside (0, 1)
   */
  public static PrivacySpent epsilon(double[] orders, double[] rdp, double delta) {
    DxPreconditions.checkArgument(
        orders.length == rdp.length && orders.length > 0,
        "orders and rdp must be non-empty and of equal length, got "
            + orders.length + " and " + rdp.length);
    DxPreconditions.checkArgument(
        delta > 0 && delta < 1, "delta must be in (0, 1), got " + delta);
    double best = Double.POSITIVE_INFINITY;
    double bestOrder = Double.NaN;
    for (int k = 0; k < orders.length; k++) {
      double a = orders[k];
      double r = rdp[k];
      DxPreconditions.checkArgument(a >= 1, "Renyi orders must be >= 1, got " + a);
      DxPreconditions.checkArgument(r >= 0, "RDP values must be >= 0, got " + r);
      double eps;
      if (delta * delta + Math.expm1(-r) >= 0) {
        eps = 0;
      } else if (a > 1.01) {
        eps = r + Math.log1p(-1 / a) - Math.log(delta * a) / (a - 1);
      } else {
        eps = Double.POSITIVE_INFINITY;
      }
      if (eps < best) {
        best = eps;
        bestOrder = a;
      }
    }
    return new PrivacySpent(Math.max(0, best), delta, bestOrder);
  }
}
