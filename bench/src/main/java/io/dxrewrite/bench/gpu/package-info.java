/**
 * The GPU index's verification run ({@code gpu/verify.sh}): exactness of the GPU top-k against a
 * float64 brute force, and its speed against the CPU kernels on the same process; results in
 * {@code gpu/RESULTS.md}.
 */
package io.dxrewrite.bench.gpu;
