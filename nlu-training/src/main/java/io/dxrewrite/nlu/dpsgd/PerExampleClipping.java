package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.nlu.model.Activations;
import io.dxrewrite.nlu.model.Backprop;
import io.dxrewrite.nlu.model.Gradients;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The clipped sum of DP-SGD (Abadi et al., CCS 2016, Algorithm 1, "clip gradient"): each
 * example's gradient is scaled by c_i = min(1, C / ||grad_i||) so its L2 norm is at most C, and
 * the scaled gradients are summed. The norms come from {@link GhostNorms}; the sum is one weighted
 * matrix product per weight ({@link Gradients#weightedSum}), so a DP step costs about as much as a
 * non-private one.
 */
public final class PerExampleClipping {
  private PerExampleClipping() {}

  /**
   * @param a the forward pass of B >= 1 examples
   * @param g their backprop signals
   * @param clippingNorm C > 0, in gradient L2 units
   * @return sum_i min(1, C / ||grad_i||) grad_i, whose sensitivity to adding or removing one
   *     example is C
   */
  public static Gradients clippedSum(Activations a, Backprop g, double clippingNorm) {
    return Gradients.weightedSum(a, g, clipFactors(GhostNorms.perExample(a, g), clippingNorm));
  }

  /**
   * @param norms per-example gradient norms, {@code [B x 1]}
   * @param clippingNorm C > 0
   * @return min(1, C / norm_i), 1 where the norm is 0, {@code [B x 1]}
   */
  public static INDArray clipFactors(INDArray norms, double clippingNorm) {
    DxPreconditions.checkArgument(
        clippingNorm > 0 && Double.isFinite(clippingNorm),
        "clipping norm must be a finite number > 0, got " + clippingNorm);
    INDArray safe = Transforms.max(norms, clippingNorm, true);
    return safe.rdivi(clippingNorm);
  }
}
