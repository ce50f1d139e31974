package io.dxrewrite.server.playground;

import io.dxrewrite.server.observability.AccessLog;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser playground: one page at {@code /} and {@code /playground}, its assets at {@code
 * /playground/NAME}, all read once from the jar's classpath ({@link #RESOURCES}) and served with
 * {@link SecurityHeaders}; nothing is loaded from another origin. The page calls the public API
 * ({@code /v1/mechanisms}, {@code /v1/rewrite}, {@code /v1/budget}, {@code /v1/nw-curve}) and reads
 * {@code /playground/settings.json}: whether API keys are needed and the server's text limits.
 * Mounted only when the {@code playground} setting is on.
 */
public final class PlaygroundRoutes {
  /** Classpath folder of the page and its assets. */
  public static final String RESOURCES = "io/dxrewrite/server/playground/";

  /** The assets by file name, with their content types. */
  private static final Map<String, String> ASSETS = Map.of(
      "index.html", "text/html; charset=utf-8",
      "playground.css", "text/css; charset=utf-8",
      "api.js", "text/javascript; charset=utf-8",
      "chart.js", "text/javascript; charset=utf-8",
      "render.js", "text/javascript; charset=utf-8",
      "app.js", "text/javascript; charset=utf-8",
      "icon.svg", "image/svg+xml");

  private final Map<String, Buffer> contents = new LinkedHashMap<>();
  private final Buffer settings;

  /**
   * @param authEnabled whether the API needs a key (the page then shows the key field)
   * @param maxTextChars the server's most characters per text
   * @param maxTexts the server's most texts per request
   * @throws IllegalStateException if an asset is missing from the classpath
   */
  public PlaygroundRoutes(boolean authEnabled, int maxTextChars, int maxTexts) {
    for (String name : ASSETS.keySet()) {
      contents.put(name, read(name));
    }
    settings = new JsonObject().put("auth", authEnabled).put("max_text_chars", maxTextChars)
        .put("max_texts", maxTexts).toBuffer();
  }

  /**
   * Adds the page's routes (GET only) to the API router.
   *
   * @param router the API router
   */
  public void mount(Router router) {
    router.get("/").handler(ctx -> serve(ctx, "/", "index.html"));
    router.get("/playground").handler(ctx -> serve(ctx, "/playground", "index.html"));
    router.get("/playground/").handler(ctx -> serve(ctx, "/playground", "index.html"));
    router.get("/playground/settings.json").handler(ctx -> {
      ctx.put(AccessLog.ROUTE, "/playground/settings.json");
      SecurityHeaders.apply(ctx.response());
      ctx.response().putHeader("Content-Type", "application/json").end(settings);
    });
    for (String name : ASSETS.keySet()) {
      router.get("/playground/" + name).handler(ctx -> serve(ctx, "/playground/{asset}", name));
    }
  }

  private void serve(RoutingContext ctx, String route, String name) {
    ctx.put(AccessLog.ROUTE, route);
    SecurityHeaders.apply(ctx.response());
    ctx.response().putHeader("Content-Type", ASSETS.get(name)).end(contents.get(name));
  }

  private static Buffer read(String name) {
    try (InputStream in =
        PlaygroundRoutes.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCES + name, e);
    }
  }
}
