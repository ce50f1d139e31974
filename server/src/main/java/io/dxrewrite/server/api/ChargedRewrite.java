package io.dxrewrite.server.api;

import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.server.ledger.PrivacyAccountant;
import io.dxrewrite.server.observability.ServerMetrics;
import io.dxrewrite.server.rewrite.RewriteService;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Rewrites on the worker pool, then charges the tenant's budget durably on a worker thread; only
 * then are the results released. Shared by the single/batch and the streaming endpoints.
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

  private final Vertx vertx;
  private final PrivacyAccountant accountant;
  private final ServerMetrics metrics;

  /**
   * @param vertx for the blocking ledger write
   * @param accountant the budget ledger
   * @param metrics where words and epsilon are counted
   */
  public ChargedRewrite(Vertx vertx, PrivacyAccountant accountant, ServerMetrics metrics) {
    this.vertx = vertx;
    this.accountant = accountant;
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
   * @return the charged results, completed on the caller's Vert.x context; fails with {@link io.dxrewrite.server.ledger.BudgetExceededException}
   *     (nothing charged, nothing released) or {@link CancellationException} (deadline passed)
   */
  public Future<Charged> run(RewriteService service, String tenant, String ledgerId,
      List<String> texts, RewriteOptions options, Deadline deadline) {
    if (accountant.remaining(tenant) <= 0) {
      return Future.failedFuture(
          new io.dxrewrite.server.ledger.BudgetExceededException(tenant, 0, Double.NaN));
    }
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(service.rewrite(texts, options, deadline::pending), context)
        .compose(results -> context.executeBlocking(() -> {
          if (!deadline.tryCommit()) {
            throw new CancellationException("deadline passed");
          }
          double epsilon = PrivacyAccountant.charge(results);
          accountant.commit(tenant, ledgerId, epsilon);
          long words = 0;
          for (RewriteResult r : results) {
            words += r.report().wordsPerturbed();
          }
          metrics.wordsRewritten(words);
          metrics.epsilonSpent(tenant, epsilon);
          return new Charged(results, epsilon, accountant.remaining(tenant));
        }, false));
  }
}
