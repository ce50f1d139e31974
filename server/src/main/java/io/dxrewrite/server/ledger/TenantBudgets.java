package io.dxrewrite.server.ledger;

import io.dxrewrite.rewrite.PrivacyReport;
import io.dxrewrite.rewrite.RewriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Charges requests to their tenant's epsilon budget and their records to their data subjects'
 * budgets. A record's charge is its {@link PrivacyReport#totalEpsilon()} (Euclidean-equivalent epsilon per word
 * times words perturbed, basic composition; Dwork and Roth 2014, Theorem 3.14, applied per word as in
 * Feyisetan et al. 2020); a subject's total is the sum of the charges of its records, again by
 * basic composition over that person's records; a request's charge is the sum over its records.
 * Blocking (it fsyncs): call it on a worker thread, never on the event loop.
 */
public final class TenantBudgets {
  private final PrivacyLedger ledger;
  private final ToDoubleFunction<String> budgets;
  private final Function<String, OptionalDouble> subjectBudgets;
  private final Optional<SubjectKeys> subjectKeys;

  /**
   * Tenant budgets without subject accounting.
   *
   * @param ledger the durable ledger
   * @param budgets tenant id to its total epsilon budget
   */
  public TenantBudgets(PrivacyLedger ledger, ToDoubleFunction<String> budgets) {
    this(ledger, budgets, tenant -> OptionalDouble.empty(), Optional.empty());
  }

  /**
   * @param ledger the durable ledger
   * @param budgets tenant id to its total epsilon budget (operational quota)
   * @param subjectBudgets tenant id to its per-subject epsilon budget, empty for none
   * @param subjectKeys the keyed hash of subject keys; empty turns subject accounting off
   * @throws IllegalArgumentException never for a valid ledger; see {@link
   *     PrivacyLedger#bindSubjectSecret} for a ledger written under another secret
   */
  public TenantBudgets(PrivacyLedger ledger, ToDoubleFunction<String> budgets,
      Function<String, OptionalDouble> subjectBudgets, Optional<SubjectKeys> subjectKeys) {
    this.ledger = ledger;
    this.budgets = budgets;
    this.subjectBudgets = subjectBudgets;
    this.subjectKeys = subjectKeys;
    subjectKeys.ifPresent(ledger::bindSubjectSecret);
  }

  /**
   * @param results a request's results
   * @return the request's epsilon: the sum of the records' total epsilon (may be infinite if the
   *     caller's epsilon was huge; {@link #commit} refuses that)
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
   * Charges a request's records durably (fsynced before returning), or refuses all of them.
   *
   * @param tenant the tenant
   * @param requestId the request's id
   * @param results the records' results, in request order
   * @param subjects the records' raw subject keys (null for none), same size as {@code results};
   *     hashed here, never stored
   * @param seeded whether a caller-chosen seed was used
   * @return the entry written
   * @throws SubjectBudgetExceededException if a record would exceed its subject's budget
   * @throws BudgetExceededException if the request would exceed the tenant's budget
   * @throws IllegalStateException if a subject is given while subject accounting is off
   */
  public LedgerEntry commit(String tenant, String requestId, List<RewriteResult> results,
      List<String> subjects, boolean seeded) {
    if (subjects.size() != results.size()) {
      throw new IllegalArgumentException("one subject (or null) per result");
    }
    List<RecordCharge> records = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      String subject = subjects.get(i);
      if (subject != null && subjectKeys.isEmpty()) {
        throw new IllegalStateException("subject accounting is off");
      }
      records.add(new RecordCharge(results.get(i).report().totalEpsilon(),
          subject == null ? null : subjectKeys.get().key(tenant, subject)));
    }
    return ledger.charge(tenant, requestId, records, seeded, budgets.applyAsDouble(tenant),
        subjectBudgets.apply(tenant));
  }

  /**
   * @return whether subjects are accounted (a {@code subject_secret} is configured)
   */
  public boolean subjectAccounting() {
    return subjectKeys.isPresent();
  }

  /**
   * @param tenant the tenant
   * @return its per-subject epsilon budget, or empty for none
   */
  public OptionalDouble subjectBudget(String tenant) {
    return subjectBudgets.apply(tenant);
  }

  /**
   * @param tenant the tenant
   * @param subject a raw subject key (hashed here)
   * @return epsilon charged to that subject of that tenant so far
   * @throws IllegalStateException if subject accounting is off
   */
  public double subjectSpent(String tenant, String subject) {
    return ledger.subjectSpent(tenant, subjectKeys.orElseThrow(
        () -> new IllegalStateException("subject accounting is off")).key(tenant, subject));
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
