package io.dxrewrite.cli;

import io.dxrewrite.error.InvalidInputException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per data-subject totals of one {@code rewrite} run: each record's {@code total_epsilon} is added
 * to its subject's total (basic composition: a person whose k records are rewritten is protected
 * by the sum of their charges; Dwork and Roth 2014, Theorem 3.14). With a budget B, a record that
 * would take its subject's total above B is refused. Keys live in memory only for this run and
 * never reach a message, the report file or the summary.
 */
final class SubjectTotals {
  private final Map<String, Double> totals = new HashMap<>();
  private final Double budget;
  private double largest;

  /**
   * @param budget the per-subject budget (epsilon, Euclidean units, summed over the subject's
   *     records), or null for none
   */
  SubjectTotals(Double budget) {
    this.budget = budget;
  }

  /**
   * Checks that a record fits its subject's budget, without charging it.
   *
   * @param subject the record's subject key
   * @param epsilon the record's total epsilon
   * @param line the record's 1-based input line, for the message
   * @throws InvalidInputException if the subject's total would exceed the budget or would not be
   *     a finite number; the message names the line, the totals and the budget, never the key
   */
  void check(String subject, double epsilon, long line) {
    double spent = totals.getOrDefault(subject, 0.0);
    if (!Double.isFinite(spent + epsilon)) {
      // a person's total is an accounting figure: it must stay a number, budget or not
      throw new InvalidInputException(
          String.format(
              Locale.ROOT,
              "line %d: refused: its subject has spent %s and this record costs %s, a total that"
                  + " is not a finite number (the limit is %s)",
              line, spent, epsilon, Double.MAX_VALUE));
    }
    if (budget != null && spent + epsilon > budget) {
      throw new InvalidInputException(
          String.format(
              Locale.ROOT,
              "line %d: refused: its subject has spent %s and this record costs %s, over"
                  + " --subject-budget %s",
              line, spent, epsilon, budget));
    }
  }

  /**
   * @param subject the record's subject key
   * @param epsilon the record's total epsilon, charged to the subject
   */
  void charge(String subject, double epsilon) {
    double total = totals.merge(subject, epsilon, Double::sum);
    largest = Math.max(largest, total);
  }

  /**
   * @return the number of distinct subjects charged so far
   */
  int subjects() {
    return totals.size();
  }

  /**
   * @return the largest per-subject total so far (0 when none)
   */
  double largest() {
    return largest;
  }
}
