package io.dxrewrite.nlu.accounting;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** Arithmetic in log space for the accountant; values are natural logs, 0 is {@code -inf}. */
final class LogMath {
  private LogMath() {}

  /** log(exp(a) + exp(b)). */
  static double add(double a, double b) {
    double hi = Math.max(a, b);
    double lo = Math.min(a, b);
    if (hi == Double.NEGATIVE_INFINITY) {
      return hi;
    }
    return Math.log1p(Math.exp(lo - hi)) + hi;
  }

  /**
   * log(exp(a) - exp(b)) for a >= b, computed as a + log(-expm1(b - a)) so that it stays finite
   * when a - b exceeds the range of exp (about 709): the form log(expm1(a - b)) + b overflowed to
   * +inf there, which made the fractional-order series return +inf at large orders.
   */
  static double sub(double a, double b) {
    if (a < b) {
      throw new ArithmeticException("log-space subtraction would be negative");
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    if (a == b) {
      return Double.NEGATIVE_INFINITY;
    }
    return a + Math.log(-Math.expm1(b - a));
  }

  /** log(n choose k) for integers 0 <= k <= n, through log-gamma. */
  static double logBinomial(int n, int k) {
    return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
  }

  /**
   * log(erfc(x)), accurate where erfc underflows: for x > 25 it uses the asymptotic expansion
   * erfc(x) ~ exp(-x^2) / (x sqrt(pi)) (1 - 1/(2x^2) + 3/(4x^4) - 15/(8x^6)).
   */
  static double logErfc(double x) {
    if (x < 25) {
      return Math.log(Erf.erfc(x));
    }
    double x2 = x * x;
    double series = 1 - 1 / (2 * x2) + 3 / (4 * x2 * x2) - 15 / (8 * x2 * x2 * x2);
    return -x2 - Math.log(x) - 0.5 * Math.log(Math.PI) + Math.log(series);
  }
}
