package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;

/**
 * The reference distance of every index: {@code Σ_j (q_j - w_j)^2} accumulated in float64, in
 * component order. Screening kernels may rank in float32, but final decisions are made with this
 * function so that every index returns what a float64 brute force returns.
 */
public final class ExactDistances {
  private ExactDistances() {}

  /**
   * @param queries {@code float[count*d]}, row-major
   * @param queryOffset index of the query's first component in {@code queries}
   * @param matrix the store's matrix, {@code float[V*d]} row-major
   * @param id word id
   * @param d dimension
   * @return the squared Euclidean distance in float64
   */
  public static double squaredDistance(
      float[] queries, int queryOffset, FloatBuffer matrix, int id, int d) {
    double sum = 0;
    int base = id * d;
    for (int j = 0; j < d; j++) {
      double diff = (double) queries[queryOffset + j] - matrix.get(base + j);
      sum += diff * diff;
    }
    return sum;
  }

  /**
   * @param store the embedding
   * @param a word id
   * @param b word id
   * @return the Euclidean distance {@code ||phi(a) - phi(b)||} in float64
   */
  public static double distance(EmbeddingStore store, int a, int b) {
    FloatBuffer m = store.matrix();
    int d = store.dimension();
    double sum = 0;
    for (int j = 0; j < d; j++) {
      double diff = (double) m.get(a * d + j) - m.get(b * d + j);
      sum += diff * diff;
    }
    return Math.sqrt(sum);
  }
}
