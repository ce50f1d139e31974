package io.dxrewrite.server.api;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.server.ledger.TenantBudgets;
import io.dxrewrite.server.observability.AccessLog;
import io.dxrewrite.server.ServerConfig;
import io.dxrewrite.server.ledger.PrivacyLedger;
import io.dxrewrite.server.observability.ServerMetrics;
import io.dxrewrite.server.rewrite.RewriteEngine;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.OptionalDouble;
import io.vertx.ext.web.RoutingContext;

/**
 * The read-only endpoints: mechanisms, embeddings, budget, health, metrics and the OpenAPI spec.
 */
public final class InfoHandlers {
  private final RewriteEngine engine;
  private final TenantBudgets tenantBudgets;
  private final ServerMetrics metrics;
  private final Buffer spec;
  private final boolean authEnabled;

  /**
   * @param engine the engine (for the store and readiness)
   * @param tenantBudgets the ledger (for budgets)
   * @param metrics the Prometheus registry
   * @param spec the OpenAPI document, served as is
   */
  public InfoHandlers(
      RewriteEngine engine, TenantBudgets tenantBudgets, ServerMetrics metrics, Buffer spec) {
    this(engine, tenantBudgets, metrics, spec, true);
  }

  /**
   * @param engine the engine (for the store and readiness)
   * @param tenantBudgets the ledger (for budgets)
   * @param metrics the Prometheus registry
   * @param spec the OpenAPI document, served as is
   * @param authEnabled whether API keys are configured (else the operator's budget queries
   *     default to the anonymous tenant)
   */
  public InfoHandlers(RewriteEngine engine, TenantBudgets tenantBudgets, ServerMetrics metrics,
      Buffer spec, boolean authEnabled) {
    this.authEnabled = authEnabled;
    this.engine = engine;
    this.tenantBudgets = tenantBudgets;
    this.metrics = metrics;
    this.spec = spec;
  }

  /**
   * {@code GET /v1/mechanisms}: every name of {@link Mechanisms#names()} with its parameters,
   * defaults and ranges (see {@link MechanismCatalog}).
   *
   * @param ctx the request
   */
  public void mechanisms(RoutingContext ctx) {
    json(ctx, 200, MechanismCatalog.describe());
  }

  /**
   * {@code GET /v1/embeddings}: V, d, source, checksum and file name of the loaded store; never
   * the server's absolute path.
   *
   * @param ctx the request
   */
  public void embeddings(RoutingContext ctx) {
    Readiness.require(engine);
    EmbeddingStore store = engine.store();
    json(ctx, 200, new JsonObject()
        .put("vocabulary_size", store.size())
        .put("dimension", store.dimension())
        .put("source", engine.source())
        .put("checksum", String.format("%08x", store.checksum()))
        .put("path", String.valueOf(store.path().getFileName())));
  }

  /**
   * {@code GET /v1/budget}: the calling tenant's budget, spent and remaining epsilon. With the
   * operator key ({@link ApiRouter#OPERATOR}), any tenant's ({@code ?tenant=}, required when auth
   * is on) and, with {@code ?subject=}, also that data subject's per-subject budget, spent and
   * remaining epsilon (looked up by its keyed hash; the raw key is neither stored nor echoed).
   *
   * @param ctx the request
   * @throws ApiException 403 {@code operator_only} for {@code subject} without the operator key,
   *     422 for a missing or invalid {@code tenant} or {@code subject}, 422 {@code
   *     subject_accounting_off} without a {@code subject_secret}
   */
  public void budget(RoutingContext ctx) {
    boolean operator = Boolean.TRUE.equals(ctx.get(ApiRouter.OPERATOR));
    String subject = ctx.queryParams().get("subject");
    String tenant;
    if (operator) {
      tenant = ctx.queryParams().get("tenant");
      if (tenant == null) {
        if (authEnabled) {
          throw new ApiException(422, "invalid_parameter",
              "with the operator key, give the tenant: GET /v1/budget?tenant=ID[&subject=KEY]");
        }
        tenant = ServerConfig.ANONYMOUS_TENANT;
      }
      if (!PrivacyLedger.isValidTenant(tenant)) {
        throw new ApiException(422, "invalid_parameter",
            "tenant must match [A-Za-z0-9._-]{1,64}");
      }
    } else {
      if (subject != null || ctx.queryParams().contains("tenant")) {
        throw new ApiException(403, "operator_only", "subject and tenant budgets are for"
            + " operators: call with the operator key (setting operator_key)");
      }
      tenant = ctx.get(AccessLog.TENANT);
    }
    JsonObject body = new JsonObject()
        .put("tenant", tenant)
        .put("budget", tenantBudgets.budget(tenant))
        .put("spent", tenantBudgets.spent(tenant))
        .put("remaining", tenantBudgets.remaining(tenant));
    if (subject != null) {
      RewriteRequests.checkSubject(subject, "the query");
      if (!tenantBudgets.subjectAccounting()) {
        throw new ApiException(422, "subject_accounting_off", "subject accounting is off on this"
            + " server: the operator enables it by setting subject_secret (environment"
            + " DX_REWRITE_SUBJECT_SECRET)");
      }
      double spent = tenantBudgets.subjectSpent(tenant, subject);
      OptionalDouble limit = tenantBudgets.subjectBudget(tenant);
      JsonObject s = new JsonObject().put("spent", spent);
      if (limit.isPresent()) {
        s.put("budget", limit.getAsDouble())
            .put("remaining", Math.max(0, limit.getAsDouble() - spent));
      }
      body.put("subject", s);
    }
    json(ctx, 200, body);
  }

  /**
   * @param ctx {@code GET /health/live}
   */
  public void live(RoutingContext ctx) {
    json(ctx, 200, new JsonObject().put("status", "up"));
  }

  /**
   * @param ctx {@code GET /health/ready}: 200 once the store and index are loaded, else 503
   */
  public void ready(RoutingContext ctx) {
    RewriteEngine.Status s = engine.status();
    json(ctx, s == RewriteEngine.Status.READY ? 200 : 503,
        new JsonObject().put("status", switch (s) {
          case READY -> "ready";
          case LOADING -> "loading";
          case FAILED -> "failed";
        }));
  }

  /**
   * @param ctx {@code GET /metrics}: Prometheus text format
   */
  public void metrics(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape());
  }

  /**
   * @param ctx {@code GET /openapi.yaml}
   */
  public void openapi(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(spec);
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body.toBuffer());
  }
}
