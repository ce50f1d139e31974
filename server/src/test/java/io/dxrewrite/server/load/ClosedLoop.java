package io.dxrewrite.server.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code clients} threads each make one call after another (the next as soon
 * as the previous returns) until the time or the call budget is used up, whichever comes first.
 */
public final class ClosedLoop {
  /** One call: returns the words it rewrote, or throws. */
  @FunctionalInterface
  public interface Call {
    /**
     * @param client the calling thread's index
     * @param n the call's global sequence number
     * @return words rewritten by the call
     * @throws Exception if the call failed (counted, not rethrown)
     */
    long run(int client, long n) throws Exception;
  }

  private ClosedLoop() {}

  /**
   * @param name the phase's name
   * @param clients concurrent callers, {@code >= 1}
   * @param seconds upper bound on the phase's duration
   * @param maxCalls upper bound on the calls started
   * @param call the call
   * @return what the phase did
   */
  public static Throughput run(String name, int clients, double seconds, long maxCalls, Call call)
      throws InterruptedException {
    AtomicLong started = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong words = new AtomicLong();
    List<List<Double>> latencies = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      latencies.add(new ArrayList<>());
    }
    long begin = System.nanoTime();
    long end = begin + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      pool.execute(() -> {
        List<Double> mine = latencies.get(client);
        long n;
        while (System.nanoTime() < end && (n = started.getAndIncrement()) < maxCalls) {
          long t0 = System.nanoTime();
          try {
            words.addAndGet(call.run(client, n));
            mine.add((System.nanoTime() - t0) / 1e6);
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination((long) seconds + 300, TimeUnit.SECONDS)) {
      pool.shutdownNow();
      throw new IllegalStateException(name + ": calls did not finish 300 s after the phase");
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue)
        .toArray();
    return new Throughput(name, all.length, failures.get(), elapsed, words.get(), all);
  }
}
