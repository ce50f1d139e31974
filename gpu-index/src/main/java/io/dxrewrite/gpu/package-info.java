/**
 * The exact GPU index ({@code --index gpu}): a bf16 tensor-core screening kernel with a proven error
 * bound and a float64 rerank, in a CUDA JNI library loaded only when this index is chosen. Registered
 * through {@link io.dxrewrite.nn.IndexProvider}; needs an NVIDIA GPU of compute capability 8.0 or
 * later. Measurements in {@code gpu/RESULTS.md}.
 */
package io.dxrewrite.gpu;
