package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;

/**
 * A nearest-neighbour index implementation that lives in another module and is found with {@link
 * java.util.ServiceLoader}, so that this module does not depend on it: the SIMD kernel in {@code
 * index-simd}, the ND4J kernel in {@code index-nd4j}, the GPU index in {@code gpu-index}. Each
 * module lists its provider in {@code META-INF/services/io.dxrewrite.nn.IndexProvider}; {@link
 * IndexKind} is the only caller.
 */
public interface IndexProvider {
  /**
   * @return the {@code --index} name this provider answers to ({@link IndexKind#cliName()}), e.g.
   *     {@code "gpu"}
   */
  String kind();

  /**
   * Builds the index over {@code store}.
   *
   * @param store the embedding ({@code float[V*d]} row-major matrix)
   * @return an exact index returning the ids of the float64 brute force
   * @throws io.dxrewrite.error.DxRewriteException with a clear message when the implementation
   *     cannot run here (no device, no driver, no native library)
   */
  NearestNeighbourIndex create(EmbeddingStore store);

  /**
   * Checks, without building an index, that this implementation can run here (device, driver,
   * native library, settings), so that a server refuses a bad {@code index} setting before it binds
   * a port or opens its ledger. The default does nothing.
   *
   * @throws io.dxrewrite.error.DxRewriteException with the same message {@link
   *     #create(EmbeddingStore)} would give when the implementation cannot run here
   */
  default void checkAvailable() {}

  /**
   * @return a one-line description of how this implementation runs on this machine (for the SIMD
   *     kernel: its vector width and register block), printed by {@code info} and {@code bench};
   *     the default is {@link #kind()}
   * @throws io.dxrewrite.error.DxRewriteException as {@link #checkAvailable()} when the
   *     implementation cannot run here
   */
  default String describe() {
    checkAvailable();
    return kind();
  }
}
