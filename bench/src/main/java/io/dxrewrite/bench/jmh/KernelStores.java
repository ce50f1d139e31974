package io.dxrewrite.bench.jmh;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.nn.BlockShape;
import io.dxrewrite.nn.BruteForceIndex;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.nn.NearestNeighbourIndex;
import io.dxrewrite.nn.PrunedExactIndex;
import io.dxrewrite.nn.SimdConfiguration;
import io.dxrewrite.nn.SimdExactIndex;
import java.nio.file.Path;

/** Stores and indexes for the kernel benchmarks. */
final class KernelStores {
  /** Seed of the synthetic store. */
  static final long SYNTHETIC_SEED = 20261129L;

  private KernelStores() {}

  /**
   * @param path a store file, or empty to use the system property {@code dx.bench.store}, or,
   *     when that is unset too, a synthetic store of the GloVe shape
   * @return the opened store
   */
  static EmbeddingStore open(String path) {
    String file = path == null || path.isEmpty() ? System.getProperty("dx.bench.store", "") : path;
    if (file.isEmpty()) {
      return SyntheticStore.create(SyntheticStore.GLOVE_V, SyntheticStore.GLOVE_D, SYNTHETIC_SEED);
    }
    return EmbeddingStore.open(Path.of(file));
  }

  /**
   * @param kernel "simd" (this machine's width and block, one thread per available processor),
   *     "simd-QxR-BITS" (a forced block and width, e.g. "simd-4x3-256"), "simd-pruned" or
   *     "simd-pruned-LEAD" (leading coordinates, e.g. "simd-pruned-64"), "nd4j" or "brute"
   * @param store the embedding
   * @return the index over it
   * @throws InvalidParameterException for another kernel name
   */
  static NearestNeighbourIndex index(String kernel, EmbeddingStore store) {
    int threads = Runtime.getRuntime().availableProcessors();
    if (kernel.startsWith("simd-pruned")) {
      int lead =
          kernel.equals("simd-pruned")
              ? PrunedExactIndex.DEFAULT_LEAD
              : Integer.parseInt(kernel.substring("simd-pruned-".length()));
      return new PrunedExactIndex(store, threads, lead);
    }
    if (kernel.matches("simd-[0-9]x[0-9]-[0-9]+")) {
      String[] parts = kernel.split("-");
      return new SimdExactIndex(
          store,
          threads,
          SimdConfiguration.forced(Integer.parseInt(parts[2]), BlockShape.fromName(parts[1])));
    }
    switch (kernel) {
      case "simd":
        return new SimdExactIndex(store, Runtime.getRuntime().availableProcessors());
      case "nd4j":
        return new Nd4jExactIndex(store);
      case "brute":
        return new BruteForceIndex(store);
      default:
        throw new InvalidParameterException(
            "kernel must be simd, simd-QxR-BITS, simd-pruned, simd-pruned-LEAD, nd4j or brute");
    }
  }
}
