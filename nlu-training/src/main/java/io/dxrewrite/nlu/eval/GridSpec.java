package io.dxrewrite.nlu.eval;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.nlu.train.TrainingConfig;
import java.util.List;
import java.util.OptionalLong;

/**
 * The privacy-utility grid: every rewrite setting (mechanism x epsilon per word, plus the original
 * text as "none") crossed with every training setting (non-private, and DP-SGD at each target
 * epsilon).
 *
 * @param mechanisms rewrite mechanisms, e.g. ["none", "cmp"]; "none" trains on the original text
 * @param rewriteEpsilons epsilon per word for each mechanism other than "none" (may be empty)
 * @param rewriteTargetNw text-level N_w targets for each mechanism other than "none" (may be empty):
 *     the epsilon of each is calibrated per mechanism ({@code CalibrationCache}), which makes
 *     mechanisms with incomparable epsilons (cmp, mahalanobis) comparable
 * @param dpEpsilons DP-SGD target epsilons
 * @param delta DP-SGD delta
 * @param clippingNorm DP-SGD clipping norm C
 * @param nonPrivate schedule of non-private training
 * @param dp schedule of DP-SGD training (epochs, expected batch, learning rate)
 * @param seed seed for rewriting and training; empty for SecureRandom
 */
public record GridSpec(
    List<String> mechanisms, double[] rewriteEpsilons, double[] rewriteTargetNw,
    double[] dpEpsilons, double delta,
    double clippingNorm, TrainingConfig nonPrivate, TrainingConfig dp, OptionalLong seed) {
  /** Checks the ranges. */
  public GridSpec {
    DxPreconditions.checkArgument(!mechanisms.isEmpty(), "at least one mechanism is needed");
    for (double e : rewriteEpsilons) {
      DxPreconditions.checkEpsilon(e);
    }
    for (double t : rewriteTargetNw) {
      DxPreconditions.checkArgument(t > 0 && t < 1, "target N_w must be in (0, 1), got " + t);
    }
    DxPreconditions.checkArgument(
        rewriteEpsilons.length + rewriteTargetNw.length > 0 || mechanisms.equals(List.of("none")),
        "give rewrite epsilons or target N_w values for the mechanisms");
    for (double e : dpEpsilons) {
      DxPreconditions.checkArgument(e > 0, "DP epsilons must be > 0, got " + e);
    }
  }

  /** @return the number of training runs */
  public int runs() {
    int rewrites = 0;
    for (String m : mechanisms) {
      rewrites += "none".equals(m) ? 1 : rewriteEpsilons.length + rewriteTargetNw.length;
    }
    return rewrites * (1 + dpEpsilons.length);
  }
}
