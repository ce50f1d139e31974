package io.dxrewrite.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.BruteForceIndex;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.random.RandomSources;
import io.dxrewrite.random.StreamPurpose;
import io.dxrewrite.testing.StatisticalTests;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MahalanobisMechanismTest {
  @TempDir Path dir;

  /** A fixed symmetric positive definite covariance with trace d. */
  private static double[][] sigma(int d) {
    SplittableRandom random = new SplittableRandom(17);
    double[][] b = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        b[i][j] = random.nextGaussian();
      }
    }
    double[][] s = new double[d][d];
    double trace = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          s[i][j] += b[i][k] * b[j][k];
        }
      }
      trace += s[i][i];
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        s[i][j] *= d / trace;
      }
    }
    return s;
  }

  /**
   * H0: A^-1 N is CMP noise: its norm follows Gamma(d, 1/epsilon) (KS) and its direction has mean
   * 0 and second moments I/d. Re-normalising N after multiplying by A breaks both.
   */
  @Test
  void inverseTransformedNoiseIsCmpNoise() {
    int d = 6;
    double epsilon = 3;
    MahalanobisNoise noise = new MahalanobisNoise(sigma(d), epsilon, 0.6);
    RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(noise.transform())).getSolver().getInverse();
    SplittableRandom random = new SplittableRandom(4242);
    int n = 20_000;
    double[] radii = new double[n];
    double[] meanU = new double[d];
    double[] secondU = new double[d];
    float[] zero = new float[d];
    float[] out = new float[d];
    double[] scratch = new double[d];
    for (int i = 0; i < n; i++) {
      noise.addNoise(random, zero, 0, out, 0, scratch);
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = out[j];
      }
      double[] u = inverse.operate(x);
      double r = 0;
      for (double c : u) {
        r += c * c;
      }
      r = Math.sqrt(r);
      radii[i] = r;
      for (int j = 0; j < d; j++) {
        meanU[j] += u[j] / r;
        secondU[j] += (u[j] / r) * (u[j] / r);
      }
    }
    StatisticalTests.assertKolmogorovSmirnov(
        "|A^-1 N| seed=4242", new GammaDistribution(d, 1 / epsilon), radii);
    for (int j = 0; j < d; j++) {
      StatisticalTests.assertMeanWithin("mean u_" + j, meanU[j] / n, 0, Math.sqrt(1.0 / d), n);
      StatisticalTests.assertMeanWithin(
          "E[u_j^2] j=" + j, secondU[j] / n, 1.0 / d, Math.sqrt(3.0 / (d * (d + 2.0))), n);
    }
  }

  @Test
  void lambdaZeroReproducesCmpExactlyUnderTheSameSeed() {
    EmbeddingStore store = DefaultEmbeddings.open();
    MechanismContext context =
        MechanismContext.of(store, new Nd4jExactIndex(store), ProgressListener.NONE);
    Mechanism cmp = Mechanisms.create("cmp", context, 7, MechanismParameters.DEFAULTS);
    Mechanism mahalanobis =
        Mechanisms.create(
            "mahalanobis", context, 7, new MechanismParameters(OptionalDouble.of(0), OptionalDouble.empty()));
    int n = 2000;
    int d = store.dimension();
    int[] ids = new int[n];
    float[] points = new float[n * d];
    for (int i = 0; i < n; i++) {
      ids[i] = (i * 37) % store.size();
      store.copyVector(ids[i], points, i * d);
    }
    int[] a = cmp.perturb(new WordBatch(ids, points, d, seeded(n, 5)));
    int[] b = mahalanobis.perturb(new WordBatch(ids, points, d, seeded(n, 5)));
    assertThat(b).containsExactly(a);
    int changed = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] != ids[i]) {
        changed++;
      }
    }
    assertThat(changed).isGreaterThan(n / 10); // the comparison is not trivially "all unchanged"
  }

  /**
   * Monte Carlo metric-DP check on a toy vocabulary (10^6 draws per word) with respect to the
   * regularised Mahalanobis distance ||A^-1 (phi(w) - phi(w'))||, the metric of the guarantee.
   */
  @Test
  void metricDpHoldsOnAToyVocabulary() {
    EmbeddingStore toy = ToyVocabulary.store(dir, 10, 77);
    double[][] sigma = {{1.6, 0.5}, {0.5, 0.4}};
    double epsilon = 2;
    MahalanobisNoise noise = new MahalanobisNoise(sigma, epsilon, 0.5);
    MahalanobisMechanism mechanism = new MahalanobisMechanism(new BruteForceIndex(toy), noise);
    RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(noise.transform())).getSolver().getInverse();
    int draws = 1_000_000;
    long[][] counts = new long[10][];
    double[][] metric = new double[10][10];
    for (int w = 0; w < 10; w++) {
      counts[w] = ToyVocabulary.outputCounts(mechanism, toy, w, draws, 300 + w);
      for (int w2 = 0; w2 < 10; w2++) {
        double[] diff = {
          (double) toy.component(w, 0) - toy.component(w2, 0),
          (double) toy.component(w, 1) - toy.component(w2, 1)
        };
        double[] u = inverse.operate(diff);
        metric[w][w2] = Math.hypot(u[0], u[1]);
      }
    }
    assertThat(ToyVocabulary.violations(counts, draws, metric, epsilon)).isZero();
  }

  private static RandomGenerator[] seeded(int n, long seed) {
    RandomGenerator[] out = new RandomGenerator[n];
    for (int i = 0; i < n; i++) {
      out[i] = RandomSources.seeded(seed, StreamPurpose.REWRITE, i);
    }
    return out;
  }
}
