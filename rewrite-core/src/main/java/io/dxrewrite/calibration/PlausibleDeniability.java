package io.dxrewrite.calibration;

import io.dxrewrite.random.StreamPurpose;
import io.dxrewrite.progress.ProgressListener;
import io.dxrewrite.error.DxPreconditions;
import io.dxrewrite.mechanism.Mechanism;
import io.dxrewrite.mechanism.MechanismContext;
import io.dxrewrite.mechanism.MechanismParameters;
import io.dxrewrite.mechanism.Mechanisms;
import io.dxrewrite.mechanism.WordBatch;
import io.dxrewrite.random.RandomSources;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Monte Carlo estimates of the plausible-deniability statistics N_w and S_w (Feyisetan et al.,
 * WSDM 2020, Sec. 5.2) for a mechanism at a given epsilon.
 *
 * <p>Trial j of word i always draws from the stream (seed, i * trials + j), whatever epsilon:
 * estimates at different epsilons use common random numbers, so curves over epsilon are smooth and,
 * for CMP and Mahalanobis, N_w is exactly monotone in epsilon (a word's Voronoi cell is convex and
 * contains it, and the noise ray is the same with a radius scaled by 1/epsilon).
 */
public final class PlausibleDeniability {
  private static final int CHUNK_WORDS = 64;

  private PlausibleDeniability() {}

  /**
   * Samples word ids uniformly without replacement.
   *
   * @param vocabularySize V
   * @param count words to draw, at most V
   * @param seed seed of the sample (the sample is public: it is drawn from the vocabulary only)
   * @return {@code int[count]} distinct ids
   */
  public static int[] sampleWords(int vocabularySize, int count, long seed) {
    DxPreconditions.checkArgument(
        count >= 1 && count <= vocabularySize,
        "--words must be in [1, " + vocabularySize + "], got " + count);
    SplittableRandom random = new SplittableRandom(seed);
    Set<Integer> chosen = new HashSet<>();
    int[] out = new int[count];
    int n = 0;
    while (n < count) {
      int id = random.nextInt(vocabularySize);
      if (chosen.add(id)) {
        out[n++] = id;
      }
    }
    return out;
  }

  /**
   * Runs the mechanism {@code trials} times on each word.
   *
   * @param context store, index and density data
   * @param mechanism mechanism name
   * @param parameters the mechanism's own parameters
   * @param epsilon epsilon per word
   * @param words word ids to test
   * @param trials runs per word, {@code >= 1}
   * @param seed seed of the common random numbers
   * @param listener progress in words done
   * @return N_w and S_w per word
   * @throws io.dxrewrite.error.InvalidParameterException if a parameter is out of range
   */
  public static DeniabilityEstimate estimate(
      MechanismContext context,
      String mechanism,
      MechanismParameters parameters,
      double epsilon,
      int[] words,
      int trials,
      long seed,
      ProgressListener listener) {
    DxPreconditions.checkAtLeast("--trials", trials, 1);
    Mechanism m = Mechanisms.create(mechanism, context, epsilon, parameters);
    int d = context.store().dimension();
    double[] unchanged = new double[words.length];
    int[] distinct = new int[words.length];
    for (int first = 0; first < words.length; first += CHUNK_WORDS) {
      int count = Math.min(CHUNK_WORDS, words.length - first);
      int n = count * trials;
      int[] ids = new int[n];
      float[] points = new float[n * d];
      RandomGenerator[] randomness = new RandomGenerator[n];
      for (int w = 0; w < count; w++) {
        int word = words[first + w];
        for (int j = 0; j < trials; j++) {
          int at = w * trials + j;
          ids[at] = word;
          context.store().copyVector(word, points, at * d);
          randomness[at] = RandomSources.seeded(
              seed, StreamPurpose.CALIBRATION, (long) (first + w) * trials + j);
        }
      }
      int[] out = m.perturb(new WordBatch(ids, points, d, randomness));
      for (int w = 0; w < count; w++) {
        int word = words[first + w];
        Set<Integer> outputs = new HashSet<>();
        int same = 0;
        for (int j = 0; j < trials; j++) {
          int y = out[w * trials + j];
          outputs.add(y);
          if (y == word) {
            same++;
          }
        }
        unchanged[first + w] = (double) same / trials;
        distinct[first + w] = outputs.size();
      }
      listener.progress(first + count, words.length);
    }
    return new DeniabilityEstimate(m.name(), epsilon, words.clone(), trials, unchanged, distinct);
  }
}
