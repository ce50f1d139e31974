package io.dxrewrite.server.ledger;

import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteResult;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Charges requests to their tenant's epsilon budget. A request's charge is the sum of its records'
 * {@link PrivacyReport#totalEpsilon()} (Euclidean-equivalent epsilon per word times words
 * perturbed, basic composition; Dwork and Roth 2014, Theorem 3.14, applied per word as in Feyisetan et al. 2020).
 * Blocking (it fsyncs): call it on a worker thread, never on the event loop.
 */
public final class PrivacyAccountant {
  private final PrivacyLedger ledger;
  private final ToDoubleFunction<String> budgets;

  /**
   * @param ledger the durable ledger
   * @param budgets tenant id to its total epsilon budget
   */
  public PrivacyAccountant(PrivacyLedger ledger, ToDoubleFunction<String> budgets) {
    this.ledger = ledger;
    this.budgets = budgets;
  }

  /**
   * @param results a request's results
   * @return the request's epsilon: the sum of the records' total epsilon
   */
  public static double charge(List<RewriteResult> results) {
    double sum = 0;
    for (RewriteResult r : results) {
      sum += r.report().totalEpsilon();
    }
    return sum;
  }

  /**
   * Charges a request durably (fsynced before returning), or refuses it.
   *
   * @param tenant the tenant
   * @param requestId the request's id
   * @param epsilon the request's epsilon ({@link #charge(List)})
   * @return the entry written
   * @throws BudgetExceededException if it does not fit the budget; nothing is charged
   */
  public LedgerEntry commit(String tenant, String requestId, double epsilon) {
    return ledger.charge(tenant, requestId, epsilon, budgets.applyAsDouble(tenant));
  }

  /**
   * @param tenant the tenant
   * @return epsilon left, {@code >= 0}
   */
  public double remaining(String tenant) {
    return Math.max(0, budgets.applyAsDouble(tenant) - ledger.spent(tenant));
  }

  /**
   * @param tenant the tenant
   * @return epsilon charged so far
   */
  public double spent(String tenant) {
    return ledger.spent(tenant);
  }

  /**
   * @param tenant the tenant
   * @return its total budget
   */
  public double budget(String tenant) {
    return budgets.applyAsDouble(tenant);
  }
}
