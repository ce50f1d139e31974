package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The store's matrix copied into tiles of {@code rowsPerTile} vocabulary rows, each tile stored
 * transposed ({@code tile[j][row]}, {@code float[tiles * d * rowsPerTile]}), so that one vector load
 * covers L rows of component j; padding rows are zero with norm {@code +infinity}, so they never
 * pass a threshold.
 *
 * @param tiles number of tiles, {@code ceil(V / rowsPerTile)}
 * @param rowsPerTile rows per tile, {@code R * L} of the kernel
 * @param dimension d
 * @param size V, the number of real rows
 * @param transposed {@code float[tiles * d * rowsPerTile]}
 * @param norms {@code float[tiles * rowsPerTile]}: the store's squared norms, {@code +inf} padding
 * @param maxNorm the largest vector norm M of the store, rounded up by a relative 1e-6 ({@link ScreeningBound#MAX_NORM_FACTOR})
 */
record TileLayout(
    int tiles, int rowsPerTile, int dimension, int size, float[] transposed, float[] norms, double maxNorm) {

  /**
   * Copies {@code store} ({@code 4 V d} bytes on the heap, rounded up to whole tiles).
   *
   * @param store the embedding, {@code float[V*d]} row-major
   * @param rowsPerTile rows per tile, {@code >= 1}
   * @return the layout
   */
  static TileLayout of(EmbeddingStore store, int rowsPerTile) {
    int v = store.size();
    int d = store.dimension();
    int tiles = (v + rowsPerTile - 1) / rowsPerTile;
    float[] transposed = new float[tiles * d * rowsPerTile];
    float[] norms = new float[tiles * rowsPerTile];
    Arrays.fill(norms, Float.POSITIVE_INFINITY);
    FloatBuffer m = store.matrix();
    double max = 0;
    for (int row = 0; row < v; row++) {
      int t = row / rowsPerTile;
      int lane = row % rowsPerTile;
      for (int j = 0; j < d; j++) {
        transposed[(t * d + j) * rowsPerTile + lane] = m.get(row * d + j);
      }
      norms[row] = store.squaredNorm(row);
      max = Math.max(max, norms[row]);
    }
    return new TileLayout(tiles, rowsPerTile, d, v, transposed, norms, Math.sqrt(max) * ScreeningBound.MAX_NORM_FACTOR);
  }
}
