package io.dxrewrite.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the GPU index's JNI library once, and only when the GPU index is chosen.
 *
 * <p>The library is packaged in the {@code gpu-index} jar as {@code /native/PLATFORM/libdxgpu.so}
 * (PLATFORM is e.g. {@code linux-x86_64}); it is copied to a private temporary file and loaded
 * from there. The system property {@value #LIBRARY_PROPERTY} names a library file to load instead
 * (used by {@code gpu/verify.sh} when it rebuilds the kernel on the GPU host). It links the CUDA
 * runtime statically and needs only the NVIDIA driver ({@code libcuda.so.1}) at run time; a
 * missing driver is reported on the first CUDA call, not here.
 */
public final class NativeLibrary {
  /** System property: path of a {@code libdxgpu.so} to load instead of the packaged one. */
  public static final String LIBRARY_PROPERTY = "dxrewrite.gpu.library";

  private static final String NAME = "libdxgpu.so";
  private static volatile boolean loaded;
  private static GpuUnavailableException failure;

  private NativeLibrary() {}

  /**
   * @return the platform folder name for this JVM, e.g. {@code linux-x86_64}
   */
  public static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osName = os.startsWith("linux") ? "linux" : os.replaceAll("[^a-z0-9]", "");
    String archName =
        switch (arch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch64";
          default -> arch.replaceAll("[^a-z0-9_]", "");
        };
    return osName + "-" + archName;
  }

  /**
   * @return the class-path resource the library is packaged as on this platform
   */
  public static String resourceName() {
    return "/native/" + platform() + "/" + NAME;
  }

  /**
   * Loads the library if it is not loaded yet. A failure is remembered and rethrown on later
   * calls (the JVM cannot retry a failed load of the same file cleanly).
   *
   * @throws GpuUnavailableException when the library is not packaged for this platform, cannot be
   *     extracted, or fails to load (the message says which, and how to build it)
   */
  public static synchronized void load() {
    if (loaded) {
      return;
    }
    if (failure != null) {
      throw failure;
    }
    try {
      String override = System.getProperty(LIBRARY_PROPERTY);
      Path file = override != null ? checkFile(override) : extract(resourceName());
      try {
        System.load(file.toAbsolutePath().toString());
      } catch (UnsatisfiedLinkError e) {
        throw new GpuUnavailableException(
            "the GPU index's native library could not be loaded: " + e.getMessage(), e);
      } finally {
        if (override == null) {
          deleteExtracted(file); // a loaded library stays mapped; nothing is left in /tmp
        }
      }
      loaded = true;
    } catch (GpuUnavailableException e) {
      failure = e;
      throw e;
    }
  }

  private static Path checkFile(String value) {
    if (value.isBlank()) {
      throw new GpuUnavailableException("-D" + LIBRARY_PROPERTY + " is empty; name a libdxgpu.so");
    }
    Path file = Path.of(value);
    if (!Files.isRegularFile(file)) {
      throw new GpuUnavailableException(
          "-D" + LIBRARY_PROPERTY + " names " + file + ", which is not a file");
    }
    return file;
  }

  private static void deleteExtracted(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.getParent());
    } catch (IOException e) {
      // the delete-on-exit registration remains as a fallback
    }
  }

  static Path extract(String resource) {
    try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new GpuUnavailableException(
            "the GPU index's native library is not packaged for "
                + platform()
                + " (no "
                + resource
                + " in the gpu-index jar: it was built without nvcc, with DX_REWRITE_SKIP_NATIVE=1,"
                + " or nvcc failed). Rebuild with nvcc on the PATH (mvn -B clean package), or build"
                + " it with gpu/build-native.sh DIR and pass -D"
                + LIBRARY_PROPERTY
                + "=DIR/native/"
                + platform()
                + "/libdxgpu.so; or use --index simd");
      }
      Path dir = Files.createTempDirectory("dx-rewrite-gpu");
      Path file = dir.resolve(NAME);
      dir.toFile().deleteOnExit(); // registered first: deleted last, after the file
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new GpuUnavailableException(
          "could not extract the GPU index's native library to a temporary folder: " + e, e);
    }
  }
}
