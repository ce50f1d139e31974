package io.dxrewrite.embeddings;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small synthetic stores for tests (real data lives in {@link DefaultEmbeddings}). */
public final class StoreFixtures {
  private StoreFixtures() {}

  /**
   * @param dir folder for the file
   * @param words vocabulary
   * @param d dimension
   * @param seed seed for the Gaussian vectors
   * @return an opened store with N(0,1) components
   */
  public static EmbeddingStore gaussianStore(Path dir, String[] words, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] vectors = new float[words.length * d];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = (float) random.nextGaussian();
    }
    return store(dir, new EmbeddingTable(words, vectors, d, "synthetic test vectors"));
  }

  /**
   * @param dir folder for the file
   * @param table the embedding
   * @return the table written and opened as a store
   */
  public static EmbeddingStore store(Path dir, EmbeddingTable table) {
    Path file = dir.resolve("fixture-" + System.nanoTime() + ".dxemb");
    EmbeddingStoreWriter.write(table, file);
    return EmbeddingStore.open(file);
  }

  /**
   * @param n number of words
   * @return "w0", "w1", ...
   */
  public static String[] words(int n) {
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = "w" + i;
    }
    return words;
  }
}
