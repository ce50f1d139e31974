package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Exact nearest-neighbour search in pure Java with the Vector API ({@code jdk.incubator.vector},
 * started with {@code --add-modules jdk.incubator.vector}; the {@code ./dx-rewrite} launcher does).
 *
 * <p>The matrix is copied once into tiles of {@code 4 x L} vocabulary rows (L = SIMD lanes, 16
 * with AVX-512), stored transposed ({@code tile[j][row]}), so one vector load covers L rows of
 * component j. Four queries share every load: 16 fused multiply-add accumulators hold {@code q.w}
 * for 4 queries x 4L rows, the score {@code ||w||^2 - 2 q.w} is formed in registers and compared
 * with each query's running threshold, and only the rare lanes below it leave the SIMD path, for
 * the same float32 screening and float64 rerank as {@link Nd4jExactIndex} ({@link ScreeningBound},
 * {@link CandidateSet}). No {@code batch x V} matrix exists; queries are split over all cores.
 * Results equal the float64 brute force, ties to the lowest id.
 */
public final class SimdExactIndex implements NearestNeighbourIndex {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int L = SPECIES.length();
  private static final int TILE = 4 * L;
  private static final int QUERIES_PER_TASK = 128;

  private final EmbeddingStore store;
  private final int v;
  private final int d;
  private final int tiles;
  private final float[] transposed;
  private final float[] norms;
  private final double maxNorm;
  private final ExecutorService pool;
  private final int threads;

