package io.dxrewrite.nlu.model;

import io.dxrewrite.error.DxPreconditions;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An intent/topic classifier over frozen embedding-bag features: one hidden ReLU layer, then
 * softmax over K classes, trained with cross-entropy. All math is on ND4J DOUBLE arrays.
 *
 * <p>Shapes: input x {@code [B x d]}; W1 {@code [d x h]}, b1 {@code [1 x h]}, W2 {@code [h x K]},
 * b2 {@code [1 x K]}. Not thread-safe while training.
 */
public final class TopicClassifier {
  private final INDArray w1;
  private final INDArray b1;
  private final INDArray w2;
  private final INDArray b2;

  /**
   * @param w1 {@code [d x h]}
   * @param b1 {@code [1 x h]}
   * @param w2 {@code [h x K]}
   * @param b2 {@code [1 x K]}
   */
  public TopicClassifier(INDArray w1, INDArray b1, INDArray w2, INDArray b2) {
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
  }

  /**
   * Glorot-uniform weights, zero biases. The initialisation is data-independent, so a seed here
   * does not weaken the privacy of training.
   *
   * @param d input dimension, >= 1
   * @param h hidden units, >= 1
   * @param k classes, >= 2
   * @param seed initialisation seed
   * @return a fresh model
   */
  public static TopicClassifier initialise(int d, int h, int k, long seed) {
    DxPreconditions.checkAtLeast("input dimension", d, 1);
    DxPreconditions.checkAtLeast("hidden units", h, 1);
    DxPreconditions.checkAtLeast("classes", k, 2);
    SplittableRandom random = new SplittableRandom(seed);
    return new TopicClassifier(
        glorot(d, h, random), Nd4j.zeros(DataType.DOUBLE, 1, h),
        glorot(h, k, random), Nd4j.zeros(DataType.DOUBLE, 1, k));
  }

  private static INDArray glorot(int in, int out, SplittableRandom random) {
    double limit = Math.sqrt(6.0 / (in + out));
    double[] w = new double[in * out];
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextDouble(-limit, limit);
    }
    return Nd4j.create(w, new long[] {in, out}, DataType.DOUBLE);
  }

  /**
   * @param x features {@code [B x d]}, B >= 1
   * @return the forward pass
   */
  public Activations forward(INDArray x) {
    INDArray z1 = x.mmul(w1).addiRowVector(b1);
    INDArray h = Transforms.max(z1, 0.0, true);
    INDArray z2 = h.mmul(w2).addiRowVector(b2);
    INDArray shifted = z2.subiColumnVector(z2.max(true, 1));
    INDArray e = Transforms.exp(shifted, false);
    INDArray p = e.diviColumnVector(e.sum(true, 1));
    return new Activations(x, z1, h, p);
  }

  /**
   * Per-example backpropagation of each example's own loss -log p_i[y_i].
   *
   * @param a the forward pass of B examples
   * @param labels class indices, {@code int[B]}
   * @return the per-example pre-activation gradients
   */
  public Backprop backprop(Activations a, int[] labels) {
    INDArray g2 = a.p().sub(oneHot(labels, (int) w2.columns()));
    INDArray mask = a.z1().gt(0).castTo(DataType.DOUBLE);
    INDArray g1 = Nd4j.gemm(g2, w2, false, true).muli(mask);
    return new Backprop(g1, g2);
  }

  /**
   * @param a a forward pass
   * @param labels class indices, {@code int[B]}
   * @return the cross-entropy loss of each example, in nats, {@code double[B]}
   */
  public static double[] losses(Activations a, int[] labels) {
    double[] out = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = -Math.log(Math.max(a.p().getDouble(i, labels[i]), 1e-300));
    }
    return out;
  }

  /**
   * @param x features {@code [B x d]}
   * @return the most probable class of each row, {@code int[B]}
   */
  public int[] predict(INDArray x) {
    INDArray argmax = forward(x).p().argMax(1);
    int[] out = new int[(int) x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = argmax.getInt(i);
    }
    return out;
  }

  /**
   * Adds {@code delta} to the parameters in place.
   *
   * @param delta an update in the parameters' shapes
   */
  public void addi(Gradients delta) {
    w1.addi(delta.w1());
    b1.addi(delta.b1());
    w2.addi(delta.w2());
    b2.addi(delta.b2());
  }

  /** @return the parameters (live views) as a {@link Gradients}-shaped tuple */
  public Gradients parameters() {
    return new Gradients(w1, b1, w2, b2);
  }

  /** @return d */
  public int inputDimension() {
    return (int) w1.rows();
  }

  /** @return h */
  public int hiddenUnits() {
    return (int) w1.columns();
  }

  /** @return K */
  public int classes() {
    return (int) w2.columns();
  }

  static INDArray oneHot(int[] labels, int k) {
    double[] y = new double[labels.length * k];
    for (int i = 0; i < labels.length; i++) {
      y[i * k + labels[i]] = 1;
    }
    return Nd4j.create(y, new long[] {labels.length, k}, DataType.DOUBLE);
  }
}
