package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Exact nearest-neighbour search that skips most of the brute force's work (issue 17 §2), with the
 * Vector API ({@code --add-modules jdk.incubator.vector}).
 *
 * <p>The store is rotated once onto its principal axes ({@link PrincipalAxes}, float64; an
 * orthogonal map keeps every distance) and kept as a float32 copy ({@link RotatedStore}). For a
 * rotated query z and word y, split after the {@code lead} leading coordinates into head and rest:
 *
 * <pre>||z - y||^2 >= ||z_head - y_head||^2 + (||z_rest|| - ||y_rest||)^2</pre>
 *
 * (triangle inequality on the rest). In score units ({@code ||y||^2 - 2 z.y}, the squared distance
 * less {@code ||z||^2}) this bound is {@code ||y||^2 - 2 (z_head.y_head + ||z_rest|| ||y_rest||)}, a
 * dot product of {@code lead + 1} numbers. Stage 1 computes it for 4 queries x 2 SIMD vectors of
 * words at a time from transposed tiles, like {@link SimdExactIndex}, and compares it with each
 * query's running threshold; a word that passes is finished at full dimension (its tail dot product
 * from a row-major copy) and offered to the query's {@link CandidateSet}. The threshold is the k-th
 * best score so far plus {@link RotatedScreeningBound#margin}, which accounts for the float32
 * rounding of the rotated store and query, the float32 arithmetic and the rotation's defect, so no
 * word of the float64 top-k is pruned; the survivors are reranked on the original vectors in
 * float64, ties to the lowest id. Results equal the float64 brute force.
 *
 * <p>Memory: the rotated copy ({@link #rotatedBytes()}, about 156 MB for GloVe 6B 100d) instead of
 * {@link SimdExactIndex}'s 137 MB transposed copy; building it (covariance, eigendecomposition,
 * rotation) costs about {@code 1.5 V d^2} float64 multiply-adds once.
 */
public final class PrunedExactIndex implements NearestNeighbourIndex {
  /** Leading principal coordinates of the first stage for d = 100 (measured, bench/RESULTS.md). */
  public static final int DEFAULT_LEAD = 48;

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int R = 2;
  private static final int Q = 4;
  private static final int TILE = R * L;
  private static final int MAX_QUERIES_PER_TASK = 512;
  private static final FloatVector MINUS_TWO = FloatVector.broadcast(S, -2f);

  private final EmbeddingStore store;
  private final RotatedStore rotated;
  private final int v;
  private final int d;
  private final int lead;
  private final ExecutorService pool;
  private final int threads;
  private final AtomicLong finished = new AtomicLong();
  private final AtomicLong screened = new AtomicLong();

  /**
   * Computes the principal axes and the rotated copy of {@code store}.
   *
   * @param store the embedding to search, {@code float[V*d]} row-major
   * @param threads worker threads, {@code >= 1}
   * @param lead leading principal coordinates scanned for every word, {@code 1 <= lead < d}
   * @throws IllegalArgumentException if lead is outside {@code [1, d)}
   */
  public PrunedExactIndex(EmbeddingStore store, int threads, int lead) {
    this(store, PrincipalAxes.of(store), threads, lead);
  }

  /**
   * As {@link #PrunedExactIndex(EmbeddingStore, int, int)} with axes computed before (several
   * indexes of one store in a benchmark).
   *
   * @param store the embedding to search
   * @param axes the principal axes of {@code store}
   * @param threads worker threads, {@code >= 1}
   * @param lead leading principal coordinates scanned for every word, {@code 1 <= lead < d}
   * @throws IllegalArgumentException if lead is outside {@code [1, d)} or the axes' dimension is
   *     not the store's
   */
  public PrunedExactIndex(EmbeddingStore store, PrincipalAxes axes, int threads, int lead) {
    if (axes.dimension() != store.dimension()) {
      throw new IllegalArgumentException(
          "principal axes of dimension " + axes.dimension() + " for a store of dimension " + store.dimension());
    }
    this.store = store;
    this.v = store.size();
    this.d = store.dimension();
    this.lead = lead;
    this.rotated = RotatedStore.of(store, axes, this.lead, TILE, L);
    this.threads = Math.max(1, threads);
    this.pool =
        Executors.newFixedThreadPool(
            this.threads,
            r -> {
              Thread t = new Thread(r, "dx-rewrite-pruned-index");
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
    return "simd-pruned(" + S.vectorBitSize() + " bits, lead " + lead + ", " + threads + " threads)";
  }

  /**
   * @return bytes of the rotated float32 copy on the heap
   */
  public long rotatedBytes() {
    return rotated.bytes();
  }

  /**
   * @return the fraction of (query, word) pairs finished at full dimension since this index was
   *     built (the rest were pruned by the leading-coordinate bound); 0 before any search
   */
  public double finishedFraction() {
    long all = screened.get();
    return all == 0 ? 0 : (double) finished.get() / all;
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
    int rounds = (count + threads * MAX_QUERIES_PER_TASK - 1) / (threads * MAX_QUERIES_PER_TASK);
    int taskCount = Math.min(count, rounds * threads);
    int perTask = (count + taskCount - 1) / taskCount;
    List<Future<?>> tasks = new ArrayList<>();
    for (int first = 0; first < count; first += perTask) {
      int from = first;
      int to = Math.min(count, first + perTask);
      tasks.add(pool.submit(() -> new Task(queries, from, to, k).run(out)));
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
    screened.addAndGet((long) count * v);
    return out;
  }

  /** One task's queries, rotated, and their candidate sets. */
  private final class Task {
    private final float[] queries;
    private final int from;
    private final int n;
    private final int k;
    private final int groups;
    private final float[] zHead; // [padded][lead + 1]: head coordinates, then ||z_rest||
    private final float[] zTail; // [padded][tailWidth]
    private final CandidateSet[] sets;
    private final float[] thresholds;
    private final float[] headDots = new float[Q * TILE];
    private final float[] bounds = new float[Q * TILE];
    private long finishedCount;

    Task(float[] queries, int from, int to, int k) {
      this.queries = queries;
      this.from = from;
      this.n = to - from;
      this.k = k;
      this.groups = (n + Q - 1) / Q;
      int padded = groups * Q;
      int h = lead + 1;
      int tw = rotated.tailWidth;
      this.zHead = new float[padded * h];
      this.zTail = new float[padded * tw];
      this.sets = new CandidateSet[padded];
      this.thresholds = new float[padded];
      double[] z = new double[d];
      for (int i = 0; i < padded; i++) {
        int src = from + Math.min(i, n - 1);
        rotated.axes.rotate(queries, src * d, z);
        double normSq = 0;
        double restSq = 0;
        for (int j = 0; j < d; j++) {
          float zj = (float) z[j];
          normSq += (double) zj * zj;
          if (j < lead) {
            zHead[i * h + j] = zj;
          } else {
            restSq += (double) zj * zj;
            zTail[i * tw + j - lead] = zj;
          }
        }
        zHead[i * h + lead] = (float) Math.sqrt(restSq);
        sets[i] = new CandidateSet(k);
        sets[i].reset(
            RotatedScreeningBound.margin(
                d, Math.sqrt(normSq) * ScreeningBound.MAX_NORM_FACTOR, rotated.maxNorm, rotated.axes.orthogonalityDefect()));
        thresholds[i] = TileKernels.toFloatUp(sets[i].threshold());
      }
    }

    void run(int[] out) {
      for (int t = 0; t < rotated.tiles; t++) {
        for (int g = 0; g < groups; g++) {
          scanTile(t, g * Q);
        }
      }
      FloatBuffer matrix = store.matrix();
      for (int i = 0; i < n; i++) {
        sets[i].rerank(queries, (from + i) * d, matrix, d, out, (from + i) * k);
      }
      finished.addAndGet(finishedCount);
    }

    /* Stage 1 for 4 queries x 2L words: the lower bound in registers, one compare per query. */
    private void scanTile(int t, int first) {
      float[] w = rotated.head;
      int h = lead + 1;
      FloatVector a00 = FloatVector.zero(S), a01 = a00;
      FloatVector a10 = a00, a11 = a00;
      FloatVector a20 = a00, a21 = a00;
      FloatVector a30 = a00, a31 = a00;
      int base = t * h * TILE;
      int q0 = first * h;
      int q1 = q0 + h;
      int q2 = q1 + h;
      int q3 = q2 + h;
      float[] zh = zHead;
      for (int j = 0; j < lead; j++) {
        int off = base + j * TILE;
        FloatVector w0 = FloatVector.fromArray(S, w, off);
        FloatVector w1 = FloatVector.fromArray(S, w, off + L);
        FloatVector b = FloatVector.broadcast(S, zh[q0 + j]);
        a00 = w0.fma(b, a00);
        a01 = w1.fma(b, a01);
        b = FloatVector.broadcast(S, zh[q1 + j]);
        a10 = w0.fma(b, a10);
        a11 = w1.fma(b, a11);
        b = FloatVector.broadcast(S, zh[q2 + j]);
        a20 = w0.fma(b, a20);
        a21 = w1.fma(b, a21);
        b = FloatVector.broadcast(S, zh[q3 + j]);
        a30 = w0.fma(b, a30);
        a31 = w1.fma(b, a31);
      }
      int row0 = t * TILE;
      float[] norms = rotated.norms;
      FloatVector n0 = FloatVector.fromArray(S, norms, row0);
      FloatVector n1 = FloatVector.fromArray(S, norms, row0 + L);
      // the residual norms complete the bound's dot product: head dot + ||z_rest|| ||y_rest||
      int off = base + lead * TILE;
      FloatVector r0 = FloatVector.fromArray(S, w, off);
      FloatVector r1 = FloatVector.fromArray(S, w, off + L);
      int hits = 0;
      FloatVector rz = FloatVector.broadcast(S, zh[q0 + lead]);
      FloatVector l0 = r0.fma(rz, a00).fma(MINUS_TWO, n0);
      FloatVector l1 = r1.fma(rz, a01).fma(MINUS_TWO, n1);
      if (l0.min(l1).compare(VectorOperators.LE, thresholds[first]).anyTrue()) {
        l0.intoArray(bounds, 0 * TILE);
        l1.intoArray(bounds, 0 * TILE + L);
        a00.intoArray(headDots, 0 * TILE);
        a01.intoArray(headDots, 0 * TILE + L);
        hits |= 1;
      }
      rz = FloatVector.broadcast(S, zh[q1 + lead]);
      l0 = r0.fma(rz, a10).fma(MINUS_TWO, n0);
      l1 = r1.fma(rz, a11).fma(MINUS_TWO, n1);
      if (l0.min(l1).compare(VectorOperators.LE, thresholds[first + 1]).anyTrue()) {
        l0.intoArray(bounds, 1 * TILE);
        l1.intoArray(bounds, 1 * TILE + L);
        a10.intoArray(headDots, 1 * TILE);
        a11.intoArray(headDots, 1 * TILE + L);
        hits |= 2;
      }
      rz = FloatVector.broadcast(S, zh[q2 + lead]);
      l0 = r0.fma(rz, a20).fma(MINUS_TWO, n0);
      l1 = r1.fma(rz, a21).fma(MINUS_TWO, n1);
      if (l0.min(l1).compare(VectorOperators.LE, thresholds[first + 2]).anyTrue()) {
        l0.intoArray(bounds, 2 * TILE);
        l1.intoArray(bounds, 2 * TILE + L);
        a20.intoArray(headDots, 2 * TILE);
        a21.intoArray(headDots, 2 * TILE + L);
        hits |= 4;
      }
      rz = FloatVector.broadcast(S, zh[q3 + lead]);
      l0 = r0.fma(rz, a30).fma(MINUS_TWO, n0);
      l1 = r1.fma(rz, a31).fma(MINUS_TWO, n1);
      if (l0.min(l1).compare(VectorOperators.LE, thresholds[first + 3]).anyTrue()) {
        l0.intoArray(bounds, 3 * TILE);
        l1.intoArray(bounds, 3 * TILE + L);
        a30.intoArray(headDots, 3 * TILE);
        a31.intoArray(headDots, 3 * TILE + L);
        hits |= 8;
      }
      // after the vectors are dead: a call with vectors live across it would box them
      for (int i = 0; i < Q; i++) {
        if ((hits & (1 << i)) != 0) {
          finish(t, first + i, i * TILE);
        }
      }
    }

    /* Four independent float32 chains over the (zero-padded, multiple of 4) tail. */
    private float tailDot(int yo, int zo, int tw) {
      float[] y = rotated.tail;
      float[] z = zTail;
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      for (int p = 0; p < tw; p += 4) {
        s0 = Math.fma(y[yo + p], z[zo + p], s0);
        s1 = Math.fma(y[yo + p + 1], z[zo + p + 1], s1);
        s2 = Math.fma(y[yo + p + 2], z[zo + p + 2], s2);
        s3 = Math.fma(y[yo + p + 3], z[zo + p + 3], s3);
      }
      return (s0 + s1) + (s2 + s3);
    }

    /* The words of tile t whose bound passed: score at full dimension, offer, tighten. */
    private void finish(int t, int query, int scratch) {
      int row0 = t * TILE;
      int tw = rotated.tailWidth;
      CandidateSet set = sets[query];
      for (int lane = 0; lane < TILE; lane++) {
        int row = row0 + lane;
        if (bounds[scratch + lane] > thresholds[query] || row >= v) {
          continue;
        }
        float head = headDots[scratch + lane];
        float dot = head + tailDot(row * tw, query * tw, tw);
        float score = Math.fma(-2f, dot, rotated.norms[row]);
        finishedCount++;
        if (score <= thresholds[query]) {
          set.offer(row, score);
          thresholds[query] = TileKernels.toFloatUp(set.threshold());
        }
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