  /**
   * Copies the store's matrix into transposed tiles ({@code 4 V d} bytes on the heap, rounded up to
   * whole tiles).
   *
   * @param store the embedding to search
   * @param threads worker threads, {@code >= 1} (usually the number of cores)
   */
  public SimdExactIndex(EmbeddingStore store, int threads) {
    this.store = store;
    this.v = store.size();
    this.d = store.dimension();
    this.tiles = (v + TILE - 1) / TILE;
    this.transposed = new float[tiles * d * TILE];
    this.norms = new float[tiles * TILE];
    java.util.Arrays.fill(norms, Float.POSITIVE_INFINITY);
    FloatBuffer m = store.matrix();
    double max = 0;
    for (int row = 0; row < v; row++) {
      int t = row / TILE;
      int lane = row % TILE;
      for (int j = 0; j < d; j++) {
        transposed[(t * d + j) * TILE + lane] = m.get(row * d + j);
      }
      norms[row] = store.squaredNorm(row);
      max = Math.max(max, norms[row]);
    }
    this.maxNorm = Math.sqrt(max) * (1 + 1e-6);
    this.threads = Math.max(1, threads);
    this.pool =
        Executors.newFixedThreadPool(
            this.threads,
            r -> {
              Thread t = new Thread(r, "dx-rewrite-simd-index");
              t.setDaemon(true);
              return t;
            });
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
    return "simd-java(" + L + " lanes, " + threads + " threads)";
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
    List<Future<?>> tasks = new ArrayList<>();
    for (int first = 0; first < count; first += QUERIES_PER_TASK) {
      int from = first;
      int to = Math.min(count, first + QUERIES_PER_TASK);
      tasks.add(pool.submit(() -> searchRange(queries, from, to, k, out)));
    }
    try {
      for (Future<?> task : tasks) {
        task.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during nearest-neighbour search", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("nearest-neighbour search failed", e.getCause());
    }
    return out;
  }

  private void searchRange(float[] queries, int from, int to, int k, int[] out) {
    FloatBuffer matrix = store.matrix();
    int n = to - from;
    int groups = (n + 3) / 4;
    CandidateSet[] sets = new CandidateSet[groups * 4];
    float[][] q = new float[groups * 4][];
    float[] thresholds = new float[groups * 4];
    for (int i = 0; i < groups * 4; i++) {
      int src = from + Math.min(i, n - 1); // pad the last group by repeating the last query
      q[i] = java.util.Arrays.copyOfRange(queries, src * d, src * d + d);
      double qn = 0;
      for (float x : q[i]) {
        qn += (double) x * x;
      }
      sets[i] = new CandidateSet(k);
      sets[i].reset(ScreeningBound.margin(d, Math.sqrt(qn), maxNorm));
      thresholds[i] = toFloatUp(sets[i].threshold());
    }
    // tile-major: one tile (d x 4L floats) stays in L1 while every query group of the task uses it
    for (int t = 0; t < tiles; t++) {
      for (int g = 0; g < groups; g++) {
        scanTile(t, q, g * 4, sets, thresholds);
      }
    }
    for (int i = 0; i < n; i++) {
      sets[i].rerank(queries, (from + i) * d, matrix, d, out, (from + i) * k);
    }
  }

  private void scanTile(int t, float[][] q, int first, CandidateSet[] sets, float[] thresholds) {
    float[] q0 = q[first];
    float[] q1 = q[first + 1];
    float[] q2 = q[first + 2];
    float[] q3 = q[first + 3];
    float[] w = transposed;
    FloatVector a00 = FloatVector.zero(SPECIES), a01 = a00, a02 = a00, a03 = a00;
    FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
    FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
    FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
    int base = t * d * TILE;
    for (int j = 0; j < d; j++) {
      int off = base + j * TILE;
      FloatVector w0 = FloatVector.fromArray(SPECIES, w, off);
      FloatVector w1 = FloatVector.fromArray(SPECIES, w, off + L);
      FloatVector w2 = FloatVector.fromArray(SPECIES, w, off + 2 * L);
      FloatVector w3 = FloatVector.fromArray(SPECIES, w, off + 3 * L);
      FloatVector b0 = FloatVector.broadcast(SPECIES, q0[j]);
      a00 = w0.fma(b0, a00);
      a01 = w1.fma(b0, a01);
      a02 = w2.fma(b0, a02);
      a03 = w3.fma(b0, a03);
      FloatVector b1 = FloatVector.broadcast(SPECIES, q1[j]);
      a10 = w0.fma(b1, a10);
      a11 = w1.fma(b1, a11);
      a12 = w2.fma(b1, a12);
      a13 = w3.fma(b1, a13);
      FloatVector b2 = FloatVector.broadcast(SPECIES, q2[j]);
      a20 = w0.fma(b2, a20);
      a21 = w1.fma(b2, a21);
      a22 = w2.fma(b2, a22);
      a23 = w3.fma(b2, a23);
      FloatVector b3 = FloatVector.broadcast(SPECIES, q3[j]);
      a30 = w0.fma(b3, a30);
      a31 = w1.fma(b3, a31);
      a32 = w2.fma(b3, a32);
      a33 = w3.fma(b3, a33);
    }
    int row0 = t * TILE;
    FloatVector n0 = FloatVector.fromArray(SPECIES, norms, row0);
    FloatVector n1 = FloatVector.fromArray(SPECIES, norms, row0 + L);
    FloatVector n2 = FloatVector.fromArray(SPECIES, norms, row0 + 2 * L);
    FloatVector n3 = FloatVector.fromArray(SPECIES, norms, row0 + 3 * L);
    check(a00, n0, row0, first, sets, thresholds);
    check(a01, n1, row0 + L, first, sets, thresholds);
    check(a02, n2, row0 + 2 * L, first, sets, thresholds);
    check(a03, n3, row0 + 3 * L, first, sets, thresholds);
    check(a10, n0, row0, first + 1, sets, thresholds);
    check(a11, n1, row0 + L, first + 1, sets, thresholds);
    check(a12, n2, row0 + 2 * L, first + 1, sets, thresholds);
    check(a13, n3, row0 + 3 * L, first + 1, sets, thresholds);
    check(a20, n0, row0, first + 2, sets, thresholds);
    check(a21, n1, row0 + L, first + 2, sets, thresholds);
    check(a22, n2, row0 + 2 * L, first + 2, sets, thresholds);
    check(a23, n3, row0 + 3 * L, first + 2, sets, thresholds);
    check(a30, n0, row0, first + 3, sets, thresholds);
    check(a31, n1, row0 + L, first + 3, sets, thresholds);
    check(a32, n2, row0 + 2 * L, first + 3, sets, thresholds);
    check(a33, n3, row0 + 3 * L, first + 3, sets, thresholds);
  }

  private void check(
      FloatVector dot, FloatVector norm, int row, int query, CandidateSet[] sets, float[] thresholds) {
    FloatVector score = dot.mul(-2f).add(norm);
    VectorMask<Float> below = score.compare(VectorOperators.LE, thresholds[query]);
    if (!below.anyTrue()) {
      return;
    }
    float[] lanes = score.toArray();
    CandidateSet set = sets[query];
    for (int lane = 0; lane < L; lane++) {
      if (lanes[lane] <= thresholds[query] && row + lane < v) {
        set.offer(row + lane, lanes[lane]);
        thresholds[query] = toFloatUp(set.threshold());
      }
    }
  }

  private static float toFloatUp(double value) {
    float f = (float) value;
    return f < value ? Math.nextUp(f) : f;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
