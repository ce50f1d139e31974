package io.dxrewrite.audit;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The outcome of an audit.
 *
 * @param mechanism the mechanism's name
 * @param epsilon its claimed epsilon per word
 * @param metric the metric of the claim that was checked ({@link ClaimedMetric#description()})
 * @param mode exact or sampling
 * @param pairsChecked number of distinct pairs checked (each in both directions)
 * @param samples draws per word (sampling mode; 0 in exact mode)
 * @param confidence family-wise confidence of a sampling violation (exact mode: 1)
 * @param tests number of (pair, direction, output) hypotheses the Bonferroni correction covers
 *     (sampling: pairs x 2 x |V|; exact: the same count, reported for comparison)
 * @param perTestAlpha error probability of each test, {@code (1 - confidence) / tests} (exact
 *     mode: 0)
 * @param tolerance exact mode's float64 tolerance in nats (see {@link ExactCheck#TOLERANCE});
 *     sampling: 0
 * @param seed the seed if the audit was seeded
 * @param worst the worst pairs, by {@link PairResult#excess()} descending
 * @param violations number of pairs with a violation
 */
public record AuditReport(
    String mechanism,
    double epsilon,
    String metric,
    AuditMode mode,
    int pairsChecked,
    int samples,
    double confidence,
    long tests,
    double perTestAlpha,
    double tolerance,
    OptionalLong seed,
    List<PairResult> worst,
    int violations) {
  /**
   * @return whether the claim was refuted for at least one pair
   */
  public boolean violated() {
    return violations > 0;
  }

  /**
   * @return one line: VIOLATION or PASS, with what was checked and at what confidence
   */
  public String verdict() {
    String how =
        mode == AuditMode.EXACT
            ? String.format(Locale.ROOT, "exact float64 log-probabilities, tolerance %.0e nats", tolerance)
            : String.format(
                Locale.ROOT,
                "sampling, %d draws per word, one-sided Clopper-Pearson, family-wise confidence"
                    + " %s, Bonferroni over %d tests (alpha %.2e each)",
                samples, confidence, tests, perTestAlpha);
    if (violated()) {
      PairResult w = worst.get(0);
      return String.format(
          Locale.ROOT,
          "VIOLATION: %s at epsilon %s breaks P[M(w)=y] <= exp(epsilon d(w,w')) P[M(w')=y] for %d"
              + " of %d pairs; worst loss %s nats against a claimed %.4g (%s)",
          mechanism, epsilon, violations, pairsChecked,
          mode == AuditMode.EXACT ? fmt(w.loss()) : ">= " + fmt(w.lossLower()), w.claimedBound(),
          how);
    }
    return String.format(
        Locale.ROOT,
        "PASS: no violation found for %s at epsilon %s in %d pairs (%s)%s",
        mechanism, epsilon, pairsChecked, how,
        mode == AuditMode.EXACT ? "." : ". Sampling is evidence, not a proof.");
  }

  private static String fmt(double v) {
    return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%.4g", v);
  }
}
