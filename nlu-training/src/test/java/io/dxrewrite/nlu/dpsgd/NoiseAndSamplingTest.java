package io.dxrewrite.nlu.dpsgd;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.nlu.model.Gradients;
import io.dxrewrite.nlu.model.TopicClassifier;
import io.dxrewrite.nlu.train.EncodedSet;
import io.dxrewrite.random.RandomSources;
import io.dxrewrite.random.StreamPurpose;
import io.dxrewrite.testing.StatisticalTests;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Noise scale, Poisson batches, empty and single-class batches. Seeds are fixed. */
class NoiseAndSamplingTest {
  private static final long SEED = 20240607L;

  /**
   * Null hypothesis: on an empty batch every coordinate of the private gradient times qN is an
   * independent N(0, (sigma C)^2) draw. Checked by a KS test of the standardised coordinates
   * against N(0, 1) and by the sample variance within 4.5 standard errors (sd of s^2 is
   * sqrt(2/n)), both at the suite's alpha.
   */
  @Test
  void emptyBatchNoiseHasStandardDeviationSigmaTimesC() {
    TopicClassifier model = TopicClassifier.initialise(30, 20, 6, 3);
    double sigma = 1.3;
    double c = 0.7;
    double expectedBatch = 25;
    DpSgdParameters p = new DpSgdParameters(c, sigma, 0.01, expectedBatch);
    RandomGenerator random = RandomSources.seeded(SEED, StreamPurpose.DP_SGD, 0);
    Gradients g = DpSgdStep.privateGradient(model, null, new int[0], p, random);
    double[] z = flatten(g);
    for (int i = 0; i < z.length; i++) {
      z[i] = z[i] * expectedBatch / (sigma * c);
    }
    StatisticalTests.assertKolmogorovSmirnov(
        "standardised noise, seed " + SEED, new NormalDistribution(0, 1), z);
    double variance = new Variance().evaluate(z);
    StatisticalTests.assertMeanWithin("noise variance / (sigma C)^2, seed " + SEED,
        variance, 1, Math.sqrt(2), z.length);
  }

  /**
   * Null hypothesis: batch sizes are Binomial(N, q), mean qN and sd sqrt(Nq(1-q)); every index
   * is chosen with probability q.
   */
  @Test
  void poissonBatchesHaveBinomialSizesAndUniformInclusion() {
    int n = 2000;
    double q = 0.01;
    int draws = 4000;
    RandomGenerator random = RandomSources.seeded(SEED, StreamPurpose.DP_SGD, 1);
    double sum = 0;
    int empty = 0;
    int[] counts = new int[n];
    for (int t = 0; t < draws; t++) {
      int[] batch = PoissonSampler.sample(n, q, random);
      sum += batch.length;
      empty += batch.length == 0 ? 1 : 0;
      for (int i = 1; i < batch.length; i++) {
        assertThat(batch[i]).isGreaterThan(batch[i - 1]);
      }
      for (int i : batch) {
        counts[i]++;
      }
    }
    StatisticalTests.assertMeanWithin("mean Poisson batch size, seed " + SEED,
        sum / draws, n * q, Math.sqrt(n * q * (1 - q)), draws);
    double firstHalf = 0;
    for (int i = 0; i < n / 2; i++) {
      firstHalf += counts[i];
    }
    StatisticalTests.assertMeanWithin("share of picks in the first half, seed " + SEED,
        firstHalf / sum, 0.5, 0.5, (int) sum);
    assertThat(empty).as("with q = 5e-4, N = 2000 about e^-1 of batches are empty").isZero();
    int emptySmall = 0;
    for (int t = 0; t < 1000; t++) {
      emptySmall += PoissonSampler.sample(2000, 5e-4, random).length == 0 ? 1 : 0;
    }
    StatisticalTests.assertMeanWithin("share of empty batches at qN = 1, seed " + SEED,
        emptySmall / 1000.0, Math.pow(1 - 5e-4, 2000),
        Math.sqrt(Math.exp(-1) * (1 - Math.exp(-1))), 1000);
  }

  @Test
  void singleClassBatchGivesFiniteClippedGradient() {
    EncodedSet set = Fixtures.randomSet(16, 10, 4, 5);
    int[] oneClass = new int[16];
    java.util.Arrays.fill(oneClass, 2);
    TopicClassifier model = TopicClassifier.initialise(10, 8, 4, 9);
    DpSgdParameters p = new DpSgdParameters(1.0, 0, 0.1, 16);
    Gradients g = DpSgdStep.privateGradient(
        model, set.rows(java.util.stream.IntStream.range(0, 16).toArray()), oneClass, p, RandomSources.seeded(SEED, StreamPurpose.DP_SGD, 2));
    assertThat(g.norm2()).isFinite().isGreaterThan(0).isLessThanOrEqualTo(1.0 + 1e-9);
    // the bias gradient of the output layer pushes class 2 up and the rest down
    double[] b2 = g.b2().toDoubleVector();
    for (int k = 0; k < 4; k++) {
      if (k != 2) {
        assertThat(b2[k]).as("class %s", k).isPositive();
      }
    }
    assertThat(b2[2]).isNegative();
  }

  private static double[] flatten(Gradients g) {
    double[] out = new double[(int) g.size()];
    int at = 0;
    for (INDArray x : g.arrays()) {
      double[] v = x.reshape(x.length()).toDoubleVector();
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }
}
