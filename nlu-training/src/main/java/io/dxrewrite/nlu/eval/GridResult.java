package io.dxrewrite.nlu.eval;

/**
 * One cell of the privacy-utility grid.
 *
 * @param mechanism the rewrite mechanism ("none" for the original text)
 * @param rewriteEpsilon epsilon per word of the rewrite; NaN for "none"
 * @param targetNw the text-level N_w target the epsilon was calibrated from; NaN when epsilon was
 *     given directly, and for "none"
 * @param dpEpsilon target epsilon of DP-SGD (delta as in the grid); {@code +inf} for non-private
 *     training
 * @param testAccuracy share of (original) test records classified correctly
 * @param membershipAuc loss-threshold membership-inference AUC
 * @param noiseMultiplier the calibrated DP-SGD sigma; 0 for non-private training
 * @param seconds wall time of the training run
 */
public record GridResult(
    String mechanism, double rewriteEpsilon, double targetNw, double dpEpsilon, double testAccuracy,
    double membershipAuc, double noiseMultiplier, double seconds) {
  /** @return "non-private" or "DP eps=E" */
  public String training() {
    return Double.isInfinite(dpEpsilon) ? "non-private" : "DP eps=" + fmt(dpEpsilon);
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
