package io.dxrewrite.embeddings;

/**
 * An embedding that gives every string a vector, not only the words of a fixed vocabulary: for a
 * word outside the vocabulary, phi(x) is built from its character n-grams (fastText; Bojanowski,
 * Grave, Joulin, Mikolov, "Enriching Word Vectors with Subword Information", TACL 2017, eq. 2 and
 * section 3.1: the average of the vectors of the word's n-grams). Since phi is then a fixed public
 * function of the string, the d_X-privacy guarantee {@code epsilon * ||phi(x) - phi(x')||} holds for
 * every pair of strings.
 *
 * <p>Implementations are thread-safe.
 */
public interface SubwordEmbedding {
  /**
   * @return d, the number of components per vector
   */
  int dimension();

  /**
   * Writes phi(word) into {@code dst[offset .. offset+d)}: the word's own vector averaged with its
   * n-gram vectors when the word is in the model's vocabulary, the average of its n-gram vectors
   * otherwise.
   *
   * @param word any non-empty string (case as given: callers lower-case it first if the model was
   *     trained on lower-case text)
   * @param dst destination array
   * @param offset first index written
   * @throws IllegalStateException if the embedding was closed
   * @throws IndexOutOfBoundsException if the destination range is out of bounds
   */
  void vector(String word, float[] dst, int offset);

  /**
   * @param word any non-empty string
   * @return phi(word), {@code float[d]}
   * @throws IllegalStateException if the embedding was closed
   */
  default float[] vector(String word) {
    float[] out = new float[dimension()];
    vector(word, out, 0);
    return out;
  }
}
