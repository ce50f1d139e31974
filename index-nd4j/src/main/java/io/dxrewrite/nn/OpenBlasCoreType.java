package io.dxrewrite.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ND4J 1.0.0-M2.1 bundles OpenBLAS 0.3.19, which detects current AVX-512 CPUs as "Prescott" and
 * then runs SGEMM about 3x slower. The {@code ./dx-rewrite} launcher sets {@code
 * OPENBLAS_CORETYPE} before the JVM starts; this class recommends the value from the CPU flags and
 * logs one warning when it is unset on such hardware (it cannot be set from inside the JVM).
 */
public final class OpenBlasCoreType {
  private static final Logger LOG = LoggerFactory.getLogger(OpenBlasCoreType.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private OpenBlasCoreType() {}

  /**
   * @return the core type to use for this CPU: "SkylakeX" with avx512f, "Haswell" with avx2, empty
   *     otherwise or when {@code /proc/cpuinfo} is unreadable
   */
  public static Optional<String> recommended() {
    try {
      String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
      for (String line : cpuinfo.split("\n")) {
        if (line.startsWith("flags")) {
          String flags = " " + line.substring(line.indexOf(':') + 1).trim() + " ";
          if (flags.contains(" avx512f ")) {
            return Optional.of("SkylakeX");
          }
          if (flags.contains(" avx2 ")) {
            return Optional.of("Haswell");
          }
          return Optional.empty();
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * @return the value of {@code OPENBLAS_CORETYPE} in force, or "unset"
   */
  public static String inForce() {
    String value = System.getenv("OPENBLAS_CORETYPE");
    return value == null || value.isBlank() ? "unset" : value;
  }

  /** Logs one warning per JVM when the variable is unset on AVX2/AVX-512 hardware. */
  public static void warnIfUnset() {
    if (!"unset".equals(inForce())) {
      return;
    }
    recommended()
        .ifPresent(
            type -> {
              if (WARNED.compareAndSet(false, true)) {
                LOG.warn(
                    "OPENBLAS_CORETYPE is unset on a CPU with {} support; ND4J's OpenBLAS may run"
                        + " GEMM ~3x slower. Start the JVM with OPENBLAS_CORETYPE={} (the"
                        + " ./dx-rewrite launcher does this).",
                    type.equals("SkylakeX") ? "AVX-512" : "AVX2",
                    type);
              }
            });
  }
}
