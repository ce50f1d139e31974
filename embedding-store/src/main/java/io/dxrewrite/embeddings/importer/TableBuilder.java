package io.dxrewrite.embeddings.importer;

import io.dxrewrite.embeddings.EmbeddingTable;
import io.dxrewrite.embeddings.ImportedWord;
import io.dxrewrite.error.StoreFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every word and vector of an import file and keeps the first {@code maxWords} of them, in
 * order. The whole file is checked even past the limit, so that a file is accepted or refused
 * whatever limit is asked for.
 *
 * <p>Refused, naming the file and the line or record ({@code where}), never the word: a word
 * refused by {@link ImportedWord#check} (empty, whitespace only, a control character), a word that
 * repeats an earlier one (a store maps each word to one vector, and keeping either silently drops
 * the other), and a component that is not finite.
 */
final class TableBuilder {
  private final Path file;
  private final int dimension;
  private final int maxWords;
  private final List<String> words = new ArrayList<>();
  private final Map<String, String> firstSeen = new HashMap<>();
  private float[] vectors;

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

  /**
   * Checks a word and its vector {@code values[from..from+d)}, and keeps them while fewer than
   * {@code maxWords} are kept.
   *
   * @throws StoreFormatException if the word or a value is refused (see the class comment)
   */
  void add(String word, float[] values, int from, String where) {
    checkWord(file, word, where);
    for (int j = 0; j < dimension; j++) {
      if (!Float.isFinite(values[from + j])) {
        throw new StoreFormatException(file, where + ": component " + j + " is not finite");
      }
    }
    String earlier = firstSeen.putIfAbsent(word, where);
    if (earlier != null) {
      throw new StoreFormatException(file, where + ": the word repeats the word of " + earlier);
    }
    int n = words.size();
    if (n >= maxWords) {
      return;
    }
    if ((n + 1) * dimension > vectors.length) {
      vectors = Arrays.copyOf(vectors, Math.max(vectors.length * 2, (n + 1) * dimension));
    }
    System.arraycopy(values, from, vectors, n * dimension, dimension);
    words.add(word);
  }

  /** The word rule of {@link ImportedWord#check}. */
  static void checkWord(Path file, String word, String where) {
    ImportedWord.check(file, word, where);
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
