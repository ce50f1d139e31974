package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicLong;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Exact nearest-neighbour search that skips part of the brute force's work (issue 17 §2), with the
 * Vector API ({@code --add-modules jdk.incubator.vector}).
 *
 * <p>The store is rotated once onto its principal axes ({@link PrincipalAxes}, float64; an
 * orthogonal map keeps every distance) and kept as a float32 copy ({@link RotatedStore}). For a
 * rotated query z and word y, split after the first {@code k} coordinates into head and rest:
 *
 * <pre>||z - y||^2 >= ||z_head - y_head||^2 + (||z_rest|| - ||y_rest||)^2</pre>
 *
 * (triangle inequality on the rest). In score units ({@code ||y||^2 - 2 z.y}, the squared distance
 * less {@code ||z||^2}) this bound is {@code ||y||^2 - 2 (z_head.y_head + ||z_rest|| ||y_rest||)}.
 * The search runs in stages over {@code k = lead, lead + 8, lead + 16, ... < d}, then d:
 *
 * <ol>
 *   <li>Stage 1, dense: 4 queries x 4 SIMD vectors of words in registers, as {@link
 *       SimdExactIndex}'s kernel, over the first {@code lead} coordinates of a transposed tile,
 *       then the bound; one compare per query against its running threshold.
 *   <li>Later stages, per (query, vector of L words) that still has a word under the threshold:
 *       the next 8 coordinates (four independent FMA chains) and the bound again; a vector whose
 *       words all exceed the threshold is dropped. At full dimension the float32 scores of the
 *       remaining words are offered to the query's {@link CandidateSet}.
 * </ol>
 *
 * The threshold is the k-th best score so far plus {@link RotatedScreeningBound#margin}, which
 * accounts for the float32 rounding of the rotated store and query, the float32 arithmetic in any
 * summation order and the rotation's defect, so no word of the float64 top-k is dropped at any
 * stage; the survivors are reranked on the original vectors in float64, ties to the lowest id.
 * Results equal the float64 brute force.
 *
 * <p>How much is skipped depends on the noise: CMP noise is isotropic, so the rest of a noisy query
 * keeps a large norm and the bound tightens only in the last principal coordinates. On the 341,479
 * x 100 GloVe store at epsilon 10 the stages do 66-81% of the brute force's multiply-adds
 * ({@link #workFraction()}), but a (query, vector) pair finished alone needs one vector load per
 * FMA where the dense block needs one per four, so the saving is spent: 0.9-1.0x the brute force's
 * speed at the default lead (bench/RESULTS.md). Not the default index for that reason.
 *
 * <p>Memory: the rotated copy ({@link #rotatedBytes()}, 135 MiB for GloVe 6B 100d at the default lead) instead of
 * {@link SimdExactIndex}'s transposed copy; building it (covariance, eigendecomposition, rotation)
 * costs about {@code 1.5 V d^2} float64 multiply-adds once.
 */
public final class PrunedExactIndex implements NearestNeighbourIndex {
  /**
   * Coordinates of the dense first stage for d = 100: the fastest of 48-88 on the full GloVe store
   * (bench/RESULTS.md, issue 17); a store of smaller dimension gets {@code d - 1}.
   */
  public static final int DEFAULT_LEAD = 80;

  /** Coordinates added by each later stage. */
  public static final int STAGE_STEP = 8;

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int R = 4;
  private static final int Q = 4;
  private static final int TILE = R * L;
  private static final FloatVector MINUS_TWO = FloatVector.broadcast(S, -2f);

  private final EmbeddingStore store;
  private final RotatedStore rotated;
  private final int v;
  private final int d;
  private final int lead;
  private final int[] stages;
  private final QueryTasks tasks;
  private final int threads;
  private final AtomicLong multiplyAdds = new AtomicLong();
  private final AtomicLong bruteForceMultiplyAdds = new AtomicLong();

  /**
   * Computes the principal axes and the rotated copy of {@code store}.
   *
   * @param store the embedding to search, {@code float[V*d]} row-major
   * @param threads worker threads, {@code >= 1}
   * @param lead coordinates of the dense first stage, {@code 1 <= lead < d}
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
   * @param lead coordinates of the dense first stage, {@code 1 <= lead < d}
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
    this.stages = stages(lead, d);
    this.rotated = RotatedStore.of(store, axes, stages, TILE);
    this.tasks = new QueryTasks(threads, "dx-rewrite-pruned-index");
    this.threads = tasks.threads();
  }

  /* lead, lead + STAGE_STEP, ... below d (a lead outside [1, d) is refused by RotatedStore). */
  private static int[] stages(int lead, int d) {
    if (lead < 1 || lead >= d) {
      return new int[] {lead};
    }
    int count = (d - 1 - lead) / STAGE_STEP + 1;
    int[] out = new int[count];
    for (int s = 0; s < count; s++) {
      out[s] = lead + s * STAGE_STEP;
    }
    return out;
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
    return "simd-pruned(" + S.vectorBitSize() + " bits, lead " + lead + ", stages of " + STAGE_STEP
        + ", " + threads + " threads)";
  }

  /**
   * @return bytes of the rotated float32 copy on the heap
   */
  public long rotatedBytes() {
    return rotated.bytes();
  }

  /**
   * @return the multiply-adds done since this index was built (or {@link #resetWorkFraction()}) as a fraction of the brute force's
   *     {@code V d} per query (counted per vector of L words, padding included); 0 before any
   *     search. Always at least {@code lead / d}: stage 1 runs for every word.
   */
  public double workFraction() {
    long all = bruteForceMultiplyAdds.get();
    return all == 0 ? 0 : (double) multiplyAdds.get() / all;
  }

  /** Starts {@link #workFraction()} afresh (a benchmark measuring one batch of queries). */
  public void resetWorkFraction() {
    multiplyAdds.set(0);
    bruteForceMultiplyAdds.set(0);
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
    tasks.run(count, (from, to) -> new Task(queries, from, to, k).run(out));
    bruteForceMultiplyAdds.addAndGet((long) count * rotated.tileCount * TILE * d);
    return out;
  }

  /** One task's queries, rotated, and their candidate sets. */
  private final class Task {
    private final float[] queries;
    private final int from;
    private final int n;
    private final int k;
    private final int groups;
    private final int ns;
    private final float[] z; // [padded][d] rotated float32 queries
    private final float[] zRest; // [padded][ns] ||z_[stages[s], d)||
    private final CandidateSet[] sets;
    private final float[] thresholds;
    // the work list of one tile: (query, vector) pairs still alive, with their partial dot products
    private final int[] pairQuery;
    private final int[] pairVector;
    private final float[] pairDots; // [pairs][L]
    private final float[] scores = new float[4 * L];
    private long work;

    Task(float[] queries, int from, int to, int k) {
      this.queries = queries;
      this.from = from;
      this.n = to - from;
      this.k = k;
      this.groups = (n + Q - 1) / Q;
      this.ns = stages.length;
      int padded = groups * Q;
      this.z = new float[padded * d];
      this.zRest = new float[padded * ns];
      this.sets = new CandidateSet[padded];
      this.thresholds = new float[padded];
      this.pairQuery = new int[padded * R];
      this.pairVector = new int[padded * R];
      this.pairDots = new float[padded * R * L];
      double[] rotatedQuery = new double[d];
      float[] rounded = new float[d];
      for (int i = 0; i < padded; i++) {
        int src = from + Math.min(i, n - 1);
        rotated.axes.rotate(queries, src * d, rotatedQuery);
        double normSq = 0;
        for (int j = 0; j < d; j++) {
          rounded[j] = (float) rotatedQuery[j];
          normSq += (double) rounded[j] * rounded[j];
          z[i * d + j] = rounded[j];
        }
        for (int s = 0; s < ns; s++) {
          zRest[i * ns + s] = (float) RotatedStore.residualNorm(rounded, stages[s]);
        }
        sets[i] = new CandidateSet(k);
        sets[i].reset(
            RotatedScreeningBound.margin(
                d, Math.sqrt(normSq) * ScreeningBound.MAX_NORM_FACTOR, rotated.maxNorm, rotated.axes.orthogonalityDefect()));
        thresholds[i] = TileKernels.toFloatUp(sets[i].threshold());
      }
    }

    void run(int[] out) {
      for (int t = 0; t < rotated.tileCount; t++) {
        int pairs = 0;
        for (int g = 0; g < groups; g++) {
          pairs = denseStage(t, g * Q, pairs);
        }
        work += (long) groups * Q * TILE * lead;
        for (int stage = 1; pairs > 0; stage++) {
          pairs = laterStage(t, stage, pairs);
        }
      }
      FloatBuffer matrix = store.matrix();
      for (int i = 0; i < n; i++) {
        sets[i].rerank(queries, (from + i) * d, matrix, d, out, (from + i) * k);
      }
      // padded query slots did the same work as real ones; count the real ones only
      multiplyAdds.addAndGet(work * n / (groups * Q));
    }

    /*
     * Stage 1 for 4 queries x 4L words: head dot products in 16 registers, then the bound
     * ||y||^2 - 2 (z_head.y_head + r(z) r(y)); each (query, vector) with a word under the query's
     * threshold is appended to the work list with its head dot products. Returns the list's length.
     */
    private int denseStage(int t, int first, int pairs) {
      float[] w = rotated.tiles;
      int rows = rotated.rowsPerTile;
      FloatVector a00 = FloatVector.zero(S), a01 = a00, a02 = a00, a03 = a00;
      FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
      FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
      FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
      int base = t * rows * TILE;
      int q0 = first * d;
      int q1 = q0 + d;
      int q2 = q1 + d;
      int q3 = q2 + d;
      float[] zq = z;
      for (int j = 0; j < lead; j++) {
        int off = base + j * TILE;
        FloatVector w0 = FloatVector.fromArray(S, w, off);
        FloatVector w1 = FloatVector.fromArray(S, w, off + L);
        FloatVector w2 = FloatVector.fromArray(S, w, off + 2 * L);
        FloatVector w3 = FloatVector.fromArray(S, w, off + 3 * L);
        FloatVector b = FloatVector.broadcast(S, zq[q0 + j]);
        a00 = w0.fma(b, a00);
        a01 = w1.fma(b, a01);
        a02 = w2.fma(b, a02);
        a03 = w3.fma(b, a03);
        b = FloatVector.broadcast(S, zq[q1 + j]);
        a10 = w0.fma(b, a10);
        a11 = w1.fma(b, a11);
        a12 = w2.fma(b, a12);
        a13 = w3.fma(b, a13);
        b = FloatVector.broadcast(S, zq[q2 + j]);
        a20 = w0.fma(b, a20);
        a21 = w1.fma(b, a21);
        a22 = w2.fma(b, a22);
        a23 = w3.fma(b, a23);
        b = FloatVector.broadcast(S, zq[q3 + j]);
        a30 = w0.fma(b, a30);
        a31 = w1.fma(b, a31);
        a32 = w2.fma(b, a32);
        a33 = w3.fma(b, a33);
      }
      float[] norms = rotated.norms;
      int roff = (t * rows + d) * TILE;
      int row0 = t * TILE;
      FloatVector r0 = FloatVector.fromArray(S, w, roff);
      FloatVector r1 = FloatVector.fromArray(S, w, roff + L);
      FloatVector r2 = FloatVector.fromArray(S, w, roff + 2 * L);
      FloatVector r3 = FloatVector.fromArray(S, w, roff + 3 * L);
      FloatVector n0 = FloatVector.fromArray(S, norms, row0);
      FloatVector n1 = FloatVector.fromArray(S, norms, row0 + L);
      FloatVector n2 = FloatVector.fromArray(S, norms, row0 + 2 * L);
      FloatVector n3 = FloatVector.fromArray(S, norms, row0 + 3 * L);
      FloatVector rz;
      float threshold;
      int[] pq = pairQuery;
      int[] pv = pairVector;
      float[] pd = pairDots;
      rz = FloatVector.broadcast(S, zRest[(first + 0) * ns]);
      threshold = thresholds[first + 0];
      a00.intoArray(pd, pairs * L);
      pq[pairs] = first + 0;
      pv[pairs] = 0;
      pairs += r0.fma(rz, a00).fma(MINUS_TWO, n0).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a01.intoArray(pd, pairs * L);
      pq[pairs] = first + 0;
      pv[pairs] = 1;
      pairs += r1.fma(rz, a01).fma(MINUS_TWO, n1).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a02.intoArray(pd, pairs * L);
      pq[pairs] = first + 0;
      pv[pairs] = 2;
      pairs += r2.fma(rz, a02).fma(MINUS_TWO, n2).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a03.intoArray(pd, pairs * L);
      pq[pairs] = first + 0;
      pv[pairs] = 3;
      pairs += r3.fma(rz, a03).fma(MINUS_TWO, n3).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      rz = FloatVector.broadcast(S, zRest[(first + 1) * ns]);
      threshold = thresholds[first + 1];
      a10.intoArray(pd, pairs * L);
      pq[pairs] = first + 1;
      pv[pairs] = 0;
      pairs += r0.fma(rz, a10).fma(MINUS_TWO, n0).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a11.intoArray(pd, pairs * L);
      pq[pairs] = first + 1;
      pv[pairs] = 1;
      pairs += r1.fma(rz, a11).fma(MINUS_TWO, n1).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a12.intoArray(pd, pairs * L);
      pq[pairs] = first + 1;
      pv[pairs] = 2;
      pairs += r2.fma(rz, a12).fma(MINUS_TWO, n2).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a13.intoArray(pd, pairs * L);
      pq[pairs] = first + 1;
      pv[pairs] = 3;
      pairs += r3.fma(rz, a13).fma(MINUS_TWO, n3).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      rz = FloatVector.broadcast(S, zRest[(first + 2) * ns]);
      threshold = thresholds[first + 2];
      a20.intoArray(pd, pairs * L);
      pq[pairs] = first + 2;
      pv[pairs] = 0;
      pairs += r0.fma(rz, a20).fma(MINUS_TWO, n0).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a21.intoArray(pd, pairs * L);
      pq[pairs] = first + 2;
      pv[pairs] = 1;
      pairs += r1.fma(rz, a21).fma(MINUS_TWO, n1).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a22.intoArray(pd, pairs * L);
      pq[pairs] = first + 2;
      pv[pairs] = 2;
      pairs += r2.fma(rz, a22).fma(MINUS_TWO, n2).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a23.intoArray(pd, pairs * L);
      pq[pairs] = first + 2;
      pv[pairs] = 3;
      pairs += r3.fma(rz, a23).fma(MINUS_TWO, n3).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      rz = FloatVector.broadcast(S, zRest[(first + 3) * ns]);
      threshold = thresholds[first + 3];
      a30.intoArray(pd, pairs * L);
      pq[pairs] = first + 3;
      pv[pairs] = 0;
      pairs += r0.fma(rz, a30).fma(MINUS_TWO, n0).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a31.intoArray(pd, pairs * L);
      pq[pairs] = first + 3;
      pv[pairs] = 1;
      pairs += r1.fma(rz, a31).fma(MINUS_TWO, n1).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a32.intoArray(pd, pairs * L);
      pq[pairs] = first + 3;
      pv[pairs] = 2;
      pairs += r2.fma(rz, a32).fma(MINUS_TWO, n2).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      a33.intoArray(pd, pairs * L);
      pq[pairs] = first + 3;
      pv[pairs] = 3;
      pairs += r3.fma(rz, a33).fma(MINUS_TWO, n3).compare(VectorOperators.LE, threshold).anyTrue() ? 1 : 0;
      return pairs;
    }

    /*
     * Stage `stage` (>= 1) for every pair of the work list: the coordinates [stages[stage-1], end)
     * added to its dot products, four pairs at a time with two FMA chains each; then the bound
     * (end < d) keeps a pair whose vector has a word under the threshold, in place, or (end = d)
     * the scores are offered. Returns the number of pairs kept.
     */
    private int laterStage(int t, int stage, int pairs) {
      int start = stages[stage - 1];
      int end = stage < ns ? stages[stage] : d;
      boolean last = end == d;
      float[] w = rotated.tiles;
      float[] zv = z;
      float[] norms = rotated.norms;
      float[] pd = pairDots;
      int base = t * rotated.rowsPerTile * TILE;
      int rest = base + (d + Math.min(stage, ns - 1)) * TILE;
      int row0 = t * TILE;
      int kept = 0;
      for (int p = 0; p < pairs; p += 4) {
        // a short last batch repeats its last pair; the repeats are neither kept nor offered
        int n = Math.min(4, pairs - p);
        int p1 = p + Math.min(1, n - 1);
        int p2 = p + Math.min(2, n - 1);
        int p3 = p + Math.min(3, n - 1);
        int qa = pairQuery[p], qb = pairQuery[p1], qc = pairQuery[p2], qd = pairQuery[p3];
        int va = pairVector[p] * L, vb = pairVector[p1] * L, vc = pairVector[p2] * L, vd = pairVector[p3] * L;
        int za = qa * d, zb = qb * d, zc = qc * d, zd = qd * d;
        FloatVector ca = FloatVector.fromArray(S, pd, p * L);
        FloatVector cb = FloatVector.fromArray(S, pd, p1 * L);
        FloatVector cc = FloatVector.fromArray(S, pd, p2 * L);
        FloatVector cd = FloatVector.fromArray(S, pd, p3 * L);
        FloatVector ea = FloatVector.zero(S), eb = ea, ec = ea, ed = ea;
        int j = start;
        for (; j + 2 <= end; j += 2) {
          int off = base + j * TILE;
          int off2 = off + TILE;
          ca = FloatVector.fromArray(S, w, off + va).fma(FloatVector.broadcast(S, zv[za + j]), ca);
          cb = FloatVector.fromArray(S, w, off + vb).fma(FloatVector.broadcast(S, zv[zb + j]), cb);
          cc = FloatVector.fromArray(S, w, off + vc).fma(FloatVector.broadcast(S, zv[zc + j]), cc);
          cd = FloatVector.fromArray(S, w, off + vd).fma(FloatVector.broadcast(S, zv[zd + j]), cd);
          ea = FloatVector.fromArray(S, w, off2 + va).fma(FloatVector.broadcast(S, zv[za + j + 1]), ea);
          eb = FloatVector.fromArray(S, w, off2 + vb).fma(FloatVector.broadcast(S, zv[zb + j + 1]), eb);
          ec = FloatVector.fromArray(S, w, off2 + vc).fma(FloatVector.broadcast(S, zv[zc + j + 1]), ec);
          ed = FloatVector.fromArray(S, w, off2 + vd).fma(FloatVector.broadcast(S, zv[zd + j + 1]), ed);
        }
        if (j < end) {
          int off = base + j * TILE;
          ca = FloatVector.fromArray(S, w, off + va).fma(FloatVector.broadcast(S, zv[za + j]), ca);
          cb = FloatVector.fromArray(S, w, off + vb).fma(FloatVector.broadcast(S, zv[zb + j]), cb);
          cc = FloatVector.fromArray(S, w, off + vc).fma(FloatVector.broadcast(S, zv[zc + j]), cc);
          cd = FloatVector.fromArray(S, w, off + vd).fma(FloatVector.broadcast(S, zv[zd + j]), cd);
        }
        ca = ca.add(ea);
        cb = cb.add(eb);
        cc = cc.add(ec);
        cd = cd.add(ed);
        work += (long) n * L * (end - start);
        if (last) {
          int hit = 0;
          FloatVector sa = ca.fma(MINUS_TWO, FloatVector.fromArray(S, norms, row0 + va));
          if (sa.compare(VectorOperators.LE, thresholds[qa]).anyTrue()) {
            sa.intoArray(scores, 0);
            hit |= 1;
          }
          FloatVector sb = cb.fma(MINUS_TWO, FloatVector.fromArray(S, norms, row0 + vb));
          if (n > 1 && sb.compare(VectorOperators.LE, thresholds[qb]).anyTrue()) {
            sb.intoArray(scores, L);
            hit |= 2;
          }
          FloatVector sc = cc.fma(MINUS_TWO, FloatVector.fromArray(S, norms, row0 + vc));
          if (n > 2 && sc.compare(VectorOperators.LE, thresholds[qc]).anyTrue()) {
            sc.intoArray(scores, 2 * L);
            hit |= 4;
          }
          FloatVector sd = cd.fma(MINUS_TWO, FloatVector.fromArray(S, norms, row0 + vd));
          if (n > 3 && sd.compare(VectorOperators.LE, thresholds[qd]).anyTrue()) {
            sd.intoArray(scores, 3 * L);
            hit |= 8;
          }
          // after the vectors are dead: a call with vectors live across it would box them
          if (hit != 0) {
            offerHits(hit, qa, qb, qc, qd, row0 + va, row0 + vb, row0 + vc, row0 + vd);
          }
        } else {
          FloatVector ba = FloatVector.fromArray(S, w, rest + va).fma(FloatVector.broadcast(S, zRest[qa * ns + stage]), ca)
              .fma(MINUS_TWO, FloatVector.fromArray(S, norms, row0 + va));
          ca.intoArray(pd, kept * L);
          pairQuery[kept] = qa;
          pairVector[kept] = va / L;
          kept += ba.compare(VectorOperators.LE, thresholds[qa]).anyTrue() ? 1 : 0;
          FloatVector bb = FloatVector.fromArray(S, w, rest + vb).fma(FloatVector.broadcast(S, zRest[qb * ns + stage]), cb)
              .fma(MINUS_TWO, FloatVector.fromArray(S, norms, row0 + vb));
          cb.intoArray(pd, kept * L);
          pairQuery[kept] = qb;
          pairVector[kept] = vb / L;
          kept += n > 1 && bb.compare(VectorOperators.LE, thresholds[qb]).anyTrue() ? 1 : 0;
          FloatVector bc = FloatVector.fromArray(S, w, rest + vc).fma(FloatVector.broadcast(S, zRest[qc * ns + stage]), cc)
              .fma(MINUS_TWO, FloatVector.fromArray(S, norms, row0 + vc));
          cc.intoArray(pd, kept * L);
          pairQuery[kept] = qc;
          pairVector[kept] = vc / L;
          kept += n > 2 && bc.compare(VectorOperators.LE, thresholds[qc]).anyTrue() ? 1 : 0;
          FloatVector bd = FloatVector.fromArray(S, w, rest + vd).fma(FloatVector.broadcast(S, zRest[qd * ns + stage]), cd)
              .fma(MINUS_TWO, FloatVector.fromArray(S, norms, row0 + vd));
          cd.intoArray(pd, kept * L);
          pairQuery[kept] = qd;
          pairVector[kept] = vd / L;
          kept += n > 3 && bd.compare(VectorOperators.LE, thresholds[qd]).anyTrue() ? 1 : 0;
        }
      }
      return last ? 0 : kept;
    }

    private void offerHits(int hit, int qa, int qb, int qc, int qd, int ra, int rb, int rc, int rd) {
      if ((hit & 1) != 0) {
        offer(qa, ra, 0);
      }
      if ((hit & 2) != 0) {
        offer(qb, rb, L);
      }
      if ((hit & 4) != 0) {
        offer(qc, rc, 2 * L);
      }
      if ((hit & 8) != 0) {
        offer(qd, rd, 3 * L);
      }
    }

    /* The scores of one vector of words at full dimension: offer those under the threshold. */
    private void offer(int query, int row0, int scratch) {
      CandidateSet set = sets[query];
      for (int lane = 0; lane < L; lane++) {
        int row = row0 + lane;
        if (row < v && scores[scratch + lane] <= thresholds[query]) {
          set.offer(row, scores[scratch + lane]);
          thresholds[query] = TileKernels.toFloatUp(set.threshold());
        }
      }
    }
  }

  @Override
  public void close() {
    tasks.close();
  }
}
