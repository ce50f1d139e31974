package io.dxrewrite.server.ledger;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;

/**
 * A charge would take a tenant over its epsilon budget; nothing was charged. Kind {@link
 * ErrorKind#INPUT}: the request asks for more than the tenant has left (the API answers 429).
 */
public final class BudgetExceededException extends DxRewriteException {
  private static final long serialVersionUID = 1L;

  private final double remaining;
  private final double requested;

  /**
   * @param tenant the tenant
   * @param remaining epsilon left in the tenant's budget, {@code >= 0}
   * @param requested epsilon the request would have spent
   */
  public BudgetExceededException(String tenant, double remaining, double requested) {
    super(ErrorKind.INPUT, "epsilon budget of tenant '" + tenant + "' exceeded: remaining " + remaining
        + ", request needs " + requested);
    this.remaining = remaining;
    this.requested = requested;
  }

  /**
   * @return epsilon left in the budget
   */
  public double remaining() {
    return remaining;
  }

  /**
   * @return epsilon the request would have spent
   */
  public double requested() {
    return requested;
  }
}
