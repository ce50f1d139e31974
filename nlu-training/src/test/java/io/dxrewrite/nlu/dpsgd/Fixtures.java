package io.dxrewrite.nlu.dpsgd;

import io.dxrewrite.nlu.train.EncodedSet;
import java.util.SplittableRandom;

/** Small random classification sets with a fixed seed. */
final class Fixtures {
  private Fixtures() {}

  static EncodedSet randomSet(int n, int d, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian() * (1 + (i % 3));
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(k);
    }
    return new EncodedSet(x, d, y);
  }
}
