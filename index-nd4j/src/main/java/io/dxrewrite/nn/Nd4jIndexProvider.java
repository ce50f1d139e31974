package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;

/**
 * Registers {@link Nd4jExactIndex} as {@code --index nd4j}, and as the fallback of {@code --index
 * auto} when the SIMD kernel cannot run (through {@link java.util.ServiceLoader}; {@link IndexKind}
 * is the only caller). ND4J unpacks and loads its native libraries (OpenBLAS) on the first index
 * built, not when the provider is found.
 */
public final class Nd4jIndexProvider implements IndexProvider {
  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public Nd4jIndexProvider() {}

  /**
   * @return {@code "nd4j"}
   */
  @Override
  public String kind() {
    return "nd4j";
  }

  /**
   * {@inheritDoc}
   *
   * @return a {@link Nd4jExactIndex} over {@code store}; logs one warning when {@code
   *     OPENBLAS_CORETYPE} is unset on AVX2/AVX-512 hardware ({@link OpenBlasCoreType})
   */
  @Override
  public NearestNeighbourIndex create(EmbeddingStore store) {
    return new Nd4jExactIndex(store);
  }
}
