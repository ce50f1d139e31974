package io.dxrewrite.server.api;

import io.dxrewrite.rewrite.RewriteOptions;
import io.dxrewrite.rewrite.RewriteResult;
import io.dxrewrite.server.observability.AccessLog;
import io.dxrewrite.server.rewrite.RewriteEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import java.time.Duration;
import java.util.List;

/**
 * {@code POST /v1/rewrite}: one text or a batch, rewritten on the worker pool, charged to the
 * tenant's ledger (and each record to its data subject, if given), answered {@code {"results": [...], "request_id": ...}}. A per-request deadline
 * answers 503 with {@code Retry-After} and charges nothing.
 */
public final class RewriteHandler {
  private final RewriteEngine engine;
  private final RewriteRequests requests;
  private final ChargedRewrite charged;
  private final Duration deadline;

  /**
   * @param engine the loaded (or loading) engine
   * @param requests request parsing and limits
   * @param charged rewrite-then-charge
   * @param deadline the per-request deadline
   */
  public RewriteHandler(
      RewriteEngine engine, RewriteRequests requests, ChargedRewrite charged, Duration deadline) {
    this.engine = engine;
    this.requests = requests;
    this.charged = charged;
    this.deadline = deadline;
  }

  /**
   * @param ctx the validated request
   */
  public void handle(RoutingContext ctx) {
    Readiness.require(engine);
    ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    JsonObject body = validated.getBody().getJsonObject();
    List<String> texts = requests.texts(body);
    List<String> subjects = requests.subjects(body, texts.size());
    RewriteOptions options = requests.options(body);
    boolean marks = Boolean.TRUE.equals(body.getBoolean("marks"));
    String tenant = ctx.get(AccessLog.TENANT);
    String requestId = ctx.get(AccessLog.REQUEST_ID);

    Deadline race = new Deadline();
    long timer = ctx.vertx().setTimer(deadline.toMillis(), id -> {
      if (race.tryExpire() && !ctx.response().ended()) {
        ctx.fail(Errors.deadline());
      }
    });
    charged.run(engine.service(), tenant, requestId,
            new ChargedRewrite.Records(texts, subjects, 0, i -> "text " + i), options, race)
        .onComplete(ar -> {
          ctx.vertx().cancelTimer(timer);
          if (ctx.response().ended() || ctx.failed()) {
            return;
          }
          if (ar.failed()) {
            ctx.fail(ar.cause());
            return;
          }
          JsonArray results = new JsonArray();
          for (RewriteResult r : ar.result().results()) {
            results.add(ResultJson.result(r, marks));
          }
          ctx.response()
              .putHeader("Content-Type", "application/json")
              .end(new JsonObject()
                  .put("results", results)
                  .put("request_id", requestId)
                  .put("total_epsilon", ar.result().epsilon())
                  .put("remaining_epsilon", ar.result().remaining())
                  .toBuffer());
        });
  }
}
