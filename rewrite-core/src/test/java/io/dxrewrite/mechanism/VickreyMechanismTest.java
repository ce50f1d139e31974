package io.dxrewrite.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.StoreFixtures;
import io.dxrewrite.nn.BruteForceIndex;
import io.dxrewrite.testing.StatisticalTests;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VickreyMechanismTest {
  @TempDir Path dir;

  private EmbeddingStore line() {
    // words on a line: w0 at 0, w1 at 1, w2 at 3, w3 at 7
    float[] v = {0, 0, 1, 0, 3, 0, 7, 0};
    return StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(4), v, 2, "line"));
  }

  /**
   * H0: given z with distances d1 = 0.3 (w0) and d2 = 0.7 (w1), the first is returned with
   * probability p = (1-t) d2 / (t d1 + (1-t) d2) (exact binomial test, alpha 1e-3).
   */
  @Test
  void firstNeighbourFrequencyMatchesTheFormula() {
    EmbeddingStore store = line();
    for (double t : new double[] {0.25, 0.5, 0.75}) {
      VickreyMechanism vickrey =
          new VickreyMechanism(store, new BruteForceIndex(store), new MultivariateLaplaceNoise(2, 1), t);
      int n = 50_000;
      float[] z = new float[2 * n];
      RandomGenerator[] randomness = new RandomGenerator[n];
      SplittableRandom random = new SplittableRandom(8 + (long) (t * 100));
      for (int i = 0; i < n; i++) {
        z[2 * i] = 0.3f;
        randomness[i] = random;
      }
      int first = 0;
      for (int y : vickrey.select(z, n, randomness)) {
        if (y == 0) {
          first++;
        } else {
          assertThat(y).isEqualTo(1);
        }
      }
      double p = VickreyMechanism.firstProbability(0.3f, 1 - 0.3f, t);
      assertThat(p).isCloseTo((1 - t) * 0.7 / (t * 0.3 + (1 - t) * 0.7), org.assertj.core.data.Offset.offset(1e-7));
      double pValue = new BinomialTest().binomialTest(n, first, p, AlternativeHypothesis.TWO_SIDED);
      assertThat(pValue).as("t=%s: %d of %d first", t, first, n).isGreaterThanOrEqualTo(StatisticalTests.ALPHA);
    }
  }

  /**
   * H0: given the same noisy vector z, the output distribution does not depend on the true word.
   * The noise below moves every word to the same z near w0; an implementation that drops the true
   * word from the two candidates answers differently for w0 and w3 (chi-square, alpha 1e-3).
   */
  @Test
  void selectionIgnoresTheTrueWord() {
    EmbeddingStore store = line();
    NoiseSampler toFixedPoint =
        new NoiseSampler() {
          @Override
          public int dimension() {
            return 2;
          }

          @Override
          public double epsilon() {
            return 1;
          }

          @Override
          public void addNoise(
              RandomGenerator random, float[] points, int offset, float[] out, int outOffset, double[] scratch) {
            out[outOffset] = 0.4f;
            out[outOffset + 1] = 0f;
          }
        };
    VickreyMechanism vickrey = new VickreyMechanism(store, new BruteForceIndex(store), toFixedPoint, 0.6);
    long[] fromW0 = ToyVocabulary.outputCounts(vickrey, store, 0, 40_000, 1);
    long[] fromW3 = ToyVocabulary.outputCounts(vickrey, store, 3, 40_000, 2);
    long[][] table = {{fromW0[0], fromW0[1]}, {fromW3[0], fromW3[1]}};
    assertThat(fromW0[2] + fromW0[3] + fromW3[2] + fromW3[3]).isZero();
    assertThat(new ChiSquareTest().chiSquareTest(table)).isGreaterThanOrEqualTo(StatisticalTests.ALPHA);
  }

  /** Monte Carlo metric-DP check (10^6 draws per word, Euclidean metric, CMP noise). */
  @Test
  void metricDpHoldsOnAToyVocabulary() {
    EmbeddingStore toy = ToyVocabulary.store(dir, 10, 91);
    double epsilon = 2;
    VickreyMechanism vickrey =
        new VickreyMechanism(toy, new BruteForceIndex(toy), new MultivariateLaplaceNoise(2, epsilon), 0.75);
    int draws = 1_000_000;
    long[][] counts = new long[10][];
    double[][] metric = new double[10][10];
    for (int w = 0; w < 10; w++) {
      counts[w] = ToyVocabulary.outputCounts(vickrey, toy, w, draws, 500 + w);
      for (int w2 = 0; w2 < 10; w2++) {
        metric[w][w2] = ToyVocabulary.distance(toy, w, w2);
      }
    }
    assertThat(ToyVocabulary.violations(counts, draws, metric, epsilon)).isZero();
  }
}
