package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.DxPreconditions;

/**
 * Registers {@link SimdExactIndex} as {@code --index simd}, the first choice of {@code --index
 * auto} (through {@link java.util.ServiceLoader}; {@link IndexKind} is the only caller). The index
 * uses one worker thread per available processor.
 */
public final class SimdIndexProvider implements IndexProvider {
  /** The module the Vector API lives in; the JVM must be started with {@code --add-modules} it. */
  static final String VECTOR_MODULE = "jdk.incubator.vector";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public SimdIndexProvider() {}

  /**
   * @return {@code "simd"}
   */
  @Override
  public String kind() {
    return "simd";
  }

  /**
   * {@inheritDoc}
   *
   * @return a {@link SimdExactIndex} over {@code store} with one thread per available processor
   * @throws io.dxrewrite.error.InvalidParameterException if the JVM lacks {@code --add-modules
   *     jdk.incubator.vector}
   */
  @Override
  public NearestNeighbourIndex create(EmbeddingStore store) {
    checkAvailable();
    return new SimdExactIndex(store, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Checks that the Vector API module is present in this JVM's boot layer.
   *
   * @throws io.dxrewrite.error.InvalidParameterException if the JVM lacks {@code --add-modules
   *     jdk.incubator.vector}
   */
  @Override
  public void checkAvailable() {
    checkVectorApi(kind());
  }

  /**
   * @return the vector width and register block of this machine ({@link
   *     SimdConfiguration#describe()})
   * @throws io.dxrewrite.error.InvalidParameterException if the JVM lacks {@code --add-modules
   *     jdk.incubator.vector}
   */
  @Override
  public String describe() {
    checkAvailable();
    return SimdConfiguration.detect().describe();
  }

  /**
   * @param kind the {@code --index} name asked for, for the message
   * @throws io.dxrewrite.error.InvalidParameterException if the JVM lacks {@code --add-modules
   *     jdk.incubator.vector}
   */
  static void checkVectorApi(String kind) {
    DxPreconditions.checkArgument(
        ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent(),
        "--index " + kind + " needs the JVM flag --add-modules " + VECTOR_MODULE);
  }
}
