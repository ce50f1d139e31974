package io.dxrewrite.mechanism;

import java.util.random.RandomGenerator;

/**
 * Draws TEM outputs for one input point: {@link TemSampler} (after a full scan, constant time) or
 * {@link TemNeighbourhoodSampler} (from the nearest words, by rejection). Immutable, thread-safe.
 */
interface TemDraw {
  /**
   * @param random randomness of this occurrence
   * @return the output vocabulary id
   */
  int sample(RandomGenerator random);

  /**
   * @return approximate heap bytes held, for the cache budget
   */
  long bytes();
}
