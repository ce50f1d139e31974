package io.dxrewrite.rewrite;

import io.dxrewrite.error.InvalidParameterException;

/**
 * A record's total epsilon (or the epsilon per word) is not a finite number, so no ledger could
 * charge it: refused before anything is rewritten. See {@link TotalEpsilonLimit}. The CLI exits
 * with code 2 naming the line; the API answers 422 naming the record's position.
 */
public final class TotalEpsilonException extends InvalidParameterException {
  private static final long serialVersionUID = 1L;

  /** The 0-based position of the record in its call, or -1 when no record is at fault. */
  private final int record;

  /**
   * @param message states the limit, names no input text
   * @param record 0-based position of the record in its call, or -1
   */
  public TotalEpsilonException(String message, int record) {
    super(message);
    this.record = record;
  }

  /**
   * @return the 0-based position of the offending record in its call, or -1 when the epsilon per
   *     word alone is not finite
   */
  public int record() {
    return record;
  }
}
