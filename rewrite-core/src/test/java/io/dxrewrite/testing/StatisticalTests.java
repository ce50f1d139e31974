package io.dxrewrite.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Shared helpers for statistical tests. Every test names its null hypothesis, uses a fixed seed and
 * rejects at {@link #ALPHA}.
 */
public final class StatisticalTests {
  /** Significance level of every statistical test in the suite. */
  public static final double ALPHA = 1e-3;

  private StatisticalTests() {}

  /**
   * One-sample Kolmogorov-Smirnov test (Apache Commons Math). Null hypothesis: {@code sample} is
   * drawn from {@code distribution}; fails when the p-value is below {@link #ALPHA}.
   *
   * @param what description shown on failure, including the seed
   * @param distribution the hypothesised distribution
   * @param sample the draws
   */
  public static void assertKolmogorovSmirnov(
      String what, RealDistribution distribution, double[] sample) {
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(distribution, sample);
    assertThat(p).as("%s: KS p-value %s (alpha %s)", what, p, ALPHA).isGreaterThanOrEqualTo(ALPHA);
  }

  /**
   * Two-sample Kolmogorov-Smirnov test. Null hypothesis: both samples come from the same
   * distribution; fails when the p-value is below {@link #ALPHA}.
   *
   * @param what description shown on failure, including the seed
   * @param a first sample
   * @param b second sample
   */
  public static void assertSameDistribution(String what, double[] a, double[] b) {
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(a, b);
    assertThat(p).as("%s: two-sample KS p-value %s (alpha %s)", what, p, ALPHA)
        .isGreaterThanOrEqualTo(ALPHA);
  }

  /**
   * Asserts that a sample mean is within {@code z} standard errors of {@code expected}, where the
   * standard error is {@code sd / sqrt(n)}. With z = 4.5 the two-sided false-failure rate of one
   * check is below 1e-5.
   *
   * @param what description shown on failure
   * @param mean the sample mean
   * @param expected the mean under the null hypothesis
   * @param sd the standard deviation of one draw under the null hypothesis
   * @param n the number of draws
   */
  public static void assertMeanWithin(String what, double mean, double expected, double sd, int n) {
    double tolerance = 4.5 * sd / Math.sqrt(n);
    assertThat(Math.abs(mean - expected))
        .as("%s: mean %s, expected %s +- %s", what, mean, expected, tolerance)
        .isLessThanOrEqualTo(tolerance);
  }

  /**
   * Two-sample chi-square test of homogeneity (Apache Commons Math {@code
   * chiSquareTestDataSetsComparison}). Null hypothesis: both count vectors are draws from the same
   * categorical distribution; fails when the p-value is below {@link #ALPHA}. Categories empty in
   * both samples are dropped (they carry no information and the test rejects zero columns).
   *
   * @param what description shown on failure, including the seeds
   * @param a counts per category of the first sample
   * @param b counts per category of the second sample, same length
   */
  public static void assertSameCategorical(String what, long[] a, long[] b) {
    int k = 0;
    long[] x = new long[a.length];
    long[] y = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      if (a[i] + b[i] > 0) {
        x[k] = a[i];
        y[k] = b[i];
        k++;
      }
    }
    assertThat(k).as("%s: at least two non-empty categories", what).isGreaterThanOrEqualTo(2);
    double p =
        new ChiSquareTest()
            .chiSquareTestDataSetsComparison(
                java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k));
    assertThat(p).as("%s: chi-square p-value %s (alpha %s)", what, p, ALPHA)
        .isGreaterThanOrEqualTo(ALPHA);
  }
}
