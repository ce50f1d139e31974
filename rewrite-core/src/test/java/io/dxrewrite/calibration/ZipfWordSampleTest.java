package io.dxrewrite.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** The frequency-weighted word sample follows the Zipf prior p(rank r) = (1/r) / H_V. */
class ZipfWordSampleTest {
  /**
   * H0: the draws follow p(id) = (1/(id + 1)) / H_V. 200,000 draws over V = 20,000 are counted in
   * 12 bins (ids 0..9 one each, 10..999, 1000..19999); the bins' probabilities come from harmonic
   * sums computed here, independently of the class. A chi-square goodness-of-fit test (11 degrees
   * of freedom) at alpha = 1e-4, seed 3. A uniform sample, or one off by one rank, fails by far
   * (id 0 alone should get 9.3% of the draws).
   */
  @Test
  void drawsFollowTheZipfPrior() {
    int v = 20_000;
    int n = 200_000;
    int[] sample = ZipfWordSample.sample(v, n, 3);
    long[] observed = new long[12];
    for (int id : sample) {
      assertThat(id).isBetween(0, v - 1);
      observed[id < 10 ? id : id < 1000 ? 10 : 11]++;
    }
    double h = 0;
    for (int r = 1; r <= v; r++) {
      h += 1.0 / r;
    }
    double[] expected = new double[12];
    for (int r = 1; r <= v; r++) {
      int id = r - 1;
      expected[id < 10 ? id : id < 1000 ? 10 : 11] += n / (r * h);
    }
    assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(1e-4);
    assertThat(ZipfWordSample.probability(v, 0)).isCloseTo(1 / h, org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void theSameSeedGivesTheSameSample() {
    assertThat(ZipfWordSample.sample(1000, 50, 8)).isEqualTo(ZipfWordSample.sample(1000, 50, 8));
    assertThat(ZipfWordSample.sample(1000, 50, 8)).isNotEqualTo(ZipfWordSample.sample(1000, 50, 9));
    assertThat(ZipfWordSample.sample(1, 5, 1)).containsOnly(0);
  }
}
