package io.dxrewrite.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidParameterException;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** Clopper-Pearson bounds against closed forms and the binomial tail they invert. */
class ClopperPearsonTest {
  @Test
  void edgeCasesHaveClosedForms() {
    // x = 0: upper = 1 - alpha^(1/n); x = n: lower = alpha^(1/n).
    for (int n : new int[] {1, 10, 20_000}) {
      for (double alpha : new double[] {0.025, 1e-8}) {
        assertThat(ClopperPearson.upper(0, n, alpha))
            .isCloseTo(1 - Math.pow(alpha, 1.0 / n), org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(ClopperPearson.lower(n, n, alpha))
            .isCloseTo(Math.pow(alpha, 1.0 / n), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ClopperPearson.lower(0, n, alpha)).isZero();
        assertThat(ClopperPearson.upper(n, n, alpha)).isEqualTo(1.0);
      }
    }
  }

  /** The bounds invert the binomial tails: P[X >= x | p_lo] = alpha and P[X <= x | p_hi] = alpha. */
  @Test
  void boundsInvertTheBinomialTails() {
    int n = 10_000;
    double alpha = 1e-6;
    for (int x : new int[] {1, 7, 150, 5_000, 9_990}) {
      double lo = ClopperPearson.lower(x, n, alpha);
      double hi = ClopperPearson.upper(x, n, alpha);
      assertThat(lo).isLessThan((double) x / n);
      assertThat(hi).isGreaterThan((double) x / n);
      double upperTail = 1 - new BinomialDistribution(null, n, lo).cumulativeProbability(x - 1);
      double lowerTail = new BinomialDistribution(null, n, hi).cumulativeProbability(x);
      assertThat(upperTail).as("x %d", x).isCloseTo(alpha, org.assertj.core.data.Percentage.withPercentage(0.1));
      assertThat(lowerTail).as("x %d", x).isCloseTo(alpha, org.assertj.core.data.Percentage.withPercentage(0.1));
    }
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> ClopperPearson.lower(5, 4, 0.05)).isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> ClopperPearson.upper(1, 4, 1.0)).isInstanceOf(InvalidParameterException.class);
  }
}
