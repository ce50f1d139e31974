package io.dxrewrite.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.density.NeighbourhoodTableBuilder;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.nn.BruteForceIndex;
import io.dxrewrite.testing.StatisticalTests;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact output distribution of the truncated-Gumbel mechanism on a toy vocabulary, computed here
 * independently of the implementation: P(y|w) = Σ_k P(k) ∫ f(t) Π_{c != y} S(d_y + t - d_c) dt over
 * the candidate set of w for k (w and its k nearest others, k ~ Poisson(ln(V-1)) truncated to
 * [0, V-1]), with f and S the density and survival function of Gumbel(0, b) truncated to
 * [-deltaMax, deltaMax], integrated by Simpson's rule.
 */
class TruncatedGumbelExactTest {
  private static final int V = 12;
  @TempDir static Path dir;
  private static EmbeddingStore store;
  private static NeighbourhoodTable table;

  @BeforeAll
  static void setUp() {
    store = ToyVocabulary.store(dir, V, 2024);
    table =
        NeighbourhoodTableBuilder.openOrBuild(
            store, new BruteForceIndex(store), V - 1, ProgressListener.NONE);
  }

  /** Exact P(y|w) for all w, y at Gumbel scale b. */
  static double[][] exactProbabilities(double b) {
    double bound = table.deltaMax();
    double lower = Math.exp(-Math.exp(bound / b));
    double upper = Math.exp(-Math.exp(-bound / b));
    double mass = upper - lower;
    PoissonDistribution poisson = new PoissonDistribution(Math.log(V - 1.0));
    double kMass = 0;
    for (int k = 0; k <= V - 1; k++) {
      kMass += poisson.probability(k);
    }
    double[][] p = new double[V][V];
    for (int w = 0; w < V; w++) {
      final int word = w;
      Integer[] others =
          IntStream.range(0, V).filter(i -> i != word).boxed().toArray(Integer[]::new);
      Arrays.sort(
          others,
          Comparator.<Integer>comparingDouble(o -> ToyVocabulary.distance(store, word, o))
              .thenComparing(o -> o));
      for (int k = 0; k <= V - 1; k++) {
        double pk = poisson.probability(k) / kMass;
        int[] cand = new int[k + 1];
        double[] dist = new double[k + 1];
        cand[0] = w;
        for (int r = 1; r <= k; r++) {
          cand[r] = others[r - 1];
          dist[r] = ToyVocabulary.distance(store, w, cand[r]);
        }
        for (int c = 0; c <= k; c++) {
          p[w][cand[c]] += pk * winProbability(c, dist, b, bound, lower, mass);
        }
      }
    }
    return p;
  }

  private static double winProbability(
      int c, double[] dist, double b, double bound, double lower, double mass) {
    int steps = 4000;
    double h = 2 * bound / steps;
    double sum = 0;
    for (int s = 0; s <= steps; s++) {
      double t = -bound + s * h;
      double density = Math.exp(-t / b - Math.exp(-t / b)) / b / mass;
      double prod = density;
      for (int o = 0; o < dist.length && prod > 0; o++) {
        if (o != c) {
          prod *= survival(dist[c] + t - dist[o], b, bound, lower, mass);
        }
      }
      sum += prod * (s == 0 || s == steps ? 1 : (s % 2 == 1 ? 4 : 2));
    }
    return sum * h / 3;
  }

  private static double survival(double x, double b, double bound, double lower, double mass) {
    if (x <= -bound) {
      return 1;
    }
    if (x >= bound) {
      return 0;
    }
    return 1 - (Math.exp(-Math.exp(-x / b)) - lower) / mass;
  }

