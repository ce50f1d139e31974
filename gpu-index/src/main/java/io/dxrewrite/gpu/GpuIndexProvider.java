package io.dxrewrite.gpu;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.nn.IndexKind;
import io.dxrewrite.nn.IndexProvider;
import io.dxrewrite.nn.NearestNeighbourIndex;

/**
 * Registers {@link GpuNearestNeighbourIndex} as {@code --index gpu} (through {@link
 * java.util.ServiceLoader}). The device is chosen by the system property {@value #DEVICE_PROPERTY}
 * (default 0); the CPU fallback for k > 2 and overflow is {@link IndexKind#AUTO} (the SIMD kernel of
 * {@code index-simd}, a runtime dependency of this module).
 */
public final class GpuIndexProvider implements IndexProvider {
  /** System property: CUDA device ordinal of the GPU index. */
  public static final String DEVICE_PROPERTY = "dxrewrite.gpu.device";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public GpuIndexProvider() {}

  @Override
  public String kind() {
    return "gpu";
  }

  /**
   * {@inheritDoc}
   *
   * @throws GpuUnavailableException when no usable GPU, driver or native library is present
   * @throws io.dxrewrite.error.InvalidParameterException when {@value #DEVICE_PROPERTY} is not a
   *     non-negative integer
   */
  @Override
  public NearestNeighbourIndex create(EmbeddingStore store) {
    return new GpuNearestNeighbourIndex(store, ordinal(), () -> IndexKind.AUTO.create(store));
  }

  /**
   * Probes the device of {@value #DEVICE_PROPERTY} (loads the native library, asks the driver)
   * without copying any matrix.
   *
   * @throws GpuUnavailableException when no usable GPU, driver or native library is present
   * @throws io.dxrewrite.error.InvalidParameterException when {@value #DEVICE_PROPERTY} is not a
   *     non-negative integer
   */
  @Override
  public void checkAvailable() {
    GpuDevice.probe(ordinal());
  }

  private static int ordinal() {
    String value = System.getProperty(DEVICE_PROPERTY, "0");
    int ordinal;
    try {
      ordinal = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      ordinal = -1;
    }
    if (ordinal < 0) {
      throw new io.dxrewrite.error.InvalidParameterException(
          DEVICE_PROPERTY + " must be a CUDA device ordinal >= 0, got " + value);
    }
    return ordinal;
  }
}
