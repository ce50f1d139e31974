package io.dxrewrite.density;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.ExactDistances;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.nio.FloatBuffer;
import java.util.BitSet;

/**
 * Exact nearest-neighbour search for noisy vectors whose origin word is known, with a pruning
 * certificate from the {@link NeighbourhoodTable} (new in dx-rewrite).
 *
 * <p>For a noisy vector z drawn around word w, let {@code r = ||z - phi(w)||} and {@code D_K(w)}
 * the distance from w to its K-th neighbour. Every word u outside {w} and its K neighbours has
 * {@code ||z - u|| >= ||phi(w) - u|| - r >= D_K(w) - r} (triangle inequality). So if the k-th best
 * of the K + 1 local candidates is strictly closer than {@code D_K(w) - r} (with a margin for
 * float64 rounding), the local top-k is the global top-k, and the full scan is skipped; otherwise
 * the query goes to the full index. The output is identical to the full scan (same float64
 * distances, ties to the lowest id); only the running time changes.
 *
 * <p>Timing is therefore observable: a settled query answers faster, which reveals that the noise
 * was small relative to the local density. Over HTTP, where response time is visible to the
 * caller, batch many words per request or disable the certificate (see the README).
 */
public final class CertifiedNearestNeighbours {
  private static final double RELATIVE_MARGIN = 1e-9;

  private final EmbeddingStore store;
  private final NearestNeighbourIndex index;
  private final NeighbourhoodTable table;
  private final BitSet allowed;

  /**
   * @param store the embedding
   * @param index the full exact index used when the certificate fails
   * @param table the store's neighbourhood table
   */
  public CertifiedNearestNeighbours(
      EmbeddingStore store, NearestNeighbourIndex index, NeighbourhoodTable table) {
    this(store, index, table, null);
  }

  /**
   * A search restricted to a public output vocabulary S ({@code
   * io.dxrewrite.embeddings.OutputVocabulary}). The certificate still holds: the bound {@code ||z -
   * u|| >= D_K(w) - r} covers every word outside the local set, hence every word of S outside it,
   * so when the k-th best local candidate of S beats the bound it is the k-th nearest word of S.
   * Queries with fewer than k local candidates in S go to {@code index}.
   *
   * @param store the embedding (the full vocabulary)
   * @param index an exact index over S answering with full-store ids (e.g. {@code
   *     io.dxrewrite.nn.SubsetIndex}), used when the certificate fails
   * @param table the store's neighbourhood table (over the full vocabulary)
   * @param allowed S as bits over {@code [0, V)}, or null for every word
   */
  public CertifiedNearestNeighbours(
      EmbeddingStore store, NearestNeighbourIndex index, NeighbourhoodTable table, BitSet allowed) {
    this.store = store;
    this.index = index;
    this.table = table;
    this.allowed = allowed == null ? null : (BitSet) allowed.clone();
  }

  /**
   * The ids and how many queries the certificate settled.
   *
   * @param ids {@code int[n*k]} row-major, ascending distance, ties to the lowest id
   * @param settled queries answered from the neighbourhood table alone
   */
  public record Result(int[] ids, int settled) {}

  /**
   * @param z noisy vectors, {@code float[n*d]} row-major
   * @param n number of vectors
   * @param origins {@code int[n]}: the word each vector was drawn around, or a negative value when
   *     unknown (then the full index answers)
   * @param k neighbours per query, 1 or more (at most K + 1)
   * @return the exact top-k ids and the number of settled queries
   */
  public Result nearest(float[] z, int n, int[] origins, int k) {
    int d = store.dimension();
    int kk = table.k();
    FloatBuffer matrix = store.matrix();
    int[] out = new int[n * k];
    int[] pending = new int[n];
    int pendingCount = 0;
    int[] localIds = new int[kk + 1];
    double[] localDist = new double[kk + 1];
    for (int i = 0; i < n; i++) {
      int w = origins[i];
      if (w < 0 || k > kk + 1) {
        pending[pendingCount++] = i;
        continue;
      }
      double r = Math.sqrt(ExactDistances.squaredDistance(z, i * d, matrix, w, d));
      if (r >= table.kthDistanceBound(w)) {
        // D_K(w) - r <= 0 below as well; decided without touching the table's mapped rows
        pending[pendingCount++] = i;
        continue;
      }
      double limit = table.distance(w, kk - 1) - r;
      if (limit <= 0) {
        pending[pendingCount++] = i;
        continue;
      }
      // ranked by squared float64 distances, exactly as the brute force ranks them
      int m = 0;
      for (int j = -1; j < kk; j++) {
        int u = j < 0 ? w : table.neighbour(w, j);
        if (allowed == null || allowed.get(u)) {
          localIds[m] = u;
          localDist[m] = ExactDistances.squaredDistance(z, i * d, matrix, u, d);
          m++;
        }
      }
      if (m < k) {
        pending[pendingCount++] = i;
        continue;
      }
      selectTopK(localIds, localDist, m, k);
      if (Math.sqrt(localDist[k - 1]) < limit * (1 - RELATIVE_MARGIN) - RELATIVE_MARGIN) {
        System.arraycopy(localIds, 0, out, i * k, k);
      } else {
        pending[pendingCount++] = i;
      }
    }
    if (pendingCount > 0) {
      float[] rest = new float[pendingCount * d];
      for (int p = 0; p < pendingCount; p++) {
        System.arraycopy(z, pending[p] * d, rest, p * d, d);
      }
      int[] ids = index.nearest(rest, pendingCount, k);
      for (int p = 0; p < pendingCount; p++) {
        System.arraycopy(ids, p * k, out, pending[p] * k, k);
      }
    }
    return new Result(out, n - pendingCount);
  }

  /** Moves the k best (distance, then id) of the first m entries to the front, in order. */
  private static void selectTopK(int[] ids, double[] dist, int m, int k) {
    for (int j = 0; j < k; j++) {
      int best = j;
      for (int i = j + 1; i < m; i++) {
        if (dist[i] < dist[best] || (dist[i] == dist[best] && ids[i] < ids[best])) {
          best = i;
        }
      }
      int id = ids[best];
      double dd = dist[best];
      ids[best] = ids[j];
      dist[best] = dist[j];
      ids[j] = id;
      dist[j] = dd;
    }
  }
}
