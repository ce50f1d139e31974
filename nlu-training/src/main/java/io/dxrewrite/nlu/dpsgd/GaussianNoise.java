package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.nlu.model.Gradients;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adds i.i.d. N(0, std^2) noise to every coordinate of a gradient (the Gaussian mechanism of
 * DP-SGD, Abadi et al. 2016, Algorithm 1, with std = sigma * C). Draws come from the caller's
 * generator: {@link io.dxrewrite.random.RandomSources#secure()} unless the caller asked for a
 * seed.
 */
public final class GaussianNoise {
  private GaussianNoise() {}

  /**
   * @param gradient updated in place
   * @param std the noise standard deviation, >= 0 (0 adds nothing)
   * @param random source of the Gaussian draws
   */
  public static void addTo(Gradients gradient, double std, RandomGenerator random) {
    if (std == 0) {
      return;
    }
    for (INDArray x : gradient.arrays()) {
      double[] noise = new double[(int) x.length()];
      for (int i = 0; i < noise.length; i++) {
        noise[i] = std * random.nextGaussian();
      }
      x.addi(Nd4j.create(noise, x.shape(), DataType.DOUBLE));
    }
  }
}
