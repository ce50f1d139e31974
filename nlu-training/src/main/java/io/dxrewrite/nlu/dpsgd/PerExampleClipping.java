package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.nlu.model.Activations;
import io.dxrewrite.nlu.model.Backprop;
import io.dxrewrite.nlu.model.Gradients;

/**
 * The clipped sum of DP-SGD (Abadi et al., CCS 2016, Algorithm 1, "clip gradient"): each
 * example's gradient is scaled by c_i = min(1, C / ||grad_i||) so its L2 norm is at most C, and
 * the scaled gradients are summed. The norms come from {@link GhostNorms}; the sum is one weighted
 * matrix product per parameter ({@link Gradients#weightedSum}), so a DP step costs about as much
 * as a non-private one.
 */
public final class PerExampleClipping {
  private PerExampleClipping() {}

  /**
   * @param a the forward pass of B >= 1 examples
   * @param g their backprop signals
   * @param clippingNorm C > 0, in gradient L2 units
   * @param scale factor applied to the result (e.g. 1 / expected batch size)
   * @param addend added to the clipped sum before scaling (the Gaussian noise), or {@code null};
   *     consumed (overwritten) when given
   * @return scale * (sum_i min(1, C / ||grad_i||) grad_i + addend); without the addend the sum's
   *     sensitivity to adding or removing one example is C
   */
  public static Gradients clippedSum(
      Activations a, Backprop g, double clippingNorm, double scale, Gradients addend) {
    double[] c = clipFactors(GhostNorms.perExample(a, g), clippingNorm);
    return Gradients.weightedSum(a, g, c, scale, addend);
  }

  /**
   * @param norms per-example gradient norms, {@code double[B]}
   * @param clippingNorm C > 0
   * @return min(1, C / norm_i), 1 where the norm is 0, {@code double[B]}
   */
  public static double[] clipFactors(double[] norms, double clippingNorm) {
    DxPreconditions.checkArgument(
        clippingNorm > 0 && Double.isFinite(clippingNorm),
        "clipping norm must be a finite number > 0, got " + clippingNorm);
    double[] c = new double[norms.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = norms[i] > clippingNorm ? clippingNorm / norms[i] : 1;
    }
    return c;
  }
}
