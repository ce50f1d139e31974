package io.dxrewrite.calibration;

import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.random.RandomSources;
import io.dxrewrite.random.StreamPurpose;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A public, frequency-weighted sample of vocabulary words: the stand-in for "the words of a
 * typical text" in the text-level N_w target. The store's rows are in frequency order (GloVe's
 * vocabulary is sorted by corpus count), so Zipf's law gives the prior p(rank r) = (1/r) / H_V for
 * r = 1..V, with H_V the V-th harmonic number (Zipf, "Human Behavior and the Principle of Least
 * Effort", 1949; the exponent 1 is the classical fit for English word frequencies). The sample
 * depends only on the vocabulary size and a seed, never on user text.
 */
public final class ZipfWordSample {
  private ZipfWordSample() {}

  /**
   * Draws word ids independently, with replacement, from the Zipf prior.
   *
   * @param vocabularySize V, the number of rows of the store, {@code >= 1}
   * @param count number of draws, {@code >= 1}
   * @param seed seed of the sample (through {@link StreamPurpose#SAMPLING}); the sample is public
   * @return {@code int[count]} row ids in [0, V), id r - 1 having probability (1/r) / H_V
   * @throws io.dxrewrite.error.InvalidParameterException if V or count is below 1
   */
  public static int[] sample(int vocabularySize, int count, long seed) {
    DxPreconditions.checkAtLeast("vocabulary size", vocabularySize, 1);
    DxPreconditions.checkAtLeast("--words", count, 1);
    double[] cumulative = cumulative(vocabularySize);
    RandomGenerator random = RandomSources.seeded(seed, StreamPurpose.SAMPLING, 0);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      double u = random.nextDouble() * cumulative[vocabularySize - 1];
      int at = Arrays.binarySearch(cumulative, u);
      // binarySearch gives -(insertion point) - 1 when u is not a stored value: the first
      // index whose cumulative weight exceeds u
      out[i] = Math.min(at >= 0 ? at + 1 : -at - 1, vocabularySize - 1);
    }
    return out;
  }

  /**
   * @param vocabularySize V
   * @param id row id in [0, V)
   * @return the prior probability of row {@code id}: (1 / (id + 1)) / H_V
   */
  public static double probability(int vocabularySize, int id) {
    return 1.0 / (id + 1) / cumulative(vocabularySize)[vocabularySize - 1];
  }

  /** Partial sums of 1/r, r = 1..V: {@code double[V]}, entry r - 1 = H_r. */
  private static double[] cumulative(int vocabularySize) {
    double[] c = new double[vocabularySize];
    double sum = 0;
    for (int r = 1; r <= vocabularySize; r++) {
      sum += 1.0 / r;
      c[r - 1] = sum;
    }
    return c;
  }
}
