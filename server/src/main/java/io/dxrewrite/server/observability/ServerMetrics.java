package io.dxrewrite.server.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The server's Prometheus metrics (Micrometer). Labels are never derived from request text:
 * method, route template, status, tenant id.
 *
 * <ul>
 *   <li>{@code dxrewrite_http_requests_seconds} (timer with histogram buckets): count and latency
 *       by {@code method}, {@code route}, {@code status};
 *   <li>{@code dxrewrite_words_rewritten_total}: words passed through a mechanism;
 *   <li>{@code dxrewrite_epsilon_spent_total} by {@code tenant}: epsilon charged to the ledger.
 * </ul>
 */
public final class ServerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter words =
      Counter.builder("dxrewrite.words.rewritten")
          .description("Words passed through a mechanism")
          .register(registry);

  /**
   * Records one answered request.
   *
   * @param method HTTP method
   * @param route the matched route template (never the raw path), or {@code unmatched}
   * @param status HTTP status
   * @param nanos time from the request's arrival to its response end, in nanoseconds
   */
  public void request(String method, String route, int status, long nanos) {
    Timer.builder("dxrewrite.http.requests")
        .description("HTTP requests by route and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  /**
   * @param count words perturbed by a request
   */
  public void wordsRewritten(long count) {
    words.increment(count);
  }

  /**
   * @param tenant tenant id (a configured id, never request text)
   * @param epsilon epsilon charged
   */
  public void epsilonSpent(String tenant, double epsilon) {
    Counter.builder("dxrewrite.epsilon.spent")
        .description("Epsilon charged to the privacy-budget ledger")
        .tag("tenant", tenant)
        .register(registry)
        .increment(epsilon);
  }

  /**
   * @return the Prometheus text exposition
   */
  public String scrape() {
    return registry.scrape();
  }
}
