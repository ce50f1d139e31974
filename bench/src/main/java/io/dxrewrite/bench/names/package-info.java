/**
 * The name-survival harness: how often a made-up name, a city and a common word survive a rewrite per
 * mechanism and epsilon; the figures of the "Choosing epsilon" guidance are regenerated from it.
 */
package io.dxrewrite.bench.names;
