package io.dxrewrite.embeddings.importer;

import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.error.StoreFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Accumulates distinct words and their vectors, in order, up to a word limit. */
final class TableBuilder {
  private final Path file;
  private final int dimension;
  private final int maxWords;
  private final List<String> words = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private float[] vectors;
  private int duplicates;

  TableBuilder(Path file, int dimension, int maxWords) {
    if (dimension <= 0) {
      throw new StoreFormatException(file, "dimension must be > 0, got " + dimension);
    }
    this.file = file;
    this.dimension = dimension;
    this.maxWords = maxWords;
    this.vectors = new float[dimension * 1024];
  }

  int dimension() {
    return dimension;
  }

  boolean full() {
    return words.size() >= maxWords;
  }

  /** Adds a word; values[from..from+d) must be finite. Returns false for a repeated word. */
  boolean add(String word, float[] values, int from, String where) {
    if (word.isEmpty()) {
      throw new StoreFormatException(file, where + ": empty word");
    }
    for (int j = 0; j < dimension; j++) {
      if (!Float.isFinite(values[from + j])) {
        throw new StoreFormatException(file, where + ": component " + j + " is not finite");
      }
    }
    if (!seen.add(word)) {
      duplicates++;
      return false;
    }
    int n = words.size();
    if ((n + 1) * dimension > vectors.length) {
      vectors = Arrays.copyOf(vectors, Math.max(vectors.length * 2, (n + 1) * dimension));
    }
    System.arraycopy(values, from, vectors, n * dimension, dimension);
    words.add(word);
    return true;
  }

  int duplicates() {
    return duplicates;
  }

  EmbeddingTable build(String source) {
    if (words.isEmpty()) {
      throw new StoreFormatException(file, "contains no word vectors");
    }
    int n = words.size();
    return new EmbeddingTable(
        words.toArray(String[]::new), Arrays.copyOf(vectors, n * dimension), dimension, source);
  }
}
