package io.dxrewrite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.dxrewrite.nn.FmaPeak;
import java.util.Locale;

/**
 * The machine's single-precision FMA peak, two ways: assumed (cores x clock x FLOPs per cycle, with
 * 64 FLOP/cycle for AVX-512 (two 16-lane FMA units), 32 for AVX2 with FMA, 8 otherwise; the clock
 * is the "cpu MHz" of {@code /proc/cpuinfo}, the nominal clock, which turbo exceeds) and measured
 * ({@link FmaPeak}: register-only FMA chains on every core at the preferred vector width). The
 * measured figure is the one "% of peak" uses when there is one.
 *
 * @param cores available processors
 * @param gigahertz nominal clock in GHz
 * @param flopsPerCycle single-precision FLOPs per cycle per core
 * @param simd the widest SIMD extension found: "avx512f", "avx2+fma" or "none"
 * @param flags the CPU flags line
 * @param measuredGflops the measured peak in GFLOP/s, 0 when not measured (no Vector API)
 * @param measuredBits the vector width of the measurement in bits, 0 when not measured
 */
public record MachinePeak(
    int cores, double gigahertz, int flopsPerCycle, String simd, String flags, double measuredGflops, int measuredBits) {
  /**
   * @return the peak "% of peak" is taken against, in GFLOP/s: the measured one, else the assumed
   */
  public double gflops() {
    return measuredGflops > 0 ? measuredGflops : assumedGflops();
  }

  /**
   * @return the assumed peak in GFLOP/s (nominal clock)
   */
  public double assumedGflops() {
    return cores * gigahertz * flopsPerCycle;
  }

  /**
   * @return a one-line description of both figures
   */
  public String describe() {
    String assumed =
        String.format(
            Locale.ROOT,
            "assumed %d cores x %.2f GHz x %d FLOP/cycle (%s) = %.0f GFLOP/s",
            cores, gigahertz, flopsPerCycle, simd, assumedGflops());
    if (measuredGflops <= 0) {
      return assumed + " (not measured: no Vector API; % of peak uses the assumed figure)";
    }
    return String.format(
        Locale.ROOT,
        "measured %.0f GFLOP/s (register-only FMA chains, %d threads, %d-bit vectors; %% of peak uses it); %s",
        measuredGflops, cores, measuredBits, assumed);
  }

  /**
   * @return this machine's assumed peak plus the measured one ({@link FmaPeak}, about 1 s)
   * @throws IllegalStateException if interrupted while measuring
   */
  public static MachinePeak measure() {
    MachinePeak assumed = detect();
    double gflops = FmaPeak.measureGflops(assumed.cores(), 50_000_000L, 5);
    return new MachinePeak(
        assumed.cores(), assumed.gigahertz(), assumed.flopsPerCycle(), assumed.simd(), assumed.flags(),
        gflops, FmaPeak.vectorBits());
  }

  /**
   * Prints {@link #measure()}: {@code java --add-modules jdk.incubator.vector -cp
   * bench/target/benchmarks.jar io.dxrewrite.bench.MachinePeak} (add {@code -XX:UseAVX=2} for the
   * peak of AVX2 code: 256-bit vectors and 16 registers, as an AVX2 machine runs it).
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.out.println(measure().describe());
  }

  /**
   * @return the assumed peak of this machine, from {@code /proc/cpuinfo} (not measured)
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
    return new MachinePeak(Runtime.getRuntime().availableProcessors(), mhz / 1000, perCycle, simd, flags, 0, 0);
  }
}
