package io.dxrewrite.server.playground;

import io.vertx.core.http.HttpServerResponse;

/**
 * The response headers of the playground page and its assets: a strict Content-Security-Policy
 * (scripts, styles, images and API calls from this origin only; no inline script or style, no
 * {@code eval}, no framing, no form posts, no base URL), {@code X-Content-Type-Options: nosniff}
 * and {@code Referrer-Policy: no-referrer}.
 */
public final class SecurityHeaders {
  /** The Content-Security-Policy of every playground response. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self';"
      + " style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none';"
      + " form-action 'none'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /**
   * @param response a playground response, before its head is written
   */
  public static void apply(HttpServerResponse response) {
    response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader("Cross-Origin-Resource-Policy", "same-origin")
        .putHeader("Cache-Control", "no-cache");
  }
}
