package io.dxrewrite.nn;

/**
 * Exact nearest-neighbour search over the rows of an embedding matrix {@code [V x d]}.
 *
 * <p>Queries come in batches as one row-major {@code float[count*d]} array. Distances are
 * Euclidean in embedding space. Results are exact: they equal the ids that a float64 brute force
 * (Σ (q_i - w_i)^2 in double precision) returns, and ties go to the lowest id. Implementations
 * (ND4J GEMM, SIMD Java, GPU) are interchangeable and chosen by configuration; all are
 * thread-safe.
 */
public interface NearestNeighbourIndex extends AutoCloseable {
  /**
   * @return V, the number of indexed vectors
   */
  int size();

  /**
   * @return d, the number of components per vector
   */
  int dimension();

  /**
   * @return a short name for reports, e.g. "nd4j-gemm"
   */
  String name();

  /**
   * Top-1 search.
   *
   * @param queries {@code float[count*d]}, row-major
   * @param count number of queries, {@code >= 0}
   * @return {@code int[count]}: for each query the id of its nearest vector, ties to the lowest id
   * @throws IllegalArgumentException if {@code queries.length < count*d}
   */
  int[] nearest(float[] queries, int count);

  /**
   * Top-k search.
   *
   * @param queries {@code float[count*d]}, row-major
   * @param count number of queries, {@code >= 0}
   * @param k neighbours per query, {@code 1 <= k <= V}
   * @return {@code int[count*k]}, row-major: row {@code i} holds query i's k nearest ids in order
   *     of increasing distance, ties to the lowest id
   * @throws IllegalArgumentException if k is outside {@code [1, V]} or the array is too short
   */
  int[] nearest(float[] queries, int count, int k);

  /** Releases native resources, if any. The default does nothing. */
  @Override
  default void close() {}
}
