package io.dxrewrite.server.api;

import io.dxrewrite.server.rewrite.RewriteEngine;
import io.vertx.core.json.JsonObject;

/** Fails requests that need the embeddings while they are still loading. */
final class Readiness {
  private Readiness() {}

  /**
   * @throws ApiException 503 {@code not_ready}: with {@code Retry-After} while loading; without it
   *     when loading failed (a configuration error that retrying cannot fix)
   */
  static void require(RewriteEngine engine) {
    if (engine.status() == RewriteEngine.Status.LOADING) {
      throw new ApiException(503, "not_ready", "the embeddings are still loading; retry shortly",
          new JsonObject(), 2);
    }
    if (engine.status() != RewriteEngine.Status.READY) {
      throw new ApiException(503, "not_ready",
          "the server could not load its embeddings or index at start-up (see the server log);"
              + " fix the configuration and restart it",
          new JsonObject(), null);
    }
  }
}
