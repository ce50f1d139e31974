package io.dxrewrite.nn;

/**
 * Rounding-error bound for float32 screening scores {@code s~ = fl(||w||^2) + fl(-2 q.w)}.
 *
 * <p>For any summation order (blocked GEMM, FMA or SIMD lanes) a float32 dot product of length d
 * satisfies {@code |fl(q.w) - q.w| <= gamma_d Σ|q_j w_j| <= gamma_d ||q|| ||w||}, with {@code
 * gamma_n = n u / (1 - n u)} and {@code u = 2^-24} (Higham, Accuracy and Stability of Numerical
 * Algorithms, 2nd ed., eq. 3.5). Adding the rounding of the stored norm and of the final sum, the
 * error of every score is at most
 *
 * <pre>E = 2 gamma_{d+2} ||q|| M + u M^2 + u (M^2 + 2 ||q|| M) + slack</pre>
 *
 * where M is the largest vector norm in the store and slack covers float64 rounding in the final
 * decision. A candidate whose screening score exceeds the k-th best screening score by more than
 * 2E cannot be among the true top-k, so keeping every candidate within 2E and reranking them in
 * float64 yields exactly the float64 brute-force answer.
 */
final class ScreeningBound {
  private static final double U = Math.scalb(1.0, -24);

  /**
   * The factor by which a kernel enlarges the square root of the largest stored squared norm to
   * get M, so that M bounds every vector norm: the stored squared norms are float32 (relative error
   * at most u = 2^-24, hence at most u/2 ~ 3e-8 in the norm) and the square root is taken in
   * float64. {@code 1e-6} covers that rounding more than 30 times over.
   */
  static final double MAX_NORM_FACTOR = 1 + 1e-6;

  private ScreeningBound() {}

  /**
   * @param d dimension
   * @param queryNorm ||q||
   * @param maxNorm M, the largest vector norm in the store
   * @return the margin 2E (with a 25% safety factor) in score units (squared distance)
   */
  static double margin(int d, double queryNorm, double maxNorm) {
    double n = d + 2;
    double gamma = n * U / (1 - n * U);
    double m2 = maxNorm * maxNorm;
    double e =
        2 * gamma * queryNorm * maxNorm
            + U * m2
            + U * (m2 + 2 * queryNorm * maxNorm)
            + 1e-9 * (m2 + queryNorm * queryNorm + 1);
    return 2.5 * e;
  }
}
