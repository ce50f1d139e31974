package io.dxrewrite.audit;

import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.WordBatch;
import io.dxrewrite.random.RandomSources;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Sampling mode, for mechanisms whose output distribution is an integral over Voronoi cells (cmp,
 * mahalanobis, vickrey). For each word, n outputs are drawn through the mechanism's own {@link
 * Mechanism#perturb} (so the audited code is the shipped code, nearest-neighbour search included).
 * For a pair (w, w') and every output y drawn at least once from w (an output never drawn from w
 * has a lower bound of 0 on its probability and cannot refute the claim), with x and x' the
 * counts of y among the n draws from w and from w':
 *
 * <pre>
 *   p_lo = ClopperPearson.lower(x, n, alpha / 2)     (lower bound on P[M(w)=y])
 *   q_hi = ClopperPearson.upper(x', n, alpha / 2)    (upper bound on P[M(w')=y])
 *   loss lower bound = ln(p_lo / q_hi)
 * </pre>
 *
 * A violation is {@code ln(p_lo / q_hi) > epsilon d(w,w')}. If the claim holds for (w, w', y),
 * this happens only if one of the two bounds fails, with probability at most alpha. The
 * correction for multiple testing is Bonferroni over every (pair, direction, vocabulary output)
 * triple, {@code tests = pairs x 2 x |V|} fixed before sampling (so choosing which outputs to
 * look at from the data cannot inflate it), with {@code alpha = (1 - confidence) / tests}: the
 * probability that an audit of a mechanism whose claim holds reports any violation is at most
 * {@code 1 - confidence}.
 *
 * <p>Randomness: each word's draws come from its own generators, seeded from (seed, word, chunk)
 * when the audit is seeded and SecureRandom-keyed ChaCha20 otherwise; words are drawn once and
 * their counts reused by every pair they belong to.
 */
final class SamplingCheck {
  /** Draws per mechanism call. */
  static final int BATCH = 8192;

  /** Draws per generator; different generators run in parallel inside the mechanism. */
  static final int CHUNK = 1024;

  private final Mechanism mechanism;
  private final EmbeddingStore store;
  private final ClaimedMetric metric;
  private final int samples;
  private final double alpha;
  private final OptionalLong seed;
  private final Map<Integer, Counts> counts = new HashMap<>();

  /** Sorted output ids with their counts. */
  private record Counts(int[] ids, int[] counts) {
    int count(int y) {
      int i = Arrays.binarySearch(ids, y);
      return i < 0 ? 0 : counts[i];
    }
  }

  SamplingCheck(
      Mechanism mechanism,
      EmbeddingStore store,
      ClaimedMetric metric,
      int samples,
      double alpha,
      OptionalLong seed) {
    this.mechanism = mechanism;
    this.store = store;
    this.metric = metric;
    this.samples = samples;
    this.alpha = alpha;
    this.seed = seed;
  }

  /**
   * Draws the outputs of every word of the given pairs (once per word).
   *
   * @param words distinct vocabulary ids
   * @param progress receives draws done / total
   */
  void draw(int[] words, ProgressListener progress) {
    long total = (long) words.length * samples;
    long done = 0;
    for (int w : words) {
      if (!counts.containsKey(w)) {
        counts.put(w, drawWord(w));
      }
      done += samples;
      progress.progress(done, total);
    }
  }

  private Counts drawWord(int word) {
    int d = store.dimension();
    int[] all = new int[samples];
    int filled = 0;
    long chunkKey = 0;
    while (filled < samples) {
      int n = Math.min(BATCH, samples - filled);
      int[] ids = new int[n];
      float[] points = new float[n * d];
      RandomGenerator[] randomness = new RandomGenerator[n];
      RandomGenerator current = null;
      for (int i = 0; i < n; i++) {
        if (i % CHUNK == 0) {
          current =
              seed.isPresent()
                  ? RandomSources.seeded(seed.getAsLong(), io.dxrewrite.random.StreamPurpose.AUDIT, ((long) word << 24) + chunkKey++)
                  : RandomSources.secure();
        }
        ids[i] = word;
        store.copyVector(word, points, i * d);
        randomness[i] = current;
      }
      int[] out = mechanism.perturb(new WordBatch(ids, points, d, randomness));
      System.arraycopy(out, 0, all, filled, n);
      filled += n;
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        distinct++;
      }
    }
    int[] ids = new int[distinct];
    int[] c = new int[distinct];
    int k = -1;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        ids[++k] = all[i];
      }
      c[k]++;
    }
    return new Counts(ids, c);
  }

  /**
   * @param pair a pair whose words were drawn by {@link #draw}
   * @return the worse direction's result
   */
  PairResult check(AuditPair pair) {
    double d = metric.distance(store, pair.first(), pair.second());
    PairResult a = direction(pair, pair.first(), pair.second(), d);
    PairResult b = direction(pair, pair.second(), pair.first(), d);
    return a.excess() >= b.excess() ? a : b;
  }

  private PairResult direction(AuditPair pair, int w, int w2, double d) {
    Counts from = counts.get(w);
    Counts to = counts.get(w2);
    double claimed = mechanism.epsilon() * d;
    PairResult best =
        new PairResult(
            pair, w, w2, d, claimed, -1, Double.NaN, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, false);
    Map<Integer, Double> upperByCount = new HashMap<>();
    Map<Integer, Double> lowerByCount = new HashMap<>();
    for (int i = 0; i < from.ids().length; i++) {
      int y = from.ids()[i];
      int x = from.counts()[i];
      int x2 = to.count(y);
      double pLow = lowerByCount.computeIfAbsent(x, c -> ClopperPearson.lower(c, samples, alpha / 2));
      double qHigh = upperByCount.computeIfAbsent(x2, c -> ClopperPearson.upper(c, samples, alpha / 2));
      double lower = Math.log(pLow) - Math.log(qHigh);
      if (lower > best.lossLower()
          || (lower == best.lossLower() && best.output() >= 0 && x > from.count(best.output()))) {
        double pHigh = ClopperPearson.upper(x, samples, alpha / 2);
        double qLow = ClopperPearson.lower(x2, samples, alpha / 2);
        double upper = Math.log(pHigh) - Math.log(qLow);
        double estimate = Math.log(x) - Math.log(x2);
        best = new PairResult(pair, w, w2, d, claimed, y, estimate, lower, upper, lower > claimed);
      }
    }
    return best;
  }
}
