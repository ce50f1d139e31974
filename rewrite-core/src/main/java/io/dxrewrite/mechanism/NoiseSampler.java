package io.dxrewrite.mechanism;

import java.util.random.RandomGenerator;

/**
 * Additive noise for the noisy-vector mechanisms (CMP, Mahalanobis, Vickrey): draws one noise
 * vector and adds it to a point. Implementations are immutable and thread-safe.
 */
public interface NoiseSampler {
  /**
   * @return d, the dimension of the noise
   */
  int dimension();

  /**
   * @return epsilon per word
   */
  double epsilon();

  /**
   * @return the Euclidean-equivalent epsilon per word of this noise (see {@link
   *     Mechanism#euclideanEpsilon()}); {@link #epsilon()} for isotropic noise
   */
  default double euclideanEpsilon() {
    return epsilon();
  }

  /**
   * Writes {@code points[offset..offset+d) + noise} to {@code out[outOffset..outOffset+d)}.
   *
   * @param random source of randomness
   * @param points source array, {@code float[n*d]} row-major
   * @param offset index of the point's first component
   * @param out destination array (may equal {@code points})
   * @param outOffset index of the first component written
   * @param scratch {@code double[d]} scratch space
   */
  void addNoise(
      RandomGenerator random, float[] points, int offset, float[] out, int outOffset, double[] scratch);

  /**
   * Adds independent noise to every point of a batch. Words that share a generator draw from it
   * in batch order (so seeded output is reproducible); words with different generators are
   * independent and are processed in parallel on the common fork-join pool when the batch is
   * large.
   *
   * @param batch the words, their points and randomness
   * @return the noisy points, {@code float[n*d]} row-major
   */
  default float[] perturbAll(WordBatch batch) {
    int n = batch.size();
    int d = batch.dimension();
    float[] noisy = new float[n * d];
    java.util.List<int[]> groups = NoiseGroups.byGenerator(batch.randomness());
    if (groups.size() == 1 || n < NoiseGroups.PARALLEL_THRESHOLD) {
      double[] scratch = new double[d];
      for (int i = 0; i < n; i++) {
        addNoise(batch.randomness()[i], batch.points(), i * d, noisy, i * d, scratch);
      }
      return noisy;
    }
    groups.parallelStream()
        .forEach(
            group -> {
              double[] scratch = new double[d];
              for (int i : group) {
                addNoise(batch.randomness()[i], batch.points(), i * d, noisy, i * d, scratch);
              }
            });
    return noisy;
  }
}
