package io.dxrewrite.nlu.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A gradient (or update) for every parameter of {@link TopicClassifier}, in the parameters'
 * shapes.
 *
 * @param w1 {@code [d x h]}
 * @param b1 {@code [1 x h]}
 * @param w2 {@code [h x K]}
 * @param b2 {@code [1 x K]}
 */
public record Gradients(INDArray w1, INDArray b1, INDArray w2, INDArray b2) {
  /**
   * @param d input dimension
   * @param h hidden units
   * @param k classes
   * @return all-zero gradients
   */
  public static Gradients zeros(int d, int h, int k) {
    return new Gradients(
        Nd4j.zeros(DataType.DOUBLE, d, h), Nd4j.zeros(DataType.DOUBLE, 1, h),
        Nd4j.zeros(DataType.DOUBLE, h, k), Nd4j.zeros(DataType.DOUBLE, 1, k));
  }

  /**
   * The weighted sum over the batch of the per-example gradients, sum_i c_i grad_i, as one matrix
   * product per weight: dW1 = X^T (c * G1), dW2 = H^T (c * G2), db = c^T G. No per-example
   * gradient is materialised.
   *
   * @param a the forward pass, B >= 1 examples
   * @param g its per-example backprop signals
   * @param weights c, {@code [B]} or {@code [B x 1]}; {@code null} for all ones
   * @return the weighted sum
   */
  public static Gradients weightedSum(Activations a, Backprop g, INDArray weights) {
    INDArray g1 = g.g1();
    INDArray g2 = g.g2();
    if (weights != null) {
      INDArray c = weights.reshape(weights.length(), 1);
      g1 = g1.mulColumnVector(c);
      g2 = g2.mulColumnVector(c);
    }
    return new Gradients(
        Nd4j.gemm(a.x(), g1, true, false), g1.sum(true, 0),
        Nd4j.gemm(a.h(), g2, true, false), g2.sum(true, 0));
  }

  /** @return all four arrays, in the order w1, b1, w2, b2 */
  public INDArray[] arrays() {
    return new INDArray[] {w1, b1, w2, b2};
  }

  /** @return the total number of coordinates */
  public long size() {
    return w1.length() + b1.length() + w2.length() + b2.length();
  }

  /**
   * @param factor a scalar
   * @return this, every coordinate multiplied in place
   */
  public Gradients muli(double factor) {
    for (INDArray x : arrays()) {
      x.muli(factor);
    }
    return this;
  }

  /** @return the L2 norm over all coordinates */
  public double norm2() {
    double s = 0;
    for (INDArray x : arrays()) {
      double n = x.norm2Number().doubleValue();
      s += n * n;
    }
    return Math.sqrt(s);
  }
}
