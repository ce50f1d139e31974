/**
 * The access log (one line per request, no request text) and the Prometheus metrics (Micrometer),
 * whose labels are never derived from request text.
 */
package io.dxrewrite.server.observability;
