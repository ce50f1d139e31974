/**
 * JMH benchmarks of the exact nearest-neighbour kernels (SIMD, ND4J, float64 brute force, GPU) on
 * CMP-like noisy queries (a word vector plus noise of a fixed Euclidean length), on the embedded store
 * and on a full-vocabulary store (real or synthetic, V = 341,479, d = 100). Scores are queries per
 * second, compared as ratios within one run.
 */
package io.dxrewrite.bench.jmh;
