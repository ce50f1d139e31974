package io.dxrewrite.audit;

import io.dxrewrite.density.NeighbourhoodTable;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.ExactMechanism;
import io.dxrewrite.mechanism.Mechanism;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tries to break a mechanism's metric-DP claim (d_X-privacy; Chatzikokolakis, Andrés, Bordenabe,
 * Palamidessi, PETS 2013; for text, Feyisetan, Balle, Drake, Diethe, WSDM 2020): searches for
 * words w, w' and an output y with {@code P[M(w)=y] > exp(epsilon d(w,w')) P[M(w')=y]}, d being
 * the metric of the mechanism's own claim ({@link ClaimedMetric#of}).
 *
 * <ul>
 *   <li>{@link AuditMode#EXACT} for every {@link ExactMechanism}: exact log-probabilities ({@link
 *       ExactCheck}, float64 tolerance {@value ExactCheck#TOLERANCE} relative to {@code 1 + epsilon
 *       d}). A violation found here is a proof that the claim fails.
 *   <li>{@link AuditMode#SAMPLING} otherwise: draws through the mechanism's {@code perturb},
 *       one-sided Clopper-Pearson bounds and a Bonferroni correction over all (pair, direction,
 *       output) tests ({@link SamplingCheck}); a reported violation is wrong with probability at
 *       most {@code 1 - confidence}. No violation is evidence, not a proof: sampling sees only
 *       losses up to about ln(samples), so it tests pairs with a small {@code epsilon d}.
 * </ul>
 *
 * Pairs come from {@link PairSearch} (nearest, rank-difference, dense, sparse and random pairs),
 * plus the caller's extra pairs; in exact mode every pair is checked when {@code |V| <=
 * }{@value #EXHAUSTIVE_LIMIT}. Each pair is checked in both directions and reported in its worse
 * one. The auditor reads only the public embedding and the mechanism; it logs nothing.
 */
public final class PrivacyAuditor {
  /** Exact mode checks all pairs of vocabularies up to this size. */
  public static final int EXHAUSTIVE_LIMIT = 64;

  private final EmbeddingStore store;
  private final NeighbourhoodTable table;

  /**
   * @param store the embedding the mechanism draws over
   * @param table its neighbourhood table (for the pair search)
   * @throws IllegalArgumentException if the table belongs to another store
   */
  public PrivacyAuditor(EmbeddingStore store, NeighbourhoodTable table) {
    this.store = Objects.requireNonNull(store, "store");
    this.table = Objects.requireNonNull(table, "table");
    if (table.size() != store.size()) {
      throw new IllegalArgumentException("neighbourhood table does not match the store");
    }
  }

  /**
   * @param mechanism the mechanism to audit, built over {@link #store}
   * @return {@link AuditMode#EXACT} for an {@link ExactMechanism}, else sampling
   */
  public static AuditMode modeFor(Mechanism mechanism) {
    return mechanism instanceof ExactMechanism ? AuditMode.EXACT : AuditMode.SAMPLING;
  }

  /**
   * Audits a mechanism.
   *
   * @param mechanism the mechanism, built over this auditor's store
   * @param config pairs, samples, confidence, seed and extra pairs
   * @param progress receives progress (sampling: draws done of total; exact: pairs done)
   * @return the report: worst pairs (by {@link PairResult#excess()}) and the verdict
   * @throws IllegalArgumentException if an extra pair names an id outside the vocabulary
   */
  public AuditReport audit(Mechanism mechanism, AuditConfig config, ProgressListener progress) {
    AuditMode mode = modeFor(mechanism);
    ClaimedMetric metric = ClaimedMetric.of(mechanism);
    List<AuditPair> pairs = pairs(mode, config);
    long tests = (long) pairs.size() * 2 * store.size();
    List<PairResult> results = new ArrayList<>(pairs.size());
    double alpha = 0;
    if (mode == AuditMode.EXACT) {
      ExactCheck check = new ExactCheck((ExactMechanism) mechanism, store, metric);
      int done = 0;
      for (AuditPair p : pairs) {
        results.add(check.check(p));
        progress.progress(++done, pairs.size());
      }
    } else {
      alpha = (1 - config.confidence()) / tests;
      SamplingCheck check =
          new SamplingCheck(mechanism, store, metric, config.samples(), alpha, config.seed());
      Set<Integer> words = new LinkedHashSet<>();
      for (AuditPair p : pairs) {
        words.add(p.first());
        words.add(p.second());
      }
      check.draw(words.stream().mapToInt(Integer::intValue).toArray(), progress);
      for (AuditPair p : pairs) {
        results.add(check.check(p));
      }
    }
    int violations = (int) results.stream().filter(PairResult::violation).count();
    results.sort(
        Comparator.comparingDouble(PairResult::excess)
            .reversed()
            .thenComparing(Comparator.comparingDouble(PairResult::loss).reversed()));
    return new AuditReport(
        mechanism.name(),
        mechanism.epsilon(),
        metric.description(),
        mode,
        pairs.size(),
        mode == AuditMode.EXACT ? 0 : config.samples(),
        mode == AuditMode.EXACT ? 1 : config.confidence(),
        tests,
        alpha,
        mode == AuditMode.EXACT ? ExactCheck.TOLERANCE : 0,
        config.seed(),
        List.copyOf(results.subList(0, Math.min(config.worst(), results.size()))),
        violations);
  }

  private List<AuditPair> pairs(AuditMode mode, AuditConfig config) {
    Map<Long, AuditPair> all = new LinkedHashMap<>();
    for (AuditPair p : config.extraPairs()) {
      if (p.first() >= store.size() || p.second() >= store.size()) {
        throw new IllegalArgumentException("extra pair names an id outside the vocabulary");
      }
      put(all, p);
    }
    if (mode == AuditMode.EXACT && store.size() <= EXHAUSTIVE_LIMIT) {
      for (int a = 0; a < store.size(); a++) {
        for (int b = a + 1; b < store.size(); b++) {
          put(all, new AuditPair(a, b, "exhaustive", "every pair of a small vocabulary"));
        }
      }
    } else {
      long seed = config.seed().orElse(0x5eedL);
      for (AuditPair p : new PairSearch(store, table, seed).search(config.pairs())) {
        put(all, p);
      }
    }
    return new ArrayList<>(all.values());
  }

  private static void put(Map<Long, AuditPair> all, AuditPair p) {
    long key = ((long) Math.min(p.first(), p.second()) << 32) | Math.max(p.first(), p.second());
    all.putIfAbsent(key, p);
  }
}
