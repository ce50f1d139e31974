package io.dxrewrite.mechanism;

import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.ExactDistances;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.random.CommonsMathRandom;
import java.nio.FloatBuffer;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * TEST FIXTURE, withdrawn from the product: its candidate step is not metric-DP (a word's
 * neighbour rank is not bounded by distance; {@code io.dxrewrite.audit.PrivacyAuditorExactTest}
 * shows the auditor finding the violation on the construction of issue 13). Kept so that the
 * auditor is tested against a real broken proof.
 *
 * <p>The density-aware truncated-Gumbel mechanism (Xu, Feyisetan, Aggarwal, Xu, Teissier,
 * "Density-Aware Differentially Private Textual Perturbations Using Truncated Gumbel Noise",
 * FLAIRS 2021, Algorithm 1). For each word w:
 *
 * <ol>
 *   <li>draw k ~ Poisson(ln(|V| - 1)), truncated to {@code k <= |V| - 1} (redrawn above);
 *   <li>the candidates are w itself (distance 0) and its k nearest other words, read from the
 *       {@link NeighbourhoodTable} (an exact scan when k exceeds the table's K); for an
 *       out-of-vocabulary word, perturbed from the public point, the k + 1 nearest words of that
 *       point;
 *   <li>add Gumbel(0, b) noise truncated to {@code [-deltaMax, deltaMax]} to each candidate's
 *       Euclidean distance (the distance, not its square);
 *   <li>output the candidate with the smallest noisy distance.
 * </ol>
 *
 * In a dense region the k candidates are close and the output stays near w; in a sparse region
 * they are far, and so is the output. The scale b comes from epsilon by {@link
 * TruncatedGumbelCalibration}; epsilons below its regime are refused. Guarantee (as stated by the
 * paper): {@code P[M(w)=y] <= exp(epsilon ||phi(w)-phi(w')||) P[M(w')=y]}.
 *
 * <p>Why "w and its k nearest others" and not "the k nearest, w included" as in the public code:
 * with the latter and k at most |V| - 1, the word farthest from w' is never a candidate for w', so
 * {@code P[M(w')=y] = 0} while {@code P[M(w)=y] > 0} for a neighbour w of w' that does rank y: no
 * finite epsilon bounds that ratio. Our exact test on toy vocabularies found this; with k others
 * every word is a candidate with positive probability and the inequality holds at the calibrated
 * epsilon (TruncatedGumbelExactTest) on that 12-word toy, but not in general.
 *
 * <p>{@link #logProbabilities} computes the exact output distribution by numerical integration
 * (small vocabularies only): {@code P(y|w) = Σ_k P(k) ∫ f(t) Π_{c != y} S(d_y + t - d_c) dt} over
 * the candidate set of w for k, with f and S the density and survival function of Gumbel(0, b)
 * truncated to [-deltaMax, deltaMax], integrated by Simpson's rule with {@value #STEPS} steps.
 */
public final class TruncatedGumbelMechanism implements ExactMechanism {
  /** Simpson steps over [-deltaMax, deltaMax]. */
  static final int STEPS = 4000;

  /** Command-line name. */
  public static final String NAME = "truncated-gumbel";

  private final EmbeddingStore store;
  private final NearestNeighbourIndex index;
  private final NeighbourhoodTable table;
  private final double epsilon;
  private final TruncatedGumbelNoise noise;
  private final double poissonMean;

  /**
   * @param store the embedding
   * @param index exact index (for k beyond the table and for the out-of-vocabulary point)
   * @param table the store's neighbourhood table (carries deltaMin and deltaMax)
   * @param epsilon epsilon per word, above {@link TruncatedGumbelCalibration#minimumEpsilon}
   * @throws io.dxrewrite.error.InvalidParameterException if epsilon is outside the regime
   */
  public TruncatedGumbelMechanism(
      EmbeddingStore store, NearestNeighbourIndex index, NeighbourhoodTable table, double epsilon) {
    this.store = store;
    this.index = index;
    this.table = table;
    this.epsilon = epsilon;
    double b =
        TruncatedGumbelCalibration.scaleForEpsilon(
            epsilon, store.size(), table.deltaMin(), table.deltaMax());
    this.noise = new TruncatedGumbelNoise(b, table.deltaMax());
    this.poissonMean = Math.log(store.size() - 1.0);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double epsilon() {
    return epsilon;
  }

  /**
   * @return the Gumbel scale b derived from epsilon
   */
  public double scale() {
    return noise.scale();
  }

  @Override
  public int[] perturb(WordBatch batch) {
    int n = batch.size();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = perturbOne(batch, i);
    }
    return out;
  }

  private int perturbOne(WordBatch batch, int i) {
    RandomGenerator random = batch.randomness()[i];
    int k = drawK(random);
    int word = batch.ids()[i];
    int[] ids = new int[k + 1];
    double[] distances = new double[k + 1];
    candidates(batch, i, word, k, ids, distances);
    int best = -1;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int c = 0; c <= k; c++) {
      double score = distances[c] + noise.sample(random);
      if (score < bestScore) {
        bestScore = score;
        best = ids[c];
      }
    }
    return best;
  }

  /**
   * Exact output distribution by numerical integration, for vocabularies whose neighbourhood
   * table holds every other word (K >= |V| - 1), in the candidate order {@link #perturb} uses.
   *
   * @param word vocabulary id
   * @return {@code double[|V|]}: ln P[M(word) = y]
   * @throws IllegalStateException if the table's K is below |V| - 1
   */
  @Override
  public double[] logProbabilities(int word) {
    int v = store.size();
    if (word < 0 || word >= v) {
      throw new IllegalArgumentException("word id out of range: " + word);
    }
    if (table.k() < v - 1) {
      throw new IllegalStateException("exact distribution needs a table with K >= |V| - 1");
    }
    double b = noise.scale();
    double bound = noise.bound();
    double lower = Math.exp(-Math.exp(bound / b));
    double upper = Math.exp(-Math.exp(-bound / b));
    double mass = upper - lower;
    PoissonDistribution poisson = new PoissonDistribution(poissonMean);
    double kMass = 0;
    for (int k = 0; k <= v - 1; k++) {
      kMass += poisson.probability(k);
    }
    double[] p = new double[v];
    for (int k = 0; k <= v - 1; k++) {
      double pk = poisson.probability(k) / kMass;
      int[] cand = new int[k + 1];
      double[] dist = new double[k + 1];
      cand[0] = word;
      for (int r = 1; r <= k; r++) {
        cand[r] = table.neighbour(word, r - 1);
        dist[r] = table.distance(word, r - 1);
      }
      for (int c = 0; c <= k; c++) {
        p[cand[c]] += pk * winProbability(c, dist, b, bound, lower, mass);
      }
    }
    double[] log = new double[v];
    for (int y = 0; y < v; y++) {
      log[y] = Math.log(p[y]);
    }
    return log;
  }

  private static double winProbability(
      int c, double[] dist, double b, double bound, double lower, double mass) {
    double h = 2 * bound / STEPS;
    double sum = 0;
    for (int s = 0; s <= STEPS; s++) {
      double t = -bound + s * h;
      double prod = Math.exp(-t / b - Math.exp(-t / b)) / b / mass;
      for (int o = 0; o < dist.length && prod > 0; o++) {
        if (o != c) {
          prod *= survival(dist[c] + t - dist[o], b, bound, lower, mass);
        }
      }
      sum += prod * (s == 0 || s == STEPS ? 1 : (s % 2 == 1 ? 4 : 2));
    }
    return sum * h / 3;
  }

  private static double survival(double x, double b, double bound, double lower, double mass) {
    if (x <= -bound) {
      return 1;
    }
    if (x >= bound) {
      return 0;
    }
    return 1 - (Math.exp(-Math.exp(-x / b)) - lower) / mass;
  }

  /** Draws k from Poisson(ln(|V|-1)) truncated to [0, |V|-1] by rejection. */
  int drawK(RandomGenerator random) {
    PoissonDistribution poisson =
        new PoissonDistribution(
            new CommonsMathRandom(random),
            poissonMean,
            PoissonDistribution.DEFAULT_EPSILON,
            PoissonDistribution.DEFAULT_MAX_ITERATIONS);
    int max = store.size() - 1;
    while (true) {
      int k = poisson.sample();
      if (k <= max) {
        return k;
      }
    }
  }

  /** Fills ids/distances[0..k]: w itself and its k nearest others (or the k+1 nearest of UNK). */
  private void candidates(
      WordBatch batch, int i, int word, int k, int[] ids, double[] distances) {
    int d = batch.dimension();
    if (word != WordBatch.UNK && k <= table.k()) {
      ids[0] = word;
      distances[0] = 0;
      for (int r = 0; r < k; r++) {
        ids[r + 1] = table.neighbour(word, r);
        distances[r + 1] = table.distance(word, r);
      }
      return;
    }
    float[] point = new float[d];
    System.arraycopy(batch.points(), i * d, point, 0, d);
    FloatBuffer matrix = store.matrix();
    int[] found = index.nearest(point, 1, Math.min(k + 1, store.size()));
    if (word == WordBatch.UNK) {
      for (int c = 0; c <= k; c++) {
        ids[c] = found[c];
        distances[c] = Math.sqrt(ExactDistances.squaredDistance(point, 0, matrix, found[c], d));
      }
      return;
    }
    ids[0] = word;
    distances[0] = 0;
    int w = 1;
    for (int c = 0; c < found.length && w <= k; c++) {
      if (found[c] != word) {
        ids[w] = found[c];
        distances[w] = Math.sqrt(ExactDistances.squaredDistance(point, 0, matrix, found[c], d));
        w++;
      }
    }
  }
}
