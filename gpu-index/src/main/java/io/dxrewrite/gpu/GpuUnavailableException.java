package io.dxrewrite.gpu;

import io.dxrewrite.error.ErrorKind;

/**
 * The GPU index cannot run on this machine: its native library is not packaged for this platform
 * or fails to load, no NVIDIA driver is installed, no CUDA device is present, or the device is too
 * old (bf16 tensor cores need compute capability 8.0). The message says which and what to do. The
 * CPU indexes ({@code --index simd}, {@code --index nd4j}) do not need any of this. Kind {@link
 * ErrorKind#USAGE}: the caller chose an index this machine cannot run, found before any work.
 */
public class GpuUnavailableException extends GpuException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which requirement is missing
   */
  public GpuUnavailableException(String message) {
    super(ErrorKind.USAGE, message, null);
  }

  /**
   * @param message which requirement is missing
   * @param cause the underlying failure (e.g. {@link UnsatisfiedLinkError})
   */
  public GpuUnavailableException(String message, Throwable cause) {
    super(ErrorKind.USAGE, message, cause);
  }
}
