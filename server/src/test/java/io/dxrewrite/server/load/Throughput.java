package io.dxrewrite.server.load;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * What one measured phase did: calls (HTTP requests or library calls), failures, wall time, words
 * rewritten, and the latency of each call.
 *
 * @param name the phase, e.g. "server, single 20-word sentences"
 * @param calls calls that succeeded
 * @param failures calls that failed (non-200 or an exception)
 * @param seconds wall time of the phase, in seconds
 * @param words word tokens rewritten by the successful calls (the reports' {@code words})
 * @param latenciesMillis latency of each successful call, in milliseconds
 */
public record Throughput(
    String name, long calls, long failures, double seconds, long words, double[] latenciesMillis) {

  /**
   * @return successful calls per second
   */
  public double callsPerSecond() {
    return calls / seconds;
  }

  /**
   * @return words rewritten per second
   */
  public double wordsPerSecond() {
    return words / seconds;
  }

  /**
   * @param p percentile in (0, 100]
   * @return that percentile of the latencies in milliseconds (Commons Math's default estimator),
   *     NaN if there were none
   */
  public double latencyPercentile(double p) {
    if (latenciesMillis.length == 0) {
      return Double.NaN;
    }
    double[] sorted = latenciesMillis.clone();
    Arrays.sort(sorted);
    return new Percentile().evaluate(sorted, p);
  }

  /**
   * @return one line: calls/s, p50 and p99 latency, words/s, failures
   */
  public String summary() {
    return String.format(Locale.ROOT,
        "%-44s %8.1f calls/s  p50 %8.2f ms  p99 %8.2f ms  %9.0f words/s  (%d calls, %d failed,"
            + " %.1f s)",
        name, callsPerSecond(), latencyPercentile(50), latencyPercentile(99), wordsPerSecond(),
        calls, failures, seconds);
  }
}
