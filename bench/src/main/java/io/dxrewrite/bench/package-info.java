/**
 * Benchmark harnesses (not tests): dx-rewrite's own CMP rewriting timed side by side with the numpy
 * reference ({@code bench/reference/cmp_numpy.py}) in one run, with the machine's FMA peak and the
 * process's peak RSS for context. Results are recorded in {@code bench/RESULTS.md}; entry point
 * {@link io.dxrewrite.bench.LibraryRun}, started by {@code dx-rewrite bench}.
 */
package io.dxrewrite.bench;
