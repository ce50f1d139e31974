package io.dxrewrite.mechanism;

import io.dxrewrite.error.DxPreconditions;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Elliptical noise of the regularised Mahalanobis mechanism (Xu, Aggarwal, Feyisetan, Teissier,
 * PrivateNLP 2020, Algorithm 1): {@code N = r A v} with r ~ Gamma(d, 1/epsilon), v uniform on the
 * unit sphere and {@code A = (lambda Sigma + (1 - lambda) I)^(1/2)}, the symmetric square root
 * computed once by eigendecomposition. N is not re-normalised after multiplying by A, so its
 * density is proportional to {@code exp(-epsilon ||A^-1 N||)}: {@code A^-1 N} is exactly CMP noise.
 *
 * <p>With {@code lambda = 0}, A = I and the draws are identical to {@link
 * MultivariateLaplaceNoise} under the same generator. Immutable and thread-safe.
 */
public final class MahalanobisNoise implements NoiseSampler {
  private final MultivariateLaplaceNoise base;
  private final double lambda;
  private final double[][] sqrt; // null when A = I
  private final double minEigenvalue; // lambda_min(A^2)

  /**
   * @param sigma the embedding covariance normalised to unit mean variance, {@code double[d][d]}
   * @param epsilon epsilon per word, finite and {@code > 0}
   * @param lambda regularisation in {@code [0, 1]}; 0 gives CMP noise
   * @throws io.dxrewrite.error.InvalidParameterException if a parameter is out of range
   */
  public MahalanobisNoise(double[][] sigma, double epsilon, double lambda) {
    this(
        sigma.length,
        epsilon,
        lambda,
        lambda == 0 ? null : squareRoot(sigma, lambda),
        regularisedMinEigenvalue(minEigenvalue(sigma), lambda));
  }

  /**
   * @param dimension d
   * @param epsilon epsilon per word, finite and {@code > 0}
   * @param lambda regularisation in {@code [0, 1]}
   * @param transform A from {@link #squareRoot(double[][], double)} for this lambda, or null when
   *     lambda = 0
   * @throws io.dxrewrite.error.InvalidParameterException if a parameter is out of range
   */
  public MahalanobisNoise(int dimension, double epsilon, double lambda, double[][] transform) {
    this(
        dimension,
        epsilon,
        lambda,
        transform,
        lambda == 0 || transform == null ? 1 : squaredMinEigenvalue(transform));
  }

  /**
   * @param dimension d
   * @param epsilon epsilon per word, finite and {@code > 0}
   * @param lambda regularisation in {@code [0, 1]}
   * @param transform A from {@link #squareRoot(double[][], double)} for this lambda, or null when
   *     lambda = 0
   * @param minEigenvalue {@code lambda_min(A^2) = lambda mu_min + 1 - lambda} ({@link
   *     #regularisedMinEigenvalue(double, double)}), cached per store by {@link
   *     MechanismContext#mahalanobisMinEigenvalue(double)}
   * @throws io.dxrewrite.error.InvalidParameterException if a parameter is out of range
   */
  public MahalanobisNoise(
      int dimension, double epsilon, double lambda, double[][] transform, double minEigenvalue) {
    DxPreconditions.checkInRange("lambda", lambda, 0, 1);
    this.minEigenvalue = lambda == 0 ? 1 : Math.max(0, minEigenvalue);
    DxPreconditions.checkArgument(
        lambda == 0 || (transform != null && transform.length == dimension),
        "a lambda > 0 needs its d x d transform (MahalanobisNoise.squareRoot)");
    this.base = new MultivariateLaplaceNoise(dimension, epsilon);
    this.lambda = lambda;
    this.sqrt = lambda == 0 ? null : transform;
  }

