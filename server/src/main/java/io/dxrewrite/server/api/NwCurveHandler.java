package io.dxrewrite.server.api;

import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.server.rewrite.NwCurves;
import io.dxrewrite.server.rewrite.RewriteEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/nw-curve?mechanism=NAME}: the median N_w of a mechanism against epsilon per word
 * on the loaded store ({@link NwCurves}), computed once in the background; {@code 503 calibrating}
 * with {@code Retry-After} until then. Reads public vocabulary words only and charges nothing.
 */
public final class NwCurveHandler {
  /** Seconds a client is asked to wait while a curve is computed. */
  static final int RETRY_AFTER_SECONDS = 3;

  private final RewriteEngine engine;
  private final NwCurves curves;

  /**
   * @param engine the engine, for readiness
   * @param curves the background curves of the loaded store
   */
  public NwCurveHandler(RewriteEngine engine, NwCurves curves) {
    this.engine = engine;
    this.curves = curves;
  }

  /**
   * @param ctx the request
   * @throws ApiException 503 {@code not_ready} while the store loads, 422 {@code
   *     unknown_mechanism} or {@code withdrawn_mechanism}, 503 {@code calibrating} while the curve
   *     is computed
   */
  public void handle(RoutingContext ctx) {
    Readiness.require(engine);
    String name = ctx.queryParams().get("mechanism");
    String mechanism = name == null ? "cmp" : name;
    if (Mechanisms.withdrawalReason(mechanism).isPresent()) {
      throw new ApiException(422, "withdrawn_mechanism", Mechanisms.withdrawalReason(mechanism).get());
    }
    if (!Mechanisms.names().contains(mechanism)) {
      throw new ApiException(422, "unknown_mechanism",
          "unknown mechanism; allowed: " + String.join(", ", Mechanisms.names()));
    }
    NwCurves.State state = curves.lookup(mechanism);
    if (!(state instanceof NwCurves.Ready ready)) {
      throw new ApiException(503, "calibrating", "the median N_w curve of this mechanism is being"
          + " computed; retry shortly", new JsonObject(), RETRY_AFTER_SECONDS);
    }
    JsonArray points = new JsonArray();
    for (NwCurves.Point p : ready.curve().points()) {
      points.add(new JsonObject().put("epsilon", p.epsilon()).put("median_nw", p.medianNw()));
    }
    ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject()
            .put("mechanism", mechanism)
            .put("words", ready.curve().words())
            .put("trials", ready.curve().trials())
            .put("points", points)
            .toBuffer());
  }
}
