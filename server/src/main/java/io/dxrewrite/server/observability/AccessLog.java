package io.dxrewrite.server.observability;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one access-log line per request (logger {@code io.dxrewrite.server.access}) and records
 * its metrics: method, route template, status, duration, tenant and request id. Never the path,
 * the query string, headers or body, nor anything derived from them.
 */
public final class AccessLog {
  /** Routing-context key of the request id. */
  public static final String REQUEST_ID = "dx.request_id";

  /** Routing-context key of the authenticated tenant. */
  public static final String TENANT = "dx.tenant";

  /** Routing-context key of the route template the request matched. */
  public static final String ROUTE = "dx.route";

  private static final Logger LOG = LoggerFactory.getLogger("io.dxrewrite.server.access");

  private final ServerMetrics metrics;

  /**
   * @param metrics where request counts and latencies go
   */
  public AccessLog(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * Starts timing a request and arranges its log line and metrics when the response ends.
   *
   * @param ctx the request
   */
  public void begin(RoutingContext ctx) {
    long start = System.nanoTime();
    String requestId = java.util.UUID.randomUUID().toString();
    ctx.put(REQUEST_ID, requestId);
    ctx.response().putHeader("X-Request-Id", requestId);
    ctx.addEndHandler(
        ar -> {
          long nanos = System.nanoTime() - start;
          String route = ctx.get(ROUTE, "unmatched");
          String method = ctx.request().method().name();
          int status = ctx.response().getStatusCode();
          metrics.request(method, route, status, nanos);
          LOG.info(
              "method={} route={} status={} duration_ms={} tenant={} request_id={}{}",
              method, route, status, String.format(Locale.ROOT, "%.2f", nanos / 1e6),
              ctx.get(TENANT, "-"), requestId, ar.succeeded() ? "" : " aborted=true");
        });
    ctx.next();
  }
}
