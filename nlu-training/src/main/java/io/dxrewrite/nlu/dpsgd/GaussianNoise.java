package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.nlu.model.Gradients;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * I.i.d. N(0, std^2) noise for every coordinate of a gradient (the Gaussian mechanism of DP-SGD,
 * Abadi et al. 2016, Algorithm 1, with std = sigma * C). Draws come from the caller's generator:
 * {@link io.dxrewrite.random.ChaCha20Random} keyed by SecureRandom unless the caller asked for a seed.
 */
public final class GaussianNoise {
  private GaussianNoise() {}

  /**
   * @param d input dimension
   * @param h hidden units
   * @param k classes
   * @param std the noise standard deviation, >= 0
   * @param random source of the Gaussian draws
   * @return noise in the shapes of {@link Gradients} ({@code [d x h], [1 x h], [h x K], [1 x K]})
   */
  public static Gradients sample(int d, int h, int k, double std, RandomGenerator random) {
    return new Gradients(
        Nd4j.create(draw(d * h, std, random), new long[] {d, h}, DataType.DOUBLE),
        Nd4j.create(draw(h, std, random), new long[] {1, h}, DataType.DOUBLE),
        Nd4j.create(draw(h * k, std, random), new long[] {h, k}, DataType.DOUBLE),
        Nd4j.create(draw(k, std, random), new long[] {1, k}, DataType.DOUBLE));
  }

  private static double[] draw(int n, double std, RandomGenerator random) {
    double[] out = new double[n];
    if (std > 0) {
      for (int i = 0; i < n; i++) {
        out[i] = std * random.nextGaussian();
      }
    }
    return out;
  }
}
