package io.dxrewrite.mechanism;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.nn.ExactDistances;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.nio.FloatBuffer;
import java.util.random.RandomGenerator;

/**
 * The Vickrey mechanism (Xu, Aggarwal, Feyisetan, Teissier, "On a Utilitarian Approach to Privacy
 * Preserving Text Generation", 2021, Algorithm 1): draw z = phi(w) + noise (CMP, or Mahalanobis
 * with lambda > 0), take the two vocabulary words nearest to z with distances {@code d1 <= d2},
 * and output the first with probability {@code p = (1 - t) d2 / (t d1 + (1 - t) d2)}, else the
 * second. At t = 0.5 the two are weighted by inverse distance; larger t favours the runner-up.
 *
 * <p>The selection reads only z, never the true word (the two candidates may include it), so it
 * is post-processing of the noisy vector and the noise's guarantee carries over: {@code P[M(w)=y]
 * <= exp(epsilon d(w,w')) P[M(w')=y]} with d the noise's metric (Euclidean for lambda = 0, the
 * regularised Mahalanobis norm for lambda > 0). Its {@link #euclideanEpsilon()} is therefore the
 * noise's, as for {@link MahalanobisMechanism}.
 */
public final class VickreyMechanism implements Mechanism {
  /** Command-line name. */
  public static final String NAME = "vickrey";

  /** Default t (ibid., Sec. 5). */
  public static final double DEFAULT_T = 0.75;

  /**
   * Default Mahalanobis regularisation of the noise: 0, i.e. CMP noise (the Euclidean variant,
   * whose guarantee is in the units of cmp). This has always been what {@link Mechanisms#create}
   * applied when no lambda is given; {@link MahalanobisMechanism#DEFAULT_LAMBDA} is the
   * mahalanobis mechanism's default only.
   */
  public static final double DEFAULT_LAMBDA = 0.0;

  private final EmbeddingStore store;
  private final NearestWordSearch search;
  private final NoiseSampler noise;
  private final double t;

  /**
   * @param store the embedding (for exact distances from z to the two candidates)
   * @param index exact index over the output vocabulary
   * @param noise the additive noise (carries epsilon)
   * @param t the Vickrey parameter in {@code [0, 1]}
   * @throws io.dxrewrite.error.InvalidParameterException if t is outside [0, 1]
   */
  public VickreyMechanism(
      EmbeddingStore store, NearestNeighbourIndex index, NoiseSampler noise, double t) {
    this(store, NearestWordSearch.of(index), noise, t);
  }

  /**
   * @param store the embedding (for exact distances from z to the two candidates)
   * @param search exact nearest-word search over the output vocabulary
   * @param noise the additive noise (carries epsilon)
   * @param t the Vickrey parameter in {@code [0, 1]}
   * @throws io.dxrewrite.error.InvalidParameterException if t is outside [0, 1]
   */
  public VickreyMechanism(
      EmbeddingStore store, NearestWordSearch search, NoiseSampler noise, double t) {
    this.store = store;
    this.search = search;
    this.noise = noise;
    this.t = DxPreconditions.checkInRange("t", t, 0, 1);
  }

  /**
   * @return the additive noise (carries epsilon, and for {@link MahalanobisNoise} lambda and A,
   *     which define the metric of the guarantee)
   */
  public NoiseSampler noise() {
    return noise;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double epsilon() {
    return noise.epsilon();
  }

  /** The noise's Euclidean-equivalent epsilon ({@link NoiseSampler#euclideanEpsilon()}). */
  @Override
  public double euclideanEpsilon() {
    return noise.euclideanEpsilon();
  }

  @Override
  public int[] perturb(WordBatch batch) {
    int n = batch.size();
    float[] z = noise.perturbAll(batch);
    return select(z, n, batch.ids(), batch.randomness());
  }

  /**
   * The selection step alone: for each noisy vector, one of its two nearest vocabulary words.
   *
   * @param z noisy vectors, {@code float[n*d]} row-major
   * @param n number of vectors
   * @param randomness one generator per vector
   * @return {@code int[n]} output ids
   */
  public int[] select(float[] z, int n, RandomGenerator[] randomness) {
    int[] unknown = new int[n];
    java.util.Arrays.fill(unknown, WordBatch.UNK);
    return select(z, n, unknown, randomness);
  }

  /**
   * The selection step with origin hints for the search. The origins only speed up the exact
   * search (the certificate); the choice between the two nearest words reads z alone.
   */
  private int[] select(float[] z, int n, int[] origins, RandomGenerator[] randomness) {
    int d = store.dimension();
    int[] top2 = search.nearest(z, n, origins, 2);
    FloatBuffer matrix = store.matrix();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int first = top2[2 * i];
      int second = top2[2 * i + 1];
      double d1 = Math.sqrt(ExactDistances.squaredDistance(z, i * d, matrix, first, d));
      double d2 = Math.sqrt(ExactDistances.squaredDistance(z, i * d, matrix, second, d));
      out[i] = randomness[i].nextDouble() < firstProbability(d1, d2, t) ? first : second;
    }
    return out;
  }

  /**
   * @param d1 distance from z to the nearest word
   * @param d2 distance from z to the second nearest word, {@code >= d1}
   * @param t the Vickrey parameter
   * @return {@code (1 - t) d2 / (t d1 + (1 - t) d2)}; {@code 1 - t} when both distances are 0
   */
  public static double firstProbability(double d1, double d2, double t) {
    double denominator = t * d1 + (1 - t) * d2;
    return denominator == 0 ? 1 - t : (1 - t) * d2 / denominator;
  }
}
