/**
 * Exact nearest-neighbour search over the rows of an embedding matrix {@code [V x d]}: the
 * {@link io.dxrewrite.nn.NearestNeighbourIndex} interface, the kernels (SIMD Java, ND4J GEMM, the
 * float64 brute force), the {@link io.dxrewrite.nn.IndexProvider} through which other modules add
 * kernels, and the rounding-error bounds that make float32 screening exact. Every kernel returns the
 * ids of the float64 brute force (Euclidean distance, ties to the lowest id).
 */
package io.dxrewrite.nn;
