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
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Exact nearest-neighbour search in pure Java with the Vector API ({@code jdk.incubator.vector},
 * started with {@code --add-modules jdk.incubator.vector}; the {@code ./dx-rewrite} launcher does).
 *
 * <p>The matrix is copied once into tiles of {@code 4 x L} vocabulary rows (L = SIMD lanes, 16
 * with AVX-512), stored transposed ({@code tile[j][row]}), so one vector load covers L rows of
 * component j. Four queries share every load: 16 fused multiply-add accumulators hold {@code q.w}
 * for 4 queries x 4L rows, the score {@code ||w||^2 - 2 q.w} is formed in registers and each
 * query's lane-wise minimum is compared once per tile with its running threshold; only the rare
 * tiles with a score below it leave the SIMD path, for the same float32 screening and float64
 * rerank as {@link Nd4jExactIndex} ({@link ScreeningBound}, {@link CandidateSet}). No {@code batch x
 * V} matrix exists. A batch is split into equal tasks of at most 512 queries, a multiple of the
 * thread count, and each task streams the tiles once. Results equal the float64 brute force, ties
 * to the lowest id.
 */
public final class SimdExactIndex implements NearestNeighbourIndex {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int L = SPECIES.length();
  private static final int TILE = 4 * L;
  private static final int MAX_QUERIES_PER_TASK = 512;
  private static final FloatVector MINUS_TWO = FloatVector.broadcast(SPECIES, -2f);

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
    this.maxNorm = Math.sqrt(max) * ScreeningBound.MAX_NORM_FACTOR;
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
    // equal tasks, a multiple of the thread count, each at most MAX_QUERIES_PER_TASK queries: the
    // more queries share a tile while it sits in L1, the fewer times the matrix is streamed
    int rounds = (count + threads * MAX_QUERIES_PER_TASK - 1) / (threads * MAX_QUERIES_PER_TASK);
    int taskCount = Math.min(count, rounds * threads);
    int perTask = (count + taskCount - 1) / taskCount;
    List<Future<?>> tasks = new ArrayList<>();
    for (int first = 0; first < count; first += perTask) {
      int from = first;
      int to = Math.min(count, first + perTask);
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
    int padded = groups * 4;
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
      sets[i].reset(ScreeningBound.margin(d, Math.sqrt(qn), maxNorm));
      thresholds[i] = toFloatUp(sets[i].threshold());
    }
    float[] scratch = new float[TILE];
    // tile-major: one tile (d x 4L floats) stays in L1 while every query group of the task uses it
    for (int t = 0; t < tiles; t++) {
      for (int g = 0; g < groups; g++) {
        scanTile(t, q, g * 4, sets, thresholds, scratch);
      }
    }
    for (int i = 0; i < n; i++) {
      sets[i].rerank(queries, (from + i) * d, matrix, d, out, (from + i) * k);
    }
  }

  /*
   * Scores 4 queries x 4L rows. The threshold test is one compare per query (on the lane-wise
   * minimum of its four score vectors), and only a hit leaves the vector code: the scores go
   * through a scratch array into a method that takes no vectors. Passing vectors to a method C2
   * does not inline makes it box them; measured, the old per-accumulator check with toArray()
   * ran at about half this speed (bench/RESULTS.md).
   */
  private void scanTile(
      int t, float[] q, int first, CandidateSet[] sets, float[] thresholds, float[] scratch) {
    float[] w = transposed;
    FloatVector a00 = FloatVector.zero(SPECIES), a01 = a00, a02 = a00, a03 = a00;
    FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
    FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
    FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
    int base = t * d * TILE;
    int q0 = first * d;
    int q1 = q0 + d;
    int q2 = q1 + d;
    int q3 = q2 + d;
    for (int j = 0; j < d; j++) {
      int off = base + j * TILE;
      FloatVector w0 = FloatVector.fromArray(SPECIES, w, off);
      FloatVector w1 = FloatVector.fromArray(SPECIES, w, off + L);
      FloatVector w2 = FloatVector.fromArray(SPECIES, w, off + 2 * L);
      FloatVector w3 = FloatVector.fromArray(SPECIES, w, off + 3 * L);
      FloatVector b = FloatVector.broadcast(SPECIES, q[q0 + j]);
      a00 = w0.fma(b, a00);
      a01 = w1.fma(b, a01);
      a02 = w2.fma(b, a02);
      a03 = w3.fma(b, a03);
      b = FloatVector.broadcast(SPECIES, q[q1 + j]);
      a10 = w0.fma(b, a10);
      a11 = w1.fma(b, a11);
      a12 = w2.fma(b, a12);
      a13 = w3.fma(b, a13);
      b = FloatVector.broadcast(SPECIES, q[q2 + j]);
      a20 = w0.fma(b, a20);
      a21 = w1.fma(b, a21);
      a22 = w2.fma(b, a22);
      a23 = w3.fma(b, a23);
      b = FloatVector.broadcast(SPECIES, q[q3 + j]);
      a30 = w0.fma(b, a30);
      a31 = w1.fma(b, a31);
      a32 = w2.fma(b, a32);
      a33 = w3.fma(b, a33);
    }
    int row0 = t * TILE;
    FloatVector n0 = FloatVector.fromArray(SPECIES, norms, row0);
    FloatVector n1 = FloatVector.fromArray(SPECIES, norms, row0 + L);
    FloatVector n2 = FloatVector.fromArray(SPECIES, norms, row0 + 2 * L);
    FloatVector n3 = FloatVector.fromArray(SPECIES, norms, row0 + 3 * L);
    // score = ||w||^2 - 2 q.w; the multiplication by -2 is exact, so the fma rounds like mul+add
    FloatVector s0 = a00.fma(MINUS_TWO, n0);
    FloatVector s1 = a01.fma(MINUS_TWO, n1);
    FloatVector s2 = a02.fma(MINUS_TWO, n2);
    FloatVector s3 = a03.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2.min(s3)).compare(VectorOperators.LE, thresholds[first]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      offer(scratch, row0, first, sets, thresholds);
    }
    s0 = a10.fma(MINUS_TWO, n0);
    s1 = a11.fma(MINUS_TWO, n1);
    s2 = a12.fma(MINUS_TWO, n2);
    s3 = a13.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2.min(s3)).compare(VectorOperators.LE, thresholds[first + 1]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      offer(scratch, row0, first + 1, sets, thresholds);
    }
    s0 = a20.fma(MINUS_TWO, n0);
    s1 = a21.fma(MINUS_TWO, n1);
    s2 = a22.fma(MINUS_TWO, n2);
    s3 = a23.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2.min(s3)).compare(VectorOperators.LE, thresholds[first + 2]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      offer(scratch, row0, first + 2, sets, thresholds);
    }
    s0 = a30.fma(MINUS_TWO, n0);
    s1 = a31.fma(MINUS_TWO, n1);
    s2 = a32.fma(MINUS_TWO, n2);
    s3 = a33.fma(MINUS_TWO, n3);
    if (s0.min(s1).min(s2.min(s3)).compare(VectorOperators.LE, thresholds[first + 3]).anyTrue()) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, L);
      s2.intoArray(scratch, 2 * L);
      s3.intoArray(scratch, 3 * L);
      offer(scratch, row0, first + 3, sets, thresholds);
    }
  }

  /** Offers the scores of one query against the tile's 4L rows that are at most its threshold. */
  private void offer(float[] scores, int row0, int query, CandidateSet[] sets, float[] thresholds) {
    CandidateSet set = sets[query];
    for (int lane = 0; lane < TILE; lane++) {
      if (scores[lane] <= thresholds[query] && row0 + lane < v) {
        set.offer(row0 + lane, scores[lane]);
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
