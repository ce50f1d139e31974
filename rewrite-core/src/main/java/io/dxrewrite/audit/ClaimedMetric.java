package io.dxrewrite.audit;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.MahalanobisMechanism;
import io.dxrewrite.mechanism.MahalanobisNoise;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.NoiseSampler;
import io.dxrewrite.mechanism.VickreyMechanism;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * The metric d in a mechanism's own privacy claim {@code P[M(w)=y] <= exp(epsilon d(w,w'))
 * P[M(w')=y]}, which the auditor checks:
 *
 * <ul>
 *   <li>Euclidean {@code ||phi(w) - phi(w')||} for cmp (Feyisetan et al., WSDM 2020, Theorem 1),
 *       for the exact mechanisms, and for mahalanobis and vickrey with lambda = 0;
 *   <li>{@code ||A^-1 (phi(w) - phi(w'))||} with {@code A = (lambda Sigma + (1 - lambda) I)^(1/2)}
 *       for mahalanobis and vickrey with lambda > 0 (Xu et al., PrivateNLP 2020, Theorem 1): the
 *       noise {@link MahalanobisNoise} has density proportional to {@code exp(-epsilon ||A^-1
 *       N||)}.
 * </ul>
 *
 * Distances are in embedding units, computed in float64 from the stored float32 vectors.
 */
public final class ClaimedMetric {
  private final double[][] inverse; // null: Euclidean
  private final String description;

  private ClaimedMetric(double[][] inverse, String description) {
    this.inverse = inverse;
    this.description = description;
  }

  /**
   * @return the Euclidean metric
   */
  public static ClaimedMetric euclidean() {
    return new ClaimedMetric(null, "euclidean ||phi(w) - phi(w')||");
  }

  /**
   * @param a the noise transform A, {@code double[d][d]}, invertible
   * @param lambda the regularisation it was built with (for the description)
   * @return the metric {@code ||A^-1 (x - y)||}
   * @throws org.apache.commons.math3.linear.SingularMatrixException if A is singular
   */
  public static ClaimedMetric mahalanobis(double[][] a, double lambda) {
    double[][] inv =
        new LUDecomposition(new Array2DRowRealMatrix(a, true)).getSolver().getInverse().getData();
    return new ClaimedMetric(
        inv,
        String.format(
            Locale.ROOT,
            "regularised mahalanobis ||A^-1 (phi(w) - phi(w'))||, A = (lambda Sigma + (1 - lambda)"
                + " I)^(1/2), lambda = %s",
            lambda));
  }

  /**
   * The metric of the mechanism's own claim, read from its noise (see the class comment).
   *
   * @param mechanism any mechanism
   * @return its claimed metric
   */
  public static ClaimedMetric of(Mechanism mechanism) {
    NoiseSampler noise = null;
    if (mechanism instanceof MahalanobisMechanism m) {
      noise = m.noise();
    } else if (mechanism instanceof VickreyMechanism v) {
      noise = v.noise();
    }
    if (noise instanceof MahalanobisNoise mn && mn.lambda() > 0) {
      return mahalanobis(mn.transform(), mn.lambda());
    }
    return euclidean();
  }

  /**
   * @param store the embedding
   * @param a vocabulary id
   * @param b vocabulary id
   * @return d(a, b) in this metric, embedding units
   */
  public double distance(EmbeddingStore store, int a, int b) {
    int d = store.dimension();
    double[] diff = new double[d];
    for (int j = 0; j < d; j++) {
      diff[j] = (double) store.component(a, j) - store.component(b, j);
    }
    double sq = 0;
    if (inverse == null) {
      for (double x : diff) {
        sq += x * x;
      }
      return Math.sqrt(sq);
    }
    for (int i = 0; i < d; i++) {
      double s = 0;
      double[] row = inverse[i];
      for (int j = 0; j < d; j++) {
        s += row[j] * diff[j];
      }
      sq += s * s;
    }
    return Math.sqrt(sq);
  }

  /**
   * @return whether this is the Euclidean metric
   */
  public boolean isEuclidean() {
    return inverse == null;
  }

  /**
   * @return a human-readable name of the metric, e.g. for the audit report
   */
  public String description() {
    return description;
  }
}
