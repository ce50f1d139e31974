/**
 * Benchmark harness (not a test): the time of one DP-SGD step against one non-private step at the
 * same expected batch size, side by side in one process.
 */
package io.dxrewrite.nlu.bench;
