package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The store rotated onto its principal axes ({@code y = A (w - mu)}, float64, then rounded to
 * float32) and laid out for staged search ({@link PrunedExactIndex}).
 *
 * <p>{@link #tiles}: {@code float[tileCount * rowsPerTile * TILE]}, tile-major; tile t holds the
 * {@code TILE} words {@code t*TILE ..} transposed: row j ({@code 0 <= j < d}) is rotated
 * coordinate j of each of them, and row {@code d + s} is the float32 norm of the coordinates after
 * stage boundary s, {@code r_s(y) = ||y_[stages[s], d)||}. {@link #norms}: {@code
 * float[tileCount * TILE]}, {@code ||y||^2} of the float32 rotated row, {@code +infinity} on the
 * padding rows of the last tile (their coordinates and residual norms are 0).
 *
 * <p>Memory: {@code 4 (d + stages + 1)} bytes per word, e.g. 416 bytes (135 MiB for 341,479
 * words) at d = 100 with 3 stage boundaries (lead 80); the original store stays mapped for the float64
 * rerank.
 */
final class RotatedStore {
  final PrincipalAxes axes;
  final int size;
  final int dimension;
  final int[] stages;
  final int tile;
  final int rowsPerTile;
  final int tileCount;
  final float[] tiles;
  final float[] norms;
  /** The largest ||y~||, rounded up by a relative 1e-6 ({@link ScreeningBound#MAX_NORM_FACTOR}). */
  final double maxNorm;

  private RotatedStore(PrincipalAxes axes, EmbeddingStore store, int[] stages, int tile) {
    this.axes = axes;
    this.size = store.size();
    this.dimension = store.dimension();
    this.stages = stages.clone();
    this.tile = tile;
    this.rowsPerTile = dimension + stages.length;
    this.tileCount = (size + tile - 1) / tile;
    this.tiles = new float[Math.multiplyExact(Math.multiplyExact(tileCount, rowsPerTile), tile)];
    this.norms = new float[tileCount * tile];
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
   * @param stages stage boundaries, strictly increasing, each in {@code [1, d)}
   * @param tile words per transposed tile (a multiple of the SIMD lanes)
   * @return the rotated copy
   * @throws IllegalArgumentException if the stage boundaries are empty, not increasing or outside
   *     {@code [1, d)}
   */
  static RotatedStore of(EmbeddingStore store, PrincipalAxes axes, int[] stages, int tile) {
    int d = store.dimension();
    if (stages.length == 0 || stages[0] < 1 || stages[stages.length - 1] >= d) {
      throw new IllegalArgumentException(
          "leading coordinates must be in [1, " + d + "), got " + (stages.length == 0 ? "none" : stages[0]));
    }
    for (int s = 1; s < stages.length; s++) {
      if (stages[s] <= stages[s - 1]) {
        throw new IllegalArgumentException("stage boundaries must increase: " + Arrays.toString(stages));
      }
    }
    return new RotatedStore(axes, store, stages, tile);
  }

  /** Rotates rows [from, to); returns the largest squared norm among them. */
  private double fill(EmbeddingStore store, int from, int to) {
    int d = dimension;
    FloatBuffer m = store.matrix();
    float[] x = new float[d];
    double[] y = new double[d];
    float[] rounded = new float[d];
    double max = 0;
    for (int row = from; row < to; row++) {
      for (int j = 0; j < d; j++) {
        x[j] = m.get(row * d + j);
      }
      axes.rotate(x, 0, y);
      int base = (row / tile) * rowsPerTile * tile + row % tile;
      double normSq = 0;
      for (int j = 0; j < d; j++) {
        rounded[j] = (float) y[j];
        normSq += (double) rounded[j] * rounded[j];
        tiles[base + j * tile] = rounded[j];
      }
      for (int s = 0; s < stages.length; s++) {
        tiles[base + (d + s) * tile] = (float) residualNorm(rounded, stages[s]);
      }
      norms[row] = (float) normSq;
      max = Math.max(max, normSq);
    }
    return max;
  }

  /**
   * @param v a rotated float32 vector, {@code float[d]}
   * @param from first coordinate of the rest
   * @return {@code ||v_[from, d)||} computed in float64
   */
  static double residualNorm(float[] v, int from) {
    double sum = 0;
    for (int j = from; j < v.length; j++) {
      sum += (double) v[j] * v[j];
    }
    return Math.sqrt(sum);
  }

  /** Bytes held on the heap by the rotated copy. */
  long bytes() {
    return 4L * (tiles.length + norms.length);
  }
}
