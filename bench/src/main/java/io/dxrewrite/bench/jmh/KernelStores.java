package io.dxrewrite.bench.jmh;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.error.InvalidParameterException;
import io.dxrewrite.nn.BruteForceIndex;
import io.dxrewrite.nn.Nd4jExactIndex;
import io.dxrewrite.nn.NearestNeighbourIndex;
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
   * @param kernel "simd" (one thread per available processor), "nd4j" or "brute"
   * @param store the embedding
   * @return the index over it
   * @throws InvalidParameterException for another kernel name
   */
  static NearestNeighbourIndex index(String kernel, EmbeddingStore store) {
    switch (kernel) {
      case "simd":
        return new SimdExactIndex(store, Runtime.getRuntime().availableProcessors());
      case "nd4j":
        return new Nd4jExactIndex(store);
      case "brute":
        return new BruteForceIndex(store);
      default:
        throw new InvalidParameterException("kernel must be simd, nd4j or brute");
    }
  }
}
