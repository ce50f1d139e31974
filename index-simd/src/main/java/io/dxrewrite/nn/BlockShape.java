package io.dxrewrite.nn;

/**
 * The register blocks {@link SimdExactIndex} can run: Q queries x R SIMD vectors of vocabulary
 * rows. A block keeps {@code Q R} accumulators, R row loads and one query broadcast live, so it fits
 * without spilling when {@code Q R + R + 1} is at most the number of vector registers.
 */
public enum BlockShape {
  /** 4 queries x 4 vectors: 21 registers; for 32-register machines (AVX-512, AArch64). */
  Q4_R4(4, 4, "Block4x4Kernel"),
  /** 4 queries x 3 vectors: 16 registers; for 16-register machines (AVX2, SSE). */
  Q4_R3(4, 3, "Block4x3Kernel"),
  /** 2 queries x 4 vectors: 13 registers; a smaller block kept for comparison in the benchmarks. */
  Q2_R4(2, 4, "Block2x4Kernel");

  private final int queries;
  private final int vectors;
  private final String template;

  BlockShape(int queries, int vectors, String template) {
    this.queries = queries;
    this.vectors = vectors;
    this.template = template;
  }

  /**
   * @return Q, queries per block
   */
  public int queries() {
    return queries;
  }

  /**
   * @return R, SIMD vectors of rows per block
   */
  public int vectors() {
    return vectors;
  }

  /**
   * @return vector registers the block keeps live, {@code Q R + R + 1}
   */
  public int registers() {
    return queries * vectors + vectors + 1;
  }

  /**
   * @return the template class's simple name in this package
   */
  String template() {
    return template;
  }

  /**
   * The block with the most accumulators that fits a register file: 4x4 with 32 vector
   * registers, 4x3 with 16 (12 accumulators + 3 loads + 1 broadcast).
   *
   * @param registers vector registers of the machine, {@code >= 16}
   * @return the shape
   * @throws IllegalArgumentException if fewer than 16 registers
   */
  public static BlockShape forRegisters(int registers) {
    if (registers < Q4_R3.registers()) {
      throw new IllegalArgumentException("need at least 16 vector registers, got " + registers);
    }
    return registers >= Q4_R4.registers() ? Q4_R4 : Q4_R3;
  }

  /**
   * @param name "4x4", "4x3" or "2x4" (queries x vectors)
   * @return the shape
   * @throws IllegalArgumentException for another name
   */
  public static BlockShape fromName(String name) {
    for (BlockShape s : values()) {
      if (s.toString().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("block shape must be 4x4, 4x3 or 2x4");
  }

  /**
   * @return "QxR", e.g. "4x4"
   */
  @Override
  public String toString() {
    return queries + "x" + vectors;
  }
}
