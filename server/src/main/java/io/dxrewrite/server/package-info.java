/**
 * The Vert.x HTTP anonymization API. Filled in by the HTTP API issue; it will call {@code
 * io.dxrewrite.rewrite.Rewriter} and hold only HTTP concerns.
 */
package io.dxrewrite.server;
