package io.dxrewrite.audit;

import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.density.NeighbourhoodTableBuilder;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.nn.BruteForceIndex;
import java.nio.file.Path;

/** Toy vocabularies built to break metric-DP claims, with their full neighbourhood tables. */
final class AdversarialStores {
  /** Id of w = 0 in {@link #rankConstruction}. */
  static final int W = 0;

  /** Id of w' = e_0. */
  static final int W_PRIME = 1;

  /** Id of y = -2 e_0. */
  static final int Y = 2;

  private AdversarialStores() {}

  /**
   * Issue 13's construction in d = 31: w = 0, w' = e_0, y = -2 e_0 and 30 more words at 2.5 e_j
   * (j = 1..30), so |V| = 33 and deltaMin = 1 = d(w, w'). y is w's 2nd nearest word (distance 2,
   * after w' at 1) and w''s last (distance 3, after w at 1 and the 30 others at sqrt(7.25)).
   *
   * @param dir folder for the store
   * @return the store
   */
  static EmbeddingStore rankConstruction(Path dir) {
    int d = 31;
    int v = 33;
    float[] x = new float[v * d];
    x[W_PRIME * d] = 1;
    x[Y * d] = -2;
    for (int j = 1; j <= 30; j++) {
      x[(2 + j) * d + j] = 2.5f;
    }
    return StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(v), x, d, "issue 13 toy"));
  }

  /**
   * @param dir folder for the store
   * @param n number of words
   * @return n words on a line in 2-D, at (i, 0), spacing 1
   */
  static EmbeddingStore line(Path dir, int n) {
    float[] x = new float[n * 2];
    for (int i = 0; i < n; i++) {
      x[2 * i] = i;
    }
    return StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(n), x, 2, "line"));
  }

  /**
   * @param store a small store
   * @return its table with every other word (K = |V| - 1)
   */
  static NeighbourhoodTable fullTable(EmbeddingStore store) {
    return NeighbourhoodTableBuilder.openOrBuild(
        store, new BruteForceIndex(store), store.size() - 1, ProgressListener.NONE);
  }
}
