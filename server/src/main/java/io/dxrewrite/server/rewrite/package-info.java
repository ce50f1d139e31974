/**
 * The server's rewrite service: the store and index loaded once, a worker pool that batches
 * concurrent requests through {@link io.dxrewrite.rewrite.Rewriter#rewriteBatch}, and epsilons
 * calibrated to {@code target_nw} targets, computed once and cached.
 */
package io.dxrewrite.server.rewrite;
