package io.dxrewrite.server.rewrite;

import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.rewrite.Rewriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs {@link Rewriter#rewriteBatch} on a fixed pool of worker threads and lets concurrent
 * requests of one tenant share one nearest-neighbour batch: requests queue up while the workers
 * are busy, and the next free worker takes every queued request of the same tenant with the same
 * options (up to {@code maxBatchTexts} records) into one {@code rewriteBatch} call. Requests of
 * different tenants are never batched together, so one tenant's word count does not change
 * another's response time through a shared batch. Each request keeps its own record keys
 * ({@code firstRecordKey + i}), so seeded output does not depend on what it was batched with, and
 * unseeded requests draw their noise from {@code SecureRandom} as the rewriter does.
 */
public final class BatchingRewriteService implements RewriteService {
  private final Rewriter rewriter;
  private final int maxBatchTexts;
  private final ExecutorService workers;
  private final List<Job> queue = new ArrayList<>();

  /**
   * @param rewriter the shared, thread-safe rewriter
   * @param workers number of worker threads, {@code >= 1} (normally the number of cores)
   * @param maxBatchTexts most records per {@code rewriteBatch} call, {@code >= 1}; a single
   *     larger request still runs as one batch
   */
  public BatchingRewriteService(Rewriter rewriter, int workers, int maxBatchTexts) {
    if (workers < 1 || maxBatchTexts < 1) {
      throw new IllegalArgumentException("workers and maxBatchTexts must be >= 1");
    }
    this.rewriter = rewriter;
    this.maxBatchTexts = maxBatchTexts;
    this.workers = Executors.newFixedThreadPool(workers, namedThreads("dx-rewrite-worker-"));
  }

  @Override
  public CompletableFuture<List<RewriteResult>> rewrite(String tenant, List<String> texts,
      RewriteOptions options, long firstRecordKey, BooleanSupplier stillWanted) {
    Job job = new Job(tenant, List.copyOf(texts), options, firstRecordKey, stillWanted);
    synchronized (queue) {
      queue.add(job);
    }
    workers.execute(this::drain);
    return job.result;
  }

  /**
   * Takes the oldest queued job and every queued job of the same tenant with the same options,
   * and runs them.
   */
  private void drain() {
    List<Job> batch = new ArrayList<>();
    synchronized (queue) {
      if (queue.isEmpty()) {
        return;
      }
      RewriteOptions options = queue.get(0).options;
      String tenant = queue.get(0).tenant;
      int texts = 0;
      for (var it = queue.iterator(); it.hasNext(); ) {
        Job job = it.next();
        if (job.tenant.equals(tenant) && job.options.equals(options) && (batch.isEmpty() || texts + job.texts.size() <= maxBatchTexts)) {
          batch.add(job);
          texts += job.texts.size();
          it.remove();
        }
      }
    }
    run(batch);
  }

  private void run(List<Job> batch) {
    List<Job> live = new ArrayList<>(batch.size());
    for (Job job : batch) {
      if (job.stillWanted.getAsBoolean()) {
        live.add(job);
      } else {
        job.result.completeExceptionally(new CancellationException("deadline passed"));
      }
    }
    if (live.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    Map<Job, Integer> offsets = new LinkedHashMap<>();
    long[] keys = new long[live.stream().mapToInt(j -> j.texts.size()).sum()];
    for (Job job : live) {
      offsets.put(job, texts.size());
      for (int i = 0; i < job.texts.size(); i++) {
        keys[texts.size()] = job.firstRecordKey + i;
        texts.add(job.texts.get(i));
      }
    }
    try {
      List<RewriteResult> results = rewriter.rewriteBatch(texts, live.get(0).options, keys);
      for (Map.Entry<Job, Integer> e : offsets.entrySet()) {
        int from = e.getValue();
        e.getKey().result.complete(
            List.copyOf(results.subList(from, from + e.getKey().texts.size())));
      }
    } catch (RuntimeException | Error e) {
      for (Job job : live) {
        job.result.completeExceptionally(e);
      }
    }
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory namedThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One request's records waiting for a worker. */
  private static final class Job {
    final String tenant;
    final List<String> texts;
    final RewriteOptions options;
    final long firstRecordKey;
    final BooleanSupplier stillWanted;
    final CompletableFuture<List<RewriteResult>> result = new CompletableFuture<>();

    Job(String tenant, List<String> texts, RewriteOptions options, long firstRecordKey,
        BooleanSupplier stillWanted) {
      this.tenant = tenant;
      this.texts = texts;
      this.options = options;
      this.firstRecordKey = firstRecordKey;
      this.stillWanted = stillWanted;
    }
  }
}