  @Test
  void exactDistributionSatisfiesMetricDpAtSeveralEpsilons() {
    double min = TruncatedGumbelCalibration.minimumEpsilon(V, table.deltaMin());
    for (double factor : new double[] {1.01, 1.5, 3, 10, 100}) {
      double epsilon = min * factor;
      double b = TruncatedGumbelCalibration.scaleForEpsilon(epsilon, V, table.deltaMin(), table.deltaMax());
      double[][] p = exactProbabilities(b);
      for (int w = 0; w < V; w++) {
        assertThat(Arrays.stream(p[w]).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        for (int w2 = 0; w2 < V; w2++) {
          double bound = Math.exp(epsilon * ToyVocabulary.distance(store, w, w2));
          for (int y = 0; y < V; y++) {
            assertThat(p[w][y])
                .as("epsilon %s, w %d, w' %d, y %d", epsilon, w, w2, y)
                .isLessThanOrEqualTo(bound * p[w2][y] * (1 + 1e-9) + 1e-12);
          }
        }
      }
    }
  }

  /**
   * The fixture's exact mode (used by the auditor) agrees with the independent integration here,
   * to 1e-6 relative: the fixture reads the table's float32 distances, this test float64 ones.
   */
  @Test
  void fixtureLogProbabilitiesMatchTheIndependentIntegration() {
    double epsilon = TruncatedGumbelCalibration.minimumEpsilon(V, table.deltaMin()) * 3;
    TruncatedGumbelMechanism mechanism =
        new TruncatedGumbelMechanism(store, new BruteForceIndex(store), table, epsilon);
    double[][] exact = exactProbabilities(mechanism.scale());
    for (int w = 0; w < V; w++) {
      double[] log = mechanism.logProbabilities(w);
      for (int y = 0; y < V; y++) {
        assertThat(Math.exp(log[y])).as("w %d, y %d", w, y)
            .isCloseTo(exact[w][y], org.assertj.core.data.Percentage.withPercentage(1e-4));
      }
    }
  }

  /**
   * On this mild 12-word toy the inequality holds (test above), and the auditor, checking every
   * pair exactly, agrees: no false alarm. The rank construction of issue 13 is where it fails
   * ({@code io.dxrewrite.audit.PrivacyAuditorExactTest}).
   */
  @Test
  void auditorPassesTheMildToy() {
    double epsilon = TruncatedGumbelCalibration.minimumEpsilon(V, table.deltaMin()) * 3;
    TruncatedGumbelMechanism mechanism =
        new TruncatedGumbelMechanism(store, new BruteForceIndex(store), table, epsilon);
    io.dxrewrite.audit.AuditReport report =
        new io.dxrewrite.audit.PrivacyAuditor(store, table)
            .audit(mechanism, io.dxrewrite.audit.AuditConfig.defaults(), ProgressListener.NONE);
    assertThat(report.violated()).as(report.verdict()).isFalse();
    assertThat(report.pairsChecked()).isEqualTo(V * (V - 1) / 2);
  }

  /**
   * H0: the implementation's outputs follow the exact distribution (chi-square goodness of fit,
   * alpha 1e-3, fixed seeds). Squared distances, a missing self candidate or untruncated noise
   * change the distribution and fail this test.
   */
  @Test
  void implementationMatchesTheExactDistribution() {
    double epsilon = TruncatedGumbelCalibration.minimumEpsilon(V, table.deltaMin()) * 40;
    TruncatedGumbelMechanism mechanism =
        new TruncatedGumbelMechanism(store, new BruteForceIndex(store), table, epsilon);
    double[][] exact = exactProbabilities(mechanism.scale());
    int draws = 200_000;
    for (int w : new int[] {0, V / 2, V - 1}) {
      long[] counts = ToyVocabulary.outputCounts(mechanism, store, w, draws, 1000 + w);
      double[] expected = new double[V];
      for (int y = 0; y < V; y++) {
        expected[y] = exact[w][y] * draws;
      }
      double p = chiSquarePValue(expected, counts);
      assertThat(p).as("word %d: chi-square p-value", w).isGreaterThanOrEqualTo(StatisticalTests.ALPHA);
    }
  }

  /** Chi-square goodness of fit, pooling cells with expected count below 5 into one cell. */
  private static double chiSquarePValue(double[] expected, long[] observed) {
    java.util.List<Double> e = new java.util.ArrayList<>();
    java.util.List<Long> o = new java.util.ArrayList<>();
    double pooledE = 0;
    long pooledO = 0;
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] < 5) {
        pooledE += expected[i];
        pooledO += observed[i];
      } else {
        e.add(expected[i]);
        o.add(observed[i]);
      }
    }
    if (pooledE > 0) {
      e.add(pooledE);
      o.add(pooledO);
    }
    return new ChiSquareTest()
        .chiSquareTest(
            e.stream().mapToDouble(Double::doubleValue).toArray(),
            o.stream().mapToLong(Long::longValue).toArray());
  }

  @Test
  void scaleAndEpsilonRoundTripAndTheRegimeIsEnforced() {
    double dMin = table.deltaMin();
    double dMax = table.deltaMax();
    for (double b : new double[] {0.5, 2, 50, 1e4}) {
      double epsilon = TruncatedGumbelCalibration.epsilonForScale(b, V, dMin, dMax);
      assertThat(TruncatedGumbelCalibration.scaleForEpsilon(epsilon, V, dMin, dMax))
          .isCloseTo(b, org.assertj.core.data.Percentage.withPercentage(1e-6));
    }
    double min = TruncatedGumbelCalibration.minimumEpsilon(V, dMin);
    assertThatThrownBy(() -> new TruncatedGumbelMechanism(store, new BruteForceIndex(store), table, min * 0.99))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("truncated-gumbel needs epsilon >")
        .hasMessageContaining(String.format(java.util.Locale.ROOT, "%.6g", min));
  }
}
