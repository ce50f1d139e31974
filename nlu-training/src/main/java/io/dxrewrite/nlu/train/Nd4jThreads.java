package io.dxrewrite.nlu.train;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J thread settings for training. The classifier's matrices are small (B x 100 by 100 x 128),
 * where ND4J's OpenMP threads cost more than they save, and on a loaded machine their spin-waits
 * made every op 10-100x slower in our measurements. Training therefore runs ND4J single-threaded.
 */
public final class Nd4jThreads {
  private Nd4jThreads() {}

  /** Limits ND4J's native ops in this process to one thread. */
  public static void useOne() {
    Nd4j.getEnvironment().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxMasterThreads(1);
  }
}
