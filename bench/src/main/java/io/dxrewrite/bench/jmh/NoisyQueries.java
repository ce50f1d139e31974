package io.dxrewrite.bench.jmh;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.util.SplittableRandom;

/**
 * CMP-like query batches for the kernel benchmarks: a random vocabulary vector plus noise in a
 * uniformly random direction, of Euclidean length {@code radius} (10 matches CMP at epsilon 10 on
 * d = 100, whose noise length is Gamma(d, 1/epsilon) with mean d/epsilon).
 */
public final class NoisyQueries {
  private NoisyQueries() {}

  /**
   * @param store the embedding the queries are drawn around
   * @param count number of queries, {@code >= 0}
   * @param radius length of each noise vector, in embedding units
   * @param seed seed of the word choice and the noise directions
   * @return {@code float[count * d]}, row-major
   */
  public static float[] around(EmbeddingStore store, int count, double radius, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = store.dimension();
    float[] q = new float[count * d];
    double[] noise = new double[d];
    for (int i = 0; i < count; i++) {
      int word = random.nextInt(store.size());
      double norm = 0;
      for (int j = 0; j < d; j++) {
        noise[j] = random.nextGaussian();
        norm += noise[j] * noise[j];
      }
      double scale = radius / Math.sqrt(norm);
      for (int j = 0; j < d; j++) {
        q[i * d + j] = (float) (store.component(word, j) + scale * noise[j]);
      }
    }
    return q;
  }
}
