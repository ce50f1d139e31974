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
   * The weighted sum over the batch of the per-example gradients, scale * (sum_i c_i grad_i +
   * addend), as one GEMM per parameter: dW1 = X^T (c * G1), db1 = c^T G1, dW2 = H^T (c * G2), db2
   * = c^T G2, with the addend as GEMM's accumulator (beta) so that noise and scaling cost no extra
   * pass. No per-example gradient is materialised.
   *
   * @param a the forward pass, B >= 1 examples
   * @param g its per-example backprop signals
   * @param weights c, {@code double[B]}
   * @param scale the factor applied to the whole sum
   * @param addend added before scaling and overwritten with the result; {@code null} for none
   * @return the weighted sum (the addend's arrays when one was given)
   */
  public static Gradients weightedSum(
      Activations a, Backprop g, double[] weights, double scale, Gradients addend) {
    int b = a.batchSize();
    INDArray c = Nd4j.create(weights, new long[] {b, 1}, DataType.DOUBLE);
    INDArray g1c = g.g1().mulColumnVector(c);
    INDArray g2c = g.g2().mulColumnVector(c);
    Gradients out = addend != null ? addend : zeros(
        (int) a.x().columns(), (int) g.g1().columns(), (int) g.g2().columns());
    double beta = addend != null ? scale : 0;
    Nd4j.gemm(a.x(), g1c, out.w1(), true, false, scale, beta);
    Nd4j.gemm(c, g.g1(), out.b1(), true, false, scale, beta);
    Nd4j.gemm(a.h(), g2c, out.w2(), true, false, scale, beta);
    Nd4j.gemm(c, g.g2(), out.b2(), true, false, scale, beta);
    return out;
  }

  /**
   * @param a the forward pass, B >= 1 examples
   * @param g its per-example backprop signals
   * @return the mean gradient (1/B) sum_i grad_i, as GEMMs: dW = A^T G / B, db = 1^T G / B
   */
  public static Gradients mean(Activations a, Backprop g) {
    int b = a.batchSize();
    INDArray ones = Nd4j.ones(DataType.DOUBLE, b, 1);
    Gradients out = zeros(
        (int) a.x().columns(), (int) g.g1().columns(), (int) g.g2().columns());
    double scale = 1.0 / b;
    Nd4j.gemm(a.x(), g.g1(), out.w1(), true, false, scale, 0);
    Nd4j.gemm(ones, g.g1(), out.b1(), true, false, scale, 0);
    Nd4j.gemm(a.h(), g.g2(), out.w2(), true, false, scale, 0);
    Nd4j.gemm(ones, g.g2(), out.b2(), true, false, scale, 0);
    return out;
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
