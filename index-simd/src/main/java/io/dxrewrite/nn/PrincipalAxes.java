package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The principal axes of a store: the mean {@code mu} and the eigenvectors of the {@code d x d}
 * covariance matrix, ordered by decreasing eigenvalue, all computed in float64. The map {@code z =
 * A (x - mu)} (A's rows are the axes) is orthogonal up to {@link #orthogonalityDefect()}, so it
 * preserves every Euclidean distance up to that defect, and the leading coordinates of z carry the
 * most variance of the store (Jolliffe, Principal Component Analysis, 2nd ed., 2002, ch. 1).
 *
 * @param dimension d
 * @param mean {@code double[d]}, the store's mean vector
 * @param axes {@code double[d*d]} row-major: row i is the i-th principal axis (unit length)
 * @param variances {@code double[d]}: the covariance eigenvalues, decreasing (variance along axis i)
 * @param orthogonalityDefect {@code eta}, an upper bound on {@code ||A A^T - I||_2} (Frobenius norm
 *     of the computed residual plus its own float64 rounding); every {@code ||A x||^2} lies in
 *     {@code [(1 - eta) ||x||^2, (1 + eta) ||x||^2]}
 */
public record PrincipalAxes(
    int dimension, double[] mean, double[] axes, double[] variances, double orthogonalityDefect) {

  /**
   * Computes the axes of {@code store}: mean and covariance in float64 ({@code V d^2 / 2}
   * multiply-adds), then the symmetric eigendecomposition (Commons Math {@link
   * EigenDecomposition}).
   *
   * @param store the embedding, {@code float[V*d]} row-major
   * @return the axes
   * @throws IllegalArgumentException if the store is empty
   */
  public static PrincipalAxes of(EmbeddingStore store) {
    int v = store.size();
    int d = store.dimension();
    if (v == 0) {
      throw new IllegalArgumentException("cannot compute principal axes of an empty store");
    }
    FloatBuffer m = store.matrix();
    double[] mean = new double[d];
    for (int row = 0; row < v; row++) {
      for (int j = 0; j < d; j++) {
        mean[j] += m.get(row * d + j);
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= v;
    }
    double[] cov = new double[d * d];
    double[] x = new double[d];
    for (int row = 0; row < v; row++) {
      for (int j = 0; j < d; j++) {
        x[j] = m.get(row * d + j) - mean[j];
      }
      for (int i = 0; i < d; i++) {
        double xi = x[i];
        int base = i * d;
        for (int j = i; j < d; j++) {
          cov[base + j] += xi * x[j];
        }
      }
    }
    double[][] c = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        c[i][j] = cov[i * d + j] / v;
        c[j][i] = c[i][j];
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(c, false));
    double[] values = eigen.getRealEigenvalues();
    Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
    double[] axes = new double[d * d];
    double[] variances = new double[d];
    for (int i = 0; i < d; i++) {
      RealVector axis = eigen.getEigenvector(order[i]);
      double norm = axis.getNorm();
      for (int j = 0; j < d; j++) {
        axes[i * d + j] = axis.getEntry(j) / norm;
      }
      variances[i] = Math.max(0, values[order[i]]);
    }
    return new PrincipalAxes(d, mean, axes, variances, defect(axes, d));
  }

  /** Frobenius norm of {@code A A^T - I} (an upper bound on its 2-norm), plus float64 rounding. */
  private static double defect(double[] a, int d) {
    double sum = 0;
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += a[i * d + j] * a[k * d + j];
        }
        double r = dot - (i == k ? 1 : 0);
        sum += r * r;
      }
    }
    return Math.sqrt(sum) + 4 * d * Math.ulp(1.0);
  }

  /**
   * Rotates one vector: {@code out[i] = sum_j A[i][j] (x[j] - mu[j])}, in float64.
   *
   * @param x {@code float[]} holding the vector at {@code offset}
   * @param offset index of its first component
   * @param out {@code double[d]}, overwritten
   */
  public void rotate(float[] x, int offset, double[] out) {
    int d = dimension;
    for (int i = 0; i < d; i++) {
      double s = 0;
      int base = i * d;
      for (int j = 0; j < d; j++) {
        s += axes[base + j] * (x[offset + j] - mean[j]);
      }
      out[i] = s;
    }
  }
}
