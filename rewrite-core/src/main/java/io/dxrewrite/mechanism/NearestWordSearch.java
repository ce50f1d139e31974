package io.dxrewrite.mechanism;

import io.dxrewrite.nn.NearestNeighbourIndex;

/**
 * How the noisy-vector mechanisms (CMP, Mahalanobis, Vickrey) snap noisy vectors to vocabulary
 * words: exact top-k, ties to the lowest id. Knowing each vector's origin word lets an
 * implementation settle many queries from the neighbourhood table (see {@code
 * io.dxrewrite.density.CertifiedNearestNeighbours}) with an identical result.
 */
@FunctionalInterface
public interface NearestWordSearch {
  /**
   * @param z noisy vectors, {@code float[n*d]} row-major
   * @param n number of vectors
   * @param origins {@code int[n]}: the word each vector was drawn around ({@link WordBatch#UNK}
   *     when it came from the out-of-vocabulary point)
   * @param k neighbours per vector
   * @return {@code int[n*k]} row-major, ascending distance
   */
  int[] nearest(float[] z, int n, int[] origins, int k);

  /**
   * @param index an exact index
   * @return a search that always scans the full index
   */
  static NearestWordSearch of(NearestNeighbourIndex index) {
    return (z, n, origins, k) -> index.nearest(z, n, k);
  }
}
