package io.dxrewrite.gpu;

/**
 * Proven error bound of the GPU screening score, and the coefficients passed to the kernel.
 *
 * <p>The kernel ranks vocabulary row w for query q by {@code s~ = fl32(n_w - 2 dot~)}, where
 * {@code dot~} is the tensor-core dot product of q and w rounded to bf16 (round to nearest even)
 * with float32 accumulation, and {@code n_w} is ||w||^2 rounded to float32. The exact score is
 * {@code s = ||w||^2 - 2 q.w = ||q - w||^2 - ||q||^2}. With u = 2^-24 (float32), u_b = 2^-8 (bf16),
 * u_a = 2^-23 (one accumulator addition, allowing truncation instead of rounding), d components and
 * gamma_n(x) = n x / (1 - n x) (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed.,
 * eq. 3.5):
 *
 * <ol>
 *   <li>bf16 rounding: {@code q~_j = q_j (1 + t_j)}, {@code |t_j| <= u_b}; each product of two bf16
 *       numbers is exact in float32; the accumulation of d products in any order costs at most
 *       {@code gamma_d(u_a) Σ|q~_j w~_j|}. Hence {@code |dot~ - q.w| <= rho ||q|| ||w|| + eta} with
 *       {@code rho = 2 u_b + u_b^2 + gamma_d(u_a) (1 + u_b)^2} (Cauchy-Schwarz) and {@code eta = d
 *       2^-100} for values flushed to zero below float32's normal range.
 *   <li>score: {@code |s~ - s| <= 2 |dot~ - q.w| + |n_w - ||w||^2| + u |n_w - 2 dot~|}, which gives
 *       {@code E_s = (2 rho + 2u(1 + rho)) ||q|| ||w|| + (3u + 2u^2) ||w||^2 + (2 + 2u) eta}.
 *   <li>the final decision is made with float64 distances {@code D^} that themselves differ from
 *       the real ones by at most {@code gamma_{d+1}(2^-53) (2||q||^2 + 2||w||^2)}; four times that
 *       is added so that a word inside the float64 top k is always screened in.
 *   <li>the kernel evaluates {@code delta}, {@code s~ - delta} and {@code s~ + delta} in float32;
 *       with {@code delta <= 2(||q|| ||w|| + ||w||^2) + 2c} their rounding is at most {@code 17u
 *       ||q|| ||w|| + 13u ||w||^2 + 8u c}, which is added too.
 * </ol>
 *
 * The kernel uses {@code delta(q, w) = a_q ||w|| + b n_w + c_q} with {@code a_q = F A ||q||},
 * {@code b = F B}, {@code c_q = F C(q)} and a safety factor F = {@value #SAFETY}: F covers tensor
 * cores whose accumulator keeps fewer bits than assumed (up to about 2^-15 per addition still fits
 * in the slack). Every coefficient is rounded up to float32. A word is screened in when {@code s~ -
 * delta} is at most an upper bound of the k-th smallest score; the true top k always are.
 */
public final class TensorCoreScreeningBound {
  /** Safety factor F applied to every coefficient. */
  public static final double SAFETY = 2.0;

  /** Unit roundoff of float32. */
  public static final double U = Math.scalb(1.0, -24);

  /** Unit roundoff of bf16 (8 significant bits, round to nearest). */
  public static final double U_BF16 = Math.scalb(1.0, -8);

  /** Relative error assumed for one float32 accumulator addition in the tensor core. */
  public static final double U_ACCUMULATE = Math.scalb(1.0, -23);

  private final int d;
  private final double safety;
  private final double aCoefficient;
  private final double bCoefficient;
  private final double gamma53;
  private final double eta;

  /**
   * @param d dimension, {@code >= 1}
   * @throws IllegalArgumentException if {@code d < 1}
   */
  public TensorCoreScreeningBound(int d) {
    this(d, U_BF16, SAFETY);
  }

  /**
   * Bound for another input rounding or safety factor (tests use it to show that a wrong bound is
   * caught).
   *
   * @param d dimension, {@code >= 1}
   * @param unitInputRounding unit roundoff of the tensor-core input format (2^-8 for bf16)
   * @param safety safety factor F, {@code > 0}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public TensorCoreScreeningBound(int d, double unitInputRounding, double safety) {
    if (d < 1 || !(unitInputRounding >= 0) || !(safety > 0)) {
      throw new IllegalArgumentException(
          "need d >= 1, rounding >= 0 and safety > 0; got " + d + ", " + unitInputRounding + ", "
              + safety);
    }
    this.d = d;
    this.safety = safety;
    double ub = unitInputRounding;
    double rho = 2 * ub + ub * ub + gamma(d, U_ACCUMULATE) * (1 + ub) * (1 + ub);
    this.gamma53 = gamma(d + 1, Math.scalb(1.0, -53));
    this.eta = d * Math.scalb(1.0, -100);
    this.aCoefficient = 2 * rho + 2 * U * (1 + rho) + 17 * U;
    this.bCoefficient = 3 * U + 2 * U * U + 4 * gamma53 + 13 * U;
  }

  private static double gamma(int n, double u) {
    return n * u / (1 - n * u);
  }

  /**
   * @return d
   */
  public int dimension() {
    return d;
  }

  /**
   * Error bound E(q, w) before the safety factor, in squared-distance units.
   *
   * @param queryNorm ||q||
   * @param wordNorm ||w||
   * @return the bound on |s~ - s| plus the float64 and float32-evaluation slack (items 1-4 above)
   */
  public double error(double queryNorm, double wordNorm) {
    return aCoefficient * queryNorm * wordNorm
        + bCoefficient * wordNorm * wordNorm
        + constant(queryNorm);
  }

  private double constant(double queryNorm) {
    return (1 + 8 * U) * ((2 + 2 * U) * eta + 4 * gamma53 * queryNorm * queryNorm);
  }

  /**
   * @param queryNorm ||q||, computed in float64
   * @return {@code a_q = F A ||q||} rounded up to float32 (coefficient of ||w||)
   */
  public float a(double queryNorm) {
    return up(safety * aCoefficient * queryNorm * (1 + 1e-12));
  }

  /**
   * @return {@code b = F B} rounded up to float32 (coefficient of n_w = fl(||w||^2))
   */
  public float b() {
    return up(safety * bCoefficient * (1 + U) / (1 - U));
  }

  /**
   * @param queryNorm ||q||, computed in float64
   * @return {@code c_q = F C(q)} rounded up to float32
   */
  public float c(double queryNorm) {
    return up(safety * constant(queryNorm) * (1 + 1e-12));
  }

  /**
   * @param value a non-negative double
   * @return the smallest float {@code >= value}
   */
  static float up(double value) {
    float f = (float) value;
    return f < value ? Math.nextUp(f) : f;
  }
}
