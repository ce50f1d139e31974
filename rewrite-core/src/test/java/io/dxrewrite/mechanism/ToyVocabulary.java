package io.dxrewrite.mechanism;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.StoreFixtures;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Small vocabularies in 2 dimensions with a tight cluster, a loose cluster and isolated points, for
 * exact and Monte Carlo metric-DP checks.
 */
final class ToyVocabulary {
  private ToyVocabulary() {}

  /**
   * @param dir folder for the store file
   * @param n number of words (at least 8)
   * @param seed layout seed
   * @return the store
   */
  static EmbeddingStore store(Path dir, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = 2;
    float[] v = new float[n * d];
    for (int i = 0; i < n; i++) {
      double cx;
      double cy;
      double spread;
      if (i < n / 3) {
        cx = 0;
        cy = 0;
        spread = 0.05; // tight cluster
      } else if (i < 2 * n / 3) {
        cx = 1.5;
        cy = 0.5;
        spread = 0.4; // loose cluster
      } else {
        cx = -2 + 4 * random.nextDouble();
        cy = 2 + 2 * random.nextDouble();
        spread = 0; // isolated points
      }
      v[i * d] = (float) (cx + spread * random.nextGaussian());
      v[i * d + 1] = (float) (cy + spread * random.nextGaussian());
    }
    return StoreFixtures.store(dir, new EmbeddingTable(StoreFixtures.words(n), v, d, "toy"));
  }

  static double distance(EmbeddingStore s, int a, int b) {
    double sq = 0;
    for (int j = 0; j < s.dimension(); j++) {
      double diff = (double) s.component(a, j) - s.component(b, j);
      sq += diff * diff;
    }
    return Math.sqrt(sq);
  }

  /** Runs the mechanism {@code draws} times on {@code word} and returns output counts per id. */
  static long[] outputCounts(Mechanism mechanism, EmbeddingStore store, int word, int draws, long seed) {
    int d = store.dimension();
    long[] counts = new long[store.size()];
    SplittableRandom master = new SplittableRandom(seed);
    int chunk = 50_000;
    for (int done = 0; done < draws; done += chunk) {
      int n = Math.min(chunk, draws - done);
      int[] ids = new int[n];
      float[] points = new float[n * d];
      RandomGenerator[] randomness = new RandomGenerator[n];
      RandomGenerator shared = master.split();
      for (int i = 0; i < n; i++) {
        ids[i] = word;
        store.copyVector(word, points, i * d);
        randomness[i] = shared;
      }
      for (int y : mechanism.perturb(new WordBatch(ids, points, d, randomness))) {
        counts[y]++;
      }
    }
    return counts;
  }

  /**
   * Monte Carlo metric-DP check: for all w, w', y with enough mass, p(y|w) - z se <= exp(epsilon
   * d(w,w')) (p(y|w') + z se'), where se is the binomial standard error and z = 5 (a false
   * failure needs a 5-sigma deviation; over about 10^4 comparisons the family-wise false-failure
   * rate is below 3e-3).
   *
   * @return the number of violated comparisons
   */
  static int violations(long[][] counts, long draws, double[][] metric, double epsilon) {
    int n = counts.length;
    int violations = 0;
    double z = 5;
    for (int w = 0; w < n; w++) {
      for (int w2 = 0; w2 < n; w2++) {
        double bound = Math.exp(epsilon * metric[w][w2]);
        for (int y = 0; y < n; y++) {
          double p = (double) counts[w][y] / draws;
          double q = (double) counts[w2][y] / draws;
          if (p < 1e-3) {
            continue;
          }
          double se = Math.sqrt(p * (1 - p) / draws);
          double seq = Math.sqrt(Math.max(q, 1.0 / draws) * (1 - q) / draws);
          if (p - z * se > bound * (q + z * seq)) {
            violations++;
          }
        }
      }
    }
    return violations;
  }
}
