package io.dxrewrite.nn;

import io.dxrewrite.embeddings.EmbeddingStore;

/**
 * Registers {@link PrunedExactIndex} as {@code --index simd-pruned} (through {@link
 * java.util.ServiceLoader}; {@link IndexKind} is the only caller): the Vector API over a copy of
 * the store rotated onto its principal axes, a dense first stage over the leading
 * {@value PrunedExactIndex#DEFAULT_LEAD} coordinates (a store of smaller dimension gets every
 * coordinate but one) and later stages of {@value PrunedExactIndex#STAGE_STEP} coordinates for the
 * words a lower bound cannot yet rule out, with one worker thread per available processor. Exact
 * like {@link SimdExactIndex}; not the default, because on CMP noise it runs at 0.94-0.98x of the
 * brute force (bench/RESULTS.md, issue 17).
 */
public final class SimdPrunedIndexProvider implements IndexProvider {
  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public SimdPrunedIndexProvider() {}

  /**
   * @return {@code "simd-pruned"}
   */
  @Override
  public String kind() {
    return "simd-pruned";
  }

  /**
   * {@inheritDoc}
   *
   * @return a {@link PrunedExactIndex} over {@code store} ({@code float[V*d]} row-major), its
   *     rotated copy on the heap (about {@code 4 V d} bytes more)
   * @throws io.dxrewrite.error.InvalidParameterException if the JVM lacks {@code --add-modules
   *     jdk.incubator.vector}
   */
  @Override
  public NearestNeighbourIndex create(EmbeddingStore store) {
    checkAvailable();
    return new PrunedExactIndex(
        store,
        Runtime.getRuntime().availableProcessors(),
        Math.max(1, Math.min(PrunedExactIndex.DEFAULT_LEAD, store.dimension() - 1)));
  }

  /**
   * Checks that the Vector API module is present in this JVM's boot layer.
   *
   * @throws io.dxrewrite.error.InvalidParameterException if the JVM lacks {@code --add-modules
   *     jdk.incubator.vector}
   */
  @Override
  public void checkAvailable() {
    SimdIndexProvider.checkVectorApi(kind());
  }

  /**
   * @return the SIMD kernel's width and block ({@link SimdConfiguration#describe()}) and the lead
   */
  @Override
  public String describe() {
    checkAvailable();
    return SimdConfiguration.detect().describe() + ", pruned on " + PrunedExactIndex.DEFAULT_LEAD
        + " leading principal coordinates";
  }
}
