package io.dxrewrite.server.api;

import io.dxrewrite.server.auth.ApiKeyAuthenticator;
import io.dxrewrite.server.auth.OperatorKey;
import io.dxrewrite.server.observability.AccessLog;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the router from the OpenAPI contract ({@code openapi.yaml}), which also validates the
 * JSON requests. Before any route: the access log, the route template (from the contract, never
 * the raw path), API-key auth, then the body limit; the streaming endpoint reads its own body.
 * Every failure becomes a JSON error ({@link Errors}).
 */
public final class ApiRouter {
  /** Classpath location of the OpenAPI document. */
  public static final String SPEC = "io/dxrewrite/server/openapi.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  private static final Set<String> PUBLIC = Set.of("live", "ready", "openapi");
  private static final String STREAM = "rewriteStream";
  private static final String METRICS = "metrics";
  private static final String BUDGET = "budget";

  /** Context key: {@code Boolean.TRUE} when the request carries the operator key. */
  public static final String OPERATOR = "dx.operator";

  private ApiRouter() {}

  /**
   * @param vertx the Vert.x instance
   * @param contract the loaded contract
   * @param accessLog access log and request metrics
   * @param auth API keys
   * @param bodyLimitBytes body limit of the JSON endpoints (413 above)
   * @param handlers operation id to its handler
   * @return the router
   */
  public static Router create(Vertx vertx, OpenAPIContract contract, AccessLog accessLog,
      ApiKeyAuthenticator auth, long bodyLimitBytes, Map<String, Handler<RoutingContext>> handlers) {
    return create(vertx, contract, accessLog, auth, null, bodyLimitBytes, handlers);
  }

  /**
   * @param vertx the Vert.x instance
   * @param contract the loaded contract
   * @param accessLog access log and request metrics
   * @param auth API keys
   * @param operator the operator key, for {@code /metrics} and subject budgets; null: {@code
   *     /metrics} is open and there is no operator
   * @param bodyLimitBytes body limit of the JSON endpoints (413 above)
   * @param handlers operation id to its handler
   * @return the router
   */
  public static Router create(Vertx vertx, OpenAPIContract contract, AccessLog accessLog,
      ApiKeyAuthenticator auth, OperatorKey operator, long bodyLimitBytes,
      Map<String, Handler<RoutingContext>> handlers) {
    RouterBuilder builder =
        RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    BodyHandler body = BodyHandler.create(false).setBodyLimit(bodyLimitBytes);
    builder.rootHandler(accessLog::begin);
    builder.rootHandler(ctx -> {
      Operation op = contract.findOperation(ctx.request().path(), ctx.request().method());
      if (op == null) {
        ctx.next();
        return;
      }
      ctx.put(AccessLog.ROUTE, op.getOpenAPIPath());
      String authorization = ctx.request().getHeader("Authorization");
      if (METRICS.equals(op.getOperationId())) {
        OperatorKey.Access access =
            operator == null ? OperatorKey.Access.ALLOWED : operator.metrics(authorization);
        if (access == OperatorKey.Access.UNAUTHORIZED) {
          ctx.response().putHeader("WWW-Authenticate", "Bearer");
          ctx.fail(new ApiException(401, "unauthorized",
              "/metrics needs the operator key (Authorization: Bearer <operator_key>)"));
          return;
        }
        if (access == OperatorKey.Access.DISABLED) {
          ctx.fail(new ApiException(403, "metrics_disabled", "/metrics lists tenants and their"
              + " spending, so on a host that is not loopback it is served only with an operator"
              + " key: the operator sets operator_key (environment DX_REWRITE_OPERATOR_KEY) and"
              + " scrapes with Authorization: Bearer <operator_key>"));
          return;
        }
      } else if (BUDGET.equals(op.getOperationId()) && operator != null
          && operator.matches(authorization)) {
        ctx.put(OPERATOR, Boolean.TRUE);
      } else if (!PUBLIC.contains(op.getOperationId())) {
        var tenant = auth.tenant(authorization);
        if (tenant.isEmpty()) {
          ctx.response().putHeader("WWW-Authenticate", "Bearer");
          ctx.fail(new ApiException(401, "unauthorized", "missing or unknown API key"));
          return;
        }
        ctx.put(AccessLog.TENANT, tenant.get());
      }
      if (STREAM.equals(op.getOperationId())) {
        ctx.next();
      } else {
        body.handle(ctx);
      }
    });
    builder.rootHandler(ctx -> {
      // runs after the body was read, before validation parses it (which keeps a repeated name's
      // last value)
      if (ctx.body() != null && ctx.body().buffer() != null && ctx.body().length() > 0) {
        try {
          StrictBody.check(ctx.body().buffer(), "the request body");
        } catch (ApiException e) {
          ctx.fail(e);
          return;
        }
      }
      ctx.next();
    });
    for (OpenAPIRoute route : builder.getRoutes()) {
      String id = route.getOperation().getOperationId();
      Handler<RoutingContext> handler = handlers.get(id);
      if (handler == null) {
        throw new IllegalStateException("no handler for operation " + id);
      }
      route.setDoSecurity(false);
      if (STREAM.equals(id)) {
        route.setDoValidation(false);
      }
      route.addHandler(handler);
    }
    Router router = builder.createRouter();
    Handler<RoutingContext> fail = ctx -> fail(ctx, bodyLimitBytes);
    router.route().failureHandler(fail);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, fail);
    }
    return router;
  }

  /**
   * Answers a failure as JSON. Never logs or returns a foreign exception's message, which may
   * quote the request.
   *
   * @param bodyLimitBytes the body limit, stated in the 413 for a body over it
   */
  static void fail(RoutingContext ctx, long bodyLimitBytes) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ApiException e = Errors.toApiException(ctx.failure(), ctx.statusCode(), bodyLimitBytes);
    if (e.status() >= 500 && e.status() != 503) {
      LOG.error("request_id={} failed: {}", ctx.get(AccessLog.REQUEST_ID, "-"),
          ctx.failure() == null ? "status " + ctx.statusCode() : ctx.failure().getClass().getName());
    }
    if (e.retryAfterSeconds() != null) {
      ctx.response().putHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
    }
    if (ctx.response().headWritten()) {
      ctx.response().end();
      return;
    }
    ctx.response().setStatusCode(e.status()).putHeader("Content-Type", "application/json")
        .end(e.toJson().toBuffer());
  }

  /**
   * @param vertx the Vert.x instance
   * @return the contract loaded from {@link #SPEC}
   */
  public static Future<OpenAPIContract> contract(Vertx vertx) {
    return OpenAPIContract.from(vertx, SPEC);
  }
}
