package io.dxrewrite.server.api;

import io.dxrewrite.server.rewrite.RewriteEngine;
import io.vertx.core.json.JsonObject;

/** Fails requests that need the embeddings while they are still loading. */
final class Readiness {
  private Readiness() {}

  /**
   * @throws ApiException 503 {@code not_ready} with {@code Retry-After} unless the engine is ready
   */
  static void require(RewriteEngine engine) {
    if (engine.status() != RewriteEngine.Status.READY) {
      throw new ApiException(503, "not_ready",
          "the embeddings are " + (engine.status() == RewriteEngine.Status.LOADING
              ? "still loading; retry shortly" : "not loaded (see the server log)"),
          new JsonObject(), 2);
    }
  }
}
