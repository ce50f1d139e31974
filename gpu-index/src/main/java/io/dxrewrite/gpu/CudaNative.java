package io.dxrewrite.gpu;

import java.nio.FloatBuffer;

/**
 * JNI entry points of {@code libdxgpu.so} ({@code gpu-index/src/main/cuda/dxgpu.cu}). Every method
 * throws {@link GpuException} (or {@link GpuUnavailableException}) on a CUDA error; none crashes
 * the JVM on one. Callers must have loaded the library with {@link NativeLibrary#load()}.
 */
final class CudaNative {
  private CudaNative() {}

  /**
   * @param device CUDA device ordinal
   * @return {@code name|major.minor|multiprocessors|bytes|runtimeVersion|driverVersion|deviceCount}
   */
  static native String probe(int device);

  /**
   * @return candidate slots per query in the screening kernel; more candidates than this make the
   *     query fall back to the CPU
   */
  static native int candidateCapacity();

  /**
   * @return queries per pipeline chunk (two chunks are in flight, so copies overlap compute)
   */
  static native int chunkSize();

  /**
   * Uploads the index: the float32 matrix, its bf16 tensor-core fragments and the norms.
   *
   * @param device CUDA device ordinal
   * @param matrix direct, native-order buffer of {@code float[V*d]}, row-major, from position 0
   * @param squaredNorms {@code float[V]}, ||w||^2 rounded to nearest
   * @param norms {@code float[V]}, ||w|| rounded up
   * @param v V
   * @param d d, at most {@value GpuNearestNeighbourIndex#MAX_DIMENSION}
   * @param warpsPerBlock warps per thread block of the screening kernel, 4, 8 or 16 (each warp screens
   *     32 queries; a block's warps share every matrix tile through L1)
   * @return an opaque handle for {@link #search} and {@link #destroy}
   */
  static native long create(
      int device,
      FloatBuffer matrix,
      float[] squaredNorms,
      float[] norms,
      int v,
      int d,
      int warpsPerBlock);

  /**
   * Exact top-k (k = 1 or 2) for {@code count} queries.
   *
   * @param handle from {@link #create}
   * @param queries {@code float[count*d]}, row-major
   * @param count number of queries
   * @param k 1 or 2
   * @param a {@code float[count]}: per-query bound coefficient of ||w||
   * @param c {@code float[count]}: per-query constant term of the bound
   * @param b bound coefficient of ||w||^2
   * @param ids out, {@code int[count*k]}
   * @param status out, {@code int[count]}: 0 exact result, 1 candidate overflow, 2 internal error
   * @param candidates out, {@code int[count]}: candidates screened in per query
   */
  static native void search(
      long handle,
      float[] queries,
      int count,
      int k,
      float[] a,
      float[] c,
      float b,
      int[] ids,
      int[] status,
      int[] candidates);

  /**
   * Frees the device memory, pinned buffers and streams of {@code handle}.
   *
   * @param handle from {@link #create}
   */
  static native void destroy(long handle);
}
