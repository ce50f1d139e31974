package io.dxrewrite.density;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;

/**
 * Global bounds on distances between vocabulary words, as used by the truncated-Gumbel mechanism
 * (Xu et al., FLAIRS 2021): {@code deltaMin}, the smallest non-zero distance between two words,
 * and {@code deltaMax}, the largest.
 *
 * <p>{@code deltaMin} is exact: each word's nearest non-zero neighbour is found exactly (the
 * neighbour table, or an exact scan for a word whose K neighbours all coincide with it), and
 * deltaMin is their minimum. {@code deltaMax} is an upper bound on the safe side: with c the mean
 * vector and r_1 >= r_2 the two largest distances of any word to c, every pair satisfies {@code
 * ||a - b|| <= ||a - c|| + ||b - c|| <= r_1 + r_2} (triangle inequality). The exact diameter would
 * cost V^2 distance evaluations.
 */
public final class DistanceBounds {
  private DistanceBounds() {}

  /**
   * @param store the embedding
   * @return the upper bound {@code r_1 + r_2} on the largest distance between two words
   */
  public static double deltaMaxUpperBound(EmbeddingStore store) {
    float[] mean = store.meanVector();
    FloatBuffer m = store.matrix();
    int d = store.dimension();
    double r1 = 0;
    double r2 = 0;
    for (int i = 0; i < store.size(); i++) {
      double sq = 0;
      for (int j = 0; j < d; j++) {
        double diff = (double) m.get(i * d + j) - mean[j];
        sq += diff * diff;
      }
      double r = Math.sqrt(sq);
      if (r > r1) {
        r2 = r1;
        r1 = r;
      } else if (r > r2) {
        r2 = r;
      }
    }
    // a little slack for float64 rounding keeps the bound on the safe side
    return (r1 + r2) * (1 + 1e-12);
  }

  /**
   * Exact smallest non-zero distance from word {@code id} to any other word, by a float64 scan.
   *
   * @param store the embedding
   * @param id the word
   * @return the distance, or +infinity when all other words coincide with it
   */
  public static double nearestNonZeroDistance(EmbeddingStore store, int id) {
    FloatBuffer m = store.matrix();
    int d = store.dimension();
    double best = Double.POSITIVE_INFINITY;
    for (int other = 0; other < store.size(); other++) {
      if (other == id) {
        continue;
      }
      double sq = 0;
      for (int j = 0; j < d; j++) {
        double diff = (double) m.get(id * d + j) - m.get(other * d + j);
        sq += diff * diff;
      }
      if (sq > 0 && sq < best) {
        best = sq;
      }
    }
    return Math.sqrt(best);
  }
}
