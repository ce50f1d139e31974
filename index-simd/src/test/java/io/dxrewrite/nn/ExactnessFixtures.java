package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.StoreFixtures;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Stores and queries shared by the exactness tests of every index kernel. */
final class ExactnessFixtures {
  private ExactnessFixtures() {}

  /**
   * @return {@code float[count*d]}: vocabulary vectors plus isotropic Gaussian noise of scale
   *     0.05, 0.3, 1 and 3 in turn, like the noisy vectors a mechanism produces
   */
  static float[] noisyQueries(EmbeddingStore store, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = store.dimension();
    float[] q = new float[count * d];
    double[] scales = {0.05, 0.3, 1.0, 3.0};
    for (int i = 0; i < count; i++) {
      int id = random.nextInt(store.size());
      double scale = scales[i % scales.length];
      for (int j = 0; j < d; j++) {
        q[i * d + j] = (float) (store.component(id, j) + scale * random.nextGaussian());
      }
    }
    return q;
  }

  /** 10 rows of d = 4 around 10: rows 3 and 7 identical, the rest random (seed 7). */
  static EmbeddingStore tiedStore(Path dir) {
    int d = 4;
    float[] v = new float[10 * d];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (10 + random.nextGaussian());
    }
    System.arraycopy(v, 3 * d, v, 7 * d, d);
    return StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(10), v, d, "ties"));
  }

  /** Two queries on {@link #tiedStore}: row 7 itself (tied with row 3) and the midpoint of rows 1, 2. */
  static float[] tieQueries(EmbeddingStore tiny) {
    int d = tiny.dimension();
    float[] q = new float[2 * d];
    tiny.copyVector(7, q, 0);
    for (int j = 0; j < d; j++) {
      q[d + j] = (tiny.component(1, j) + tiny.component(2, j)) / 2;
    }
    return q;
  }

  /**
   * 300 rows of d = 4 near the point (1000, ..., 1000), spread 0.01: scores are about -4e6 where a
   * float32 ulp is 0.25 while the true gaps are far smaller, so a float32-only argmin picks wrong
   * ids.
   */
  static EmbeddingStore farNearTieStore(Path dir, long seed) {
    int d = 4;
    int v = 300;
    SplittableRandom random = new SplittableRandom(seed);
    float[] rows = new float[v * d];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) (1000 + 0.01 * random.nextGaussian());
    }
    return StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(v), rows, d, "near ties"));
  }

  /** {@code count} queries of d = 4 near the point of {@link #farNearTieStore}. */
  static float[] farNearTieQueries(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] q = new float[count * 4];
    for (int i = 0; i < q.length; i++) {
      q[i] = (float) (1000 + 0.01 * random.nextGaussian());
    }
    return q;
  }
}
