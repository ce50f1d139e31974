package io.dxrewrite.nn;

/**
 * One register-blocked scoring kernel of {@link SimdExactIndex}: a block of {@link
 * #queriesPerBlock()} queries x {@link #vectorsPerBlock()} SIMD vectors of vocabulary rows, for one
 * vector species. Instances come from {@link TileKernels#kernel(BlockShape, int)}.
 */
interface TileKernel {
  /**
   * @return queries scored together against one tile, Q
   */
  int queriesPerBlock();

  /**
   * @return SIMD vectors of rows per tile, R (a tile holds {@code R * lanes()} rows)
   */
  int vectorsPerBlock();

  /**
   * @return float lanes of the species, L
   */
  int lanes();

  /**
   * Scores {@code groups * Q} queries against every tile of {@code layout} (score {@code ||w||^2 -
   * 2 q.w} in float32) and offers each score at most its query's threshold to the query's {@link
   * CandidateSet}, updating the threshold.
   *
   * @param layout the transposed tiles, built for this kernel's {@code R * L} rows per tile
   * @param q the task's queries, {@code float[groups * Q * d]} row-major
   * @param groups number of query groups of Q
   * @param sets one candidate set per query
   * @param thresholds per query, {@code sets[i].threshold()} rounded up to float32
   * @param scratch {@code float[R * L]}
   */
  void scan(
      TileLayout layout, float[] q, int groups, CandidateSet[] sets, float[] thresholds, float[] scratch);
}
