package io.dxrewrite.server.rewrite;

import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * What the HTTP layer calls to rewrite. Implementations delegate to {@link
 * io.dxrewrite.rewrite.Rewriter}; they never rewrite on the calling (event-loop) thread.
 */
public interface RewriteService extends AutoCloseable {
  /**
   * Rewrites records off the calling thread.
   *
   * @param texts the records
   * @param options mechanism, epsilon and policies (already validated)
   * @param stillWanted checked just before the work starts; {@code false} (e.g. the request's
   *     deadline passed) skips the work and fails the future with {@link
   *     java.util.concurrent.CancellationException}
   * @return one result per record, in order; with a seed, record i's noise derives from (seed, i)
   */
  CompletableFuture<List<RewriteResult>> rewrite(
      List<String> texts, RewriteOptions options, BooleanSupplier stillWanted);

  /** Finishes the queued work, then stops the worker threads. */
  @Override
  void close();
}
