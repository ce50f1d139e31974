package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;

/**
 * Exact nearest-neighbour search in pure Java with the Vector API ({@code jdk.incubator.vector},
 * started with {@code --add-modules jdk.incubator.vector}; the {@code ./dx-rewrite} launcher does).
 *
 * <p>The matrix is copied once into tiles of {@code R x L} vocabulary rows (L = SIMD lanes, 16
 * with AVX-512), stored transposed ({@link TileLayout}), so one vector load covers L rows of
 * component j. Q queries share every load: {@code Q x R} fused multiply-add accumulators hold
 * {@code q.w} for Q queries x RL rows, the score {@code ||w||^2 - 2 q.w} is formed in registers and
 * each query's lane-wise minimum is compared once per tile with its running threshold; only the
 * rare tiles with a score below it leave the SIMD path, for the same float32 screening and float64
 * rerank as {@link Nd4jExactIndex} ({@link ScreeningBound}, {@link CandidateSet}). The width and
 * the block {@code Q x R} are chosen once at start from the preferred species and the register
 * count ({@link SimdConfiguration}: 4x4 at 512 bits, 4x3 with 16 registers), or forced. No {@code
 * batch x V} matrix exists. A batch is split into equal tasks of at most 512 queries, a multiple of
 * the thread count, and each task streams the tiles once. Results equal the float64 brute force,
 * ties to the lowest id, at every width and block.
 */
public final class SimdExactIndex implements NearestNeighbourIndex {

  private final EmbeddingStore store;
  private final int v;
  private final int d;
  private final SimdConfiguration configuration;
  private final TileKernel kernel;
  private final TileLayout layout;
  private final QueryTasks tasks;
  private final int threads;

  /**
   * Copies the store's matrix into transposed tiles ({@code 4 V d} bytes on the heap, rounded up to
   * whole tiles), with the width and block of this machine ({@link SimdConfiguration#detect()}).
   *
   * @param store the embedding to search
   * @param threads worker threads, {@code >= 1} (usually the number of cores)
   */
  public SimdExactIndex(EmbeddingStore store, int threads) {
    this(store, threads, SimdConfiguration.detect());
  }

  /**
   * As {@link #SimdExactIndex(EmbeddingStore, int)} with a given width and block: tests force
   * every width, benchmarks compare blocks.
   *
   * @param store the embedding to search
   * @param threads worker threads, {@code >= 1}
   * @param configuration vector width and register block
   */
  public SimdExactIndex(EmbeddingStore store, int threads, SimdConfiguration configuration) {
    this.store = store;
    this.v = store.size();
    this.d = store.dimension();
    this.configuration = configuration;
    this.kernel = TileKernels.kernel(configuration.shape(), configuration.bits());
    this.layout = TileLayout.of(store, configuration.rowsPerTile());
    this.tasks = new QueryTasks(threads, "dx-rewrite-simd-index");
    this.threads = tasks.threads();
  }

  /**
   * @return the width and block this index runs with
   */
  public SimdConfiguration configuration() {
    return configuration;
  }

  @Override
  public int size() {
    return v;
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public String name() {
    return "simd-java("
        + configuration.bits()
        + " bits, "
        + configuration.shape()
        + " block, "
        + threads
        + " threads)";
  }

  @Override
  public int[] nearest(float[] queries, int count) {
    return nearest(queries, count, 1);
  }

  @Override
  public int[] nearest(float[] queries, int count, int k) {
    IndexChecks.checkQueries(queries, count, d, k, v);
    int[] out = new int[count * k];
    if (count == 0) {
      return out;
    }
    tasks.run(count, (from, to) -> searchRange(queries, from, to, k, out));
    return out;
  }

  private void searchRange(float[] queries, int from, int to, int k, int[] out) {
    FloatBuffer matrix = store.matrix();
    int n = to - from;
    int perBlock = kernel.queriesPerBlock();
    int groups = (n + perBlock - 1) / perBlock;
    int padded = groups * perBlock;
    CandidateSet[] sets = new CandidateSet[padded];
    float[] q = new float[padded * d]; // row-major, the last group padded by repeating the last query
    float[] thresholds = new float[padded];
    for (int i = 0; i < padded; i++) {
      int src = from + Math.min(i, n - 1);
      System.arraycopy(queries, src * d, q, i * d, d);
      double qn = 0;
      for (int j = 0; j < d; j++) {
        qn += (double) q[i * d + j] * q[i * d + j];
      }
      sets[i] = new CandidateSet(k);
      sets[i].reset(ScreeningBound.margin(d, Math.sqrt(qn), layout.maxNorm()));
      thresholds[i] = TileKernels.toFloatUp(sets[i].threshold());
    }
    kernel.scan(layout, q, groups, sets, thresholds, new float[layout.rowsPerTile()]);
    for (int i = 0; i < n; i++) {
      sets[i].rerank(queries, (from + i) * d, matrix, d, out, (from + i) * k);
    }
  }

  @Override
  public void close() {
    tasks.close();
  }
}
