/**
 * The Vert.x HTTP anonymization API: {@link io.dxrewrite.server.DxRewriteServer} (start, graceful
 * shutdown), its settings {@link io.dxrewrite.server.ServerConfig} (defaults, config file,
 * {@code DX_REWRITE_*} environment, command line; TLS with PEM files) and
 * {@link io.dxrewrite.server.ServerMain}. Only HTTP concerns live in this module; rewriting is
 * {@link io.dxrewrite.rewrite.Rewriter}'s.
 */
package io.dxrewrite.server;
