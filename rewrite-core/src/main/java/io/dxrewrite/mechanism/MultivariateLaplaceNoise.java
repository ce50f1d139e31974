package io.dxrewrite.mechanism;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.random.CommonsMathRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * Noise with density proportional to {@code exp(-epsilon ||z||)} in R^d (the multivariate Laplace
 * of Feyisetan et al., WSDM 2020, Sec. 4, and Wu et al. 2017): a direction uniform on the unit
 * sphere (a normalised N(0, I_d) sample) times a radius drawn from Gamma(shape d, scale
 * 1/epsilon), independent of each other.
 *
 * <p>Immutable and thread-safe; each call draws from the generator it is given.
 */
public final class MultivariateLaplaceNoise implements NoiseSampler {
  private final int dimension;
  private final double epsilon;

  /**
   * @param dimension d, {@code >= 1}
   * @param epsilon epsilon per word, finite and {@code > 0}
   * @throws io.dxrewrite.error.InvalidParameterException if a parameter is out of range
   */
  public MultivariateLaplaceNoise(int dimension, double epsilon) {
    this.dimension = DxPreconditions.checkAtLeast("dimension", dimension, 1);
    this.epsilon = DxPreconditions.checkEpsilon(epsilon);
  }

  /**
   * @param random source of randomness
   * @return a radius r ~ Gamma(d, 1/epsilon), in embedding-distance units
   */
  public double sampleRadius(RandomGenerator random) {
    return new GammaDistribution(new CommonsMathRandom(random), dimension, 1.0 / epsilon)
        .sample();
  }

  /**
   * Writes a direction uniform on the unit sphere S^{d-1} to {@code out[0..d)}.
   *
   * @param random source of randomness
   * @param out {@code double[d]} or longer
   */
  public void sampleDirection(RandomGenerator random, double[] out) {
    double norm;
    do {
      double sq = 0;
      for (int j = 0; j < dimension; j++) {
        double g = random.nextGaussian();
        out[j] = g;
        sq += g * g;
      }
      norm = Math.sqrt(sq);
    } while (norm == 0);
    for (int j = 0; j < dimension; j++) {
      out[j] /= norm;
    }
  }

  /**
   * Adds one noise vector to {@code point} and writes the noisy point.
   *
   * @param random source of randomness
   * @param points source array, {@code float[n*d]} row-major
   * @param offset index of the point's first component
   * @param out destination array (may equal {@code points})
   * @param outOffset index of the first component written
   * @param scratch {@code double[d]} scratch space
   */
  @Override
  public void addNoise(
      RandomGenerator random,
      float[] points,
      int offset,
      float[] out,
      int outOffset,
      double[] scratch) {
    sampleDirection(random, scratch);
    double radius = sampleRadius(random);
    for (int j = 0; j < dimension; j++) {
      out[outOffset + j] = (float) (points[offset + j] + radius * scratch[j]);
    }
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public double epsilon() {
    return epsilon;
  }
}
