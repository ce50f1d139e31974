package io.dxrewrite.nlu.accounting;

import io.dxrewrite.error.DxPreconditions;

/**
 * Finds the smallest noise multiplier sigma for which {@code steps} Poisson-subsampled Gaussian
 * steps at rate q stay within a target (epsilon, delta), by bisection on sigma (epsilon decreases
 * monotonically in sigma). The answer is the upper end of the final bracket, so its epsilon never
 * exceeds the target.
 */
public final class NoiseCalibration {
  private static final double RELATIVE_TOLERANCE = 1e-7;
  private static final double MAX_SIGMA = 1e6;

  private NoiseCalibration() {}

  /**
   * @param targetEpsilon epsilon > 0
   * @param delta delta in (0, 1)
   * @param samplingRate q in (0, 1]
   * @param steps number of steps, >= 1
   * @param orders Renyi orders to optimise over (e.g. {@link RdpAccountant#defaultOrders()})
   * @return sigma with epsilon(sigma) <= targetEpsilon, within a relative 1e-7 of the smallest
   * @throws io.dxrewrite.error.InvalidParameterException on a parameter outside its range, or
   *     when even sigma = 1e6 does not reach the target
   */
  public static double noiseMultiplier(
      double targetEpsilon, double delta, double samplingRate, long steps, double[] orders) {
    DxPreconditions.checkArgument(
        Double.isFinite(targetEpsilon) && targetEpsilon > 0,
        "target epsilon must be a finite number > 0, got " + targetEpsilon);
    DxPreconditions.checkArgument(
        samplingRate > 0 && samplingRate <= 1,
        "sampling rate q must be in (0, 1], got " + samplingRate);
    DxPreconditions.checkArgument(steps >= 1, "steps must be >= 1, got " + steps);
    double lo = 0;
    double hi = 1;
    while (epsilon(hi, delta, samplingRate, steps, orders) > targetEpsilon) {
      lo = hi;
      hi *= 2;
      DxPreconditions.checkArgument(
          hi <= MAX_SIGMA,
          "target epsilon " + targetEpsilon + " at delta " + delta
              + " is out of reach (noise multiplier would exceed " + MAX_SIGMA + ")");
    }
    while (hi - lo > RELATIVE_TOLERANCE * hi) {
      double mid = 0.5 * (lo + hi);
      if (epsilon(mid, delta, samplingRate, steps, orders) > targetEpsilon) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  private static double epsilon(
      double sigma, double delta, double samplingRate, long steps, double[] orders) {
    return RdpAccountant.epsilonOf(samplingRate, sigma, steps, delta, orders).epsilon();
  }
}
