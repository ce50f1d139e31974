package io.dxrewrite.nn;

import java.util.Locale;
import jdk.incubator.vector.FloatVector;

/**
 * The vector width and register block {@link SimdExactIndex} runs with, decided once at start
 * from the JVM's preferred float species and the machine's vector register count.
 *
 * <p>The register count is not visible to Java; it follows from the architecture: x86 has 32
 * vector registers when the JVM uses AVX-512 (preferred species of 512 bits) and 16 otherwise
 * (AVX2, SSE); AArch64 has 32. The block is then {@link BlockShape#forRegisters}: 4x4 with 32
 * registers, 4x3 with 16 (the 4x4 block of 21 live vectors spilled on AVX2 and ran at 44% of the
 * FMA peak instead of 54%, issue 17).
 *
 * @param bits vector width in bits (128, 256 or 512)
 * @param registers vector registers assumed
 * @param shape the register block
 */
public record SimdConfiguration(int bits, int registers, BlockShape shape) {
  /**
   * @return the configuration for this machine: the preferred species and the block that fits
   */
  public static SimdConfiguration detect() {
    int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    int registers = arch.contains("aarch64") || bits >= 512 ? 32 : 16;
    return new SimdConfiguration(bits, registers, BlockShape.forRegisters(registers));
  }

  /**
   * A forced width and block (tests, benchmarks); widths above the hardware's run in the Vector
   * API's slow Java fallback.
   *
   * @param bits 128, 256 or 512
   * @param shape the block
   * @return the configuration
   * @throws IllegalArgumentException for another width
   */
  public static SimdConfiguration forced(int bits, BlockShape shape) {
    if (bits != 128 && bits != 256 && bits != 512) {
      throw new IllegalArgumentException("vector width must be 128, 256 or 512 bits, got " + bits);
    }
    return new SimdConfiguration(bits, 0, shape);
  }

  /**
   * @return float lanes per vector, {@code bits / 32}
   */
  public int lanes() {
    return bits / 32;
  }

  /**
   * @return vocabulary rows per tile, {@code R * lanes}
   */
  public int rowsPerTile() {
    return shape.vectors() * lanes();
  }

  /**
   * @return one line for {@code bench} and {@code info}, e.g. "512-bit vectors (16 floats), 32
   *     registers: block 4 queries x 4 vectors (64 rows per tile)"
   */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%d-bit vectors (%d floats), %s: block %d queries x %d vectors (%d rows per tile)",
        bits,
        lanes(),
        registers == 0 ? "forced" : registers + " registers",
        shape.queries(),
        shape.vectors(),
        rowsPerTile());
  }
}
