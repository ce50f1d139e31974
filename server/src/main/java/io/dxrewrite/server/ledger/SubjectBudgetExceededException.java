package io.dxrewrite.server.ledger;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;

/**
 * A record would take its data subject over the tenant's per-subject epsilon budget; nothing of
 * the request was charged. The message names the record's position, never the subject key. Kind
 * {@link ErrorKind#INPUT}.
 */
public final class SubjectBudgetExceededException extends DxRewriteException {
  private static final long serialVersionUID = 1L;

  private final int record;
  private final double remaining;
  private final double requested;

  /**
   * @param record 0-based position of the first record that does not fit, within the charge
   * @param remaining epsilon left in that record's subject budget before the record, {@code >= 0}
   * @param requested the record's epsilon
   */
  public SubjectBudgetExceededException(int record, double remaining, double requested) {
    super(ErrorKind.INPUT, "record " + record + " would exceed the per-subject epsilon budget: remaining "
        + remaining + ", record needs " + requested);
    this.record = record;
    this.remaining = remaining;
    this.requested = requested;
  }

  /**
   * @return 0-based position of the record within the charge
   */
  public int record() {
    return record;
  }

  /**
   * @return epsilon left in the subject's budget before the record
   */
  public double remaining() {
    return remaining;
  }

  /**
   * @return the record's epsilon
   */
  public double requested() {
    return requested;
  }
}
