package io.dxrewrite.bench.jmh;

import io.dxrewrite.embeddings.EmbeddingStore;
import io.dxrewrite.embeddings.EmbeddingStoreWriter;
import io.dxrewrite.embeddings.EmbeddingTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A seeded synthetic store of the full GloVe shape, for machines without the real one: V = 341,479
 * words ("w0", "w1", ...), d = 100, components N(0, 0.4^2) so that vector norms (about 4) and the
 * noise radius of 10 relate roughly as they do for GloVe 6B 100d (mean norm 4.0).
 */
public final class SyntheticStore {
  /** Words in the full GloVe 6B 100d vocabulary. */
  public static final int GLOVE_V = 341_479;
  /** Components per GloVe 6B 100d vector. */
  public static final int GLOVE_D = 100;

  private SyntheticStore() {}

  /**
   * Writes the store to a new temporary file (about 140 MB; deleted when the JVM exits) and opens
   * it.
   *
   * @param v number of words, {@code >= 1}
   * @param d dimension, {@code >= 1}
   * @param seed seed of the components
   * @return the opened store
   * @throws UncheckedIOException if the temporary file cannot be created
   */
  public static EmbeddingStore create(int v, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] words = new String[v];
    for (int i = 0; i < v; i++) {
      words[i] = "w" + i;
    }
    float[] vectors = new float[v * d];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = (float) (0.4 * random.nextGaussian());
    }
    try {
      Path file = Files.createTempFile("dx-rewrite-jmh-", ".dxemb");
      file.toFile().deleteOnExit();
      EmbeddingStoreWriter.write(
          new EmbeddingTable(words, vectors, d, "synthetic N(0, 0.4^2), seed " + seed), file);
      return EmbeddingStore.open(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary store for the benchmark", e);
    }
  }
}
