package io.dxrewrite.gpu;

import io.dxrewrite.error.DxRewriteException;
import io.dxrewrite.error.ErrorKind;

/**
 * A CUDA call of the GPU index failed (out of device memory, a kernel fault, a lost device). The
 * message names the call and CUDA's error name, e.g. {@code "cudaMalloc(matrix) failed: out of
 * memory (cudaErrorMemoryAllocation)"}. Thrown from native code through JNI; never a JVM crash.
 * Kind {@link ErrorKind#ENVIRONMENT}: the device failed the run, not the caller.
 */
public class GpuException extends DxRewriteException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the failed call and CUDA's error string
   */
  public GpuException(String message) {
    super(ErrorKind.ENVIRONMENT, message);
  }

  /**
   * @param message what failed
   * @param cause the underlying failure
   */
  public GpuException(String message, Throwable cause) {
    super(ErrorKind.ENVIRONMENT, message, cause);
  }

  /**
   * @param kind whose fault it is
   * @param message what failed
   * @param cause the underlying failure, or null
   */
  protected GpuException(ErrorKind kind, String message, Throwable cause) {
    super(kind, message, cause);
  }
}
