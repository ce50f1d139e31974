package io.dxrewrite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's assumed single-precision FMA peak: cores x clock x FLOPs per cycle, with 64
 * FLOP/cycle for AVX-512 (two 16-lane FMA units), 32 for AVX2 with FMA, 8 otherwise. The clock is
 * the "cpu MHz" of {@code /proc/cpuinfo} (the nominal clock; turbo can exceed it).
 *
 * @param cores available processors
 * @param gigahertz clock in GHz
 * @param flopsPerCycle single-precision FLOPs per cycle per core
 * @param simd the widest SIMD extension found: "avx512f", "avx2+fma" or "none"
 * @param flags the CPU flags line
 */
public record MachinePeak(int cores, double gigahertz, int flopsPerCycle, String simd, String flags) {
  /**
   * @return the peak in GFLOP/s
   */
  public double gflops() {
    return cores * gigahertz * flopsPerCycle;
  }

  /**
   * @return a one-line description of the assumption
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%d cores x %.2f GHz x %d FLOP/cycle (%s) = %.0f GFLOP/s",
        cores, gigahertz, flopsPerCycle, simd, gflops());
  }

  /**
   * @return the peak of this machine, from {@code /proc/cpuinfo}
   */
  public static MachinePeak detect() {
    String flags = "";
    double mhz = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("flags") && flags.isEmpty()) {
          flags = line.substring(line.indexOf(':') + 1).trim();
        } else if (line.startsWith("cpu MHz") && mhz == 0) {
          mhz = Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // unknown machine: peak reported as 0
    }
    String padded = " " + flags + " ";
    String simd;
    int perCycle;
    if (padded.contains(" avx512f ")) {
      simd = "avx512f";
      perCycle = 64;
    } else if (padded.contains(" avx2 ") && padded.contains(" fma ")) {
      simd = "avx2+fma";
      perCycle = 32;
    } else {
      simd = "none";
      perCycle = 8;
    }
    return new MachinePeak(Runtime.getRuntime().availableProcessors(), mhz / 1000, perCycle, simd, flags);
  }
}
