package io.dxrewrite.mechanism;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Splits a batch's words by the generator they draw from: each group keeps batch order (one
 * generator is never used by two threads, and a seeded record's words draw in word order), and
 * different groups are independent, so they can run in parallel.
 */
final class NoiseGroups {
  /** Batches with fewer words than this are perturbed on the calling thread. */
  static final int PARALLEL_THRESHOLD = 512;

  private NoiseGroups() {}

  /**
   * @param randomness {@code RandomGenerator[n]}, one entry per word (entries may repeat)
   * @return the word indices of each distinct generator (by identity), in first-use order, each
   *     group in increasing index order
   */
  static List<int[]> byGenerator(RandomGenerator[] randomness) {
    Map<RandomGenerator, int[]> counts = new IdentityHashMap<>();
    List<RandomGenerator> order = new ArrayList<>();
    for (RandomGenerator g : randomness) {
      int[] c = counts.get(g);
      if (c == null) {
        counts.put(g, new int[] {1});
        order.add(g);
      } else {
        c[0]++;
      }
    }
    Map<RandomGenerator, int[]> groups = new IdentityHashMap<>();
    Map<RandomGenerator, int[]> fill = new IdentityHashMap<>();
    for (RandomGenerator g : order) {
      groups.put(g, new int[counts.get(g)[0]]);
      fill.put(g, new int[1]);
    }
    for (int i = 0; i < randomness.length; i++) {
      int[] f = fill.get(randomness[i]);
      groups.get(randomness[i])[f[0]++] = i;
    }
    List<int[]> out = new ArrayList<>(order.size());
    for (RandomGenerator g : order) {
      out.add(groups.get(g));
    }
    return out;
  }
}
