package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The store rotated onto its principal axes ({@code y = A (w - mu)}, float64, then rounded to
 * float32) and split for staged search ({@link PrunedExactIndex}):
 *
 * <ul>
 *   <li>{@link #head}: tiles of {@code rowsPerTile} rows stored transposed, {@code float[tiles *
 *       (lead + 1) * rowsPerTile]}: the first {@code lead} rotated coordinates, then the float32
 *       norm of the remaining ones, {@code r(y) = ||y_rest||};
 *   <li>{@link #tail}: {@code float[V * tailWidth]} row-major, coordinates {@code lead .. d-1},
 *       zero-padded to a multiple of the SIMD lanes;
 *   <li>{@link #norms}: {@code float[tiles * rowsPerTile]}, {@code ||y||^2} of the float32 rotated
 *       row, {@code +infinity} on padding rows.
 * </ul>
 *
 * Memory: {@code 4 (lead + 2 + tailWidth)} bytes per word, e.g. 456 bytes (156 MB for 341,479
 * words) at lead 48, d = 100 and 16 lanes; the original store stays mapped for the float64 rerank.
 */
final class RotatedStore {
  final PrincipalAxes axes;
  final int size;
  final int dimension;
  final int lead;
  final int rowsPerTile;
  final int tiles;
  final int tailWidth;
  final float[] head;
  final float[] tail;
  final float[] norms;
  /** The largest ||y~||, rounded up by a relative 1e-6 ({@link ScreeningBound#MAX_NORM_FACTOR}). */
  final double maxNorm;

  private RotatedStore(
      PrincipalAxes axes, EmbeddingStore store, int lead, int rowsPerTile, int lanes) {
    this.axes = axes;
    this.size = store.size();
    this.dimension = store.dimension();
    this.lead = lead;
    this.rowsPerTile = rowsPerTile;
    this.tiles = (size + rowsPerTile - 1) / rowsPerTile;
    int rest = dimension - lead;
    this.tailWidth = (rest + lanes - 1) / lanes * lanes;
    this.head = new float[tiles * (lead + 1) * rowsPerTile];
    this.tail = new float[size * tailWidth];
    this.norms = new float[tiles * rowsPerTile];
    Arrays.fill(norms, Float.POSITIVE_INFINITY);
    int chunks = Math.max(1, Math.min(64, size / 1024));
    double max =
        IntStream.range(0, chunks)
            .parallel()
            .mapToDouble(c -> fill(store, (int) ((long) size * c / chunks), (int) ((long) size * (c + 1) / chunks)))
            .max()
            .orElse(0);
    this.maxNorm = Math.sqrt(max) * ScreeningBound.MAX_NORM_FACTOR;
  }

  /**
   * @param store the embedding, {@code float[V*d]} row-major
   * @param axes its principal axes
   * @param lead leading coordinates in the first stage, {@code 1 <= lead < d}
   * @param rowsPerTile rows per transposed tile
   * @param lanes SIMD float lanes (the tail is padded to a multiple)
   * @return the rotated copy
   * @throws IllegalArgumentException if lead is outside {@code [1, d)}
   */
  static RotatedStore of(
      EmbeddingStore store, PrincipalAxes axes, int lead, int rowsPerTile, int lanes) {
    if (lead < 1 || lead >= store.dimension()) {
      throw new IllegalArgumentException(
          "leading coordinates must be in [1, " + store.dimension() + "), got " + lead);
    }
    return new RotatedStore(axes, store, lead, rowsPerTile, lanes);
  }

  /** Rotates rows [from, to); returns the largest squared norm among them. */
  private double fill(EmbeddingStore store, int from, int to) {
    int d = dimension;
    FloatBuffer m = store.matrix();
    float[] x = new float[d];
    double[] y = new double[d];
    int h = lead + 1;
    double max = 0;
    for (int row = from; row < to; row++) {
      for (int j = 0; j < d; j++) {
        x[j] = m.get(row * d + j);
      }
      axes.rotate(x, 0, y);
      int t = row / rowsPerTile;
      int lane = row % rowsPerTile;
      double normSq = 0;
      double restSq = 0;
      for (int i = 0; i < d; i++) {
        float yi = (float) y[i];
        normSq += (double) yi * yi;
        if (i < lead) {
          head[(t * h + i) * rowsPerTile + lane] = yi;
        } else {
          restSq += (double) yi * yi;
          tail[row * tailWidth + i - lead] = yi;
        }
      }
      head[(t * h + lead) * rowsPerTile + lane] = (float) Math.sqrt(restSq);
      norms[row] = (float) normSq;
      max = Math.max(max, normSq);
    }
    return max;
  }

  /** Bytes held on the heap by the rotated copy. */
  long bytes() {
    return 4L * (head.length + tail.length + norms.length);
  }
}
