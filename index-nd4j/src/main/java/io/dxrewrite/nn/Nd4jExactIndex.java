package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact nearest-neighbour search on ND4J (OpenBLAS SGEMM).
 *
 * <p>Scores {@code ||w||^2 - 2 q.w} (the squared distance minus the constant {@code ||q||^2}) are
 * computed for a chunk of up to {@value #QUERY_CHUNK} queries against one block of {@value
 * #BLOCK_ROWS} vocabulary rows at a time, as one matrix product {@code -2 Q W_blk^T} into a reused
 * {@code [chunk x block]} buffer, so no {@code batch x V} matrix is ever materialised. The argmin
 * is fused into the pass over each block: per query, a {@link CandidateSet} keeps the ids whose
 * float32 score lies within the {@link ScreeningBound} margin of the best, and the survivors are
 * reranked in float64. The result is therefore identical to the float64 brute force, ties to the
 * lowest id.
 *
 * <p>Memory: the matrix is copied once into ND4J's off-heap memory ({@code 4 V d} bytes). Thread
 * safety: each calling thread uses its own query and score buffers.
 */
public final class Nd4jExactIndex implements NearestNeighbourIndex {
  static final int BLOCK_ROWS = 4096;
  static final int QUERY_CHUNK = 512;

  private final EmbeddingStore store;
  private final int v;
  private final int d;
  private final List<INDArray> blocks = new ArrayList<>();
  private final float[] norms;
  private final double maxNorm;
  private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

  /**
   * Copies the store's matrix into ND4J blocks.
   *
   * @param store the embedding to search
   */
  public Nd4jExactIndex(EmbeddingStore store) {
    OpenBlasCoreType.warnIfUnset();
    this.store = store;
    this.v = store.size();
    this.d = store.dimension();
    this.norms = new float[v];
    double max = 0;
    for (int i = 0; i < v; i++) {
      norms[i] = store.squaredNorm(i);
      max = Math.max(max, norms[i]);
    }
    this.maxNorm = Math.sqrt(max) * ScreeningBound.MAX_NORM_FACTOR;
    FloatBuffer matrix = store.matrix();
    for (int start = 0; start < v; start += BLOCK_ROWS) {
      int rows = Math.min(BLOCK_ROWS, v - start);
      INDArray block = Nd4j.create(DataType.FLOAT, rows, d);
      FloatBuffer target = block.data().asNioFloat();
      FloatBuffer source = matrix.duplicate();
      source.position(start * d).limit((start + rows) * d);
      target.put(source);
      blocks.add(block);
    }
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
    return "nd4j-gemm";
  }

  @Override
  public int[] nearest(float[] queries, int count) {
    return nearest(queries, count, 1);
  }

  @Override
  public int[] nearest(float[] queries, int count, int k) {
    IndexChecks.checkQueries(queries, count, d, k, v);
    int[] out = new int[count * k];
    Workspace ws = workspaces.get();
    FloatBuffer matrix = store.matrix();
    for (int first = 0; first < count; first += QUERY_CHUNK) {
      int rows = Math.min(QUERY_CHUNK, count - first);
      searchChunk(queries, first, rows, k, ws, matrix, out);
    }
    return out;
  }

  private void searchChunk(
      float[] queries, int first, int rows, int k, Workspace ws, FloatBuffer matrix, int[] out) {
    INDArray q = ws.queries(rows, d);
    q.data().asNioFloat().put(queries, first * d, rows * d);
    CandidateSet[] sets = ws.candidateSets(rows, k);
    double[] thresholds = ws.thresholds(rows);
    for (int r = 0; r < rows; r++) {
      double qn = 0;
      int base = (first + r) * d;
      for (int j = 0; j < d; j++) {
        qn += (double) queries[base + j] * queries[base + j];
      }
      sets[r].reset(ScreeningBound.margin(d, Math.sqrt(qn), maxNorm));
      thresholds[r] = Double.POSITIVE_INFINITY;
    }
    int start = 0;
    for (INDArray block : blocks) {
      int cols = (int) block.size(0);
      INDArray scores = ws.scores(rows, cols);
      Nd4j.gemm(q, block, scores, false, true, -2.0, 0.0);
      FloatBuffer s = scores.data().asNioFloat();
      for (int r = 0; r < rows; r++) {
        CandidateSet set = sets[r];
        double threshold = thresholds[r];
        int rowBase = r * cols;
        for (int c = 0; c < cols; c++) {
          double score = s.get(rowBase + c) + norms[start + c];
          if (score <= threshold) {
            set.offer(start + c, score);
            threshold = set.threshold();
          }
        }
        thresholds[r] = threshold;
      }
      start += cols;
    }
    for (int r = 0; r < rows; r++) {
      sets[r].rerank(queries, (first + r) * d, matrix, d, out, (first + r) * k);
    }
  }

  /** Per-thread reusable buffers. */
  private static final class Workspace {
    private INDArray queries;
    private INDArray scores;
    private CandidateSet[] sets = new CandidateSet[0];
    private int setsK;
    private double[] thresholds = new double[0];

    INDArray queries(int rows, int d) {
      if (queries == null || queries.size(0) != rows) {
        queries = Nd4j.create(DataType.FLOAT, rows, d);
      }
      return queries;
    }

    INDArray scores(int rows, int cols) {
      if (scores == null || scores.size(0) != rows || scores.size(1) != cols) {
        scores = Nd4j.create(DataType.FLOAT, rows, cols);
      }
      return scores;
    }

    CandidateSet[] candidateSets(int rows, int k) {
      if (sets.length < rows || setsK != k) {
        sets = new CandidateSet[Math.max(rows, QUERY_CHUNK)];
        for (int i = 0; i < sets.length; i++) {
          sets[i] = new CandidateSet(k);
        }
        setsK = k;
      }
      return sets;
    }

    double[] thresholds(int rows) {
      if (thresholds.length < rows) {
        thresholds = new double[Math.max(rows, QUERY_CHUNK)];
      }
      return thresholds;
    }
  }
}
