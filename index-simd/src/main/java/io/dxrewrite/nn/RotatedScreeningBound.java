package io.dxrewrite.nn;

/**
 * The screening margin of {@link PrunedExactIndex}: how far above the k-th best screening score a
 * word's float32 score or staged lower bound may lie and still belong to the true top-k.
 *
 * <p>Notation, per query: q the query and w a word (original coordinates); z~ = fl32(A (q - mu))
 * and y~ = fl32(A (w - mu)) the rotated, float32-rounded vectors ({@link PrincipalAxes}); Z =
 * ||z~||^2; M the largest ||y~|| of the store; u = 2^-24; eta the orthogonality defect of A.
 *
 * <ol>
 *   <li>Distances move by at most rho = (1.001 u + eta + 1e-12)(||z~|| + M) + 1e-12 between the
 *       spaces: {@code | ||q - w|| - ||z~ - y~|| | <= rho}, from the float32 rounding of z and y
 *       (at most u times their norms), the float64 rotation error (below 1e-13 of the norms for
 *       d <= 1000) and {@code ||A x|| in [sqrt(1 - eta), sqrt(1 + eta)] ||x||}.
 *   <li>A float32 score {@code s~ = ||y~||^2 - 2 z~.y~} (any summation order, up to d + 2 terms)
 *       is within E of {@code ||z~ - y~||^2 - Z}, with 2E bounded by {@link ScreeningBound#margin}.
 *   <li>A stage's lower bound {@code l~ = ||y~||^2 - 2 (z~_head.y~_head + r(z~) r(y~))}, with r the
 *       float32 norm of the coordinates after the head, is within {@code E + 4.1 u ||z~|| M} of
 *       {@code ||z~' - y~'||^2 - Z} where {@code x' = (x_head, ||x_rest||)}; and {@code ||z~' -
 *       y~'|| <= ||z~ - y~||} by the triangle inequality on the rest, so l~ is a lower bound of the
 *       score up to that error.
 *   <li>Let s_k be the k-th smallest score offered so far and w* a word of the float64 top-k. Some
 *       k offered words have {@code ||q - w|| <= sqrt(s_k + Z + E) + rho}, so {@code ||q - w*||} is
 *       at most that too, and then both {@code s~(w*)} and {@code l~(w*)} are at most {@code s_k +
 *       2E + 4.1 u ||z~|| M + 4 rho (||z~|| + M + 1) + 4 rho^2}.
 * </ol>
 *
 * Hence pruning a word whose score or bound exceeds {@code s_k + margin} never drops a word of the
 * float64 top-k, and the float64 rerank of the survivors on the original vectors returns exactly
 * the brute force's ids, ties to the lowest id. (Our proof; the float32 dot-product bound is
 * Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 3.5.)
 */
final class RotatedScreeningBound {
  private static final double U = Math.scalb(1.0, -24);

  private RotatedScreeningBound() {}

  /**
   * @param d dimension
   * @param queryNorm ||z~||, the rotated float32 query's norm
   * @param maxNorm M, the largest rotated float32 vector norm of the store
   * @param eta the rotation's orthogonality defect
   * @return the margin in score units (squared distance), with a 25% safety factor
   */
  static double margin(int d, double queryNorm, double maxNorm, double eta) {
    double rho = (1.001 * U + eta + 1e-12) * (queryNorm + maxNorm) + 1e-12;
    double m =
        ScreeningBound.margin(d + 2, queryNorm, maxNorm)
            + 4.1 * U * queryNorm * maxNorm
            + 4 * rho * (queryNorm + maxNorm + 1)
            + 4 * rho * rho;
    return 1.25 * m;
  }
}
