/**
 * The HTTP endpoints: the router built from {@code openapi.yaml} (which validates requests), the
 * handlers of {@code /v1/rewrite}, {@code /v1/rewrite/stream} and the read-only endpoints, request
 * limits, the deadline-versus-charge race, and the mapping of every failure to an error body that never
 * quotes request text.
 */
package io.dxrewrite.server.api;
