package io.dxrewrite.audit;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.ExactMechanism;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact mode: for a pair (w, w') and every output y with {@code P[M(w)=y] > 0}, the privacy loss
 * {@code L(y) = ln P[M(w)=y] - ln P[M(w')=y]} from {@link ExactMechanism#logProbabilities}, in
 * float64. The claim (d_X-privacy; Chatzikokolakis et al., PETS 2013) is {@code L(y) <= epsilon
 * d(w,w')} for every y; a violation is {@code L(y) > epsilon d(w,w') + TOLERANCE (1 + epsilon
 * d(w,w'))}, a margin far above the rounding of log-probabilities that sum to 1 in float64 (about
 * |V| x 1e-16 relative) and far below any real violation. An output that w reaches and w' never
 * does ({@code P[M(w')=y] = 0}) is an infinite loss.
 *
 * <p>Log-probabilities are kept for the most recently used words, since pairs share words: all of
 * them for small vocabularies, at least 16 and about 32 MiB in all otherwise.
 */
final class ExactCheck {
  /** Tolerance in nats, relative to {@code 1 + epsilon d}. */
  static final double TOLERANCE = 1e-9;

  private final ExactMechanism mechanism;
  private final EmbeddingStore store;
  private final ClaimedMetric metric;
  private final Map<Integer, double[]> cache;

  ExactCheck(ExactMechanism mechanism, EmbeddingStore store, ClaimedMetric metric) {
    this.mechanism = mechanism;
    this.store = store;
    this.metric = metric;
    int capacity = Math.max(16, Math.min(PrivacyAuditor.EXHAUSTIVE_LIMIT, (1 << 22) / store.size()));
    this.cache =
        new LinkedHashMap<>(2 * capacity, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, double[]> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * @param pair the pair
   * @return the worse direction's result
   */
  PairResult check(AuditPair pair) {
    double d = metric.distance(store, pair.first(), pair.second());
    PairResult a = direction(pair, pair.first(), pair.second(), d);
    PairResult b = direction(pair, pair.second(), pair.first(), d);
    return a.excess() >= b.excess() ? a : b;
  }

  private PairResult direction(AuditPair pair, int w, int w2, double d) {
    double[] p = logProbabilities(w);
    double[] q = logProbabilities(w2);
    double claimed = mechanism.epsilon() * d;
    double worst = Double.NEGATIVE_INFINITY;
    int output = -1;
    for (int y = 0; y < p.length; y++) {
      if (p[y] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      double loss = p[y] - q[y];
      if (loss > worst) {
        worst = loss;
        output = y;
      }
    }
    boolean violation = worst > claimed + TOLERANCE * (1 + claimed);
    return new PairResult(pair, w, w2, d, claimed, output, worst, worst, worst, violation);
  }

  private double[] logProbabilities(int word) {
    return cache.computeIfAbsent(word, mechanism::logProbabilities);
  }
}
