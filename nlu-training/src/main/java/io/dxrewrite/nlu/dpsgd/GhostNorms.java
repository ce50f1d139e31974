package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.nlu.model.Activations;
import io.dxrewrite.nlu.model.Backprop;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-example gradient norms of all parameters of a stack of dense layers, for the whole batch at
 * once and without materialising any per-example gradient ("ghost norm"; Goodfellow 2015,
 * "Efficient per-example gradient computations"; used by eDP-SGD and Opacus' fast gradient
 * clipping).
 *
 * <p>For a dense layer z = a W + b, the gradient of example i is dW_i = a_i^T g_i (an outer
 * product) and db_i = g_i, so ||dW_i||_F = ||a_i|| * ||g_i|| and the squared norm over all
 * parameters is sum over layers of (||a_i||^2 + 1) ||g_i||^2: a few row norms instead of B
 * matrices of size d x h.
 */
public final class GhostNorms {
  private GhostNorms() {}

  /**
   * @param a the forward pass of B >= 1 examples
   * @param g their backprop signals
   * @return the L2 norm of each example's full parameter gradient, {@code [B x 1]}
   */
  public static INDArray perExample(Activations a, Backprop g) {
    INDArray squared = layer(a.x(), g.g1()).addi(layer(a.h(), g.g2()));
    return org.nd4j.linalg.ops.transforms.Transforms.sqrt(squared, false);
  }

  /** (||a_i||^2 + 1) * ||g_i||^2 per row, {@code [B x 1]}. */
  private static INDArray layer(INDArray input, INDArray signal) {
    INDArray a2 = input.mul(input).sum(true, 1).addi(1);
    INDArray g2 = signal.mul(signal).sum(true, 1);
    return a2.muli(g2);
  }
}
