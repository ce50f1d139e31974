package io.dxrewrite.mechanism;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The words of one or many records, as handed to a {@link Mechanism}.
 *
 * @param ids {@code int[n]}: the vocabulary id of each input word, or {@link #UNK} when the word
 *     is out of vocabulary and is perturbed from a public point
 * @param points {@code float[n*d]}, row-major: the embedding phi(w) of each word (for {@link
 *     #UNK} entries the public out-of-vocabulary point, or the word's own subword vector)
 * @param dimension d
 * @param randomness {@code n} generators, one per word; words of the same record share one
 */
public record WordBatch(int[] ids, float[] points, int dimension, RandomGenerator[] randomness) {
  /** Id of a word perturbed from the public out-of-vocabulary point. */
  public static final int UNK = -1;

  /**
   * @throws IllegalArgumentException if the array lengths disagree
   */
  public WordBatch {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(randomness, "randomness");
    if ((long) ids.length * dimension != points.length || randomness.length != ids.length) {
      throw new IllegalArgumentException(
          "batch of " + ids.length + " words needs points of length n*d = " + ids.length + "*"
              + dimension + " and one generator per word");
    }
  }

  /**
   * @return n, the number of words
   */
  public int size() {
    return ids.length;
  }
}
