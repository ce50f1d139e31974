package io.dxrewrite.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.DefaultEmbeddings;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.Nd4jExactIndex;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

/**
 * The Euclidean-equivalent epsilon of the Mahalanobis noise: epsilon / sqrt(lambda_min(lambda
 * Sigma + (1 - lambda) I)). Checked against hand-computed values and, exactly, against the noise
 * density's log-ratio bound and its tightness.
 */
class EuclideanEpsilonTest {
  /** Sigma = R diag(0.1, 1.9) R^T with R a rotation by 30 degrees: mu_min = 0.1 by construction. */
  private static double[][] rotatedSigma() {
    double c = Math.cos(Math.PI / 6);
    double s = Math.sin(Math.PI / 6);
    double[][] r = {{c, -s}, {s, c}};
    double[] diag = {0.1, 1.9};
    double[][] sigma = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        for (int k = 0; k < 2; k++) {
          sigma[i][j] += r[i][k] * diag[k] * r[j][k];
        }
      }
    }
    return sigma;
  }

  @Test
  void mahalanobisChargesEpsilonOverRootOfSmallestRegularisedEigenvalue() {
    // hand-computed: lambda_min(0.5 Sigma + 0.5 I) = 0.5 * 0.1 + 0.5 = 0.55; 2 / sqrt(0.55)
    MahalanobisNoise half = new MahalanobisNoise(rotatedSigma(), 2, 0.5);
    assertThat(half.euclideanEpsilon()).isCloseTo(2.6967994498529684, within(1e-9));
    // lambda = 1: 2 / sqrt(0.1)
    assertThat(new MahalanobisNoise(rotatedSigma(), 2, 1).euclideanEpsilon())
        .isCloseTo(6.324555320336759, within(1e-9));
    // lambda = 0 is CMP: charged as is
    assertThat(new MahalanobisNoise(rotatedSigma(), 2, 0).euclideanEpsilon()).isEqualTo(2);
    // the constructor that only gets A recovers the same figure from A's eigenvalues
    MahalanobisNoise fromTransform =
        new MahalanobisNoise(2, 2, 0.5, MahalanobisNoise.squareRoot(rotatedSigma(), 0.5));
    assertThat(fromTransform.euclideanEpsilon()).isCloseTo(2.6967994498529684, within(1e-9));
  }

  /**
   * The claim: for all z, x, x', epsilon (||A^-1 (z - x')|| - ||A^-1 (z - x)||) <= eps_E ||x -
   * x'||, so the noise density ratio is at most exp(eps_E ||x - x'||). Checked on 100,000 random
   * triples (seed 5), and the bound is attained (to 1e-9) along Sigma's smallest eigenvector, so
   * no smaller Euclidean epsilon is implied. A charge of epsilon / sqrt(1 - lambda) or of epsilon
   * itself would fail one of the two checks.
   */
  @Test
  void densityRatioBoundHoldsEverywhereAndIsAttained() {
    double epsilon = 2;
    double lambda = 0.7;
    MahalanobisNoise noise = new MahalanobisNoise(rotatedSigma(), epsilon, lambda);
    RealMatrix inverse =
        new LUDecomposition(new Array2DRowRealMatrix(noise.transform())).getSolver().getInverse();
    double euclidean = noise.euclideanEpsilon();
    SplittableRandom random = new SplittableRandom(5);
    double worst = 0;
    for (int trial = 0; trial < 100_000; trial++) {
      RealVector z = vector(random.nextGaussian() * 3, random.nextGaussian() * 3);
      RealVector x = vector(random.nextGaussian(), random.nextGaussian());
      RealVector y = vector(random.nextGaussian(), random.nextGaussian());
      double logRatio =
          epsilon
              * (inverse.operate(z.subtract(y)).getNorm() - inverse.operate(z.subtract(x)).getNorm());
      double bound = euclidean * x.subtract(y).getNorm();
      assertThat(logRatio).isLessThanOrEqualTo(bound + 1e-9);
      worst = Math.max(worst, logRatio / bound);
    }
    assertThat(worst).isLessThanOrEqualTo(1 + 1e-9);
    // along the smallest eigenvector u = (cos 30, sin 30) of Sigma, with z far out along u
    RealVector u = vector(Math.cos(Math.PI / 6), Math.sin(Math.PI / 6));
    RealVector x = u.mapMultiply(0.5);
    RealVector y = u.mapMultiply(-0.5);
    RealVector z = u.mapMultiply(-100);
    double logRatio =
        epsilon * (inverse.operate(z.subtract(x)).getNorm() - inverse.operate(z.subtract(y)).getNorm());
    assertThat(logRatio).isCloseTo(euclidean * 1.0, within(1e-9));
  }

  @Test
  void vickreyInheritsItsNoiseUnitsAndCmpIsEuclidean() {
    EmbeddingStore store = DefaultEmbeddings.open();
    MechanismContext context =
        MechanismContext.of(store, new Nd4jExactIndex(store), ProgressListener.NONE);
    Mechanism cmp = Mechanisms.create("cmp", context, 10, MechanismParameters.DEFAULTS);
    assertThat(cmp.euclideanEpsilon()).isEqualTo(10);
    double mu = context.covarianceMinEigenvalue();
    System.out.printf(
        "embedded store (%d x %d): smallest eigenvalue of the normalised Sigma %.4f; Euclidean /"
            + " nominal epsilon %.3f at lambda 0.2, %.3f at lambda 1%n",
        store.size(), store.dimension(), mu, 1 / Math.sqrt(0.2 * mu + 0.8), 1 / Math.sqrt(mu));
    assertThat(mu).isBetween(1e-4, 1.0);
    Mechanism mahalanobis =
        Mechanisms.create("mahalanobis", context, 10, new MechanismParameters(java.util.OptionalDouble.of(0.2), java.util.OptionalDouble.empty()));
    assertThat(mahalanobis.euclideanEpsilon()).isCloseTo(10 / Math.sqrt(0.2 * mu + 0.8), within(1e-9));
    assertThat(mahalanobis.euclideanEpsilon()).isGreaterThan(10);
    Mechanism vickrey =
        Mechanisms.create("vickrey", context, 10, new MechanismParameters(java.util.OptionalDouble.of(0.2), java.util.OptionalDouble.empty()));
    assertThat(vickrey.euclideanEpsilon()).isEqualTo(mahalanobis.euclideanEpsilon());
    Mechanism vickreyCmp = Mechanisms.create("vickrey", context, 10, MechanismParameters.DEFAULTS);
    assertThat(vickreyCmp.euclideanEpsilon()).isEqualTo(10);
  }

  private static RealVector vector(double a, double b) {
    return new ArrayRealVector(new double[] {a, b});
  }
}
