package io.dxrewrite.nn;

final class IndexChecks {
  private IndexChecks() {}

  static void checkQueries(float[] queries, int count, int d, int k, int v) {
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
