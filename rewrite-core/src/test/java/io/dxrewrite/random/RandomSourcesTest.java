package io.dxrewrite.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * Seeded streams are separated by purpose (issue 14, item 1): the same seed must not give seeded
 * DP-SGD training and seeded rewriting the same noise. On main before this change both called
 * {@code RandomSources.seeded(seed, 0)} and drew identical numbers.
 */
class RandomSourcesTest {
  /**
   * Known answers for the derivation, computed outside Java with Python's hashlib:
   * {@code struct.unpack('>q', sha256(b'dx-rewrite/seeded-stream/v1\0' + label + b'\0' +
   * struct.pack('>qq', seed, key)).digest()[:8])}.
   */
  @Test
  void derivationMatchesAnIndependentSha256() {
    assertThat(RandomSources.derive(5, StreamPurpose.REWRITE, 0)).isEqualTo(6991689754745941954L);
    assertThat(RandomSources.derive(5, StreamPurpose.DP_SGD, 0)).isEqualTo(-7786251159260696890L);
    assertThat(RandomSources.derive(42, StreamPurpose.REWRITE, 7)).isEqualTo(8533857431298752917L);
  }

  @Test
  void samePurposeSeedAndKeyReproduce() {
    for (StreamPurpose purpose : StreamPurpose.values()) {
      RandomGenerator a = RandomSources.seeded(123, purpose, 9);
      RandomGenerator b = RandomSources.seeded(123, purpose, 9);
      for (int i = 0; i < 1000; i++) {
        assertThat(a.nextLong()).as("%s draw %d", purpose, i).isEqualTo(b.nextLong());
      }
    }
  }

  @Test
  void everyPairOfPurposesDiffersForManySeeds() {
    StreamPurpose[] all = StreamPurpose.values();
    for (long seed = 0; seed < 1000; seed++) {
      for (int i = 0; i < all.length; i++) {
        for (int j = i + 1; j < all.length; j++) {
          assertThat(RandomSources.seeded(seed, all[i], 0).nextLong())
              .as("seed %d, %s vs %s", seed, all[i], all[j])
              .isNotEqualTo(RandomSources.seeded(seed, all[j], 0).nextLong());
        }
      }
    }
  }

  /**
   * H0: the rewrite stream and the DP-SGD stream of one seed are independent uniforms. The pairs
   * (u_i, v_i) of 100,000 draws fall into a 10 x 10 grid; a chi-square test of uniformity over
   * the 100 cells (99 degrees of freedom) rejects at alpha = 1e-4. Identical or linearly related
   * streams put every pair on one line of cells and fail with p ~ 0. A Pearson correlation
   * check (|r| < 4.4 / sqrt(n), two-sided alpha about 1e-5) catches a weaker dependence.
   */
  @Test
  void rewriteAndDpSgdStreamsOfOneSeedLookIndependent() {
    for (long seed : new long[] {0, 5, 42}) {
      RandomGenerator u = RandomSources.seeded(seed, StreamPurpose.REWRITE, 0);
      RandomGenerator v = RandomSources.seeded(seed, StreamPurpose.DP_SGD, 0);
      int n = 100_000;
      long[] cells = new long[100];
      double sx = 0;
      double sy = 0;
      double sxy = 0;
      double sxx = 0;
      double syy = 0;
      for (int i = 0; i < n; i++) {
        double x = u.nextDouble();
        double y = v.nextDouble();
        cells[(int) (x * 10) * 10 + (int) (y * 10)]++;
        sx += x;
        sy += y;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
      }
      double[] expected = new double[100];
      java.util.Arrays.fill(expected, n / 100.0);
      double p = new ChiSquareTest().chiSquareTest(expected, cells);
      assertThat(p).as("seed %d: chi-square p-value", seed).isGreaterThan(1e-4);
      double r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
      assertThat(Math.abs(r)).as("seed %d: correlation", seed).isLessThan(4.4 / Math.sqrt(n));
    }
  }
}
