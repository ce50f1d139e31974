package io.dxrewrite.density;

import io.dxrewrite.embeddings.EmbeddingStore;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The covariance Sigma of the embedding vectors, normalised to unit mean variance ({@code
 * trace(Sigma) / d = 1}), as the regularised Mahalanobis mechanism needs it (Xu, Aggarwal,
 * Feyisetan, Teissier, "A Differentially Private Text Perturbation Method Using a Regularized
 * Mahalanobis Metric", PrivateNLP 2020, Sec. 3). Computed once per store in float64 and cached.
 */
public final class EmbeddingCovariance {
  private static final Map<EmbeddingStore, double[][]> CACHE = new WeakHashMap<>();

  private EmbeddingCovariance() {}

  /**
   * @param store the embedding
   * @return Sigma, {@code double[d][d]}, symmetric, trace d; a fresh copy
   */
  public static double[][] normalised(EmbeddingStore store) {
    double[][] sigma;
    synchronized (CACHE) {
      sigma = CACHE.computeIfAbsent(store, EmbeddingCovariance::compute);
    }
    double[][] copy = new double[sigma.length][];
    for (int i = 0; i < sigma.length; i++) {
      copy[i] = sigma[i].clone();
    }
    return copy;
  }

  private static double[][] compute(EmbeddingStore store) {
    int d = store.dimension();
    int v = store.size();
    float[] mean = store.meanVector();
    FloatBuffer m = store.matrix();
    double[][] cov = new double[d][d];
    double[] x = new double[d];
    for (int i = 0; i < v; i++) {
      for (int j = 0; j < d; j++) {
        x[j] = (double) m.get(i * d + j) - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double xa = x[a];
        double[] row = cov[a];
        for (int b = a; b < d; b++) {
          row[b] += xa * x[b];
        }
      }
    }
    double trace = 0;
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= Math.max(1, v - 1);
        cov[b][a] = cov[a][b];
      }
      trace += cov[a][a];
    }
    double scale = d / trace;
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        cov[a][b] *= scale;
      }
    }
    return cov;
  }
}
