package io.dxrewrite.nn;

import java.nio.FloatBuffer;

/**
 * The candidates of one query during a scan: every id whose score is within {@code margin} of the
 * k-th best score seen so far. With {@code margin} at least twice the screening error bound, the
 * true top-k survive screening (see {@link ScreeningBound}); {@link #rerank} then decides among the
 * survivors with float64 distances, ties to the lowest id.
 */
final class CandidateSet {
  private final int k;
  private final double[] heap; // max-heap of the k smallest scores offered
  private int heapSize;
  private double margin;
  private int[] ids = new int[32];
  private double[] scores = new double[32];
  private int n;
  private int compactAt;

  CandidateSet(int k) {
    this.k = k;
    this.heap = new double[k];
  }

  void reset(double margin) {
    this.margin = margin;
    this.heapSize = 0;
    this.n = 0;
    this.compactAt = Math.max(64, 4 * k);
  }

  /** Scores above this value can never enter the final top-k. */
  double threshold() {
    return heapSize < k ? Double.POSITIVE_INFINITY : heap[0] + margin;
  }

  void offer(int id, double score) {
    if (score > threshold()) {
      return;
    }
    if (n == ids.length) {
      ids = java.util.Arrays.copyOf(ids, n * 2);
      scores = java.util.Arrays.copyOf(scores, n * 2);
    }
    ids[n] = id;
    scores[n] = score;
    n++;
    pushHeap(score);
    if (n >= compactAt) {
      compact();
      if (n >= compactAt / 2) {
        compactAt *= 2;
      }
    }
  }

  private void pushHeap(double score) {
    if (heapSize < k) {
      int i = heapSize++;
      heap[i] = score;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (heap[parent] >= heap[i]) {
          break;
        }
        swap(i, parent);
        i = parent;
      }
    } else if (score < heap[0]) {
      heap[0] = score;
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        int r = l + 1;
        int largest = i;
        if (l < heapSize && heap[l] > heap[largest]) {
          largest = l;
        }
        if (r < heapSize && heap[r] > heap[largest]) {
          largest = r;
        }
        if (largest == i) {
          break;
        }
        swap(i, largest);
        i = largest;
      }
    }
  }

  private void swap(int a, int b) {
    double t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }

  private void compact() {
    double limit = threshold();
    int w = 0;
    for (int i = 0; i < n; i++) {
      if (scores[i] <= limit) {
        ids[w] = ids[i];
        scores[w] = scores[i];
        w++;
      }
    }
    n = w;
  }

  /**
   * Replaces every survivor's screening score by its float64 squared distance to the query, then
   * writes the k best ids to {@code out[offset..offset+k)}.
   */
  void rerank(float[] queries, int queryOffset, FloatBuffer matrix, int d, int[] out, int offset) {
    compact();
    for (int i = 0; i < n; i++) {
      scores[i] = ExactDistances.squaredDistance(queries, queryOffset, matrix, ids[i], d);
    }
    select(out, offset);
  }

  /** Writes the k best ids by the scores as given (already exact) to {@code out[offset..)}. */
  void best(int[] out, int offset) {
    compact();
    select(out, offset);
  }

  private void select(int[] out, int offset) {
    // partial selection sort: k is small and n is a handful beyond k
    for (int j = 0; j < k; j++) {
      int bestIndex = j;
      for (int i = j + 1; i < n; i++) {
        if (scores[i] < scores[bestIndex]
            || (scores[i] == scores[bestIndex] && ids[i] < ids[bestIndex])) {
          bestIndex = i;
        }
      }
      int id = ids[bestIndex];
      double score = scores[bestIndex];
      ids[bestIndex] = ids[j];
      scores[bestIndex] = scores[j];
      ids[j] = id;
      scores[j] = score;
      out[offset + j] = id;
    }
  }
}
