package io.dxrewrite.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The worker pool and the task split shared by {@link SimdExactIndex} and {@link
 * PrunedExactIndex}: a batch of queries is cut into equal tasks, a multiple of the thread count,
 * each at most {@value #MAX_QUERIES_PER_TASK} queries (the more queries share a tile while it sits
 * in L1, the fewer times the store is streamed), run on daemon threads, waited for.
 */
final class QueryTasks {
  /** The most queries one task scans together. */
  static final int MAX_QUERIES_PER_TASK = 512;

  /** One task: queries {@code [from, to)} of the batch. */
  @FunctionalInterface
  interface Range {
    void run(int from, int to);
  }

  private final ExecutorService pool;
  private final int threads;

  /**
   * @param threads worker threads, at least 1 is used
   * @param name the threads' name
   */
  QueryTasks(int threads, String name) {
    this.threads = Math.max(1, threads);
    this.pool =
        Executors.newFixedThreadPool(
            this.threads,
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * @return the number of worker threads
   */
  int threads() {
    return threads;
  }

  /**
   * Runs {@code range} over {@code [0, count)} in equal tasks and waits for all of them.
   *
   * @param count queries in the batch, {@code >= 1}
   * @param range the work of one task
   * @throws IllegalStateException if interrupted or a task failed (its cause attached)
   */
  void run(int count, Range range) {
    int rounds = (count + threads * MAX_QUERIES_PER_TASK - 1) / (threads * MAX_QUERIES_PER_TASK);
    int taskCount = Math.min(count, rounds * threads);
    int perTask = (count + taskCount - 1) / taskCount;
    List<Future<?>> tasks = new ArrayList<>();
    for (int first = 0; first < count; first += perTask) {
      int from = first;
      int to = Math.min(count, first + perTask);
      tasks.add(pool.submit(() -> range.run(from, to)));
    }
    try {
      for (Future<?> task : tasks) {
        task.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during nearest-neighbour search", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("nearest-neighbour search failed", e.getCause());
    }
  }

  /** Stops the worker threads. */
  void close() {
    pool.shutdownNow();
  }
}
