package io.dxrewrite.server.api;

import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.server.ledger.BudgetExceededException;
import io.dxrewrite.server.ledger.TenantBudgets;
import io.dxrewrite.server.ledger.SubjectBudgetExceededException;
import io.dxrewrite.server.observability.ServerMetrics;
import io.dxrewrite.server.rewrite.RewriteService;
import io.vertx.core.Context;
import io.dxrewrite.rewrite.TotalEpsilonException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;

/**
 * Rewrites on the worker pool, then charges the tenant's budget and the records' data subjects
 * durably on a worker thread; only then are the results released. Shared by the single/batch and
 * the streaming endpoints.
 *
 * <p>The returned future completes on the Vert.x context of the caller (the request's event
 * loop), never on the rewrite worker or another event loop, so handlers may keep per-request state
 * without locks. (Vert.x runs the callbacks of {@code Future.fromCompletionStage(stage)} on the
 * thread that completes the stage, and an {@code executeBlocking} started from a non-Vert.x thread
 * completes on a new context on some other event loop.)
 */
public final class ChargedRewrite {
  /** Results with the epsilon charged for them and the tenant's remaining budget. */
  public record Charged(List<RewriteResult> results, double epsilon, double remaining) {}

  /**
   * The records of one request (or one stream line).
   *
   * @param texts the texts
   * @param subjects one raw subject key or null per text
   * @param firstRecordKey record key of the first text ({@link RewriteService#rewrite})
   * @param position record index to how messages name it ({@code "text 2"}, {@code "line 7"})
   */
  public record Records(List<String> texts, List<String> subjects, long firstRecordKey,
      IntFunction<String> position) {
    /**
     * @param texts the texts of a batch, without subjects, keys from 0
     * @return the records, named {@code "text i"}
     */
    public static Records of(List<String> texts) {
      return new Records(texts, Collections.nCopies(texts.size(), null), 0, i -> "text " + i);
    }
  }

  private final Vertx vertx;
  private final TenantBudgets tenantBudgets;
  private final ServerMetrics metrics;

  /**
   * @param vertx for the blocking ledger write
   * @param tenantBudgets the budget ledger
   * @param metrics where words and epsilon are counted
   */
  public ChargedRewrite(Vertx vertx, TenantBudgets tenantBudgets, ServerMetrics metrics) {
    this.vertx = vertx;
    this.tenantBudgets = tenantBudgets;
    this.metrics = metrics;
  }

  /**
   * Call on the request's Vert.x context (its event loop).
   *
   * @param service the rewrite service
   * @param tenant the tenant to charge
   * @param ledgerId the ledger's request id
   * @param texts the records
   * @param options validated options
   * @param deadline the request's deadline race
   * @return as {@link #run(RewriteService, String, String, Records, RewriteOptions, Deadline)}
   */
  public Future<Charged> run(RewriteService service, String tenant, String ledgerId,
      List<String> texts, RewriteOptions options, Deadline deadline) {
    return run(service, tenant, ledgerId, Records.of(texts), options, deadline);
  }

