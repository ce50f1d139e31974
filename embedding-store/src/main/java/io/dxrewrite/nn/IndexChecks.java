package io.dxrewrite.nn;

/**
 * The argument checks that every {@link NearestNeighbourIndex} implementation applies to a batch,
 * shared so that all kernels (CPU and GPU) fail the same way on the same bad input.
 */
public final class IndexChecks {
  private IndexChecks() {}

  /**
   * @param queries {@code float[count*d]}, row-major
   * @param count number of queries
   * @param d dimension
   * @param k neighbours per query
   * @param v vocabulary size V
   * @throws IllegalArgumentException if {@code count < 0}, the array holds fewer than {@code
   *     count*d} floats, or k is outside {@code [1, V]}
   */
  public static void checkQueries(float[] queries, int count, int d, int k, int v) {
    if (count < 0) {
      throw new IllegalArgumentException("query count must be >= 0, got " + count);
    }
    if ((long) count * d > queries.length) {
      throw new IllegalArgumentException(
          "queries holds " + queries.length + " floats, need count*d = " + count + "*" + d);
    }
    if (k < 1 || k > v) {
      throw new IllegalArgumentException("k must be in [1, " + v + "], got " + k);
    }
  }
}
