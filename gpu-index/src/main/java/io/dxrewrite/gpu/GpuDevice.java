package io.dxrewrite.gpu;

/**
 * What the CUDA runtime reports about one device.
 *
 * @param ordinal CUDA device ordinal
 * @param name e.g. "NVIDIA H200"
 * @param computeCapability e.g. "9.0"
 * @param multiprocessors streaming multiprocessors
 * @param memoryBytes device memory in bytes
 * @param runtimeVersion CUDA runtime version as an integer (13000 = 13.0)
 * @param driverVersion highest CUDA version the driver supports, same encoding
 * @param deviceCount devices visible to this process
 */
public record GpuDevice(
    int ordinal,
    String name,
    String computeCapability,
    int multiprocessors,
    long memoryBytes,
    int runtimeVersion,
    int driverVersion,
    int deviceCount) {

  /**
   * Loads the native library and asks the driver about device {@code ordinal}.
   *
   * @param ordinal CUDA device ordinal, {@code >= 0}
   * @return the device
   * @throws GpuUnavailableException when the library, the driver or the device is missing (the
   *     message says which)
   */
  public static GpuDevice probe(int ordinal) {
    NativeLibrary.load();
    String[] f = CudaNative.probe(ordinal).split("\\|");
    return new GpuDevice(
        ordinal,
        f[0],
        f[1],
        Integer.parseInt(f[2]),
        Long.parseLong(f[3]),
        Integer.parseInt(f[4]),
        Integer.parseInt(f[5]),
        Integer.parseInt(f[6]));
  }

  /**
   * @return one line for logs and reports, e.g. "NVIDIA H200 (cc 9.0, 132 SMs, 140 GiB, CUDA
   *     runtime 13.0, driver 13.0)"
   */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%s (cc %s, %d SMs, %.0f GiB, CUDA runtime %d.%d, driver %d.%d)",
        name,
        computeCapability,
        multiprocessors,
        memoryBytes / (double) (1L << 30),
        runtimeVersion / 1000,
        runtimeVersion % 1000 / 10,
        driverVersion / 1000,
        driverVersion % 1000 / 10);
  }
}