  /**
   * Call on the request's Vert.x context (its event loop). Nothing is released and nothing is
   * charged unless every check passes and the ledger has committed the charge.
   *
   * @param service the rewrite service
   * @param tenant the tenant to charge
   * @param ledgerId the ledger's request id
   * @param records the records, their subjects and keys
   * @param options validated options
   * @param deadline the request's deadline race
   * @return the charged results, completed on the caller's Vert.x context; fails with {@link
   *     BudgetExceededException} (tenant quota), {@link ApiException} 429 {@code
   *     subject_budget_exceeded} naming the record's position, 422 {@code subject_required},
   *     {@code subject_accounting_off} or {@code epsilon_overflow} (a record's or the request's
   *     total epsilon is not a finite number), or {@link CancellationException} (deadline passed)
   */
  public Future<Charged> run(RewriteService service, String tenant, String ledgerId,
      Records records, RewriteOptions options, Deadline deadline) {
    if (tenantBudgets.remaining(tenant) <= 0) {
      return Future.failedFuture(new BudgetExceededException(tenant, 0, Double.NaN));
    }
    try {
      checkSubjects(tenant, records);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(service.rewrite(tenant, records.texts(), options,
            records.firstRecordKey(), deadline::pending), context)
        .recover(err -> Future.failedFuture(overflow(err, records)))
        .compose(results -> context.executeBlocking(() -> {
          if (!deadline.tryCommit()) {
            throw new CancellationException("deadline passed");
          }
          double epsilon = finiteTotal(results, records.position());
          try {
            tenantBudgets.commit(tenant, ledgerId, results, records.subjects(),
                options.seed().isPresent());
          } catch (SubjectBudgetExceededException e) {
            throw new ApiException(429, "subject_budget_exceeded",
                records.position().apply(e.record()) + " would take its data subject over the"
                    + " tenant's per-subject epsilon budget; nothing was rewritten",
                new JsonObject().put("remaining_epsilon", e.remaining())
                    .put("requested_epsilon", e.requested()),
                null);
          }
          long words = 0;
          for (RewriteResult r : results) {
            words += r.report().wordsPerturbed();
          }
          metrics.wordsRewritten(words);
          metrics.epsilonSpent(tenant, epsilon);
          return new Charged(results, epsilon, tenantBudgets.remaining(tenant));
        }, false));
  }

  /**
   * The core refuses a record whose total epsilon is not finite before drawing noise ({@link
   * TotalEpsilonException}); here it becomes the API's 422 {@code epsilon_overflow} naming the
   * record's position in this request or stream.
   */
  private static Throwable overflow(Throwable err, Records records) {
    Throwable cause = err;
    while (cause != null && !(cause instanceof TotalEpsilonException)) {
      cause = cause.getCause();
    }
    if (cause instanceof TotalEpsilonException e) {
      String where = e.record() >= 0 ? records.position().apply(e.record()) + ": " : "";
      return new ApiException(422, "epsilon_overflow", where + e.getMessage());
    }
    return err;
  }

  private void checkSubjects(String tenant, Records records) {
    boolean required = tenantBudgets.subjectBudget(tenant).isPresent();
    for (int i = 0; i < records.subjects().size(); i++) {
      String subject = records.subjects().get(i);
      if (subject != null && !tenantBudgets.subjectAccounting()) {
        throw new ApiException(422, "subject_accounting_off", "subject accounting is off on this"
            + " server: the operator enables it by setting subject_secret (environment"
            + " DX_REWRITE_SUBJECT_SECRET); send records without a subject meanwhile");
      }
      if (subject == null && required) {
        throw new ApiException(422, "subject_required", records.position().apply(i)
            + " has no subject, and this tenant has a per-subject budget: give subject (with"
            + " text), subjects (with texts) or a \"subject\" on each stream line");
      }
    }
  }

  /**
   * @return the request's total epsilon
   * @throws ApiException 422 {@code epsilon_overflow} if a record's total or the sum is not a
   *     finite number (epsilon per word so large that times the word count it overflows a double)
   */
  private static double finiteTotal(List<RewriteResult> results, IntFunction<String> position) {
    for (int i = 0; i < results.size(); i++) {
      var report = results.get(i).report();
      if (!Double.isFinite(report.totalEpsilon())) {
        throw new ApiException(422, "epsilon_overflow", position.apply(i)
            + ": epsilon per word " + report.epsilonPerWord() + " times its "
            + report.wordsPerturbed() + " words is not a finite number; the total epsilon must"
            + " stay at most " + Double.MAX_VALUE + ", so give epsilon <= "
            + Double.MAX_VALUE / Math.max(1, report.wordsPerturbed()) + " for this record");
      }
    }
    double sum = TenantBudgets.charge(results);
    if (!Double.isFinite(sum)) {
      throw new ApiException(422, "epsilon_overflow", "the request's total epsilon (the sum over"
          + " its records) is not a finite number; it must stay at most " + Double.MAX_VALUE
          + ": send fewer texts or a smaller epsilon");
    }
    return sum;
  }
}