  /**
   * The symmetric square root {@code A = (lambda Sigma + (1 - lambda) I)^(1/2)}, by eigendecomposition.
   * Callers that build many mechanisms (one per request) compute it once and cache it, see {@link
   * MechanismContext#mahalanobisTransform(double)}.
   *
   * @param sigma the covariance normalised to unit mean variance, {@code double[d][d]}
   * @param lambda regularisation in {@code [0, 1]}
   * @return A, {@code double[d][d]}
   */
  public static double[][] squareRoot(double[][] sigma, double lambda) {
    int d = sigma.length;
    double[][] m = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        m[i][j] = lambda * sigma[i][j] + (i == j ? 1 - lambda : 0);
      }
    }
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
    RealMatrix v = eig.getV();
    double[] values = eig.getRealEigenvalues();
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
          sum += v.getEntry(i, k) * Math.sqrt(Math.max(0, values[k])) * v.getEntry(j, k);
        }
        out[i][j] = sum;
      }
    }
    return out;
  }

  /**
   * The smallest eigenvalue of a symmetric matrix, by Commons Math's {@link EigenDecomposition}.
   *
   * @param sigma a symmetric matrix (the normalised embedding covariance), {@code double[d][d]}
   * @return mu_min, its smallest eigenvalue
   */
  public static double minEigenvalue(double[][] sigma) {
    double[] values =
        new EigenDecomposition(new Array2DRowRealMatrix(sigma, true)).getRealEigenvalues();
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
    }
    return min;
  }

  /**
   * {@code lambda_min(lambda Sigma + (1 - lambda) I) = lambda mu_min + 1 - lambda}: the identity
   * commutes with Sigma, so both share eigenvectors and each eigenvalue mu of Sigma becomes
   * {@code lambda mu + 1 - lambda}, an increasing function of mu for lambda >= 0.
   *
   * @param sigmaMinEigenvalue mu_min, the smallest eigenvalue of the normalised Sigma
   * @param lambda regularisation in {@code [0, 1]}
   * @return {@code lambda_min(A^2)}
   */
  public static double regularisedMinEigenvalue(double sigmaMinEigenvalue, double lambda) {
    return lambda * sigmaMinEigenvalue + (1 - lambda);
  }

  /** lambda_min(A^2) = lambda_min(A)^2 for a symmetric positive semi-definite A. */
  private static double squaredMinEigenvalue(double[][] transform) {
    double min = Math.max(0, minEigenvalue(transform));
    return min * min;
  }

  /**
   * The conservative Euclidean-equivalent epsilon: {@code epsilon / sqrt(lambda_min(A^2))}.
   *
   * <p>Proof. The noise has density proportional to {@code exp(-epsilon ||A^-1 N||)}, so the
   * mechanism is epsilon-private in the metric {@code d_A(x, y) = ||A^-1 (x - y)||} (Xu et al.,
   * PrivateNLP 2020, Theorem 1). For any vector v, {@code ||A^-1 v||^2 = v^T A^-2 v <=
   * lambda_max(A^-2) ||v||^2 = ||v||^2 / lambda_min(A^2)}, because A is symmetric positive
   * definite and the eigenvalues of {@code A^-2} are the reciprocals of those of {@code A^2}.
   * Hence {@code epsilon d_A(x, y) <= (epsilon / sqrt(lambda_min(A^2))) ||x - y||}, and the bound
   * is attained for x - y along the eigenvector of lambda_min, so no smaller Euclidean epsilon
   * follows from the guarantee. With {@code lambda_min(A^2) = lambda mu_min + 1 - lambda} ({@link
   * #regularisedMinEigenvalue}); at lambda = 0 it is epsilon (CMP).
   *
   * @return Euclidean-equivalent epsilon per word; {@code +Infinity} when {@code lambda_min(A^2)
   *     = 0} (lambda = 1 on a singular covariance: no Euclidean guarantee)
   */
  @Override
  public double euclideanEpsilon() {
    return minEigenvalue <= 0 ? Double.POSITIVE_INFINITY : epsilon() / Math.sqrt(minEigenvalue);
  }

  /**
   * @return {@code lambda_min(A^2)}, 1 when lambda = 0
   */
  public double minEigenvalue() {
    return minEigenvalue;
  }

  /**
   * @return a copy of A, {@code double[d][d]} (the identity when lambda = 0)
   */
  public double[][] transform() {
    int d = dimension();
    double[][] a = new double[d][d];
    for (int i = 0; i < d; i++) {
      if (sqrt == null) {
        a[i][i] = 1;
      } else {
        a[i] = sqrt[i].clone();
      }
    }
    return a;
  }

  /**
   * @return lambda
   */
  public double lambda() {
    return lambda;
  }

  @Override
  public int dimension() {
    return base.dimension();
  }

  @Override
  public double epsilon() {
    return base.epsilon();
  }

  @Override
  public void addNoise(
      RandomGenerator random, float[] points, int offset, float[] out, int outOffset, double[] scratch) {
    int d = dimension();
    base.sampleDirection(random, scratch);
    double radius = base.sampleRadius(random);
    if (sqrt == null) {
      for (int j = 0; j < d; j++) {
        out[outOffset + j] = (float) (points[offset + j] + radius * scratch[j]);
      }
      return;
    }
    double[] direction = scratch.clone();
    for (int i = 0; i < d; i++) {
      double sum = 0;
      double[] row = sqrt[i];
      for (int j = 0; j < d; j++) {
        sum += row[j] * direction[j];
      }
      out[outOffset + i] = (float) (points[offset + i] + radius * sum);
    }
  }
}
