package io.dxrewrite.mechanism;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * The one exact range scan of the truncated exponential mechanism per distinct input point: the
 * float64 Euclidean distance from each query point to every output word, split at gamma into L_x
 * and {@code O \ L_x} ({@link TemCandidates}). Cost {@code O(|V| d)} per query whatever the query:
 * no pruning, no early exit. Queries are scanned in blocks of {@value #BLOCK} that share each read
 * of the matrix, blocks in parallel on the common fork-join pool.
 */
final class TemScan {
  static final int BLOCK = 8;
  private static final int CHUNK_ROWS = 256;

  /**
   * The float64 squared-distance kernel: SIMD when the Vector API module is present. A chunk of
   * rows is first laid out by {@link #transpose} (once per chunk, shared by the block's queries).
   */
  interface Kernel {
    /**
     * @return the kernel's layout needs {@code count} rounded up to a multiple of this
     */
    int rowPadding();

    /**
     * @param rows {@code double[count*d]} row-major
     * @param count number of rows
     * @param d dimension
     * @param layout receives the kernel's layout of the rows, length at least {@code
     *     roundUp(count, rowPadding()) * d}
     */
    void transpose(double[] rows, int count, int d, double[] layout);

    /**
     * @param q the query, {@code double[d]}
     * @param layout the rows as laid out by {@link #transpose}
     * @param count number of rows
     * @param d dimension
     * @param out receives {@code Σ_j (q_j - w_rj)^2}, summed in float64 in component order, at
     *     {@code out[outOffset + r]}
     * @param outOffset first index written
     */
    void squaredDistances(double[] q, double[] layout, int count, int d, double[] out, int outOffset);
  }

  /** Row-major, one row at a time, float64 in component order. */
  static final Kernel SCALAR =
      new Kernel() {
        @Override
        public int rowPadding() {
          return 1;
        }

        @Override
        public void transpose(double[] rows, int count, int d, double[] layout) {
          System.arraycopy(rows, 0, layout, 0, count * d);
        }

        @Override
        public void squaredDistances(
            double[] q, double[] rows, int count, int d, double[] out, int outOffset) {
          for (int r = 0; r < count; r++) {
            int offset = r * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
              double a = q[j] - rows[offset + j];
              sum += a * a;
            }
            out[outOffset + r] = sum;
          }
        }
      };

  static final Kernel KERNEL = chooseKernel();

  private TemScan() {}

  private static Kernel chooseKernel() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return SCALAR;
    }
    try {
      return new TemVectorKernel();
    } catch (LinkageError unavailable) {
      return SCALAR;
    }
  }

  /**
   * @param store the embedding
   * @param points {@code float[n*d]} row-major query points
   * @param queries the rows of {@code points} to scan
   * @param outputs ascending ids of the output vocabulary O, or null for all of V
   * @param epsilon epsilon per word
   * @param gamma the truncation radius
   * @return one candidate set per entry of {@code queries}
   */
  static TemCandidates[] candidates(
      EmbeddingStore store, float[] points, int[] queries, int[] outputs, double epsilon,
      double gamma) {
    TemCandidates[] result = new TemCandidates[queries.length];
    int blocks = (queries.length + BLOCK - 1) / BLOCK;
    IntStream stream = IntStream.range(0, blocks);
    if (blocks > 1) {
      stream = stream.parallel();
    }
    stream.forEach(
        b -> {
          int from = b * BLOCK;
          int to = Math.min(queries.length, from + BLOCK);
          double[][] distances = squaredDistances(store, points, queries, from, to);
          for (int i = from; i < to; i++) {
            result[i] = split(distances[i - from], outputs, epsilon, gamma);
          }
        });
    return result;
  }

  private static double[][] squaredDistances(
      EmbeddingStore store, float[] points, int[] queries, int from, int to) {
    int v = store.size();
    int d = store.dimension();
    int n = to - from;
    double[][] q = new double[n][d];
    for (int i = 0; i < n; i++) {
      int base = queries[from + i] * d;
      for (int j = 0; j < d; j++) {
        q[i][j] = points[base + j];
      }
    }
    double[][] out = new double[n][v];
    FloatBuffer matrix = store.matrix();
    float[] chunk = new float[CHUNK_ROWS * d];
    double[] rows = new double[CHUNK_ROWS * d];
    int pad = KERNEL.rowPadding();
    double[] layout = new double[(CHUNK_ROWS + pad - 1) / pad * pad * d];
    for (int start = 0; start < v; start += CHUNK_ROWS) {
      int count = Math.min(CHUNK_ROWS, v - start);
      matrix.get(start * d, chunk, 0, count * d);
      for (int k = 0; k < count * d; k++) {
        rows[k] = chunk[k];
      }
      KERNEL.transpose(rows, count, d, layout);
      for (int i = 0; i < n; i++) {
        KERNEL.squaredDistances(q[i], layout, count, d, out[i], start);
      }
    }
    return out;
  }

  private static TemCandidates split(
      double[] squared, int[] outputs, double epsilon, double gamma) {
    int size = outputs == null ? squared.length : outputs.length;
    int near = 0;
    for (int k = 0; k < size; k++) {
      int y = outputs == null ? k : outputs[k];
      if (Math.sqrt(squared[y]) <= gamma) {
        near++;
      }
    }
    int[] nearIds = new int[near];
    double[] nearDistances = new double[near];
    int[] farIds = new int[size - near];
    int a = 0;
    int f = 0;
    for (int k = 0; k < size; k++) {
      int y = outputs == null ? k : outputs[k];
      double distance = Math.sqrt(squared[y]);
      if (distance <= gamma) {
        nearIds[a] = y;
        nearDistances[a++] = distance;
      } else {
        farIds[f++] = y;
      }
    }
    return new TemCandidates(epsilon, gamma, nearIds, nearDistances, farIds);
  }
}
