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
   * Rewrites records off the calling thread. Records of different tenants never share a
   * nearest-neighbour batch, so one tenant's load cannot change another's results or timing
   * through the batch.
   *
   * @param tenant the tenant the records belong to
   * @param texts the records
   * @param options mechanism, epsilon and policies (already validated)
   * @param stillWanted checked just before the work starts; {@code false} (e.g. the request's
   *     deadline passed) skips the work and fails the future with {@link
   *     java.util.concurrent.CancellationException}
   * @param firstRecordKey record key of {@code texts[0]}; record i gets {@code firstRecordKey + i}
   *     (a batch starts at 0, a stream line uses its 0-based line index, so that with a seed no
   *     two records of one request or stream share their noise)
   * @return one result per record, in order; with a seed, record i's noise derives from (seed,
   *     firstRecordKey + i)
   */
  CompletableFuture<List<RewriteResult>> rewrite(String tenant, List<String> texts,
      RewriteOptions options, long firstRecordKey, BooleanSupplier stillWanted);

  /** Finishes the queued work, then stops the worker threads. */
  @Override
  void close();
}
