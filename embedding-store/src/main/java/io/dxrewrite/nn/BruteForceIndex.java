package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;

/**
 * The float64 brute force: for each query, {@link ExactDistances#squaredDistance} against every
 * vocabulary vector, argmin with ties to the lowest id. Slow (one scalar pass over {@code V*d}
 * per query); it is the reference that faster indexes are tested against.
 */
public final class BruteForceIndex implements NearestNeighbourIndex {
  private final EmbeddingStore store;

  /**
   * @param store the embedding to search
   */
  public BruteForceIndex(EmbeddingStore store) {
    this.store = store;
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public int dimension() {
    return store.dimension();
  }

  @Override
  public String name() {
    return "float64-brute-force";
  }

  @Override
  public int[] nearest(float[] queries, int count) {
    return nearest(queries, count, 1);
  }

  @Override
  public int[] nearest(float[] queries, int count, int k) {
    int d = store.dimension();
    int v = store.size();
    IndexChecks.checkQueries(queries, count, d, k, v);
    FloatBuffer matrix = store.matrix();
    int[] out = new int[count * k];
    CandidateSet candidates = new CandidateSet(k);
    for (int q = 0; q < count; q++) {
      candidates.reset(0.0);
      for (int id = 0; id < v; id++) {
        candidates.offer(id, ExactDistances.squaredDistance(queries, q * d, matrix, id, d));
      }
      candidates.best(out, q * k);
    }
    return out;
  }
}
