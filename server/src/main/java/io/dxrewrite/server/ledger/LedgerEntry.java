package io.dxrewrite.server.ledger;

import java.util.List;

/**
 * One acknowledged charge in the privacy-budget ledger. Built from a request's privacy reports,
 * never from its text.
 *
 * @param sequence 1-based position in the ledger
 * @param epochMillis when the charge was written (wall clock, milliseconds since the epoch)
 * @param tenant the tenant charged
 * @param requestId the server-generated id of the request (for a stream line, {@code id:line})
 * @param epsilon epsilon charged: the sum of the request's per-record {@code total_epsilon}, i.e.
 *     epsilon per word times words perturbed, by basic composition
 * @param seeded whether the records were rewritten with a caller-chosen seed (their noise is then
 *     known to whoever knows the seed, so the charge states a guarantee the output does not have
 *     against that party); false for charges migrated from ledger format 1, which did not record it
 * @param subjects what the charge added to each data subject's total, in the order the subjects
 *     first appear in the request; empty for records without subjects
 */
public record LedgerEntry(
    long sequence, long epochMillis, String tenant, String requestId, double epsilon,
    boolean seeded, List<SubjectCharge> subjects) {

  /** Copies {@code subjects}. */
  public LedgerEntry {
    subjects = List.copyOf(subjects);
  }

  /**
   * An entry without subjects, not seeded (the shape of ledger format 1).
   *
   * @param sequence 1-based position in the ledger
   * @param epochMillis when the charge was written
   * @param tenant the tenant charged
   * @param requestId the request's id
   * @param epsilon epsilon charged
   */
  public LedgerEntry(
      long sequence, long epochMillis, String tenant, String requestId, double epsilon) {
    this(sequence, epochMillis, tenant, requestId, epsilon, false, List.of());
  }
}
