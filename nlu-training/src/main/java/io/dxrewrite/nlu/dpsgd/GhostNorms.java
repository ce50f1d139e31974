package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.nlu.model.Activations;
import io.dxrewrite.nlu.model.Backprop;

/**
 * Per-example gradient norms of all parameters of a stack of dense layers, for the whole batch at
 * once and without materialising any per-example gradient ("ghost norm"; Goodfellow 2015,
 * "Efficient per-example gradient computations"; used by eDP-SGD and Opacus' fast gradient
 * clipping).
 *
 * <p>For a dense layer z = a W + b, the gradient of example i is dW_i = a_i^T g_i (an outer
 * product) and db_i = g_i, so ||dW_i||_F = ||a_i|| * ||g_i|| and the squared norm over all
 * parameters is the sum over layers of (||a_i||^2 + 1) ||g_i||^2. The four row-norm vectors
 * (layer inputs x, h and signals g1, g2) are batch-wide ND4J reductions; only B numbers per
 * vector are combined afterwards.
 */
public final class GhostNorms {
  private GhostNorms() {}

  /**
   * @param a the forward pass of B >= 1 examples
   * @param g their backprop signals
   * @return the L2 norm of each example's full parameter gradient, {@code double[B]}
   */
  public static double[] perExample(Activations a, Backprop g) {
    double[] x = a.x().norm2(1).toDoubleVector();
    double[] h = a.h().norm2(1).toDoubleVector();
    double[] g1 = g.g1().norm2(1).toDoubleVector();
    double[] g2 = g.g2().norm2(1).toDoubleVector();
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.sqrt(
          (x[i] * x[i] + 1) * g1[i] * g1[i] + (h[i] * h[i] + 1) * g2[i] * g2[i]);
    }
    return out;
  }
}
