package io.dxrewrite.mechanism;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.testing.StatisticalTests;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The CMP noise of Feyisetan et al. (WSDM 2020): radius ~ Gamma(d, 1/epsilon), direction uniform
 * on the sphere, independent. Each test states its null hypothesis and rejects at {@link
 * StatisticalTests#ALPHA} with a fixed seed.
 */
class MultivariateLaplaceNoiseTest {
  private static final int N = 20_000;

  /** H0: the radius follows Gamma(shape d, scale 1/epsilon). */
  @ParameterizedTest(name = "d={0}, epsilon={1}")
  @CsvSource({
    "2,0.5", "2,5", "2,50", "50,0.5", "50,5", "50,50", "100,0.5", "100,5", "100,50"
  })
  void radiusFollowsGammaWithShapeDAndScaleOneOverEpsilon(int d, double epsilon) {
    long seed = 1000L * d + (long) (epsilon * 10);
    MultivariateLaplaceNoise noise = new MultivariateLaplaceNoise(d, epsilon);
    SplittableRandom random = new SplittableRandom(seed);
    double[] radii = new double[N];
    double[] direction = new double[d];
    for (int i = 0; i < N; i++) {
      // the noise vector as the mechanism adds it: ||x - 0|| is the radius
      float[] zero = new float[d];
      float[] out = new float[d];
      noise.addNoise(random, zero, 0, out, 0, direction);
      double sq = 0;
      for (float x : out) {
        sq += (double) x * x;
      }
      radii[i] = Math.sqrt(sq);
    }
    StatisticalTests.assertKolmogorovSmirnov(
        "radius d=" + d + " epsilon=" + epsilon + " seed=" + seed,
        new GammaDistribution(d, 1.0 / epsilon),
        radii);
  }

  /** H0: each component of the direction has mean 0 and the covariance is I/d. */
  @Test
  void directionHasMeanZeroAndCovarianceIdentityOverD() {
    int d = 50;
    long seed = 77;
    MultivariateLaplaceNoise noise = new MultivariateLaplaceNoise(d, 5);
    SplittableRandom random = new SplittableRandom(seed);
    double[] u = new double[d];
    double[] mean = new double[d];
    double[][] cov = new double[d][d];
    for (int i = 0; i < N; i++) {
      noise.sampleDirection(random, u);
      for (int a = 0; a < d; a++) {
        mean[a] += u[a];
        for (int b = 0; b < d; b++) {
          cov[a][b] += u[a] * u[b];
        }
      }
    }
    // Var(u_a) = 1/d; Var(u_a^2) = 2/(d(d+2)) - ... bounded by 3/(d(d+2)); Var(u_a u_b) = 1/(d(d+2))
    double sdComponent = Math.sqrt(1.0 / d);
    double sdSquare = Math.sqrt(3.0 / (d * (d + 2.0)));
    double sdCross = Math.sqrt(1.0 / (d * (d + 2.0)));
    for (int a = 0; a < d; a += 7) {
      StatisticalTests.assertMeanWithin("mean u_" + a, mean[a] / N, 0, sdComponent, N);
      StatisticalTests.assertMeanWithin("E[u_a^2] a=" + a, cov[a][a] / N, 1.0 / d, sdSquare, N);
      int b = (a + 3) % d;
      StatisticalTests.assertMeanWithin("E[u_a u_b] a=" + a, cov[a][b] / N, 0, sdCross, N);
    }
  }

  /** H0: for d = 2 the direction's angle is uniform on [-pi, pi). */
  @Test
  void twoDimensionalAngleIsUniform() {
    MultivariateLaplaceNoise noise = new MultivariateLaplaceNoise(2, 1);
    SplittableRandom random = new SplittableRandom(99);
    double[] angles = new double[N];
    double[] u = new double[2];
    for (int i = 0; i < N; i++) {
      noise.sampleDirection(random, u);
      angles[i] = Math.atan2(u[1], u[0]);
    }
    StatisticalTests.assertKolmogorovSmirnov(
        "angle seed=99", new UniformRealDistribution(-Math.PI, Math.PI), angles);
  }

  /**
   * H0: radius and direction are independent, so the radius has the same distribution whether the
   * direction's angle lies in the upper or the lower half-plane (two-sample KS, d = 2).
   */
  @Test
  void radiusIsIndependentOfDirection() {
    MultivariateLaplaceNoise noise = new MultivariateLaplaceNoise(2, 2);
    SplittableRandom random = new SplittableRandom(123);
    double[] upper = new double[N];
    double[] lower = new double[N];
    int nu = 0;
    int nl = 0;
    float[] zero = new float[2];
    float[] out = new float[2];
    double[] scratch = new double[2];
    while (nu < N / 2 || nl < N / 2) {
      noise.addNoise(random, zero, 0, out, 0, scratch);
      double r = Math.hypot(out[0], out[1]);
      if (out[1] >= 0 && nu < N / 2) {
        upper[nu++] = r;
      } else if (out[1] < 0 && nl < N / 2) {
        lower[nl++] = r;
      }
    }
    StatisticalTests.assertSameDistribution(
        "radius by half-plane seed=123",
        java.util.Arrays.copyOf(upper, nu),
        java.util.Arrays.copyOf(lower, nl));
  }

  @Test
  void invalidEpsilonIsRefusedNamingTheParameter() {
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> new MultivariateLaplaceNoise(10, bad))
          .isInstanceOf(InvalidParameterException.class)
          .hasMessageContaining("epsilon must be a finite number > 0");
    }
  }
}
