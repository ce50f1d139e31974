package io.dxrewrite.mechanism;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.nn.ExactDistances;
import io.dxrewrite.nn.NearestNeighbourIndex;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The truncated exponential mechanism, TEM (Carvalho, Vasiloudis, Feyisetan, Wang, "TEM: High
 * Utility Metric Differential Privacy on Text", SDM 2023, arXiv 2107.07928, Algorithm 1), with
 * the Euclidean metric of the embedding, so that its epsilon means what cmp's means.
 *
 * <p>For an input point x (the word's embedding; for an out-of-vocabulary word, {@link
 * WordBatch#UNK}, the public point or the word's own subword vector from {@link WordBatch#points()})
 * and the output vocabulary O (all of V, or a public subset given as {@code allowedOutputs}):
 * {@code gamma = (2/epsilon) ln((1 - beta)(|O| - 1)/beta)}; candidates are {@code L_x = {y in O :
 * d(x,y) <= gamma}} with score {@code -d(x,y)} and one element ⊥ with score {@code -gamma +
 * (2/epsilon) ln |O \ L_x|} (absent when {@code L_x = O}); each gets an independent Gumbel(0,
 * 2/epsilon) draw, the argmax is returned, ⊥ meaning a uniform word of {@code O \ L_x} ({@link
 * TemCandidates}). Distances are Euclidean, in float64, in units of embedding distance.
 *
 * <p><b>Closed form.</b> By the Gumbel-max identity (proved in {@link TemSampler}) the output is
 * c with probability {@code ∝ exp((epsilon/2) s_c)}; ⊥ carries {@code |O \ L_x| exp(-(epsilon/2)
 * gamma)}, shared evenly, so {@code P[M(x) = y] = exp(-(epsilon/2) m_x(y)) / Z_x} with {@code m_x(y)
 * = min(d(x,y), gamma)} and {@code Z_x = Σ_{y in O} exp(-(epsilon/2) m_x(y))}. {@link #perturb}
 * samples exactly this law (by rejection from the nearest words, {@link TemNeighbourhoodSampler},
 * or by inversion after a full scan, {@link TemSampler}), which is equal in distribution to the
 * algorithm; {@link TemCandidates#gumbelArgmax} is the literal algorithm, kept as the reference the
 * tests compare against.
 *
 * <p><b>Guarantee: epsilon d_X-privacy</b> (the paper's privacy theorem for TEM, Section 4, for any
 * metric; our proof for the Euclidean one): for all points x, x' and outputs y in O, {@code
 * P[M(x)=y] <= exp(epsilon ||x - x'||) P[M(x')=y]}. Proof: by the triangle inequality {@code
 * |d(x,y) - d(x',y)| <= d(x,x')}, and {@code t -> min(t, gamma)} is 1-Lipschitz, so {@code |m_x(y)
 * - m_{x'}(y)| <= d(x,x')} for every y. Hence the numerator ratio {@code exp(-(epsilon/2)(m_x(y) -
 * m_{x'}(y))) <= exp((epsilon/2) d(x,x'))}, and term by term {@code Z_{x'} <= exp((epsilon/2)
 * d(x,x')) Z_x}; the product is at most {@code exp(epsilon d(x,x'))}. gamma depends only on
 * epsilon, beta and |O|, never on the input. Restricting O to a public subset of V (a function of
 * public data only, fixed before any input is seen) leaves this an exponential mechanism over O
 * with the same score, so the proof holds unchanged over O. Beta is a utility knob (the paper's
 * bound on the mass that leaves the neighbourhood), not a privacy parameter. {@link
 * #logProbabilities} gives the exact law; TemMechanismTest checks the inequality on every pair of a
 * toy vocabulary and on sampled real pairs.
 *
 * <p><b>Cost.</b> Two samplers of the same law. With reuse on (library, CLI, Spark): one exact
 * nearest-neighbour query ({@value #HEAD} + 1 nearest words) per distinct input point, then
 * rejection sampling from that head and a uniform proposal over the rest ({@link
 * TemNeighbourhoodSampler}, a few dozen float64 distances per occurrence on GloVe); within a batch
 * every distinct word or point is queried once, and across batches a {@link TemSamplerCache}
 * keeps the most recently used words' samplers (about 2.5 KB each). With reuse off (the
 * multi-tenant server): one full float64 scan of O per occurrence, then inversion ({@link
 * TemSampler}): the time per word depends neither on the word nor on other requests.
 */
public final class TemMechanism implements ExactMechanism {
  /** Command-line name. */
  public static final String NAME = "tem";

  /** Default beta. */
  public static final double DEFAULT_BETA = 0.001;

  /** Words of the head of {@link TemNeighbourhoodSampler}: K nearest of each input point. */
  static final int HEAD = 128;

  private final EmbeddingStore store;
  private final NearestNeighbourIndex index;
  private final double epsilon;
  private final double beta;
  private final double gamma;
  private final BitSet allowed;
  private final int allowedHash;
  private final int[] outputs;
  private final int outputCount;
  private final boolean reuse;
  private final TemSamplerCache cache;

  /**
   * TEM over the whole vocabulary, reusing each distinct word's sampler within a batch, no cache
   * across batches.
   *
   * @param store the embedding
   * @param index an exact index over the store
   * @param epsilon epsilon per word, in inverse units of embedding distance
   * @param beta in (0, 1)
   * @throws io.dxrewrite.error.InvalidParameterException if a parameter is out of range
   */
  public TemMechanism(
      EmbeddingStore store, NearestNeighbourIndex index, double epsilon, double beta) {
    this(store, index, epsilon, beta, null, true, null);
  }

  /**
   * @param store the embedding
   * @param index an exact index over the store (ties to the lowest id, float64 decisions)
   * @param epsilon epsilon per word, in inverse units of embedding distance, finite and {@code >
   *     0}
   * @param beta in (0, 1); see {@link #DEFAULT_BETA}
   * @param allowedOutputs the public output vocabulary O as a set of ids in {@code [0, |V|)}, at
   *     least 2 words, or null for all of V; copied
   * @param reuse whether each distinct input word is scanned once per batch (true) or every
   *     occurrence is scanned (false: time per word independent of the text)
   * @param cache samplers kept across batches, or null for none; ignored when {@code reuse} is
   *     false
   * @throws io.dxrewrite.error.InvalidParameterException if epsilon or beta is out of range, or the
   *     output vocabulary has fewer than 2 words or ids outside the vocabulary
   */
  public TemMechanism(
      EmbeddingStore store,
      NearestNeighbourIndex index,
      double epsilon,
      double beta,
      BitSet allowedOutputs,
      boolean reuse,
      TemSamplerCache cache) {
    this.store = store;
    this.index = index;
    this.epsilon = DxPreconditions.checkEpsilon(epsilon);
    DxPreconditions.checkArgument(
        beta > 0 && beta < 1, "beta must be in (0, 1) (exclusive), got " + beta);
    this.beta = beta;
    int v = store.size();
    if (allowedOutputs == null) {
      this.allowed = null;
      this.outputs = null;
      this.outputCount = v;
      this.allowedHash = 0;
    } else {
      DxPreconditions.checkArgument(
          allowedOutputs.length() <= v,
          "allowed outputs hold an id >= the vocabulary size " + v);
      this.allowed = (BitSet) allowedOutputs.clone();
      this.outputs = allowed.stream().toArray();
      this.outputCount = outputs.length;
      this.allowedHash = allowed.hashCode();
    }
    DxPreconditions.checkArgument(
        outputCount >= 2, "the output vocabulary must hold at least 2 words, got " + outputCount);
    this.gamma = gamma(epsilon, beta, outputCount);
    this.reuse = reuse;
    this.cache = reuse ? cache : null;
  }

  /**
   * @param epsilon epsilon per word
   * @param beta in (0, 1)
   * @param outputs |O|, at least 2
   * @return {@code gamma = (2/epsilon) ln((1 - beta)(|O| - 1)/beta)}, in units of embedding
   *     distance (Carvalho et al., Algorithm 1)
   */
  public static double gamma(double epsilon, double beta, int outputs) {
    return (2 / epsilon) * Math.log((1 - beta) * (outputs - 1.0) / beta);
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
   * @return beta
   */
  public double beta() {
    return beta;
  }

  /**
   * @return the truncation radius gamma, in units of embedding distance
   */
  public double gamma() {
    return gamma;
  }

  /**
   * @return |O|, the number of words the mechanism may output
   */
  public int outputCount() {
    return outputCount;
  }

  @Override
  public int[] perturb(WordBatch batch) {
    int n = batch.size();
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    TemDraw[] samplers = reuse ? reusedSamplers(batch) : freshSamplers(batch);
    for (int i = 0; i < n; i++) {
      out[i] = samplers[i].sample(batch.randomness()[i]);
    }
    return out;
  }

  /** Every occurrence scanned: the same work for every word. */
  private TemDraw[] freshSamplers(WordBatch batch) {
    int n = batch.size();
    int[] queries = new int[n];
    Arrays.setAll(queries, i -> i);
    TemCandidates[] c = TemScan.candidates(store, batch.points(), queries, outputs, epsilon, gamma);
    TemDraw[] samplers = new TemDraw[n];
    for (int i = 0; i < n; i++) {
      samplers[i] = c[i].sampler();
    }
    return samplers;
  }

  /** One neighbour query per distinct word (or out-of-vocabulary point) not in the cache. */
  private TemDraw[] reusedSamplers(WordBatch batch) {
    int n = batch.size();
    int d = batch.dimension();
    TemDraw[] samplers = new TemDraw[n];
    Map<Object, int[]> groups = new HashMap<>();
    int[] rowOf = new int[n];
    int distinct = 0;
    int[] firstRow = new int[n];
    Object[] keys = new Object[n];
    for (int i = 0; i < n; i++) {
      int id = batch.ids()[i];
      Object key =
          id != WordBatch.UNK
              ? (Object) Integer.valueOf(id)
              : new PointKey(Arrays.copyOfRange(batch.points(), i * d, (i + 1) * d));
      int[] slot = groups.get(key);
      if (slot == null) {
        slot = new int[] {distinct};
        groups.put(key, slot);
        firstRow[distinct] = i;
        keys[distinct] = key;
        distinct++;
      }
      rowOf[i] = slot[0];
    }
    TemDraw[] bySlot = new TemDraw[distinct];
    int[] missing = new int[distinct];
    int misses = 0;
    for (int s = 0; s < distinct; s++) {
      if (cache != null && keys[s] instanceof Integer word) {
        bySlot[s] = cache.get(cacheKey(word));
      }
      if (bySlot[s] == null) {
        missing[misses++] = s;
      }
    }
    if (misses > 0) {
      int[] queries = new int[misses];
      for (int k = 0; k < misses; k++) {
        queries[k] = firstRow[missing[k]];
      }
      TemDraw[] built = neighbourhoodSamplers(batch.points(), queries);
      for (int k = 0; k < misses; k++) {
        int s = missing[k];
        bySlot[s] = built[k];
        if (cache != null && keys[s] instanceof Integer word) {
          cache.put(cacheKey(word), bySlot[s]);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      samplers[i] = bySlot[rowOf[i]];
    }
    return samplers;
  }

  /** Head of the K nearest words for each query row; a full scan where the weights underflow. */
  private TemDraw[] neighbourhoodSamplers(float[] points, int[] queries) {
    int d = store.dimension();
    int m = queries.length;
    int k = Math.min(HEAD + 1, store.size());
    float[] q = new float[m * d];
    for (int i = 0; i < m; i++) {
      System.arraycopy(points, queries[i] * d, q, i * d, d);
    }
    int[] nearest = index.nearest(q, m, k);
    FloatBuffer matrix = store.matrix();
    TemDraw[] out = new TemDraw[m];
    for (int i = 0; i < m; i++) {
      float[] point = Arrays.copyOfRange(q, i * d, (i + 1) * d);
      boolean complete = k <= HEAD;
      int headLimit = complete ? k : HEAD;
      int[] head = new int[headLimit];
      double[] headDistances = new double[headLimit];
      int h = 0;
      for (int r = 0; r < headLimit; r++) {
        int y = nearest[i * k + r];
        if (allowed == null || allowed.get(y)) {
          head[h] = y;
          headDistances[h++] = Math.sqrt(ExactDistances.squaredDistance(point, 0, matrix, y, d));
        }
      }
      double boundDistance = complete ? Double.POSITIVE_INFINITY
          : Math.sqrt(ExactDistances.squaredDistance(point, 0, matrix, nearest[i * k + HEAD], d));
      TemNeighbourhoodSampler s = new TemNeighbourhoodSampler(point, matrix, d, epsilon, gamma,
          Arrays.copyOf(head, h), Arrays.copyOf(headDistances, h), boundDistance, outputs,
          outputCount);
      out[i] = s.usable() ? s
          : TemScan.candidates(store, point, new int[] {0}, outputs, epsilon, gamma)[0].sampler();
    }
    return out;
  }

  private TemSamplerCache.Key cacheKey(int word) {
    return new TemSamplerCache.Key(epsilon, beta, allowed, allowedHash, word);
  }

  /**
   * The candidate set around an arbitrary point (a word's embedding or an out-of-vocabulary
   * point).
   *
   * @param point {@code float[d]}
   * @return its L_x, distances and {@code O \ L_x}
   * @throws IllegalArgumentException if the point's length is not d
   */
  public TemCandidates candidates(float[] point) {
    if (point.length != store.dimension()) {
      throw new IllegalArgumentException(
          "point has " + point.length + " components, the store " + store.dimension());
    }
    return TemScan.candidates(store, point, new int[] {0}, outputs, epsilon, gamma)[0];
  }

  /**
   * {@inheritDoc}
   *
   * <p>Computed from the scores of L_x and ⊥ as in {@link TemCandidates#logProbabilities}; words
   * outside the output vocabulary get {@code -infinity}.
   */
  @Override
  public double[] logProbabilities(int word) {
    if (word < 0 || word >= store.size()) {
      throw new IllegalArgumentException(
          "word id must be in [0, " + store.size() + "), got " + word);
    }
    return candidates(store.vector(word)).logProbabilities(store.size());
  }

  /** A distinct out-of-vocabulary point, compared by its float bits. */
  private record PointKey(float[] point) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PointKey p && Arrays.equals(p.point, point);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(point);
    }
  }
}
